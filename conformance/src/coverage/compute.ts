/**
 * Coverage of instructions and spec anchors by passing fixtures. An instruction is covered when a
 * passing fixture executes it (runtime-only instructions: when it appears in a passing fixture's
 * program text); an anchor when a passing fixture cites it or executes its op-<NAME> instruction.
 * Pure: runs in, table out.
 */
import type { Anchor } from '../fixtures/anchors';
import { opsInProgram } from '../fixtures/program-ops';
import type { RunRecord } from '../run/run-all';
import type { InstructionInfo } from '../run/vm';

export interface CoverageRow {
  readonly name: string;
  readonly fixtures: readonly string[];
}

export interface AnchorRow extends CoverageRow {
  readonly file: string;
  readonly informative: boolean;
}

export interface Coverage {
  readonly instructions: readonly CoverageRow[];
  readonly anchors: readonly AnchorRow[];
  readonly uncovered: { readonly instructions: readonly string[]; readonly anchors: readonly string[] };
  /** Fixtures that did not pass and so count for nothing. */
  readonly notPassing: readonly string[];
}

export function computeCoverage(
  instructions: readonly InstructionInfo[],
  anchors: ReadonlyMap<string, Anchor>,
  runs: readonly RunRecord[],
): Coverage {
  const byOp = new Map<string, string[]>(instructions.map((i) => [i.name, []]));
  const byAnchor = new Map<string, string[]>([...anchors.keys()].map((a) => [a, []]));
  const byPresence = new Set(instructions.filter((i) => i.coveredByPresence).map((i) => i.name));
  const notPassing: string[] = [];
  for (const r of runs) {
    const id = r.fixture.data.id;
    if (r.status !== 'pass') {
      notPassing.push(id);
      continue;
    }
    const ops = new Set(r.executedOps ?? []);
    for (const op of opsInProgram(r.fixture.data.program, byPresence)) ops.add(op);
    const cited = new Set(r.fixture.data.spec);
    for (const op of ops) {
      byOp.get(op)?.push(id);
      cited.add(`op-${op}`);
    }
    for (const a of cited) byAnchor.get(a)?.push(id);
  }
  const rows = (m: Map<string, string[]>) => [...m].map(([name, ids]) => ({ name, fixtures: [...new Set(ids)].sort() }));
  const instructionRows = rows(byOp);
  const anchorRows = rows(byAnchor).map((row) => {
    const a = anchors.get(row.name);
    return { ...row, file: a?.file ?? '', informative: a?.informative ?? false };
  });
  return {
    instructions: instructionRows,
    anchors: anchorRows,
    uncovered: {
      instructions: instructionRows.filter((r) => r.fixtures.length === 0).map((r) => r.name),
      anchors: anchorRows.filter((r) => r.fixtures.length === 0 && !r.informative).map((r) => r.name),
    },
    notPassing,
  };
}
