/**
 * The executor-edge measure: certify the superblock sample in stress mode over the passing
 * fixtures with the edge recorder watching the oracle, then hold what executors ran against the
 * derived universe, per instruction and variant.
 * @spec #executor-edges-measure
 */
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { certifyFixture, DEFAULT_CERTIFY_OPTIONS } from '../certify/certify-fixture';
import { setStepObserver } from '../certify/lockstep';
import type { Fixture } from '../fixtures/types';
import type { Vm } from '../run/vm';
import { EdgeRecorder } from './edge-recorder';
import { deriveUniverse, edgeExclusion, edgeKey, EXCLUSIONS, type Edge, type Exclusions, type Universe } from './edges';

/** The sample whose executors the measure watches. @spec #executor-edges */
export const MEASURED_SAMPLE = 'superblock';

export interface EdgeRow {
  readonly instruction: string;
  readonly variant: string;
  readonly total: number;
  readonly inside: number;
  readonly afterTransition: number;
  /** Edges not run inside an executor at all. */
  readonly missing: readonly Edge[];
  /** Edges run inside an executor, but never after another class combination there. */
  readonly missingAfterTransition: readonly Edge[];
  readonly justified: number;
  /**
   * False when the universe has one class combination for this instruction (UNARY_NOT: always a
   * bool): no other combination can come first, so the second column counts the first.
   */
  readonly transitions: boolean;
}

export interface ExecutorEdges {
  readonly sample: string;
  /** Fixtures certified / passed (only passing certifications count). */
  readonly certified: number;
  readonly passed: number;
  readonly failed: readonly string[];
  readonly rows: readonly EdgeRow[];
  readonly total: number;
  readonly inside: number;
  readonly afterTransition: number;
  readonly justified: Universe['justified'];
  readonly outside: Universe['outside'];
  /** Edges executors ran that the universe does not hold (classes outside it, or outcomes it never saw). */
  readonly unexpected: readonly { readonly edge: Edge; readonly fixture: string }[];
}

/** Certify every fixture with the sample under the recorder; only passing certifications count. */
export function recordExecutorEdges(vm: Vm, fixtures: readonly Fixture[], makeSample: () => Optimizer): { recorder: EdgeRecorder; passed: number; failed: string[] } {
  const recorder = new EdgeRecorder();
  const failed: string[] = [];
  let passed = 0;
  setStepObserver(recorder.observer);
  try {
    for (const f of fixtures) {
      recorder.begin(f.data.id);
      let ok = false;
      try {
        const verdict = certifyFixture(vm, f, makeSample, DEFAULT_CERTIFY_OPTIONS);
        ok = verdict.status === 'pass';
        if (ok) passed++;
        else if (verdict.status !== 'skip') failed.push(f.data.id);
      } finally {
        recorder.end(ok);
      }
    }
  } finally {
    setStepObserver(null);
  }
  return { recorder, passed, failed };
}

export function measureExecutorEdges(
  universe: Universe,
  recorder: EdgeRecorder,
  certified: number,
  passed: number,
  failed: readonly string[],
  exclusions: Exclusions = EXCLUSIONS,
): ExecutorEdges {
  const rows = new Map<string, { instruction: string; variant: string; edges: Edge[]; justified: number }>();
  const rowOf = (instruction: string, variant: string) => {
    const k = `${instruction} ${variant}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { instruction, variant, edges: [], justified: 0 }));
    return r;
  };
  for (const e of universe.edges) rowOf(e.instruction, e.variant).edges.push(e);
  for (const j of universe.justified) rowOf(j.edge.instruction, j.edge.variant).justified++;
  const known = new Set(universe.edges.map(edgeKey));
  const out: EdgeRow[] = [...rows.values()].map((r) => {
    const missing = r.edges.filter((e) => !recorder.inside.has(edgeKey(e)));
    const combos = new Set(r.edges.map((e) => e.classes.join()));
    const transitions = combos.size + r.justified > 1;
    const missingAfterTransition = transitions ? r.edges.filter((e) => recorder.inside.has(edgeKey(e)) && !recorder.afterTransition.has(edgeKey(e))) : [];
    return {
      instruction: r.instruction,
      variant: r.variant,
      total: r.edges.length,
      inside: r.edges.length - missing.length,
      afterTransition: r.edges.length - missing.length - missingAfterTransition.length,
      missing,
      missingAfterTransition,
      justified: r.justified,
      transitions,
    };
  });
  const unexpected = [...recorder.inside.entries()]
    .filter(([k, r]) => !known.has(k) && edgeExclusion(exclusions, r.edge) === undefined)
    .map(([, r]) => r)
    .sort((a, b) => edgeKey(a.edge).localeCompare(edgeKey(b.edge)));
  const sum = (f: (r: EdgeRow) => number) => out.reduce((s, r) => s + f(r), 0);
  return {
    sample: MEASURED_SAMPLE,
    certified,
    passed,
    failed,
    rows: out,
    total: sum((r) => r.total),
    inside: sum((r) => r.inside),
    afterTransition: sum((r) => r.afterTransition),
    justified: universe.justified,
    outside: universe.outside,
    unexpected,
  };
}

/** Gaps that fail `optcert coverage`: an edge missing from either column. */
export const edgeGaps = (m: ExecutorEdges): number => m.total - m.afterTransition;

export function computeExecutorEdges(vm: Vm, fixtures: readonly Fixture[]): ExecutorEdges {
  const make = vm.sampleOptimizers[MEASURED_SAMPLE];
  if (!make) throw new Error(`internal: the ${MEASURED_SAMPLE} sample optimizer is missing`);
  const universe = deriveUniverse();
  const { recorder, passed, failed } = recordExecutorEdges(vm, fixtures, make);
  return measureExecutorEdges(universe, recorder, fixtures.length, passed, failed);
}
