/**
 * Records the semantic edges executors run, through the advance-N oracle's step observer: each
 * measured instruction the oracle steps for an executor, the classes of its operands, its outcome,
 * and whether an executor entered at the same hotspot had run that instruction with another class
 * combination before (a transition).
 * @spec #executor-edges-measure
 */
import type { Frame } from '../../../reference/src/interp/frame';
import type { Vm } from '../../../reference/src/interp/vm';
import { originalArg, originalOp } from '../../../reference/src/isa/code-view';
import type { PyException } from '../../../reference/src/runtime/values';
import type { StepObserver } from '../certify/lockstep';
import { classify, comboKey, edgeKey, MEASURED_BY_OPCODE, type Edge } from './edges';

interface Step {
  readonly frame: Frame;
  /** Where the executor was entered, and the instruction: transitions are counted per pair. */
  readonly site: string;
  readonly instruction: string;
  readonly variant: string;
  readonly classes: readonly string[];
  outcome: string;
}

export interface RecordedEdge {
  readonly edge: Edge;
  /** The first fixture that ran it inside an executor. */
  readonly fixture: string;
}

export class EdgeRecorder {
  /** Edge key -> the first fixture that covered it; after a transition, likewise. */
  readonly inside = new Map<string, RecordedEdge>();
  readonly afterTransition = new Map<string, RecordedEdge>();
  /** Measured instructions stepped inside executors, over all passing fixtures. */
  steps = 0;

  private pending: Step | null = null;
  private fixture: { id: string; seen: Map<string, Set<string>>; inside: Map<string, Edge>; after: Map<string, Edge>; steps: number } | null = null;

  /** The observer to install with setStepObserver while fixtures are certified. */
  readonly observer: StepObserver = (reference: Vm) => {
    this.flush();
    const entry = reference.frame;
    if (entry === null || this.fixture === null) return null;
    const at = `${entry.code.name}@${entry.ip}`;
    // The oracle's copy is its own: shadowing its unwind tells when the stepped instruction raises
    // (an exception routed while a nested run has another innermost frame is not the step's).
    const unwind = reference.unwind;
    reference.unwind = (exc: PyException): void => {
      const p = this.pending;
      if (p !== null && reference.frame === p.frame && p.outcome === 'ok') p.outcome = exc.type.name;
      unwind.call(reference, exc);
    };
    return (frame: Frame) => {
      this.flush();
      this.pending = this.describe(frame, at);
    };
  };

  private describe(frame: Frame, at: string): Step | null {
    const ip = frame.ip;
    const m = MEASURED_BY_OPCODE.get(originalOp(frame.code, ip));
    if (m === undefined) return null;
    const variant = m.variantOf(originalArg(frame.code, ip));
    if (variant === undefined) return null;
    const stack = frame.stack;
    const classes = m.depths.map((d) => classify(stack[stack.length - d]));
    return { frame, site: `${at} ${frame.code.name}@${ip}`, instruction: m.name, variant, classes, outcome: 'ok' };
  }

  /** Count the last stepped instruction (its outcome is known once the oracle moved on). */
  private flush(): void {
    const p = this.pending;
    this.pending = null;
    const f = this.fixture;
    if (p === null || f === null) return;
    f.steps++;
    const edge: Edge = { instruction: p.instruction, variant: p.variant, classes: p.classes, outcome: p.outcome };
    const key = edgeKey(edge);
    f.inside.set(key, edge);
    const combo = comboKey(p.instruction, p.variant, p.classes);
    const seen = f.seen.get(p.site);
    if (seen === undefined) f.seen.set(p.site, new Set([combo]));
    else {
      if (seen.size > 1 || !seen.has(combo)) f.after.set(key, edge);
      seen.add(combo);
    }
  }

  /** Start recording a fixture's certification (a fresh VM: transitions start over). */
  begin(id: string): void {
    this.pending = null;
    this.fixture = { id, seen: new Map(), inside: new Map(), after: new Map(), steps: 0 };
  }

  /** End it: its edges count only when the candidate passed the fixture. */
  end(passed: boolean): void {
    this.flush();
    const f = this.fixture;
    this.fixture = null;
    if (f === null || !passed) return;
    this.steps += f.steps;
    for (const [k, edge] of f.inside) if (!this.inside.has(k)) this.inside.set(k, { edge, fixture: f.id });
    for (const [k, edge] of f.after) if (!this.afterTransition.has(k)) this.afterTransition.set(k, { edge, fixture: f.id });
  }
}
