/**
 * The advance-N oracle: from a copy of the state at executor entry, step the reference
 * interpreter until its state equals the state the executor left, within a step budget.
 * @spec #certify-advance-n
 */
import type { Frame } from '../../../reference/src/interp/frame';
import type { Code } from '../../../reference/src/isa/code';
import type { Vm } from '../../../reference/src/interp/vm';
import { repr } from '../../../reference/src/runtime/repr';
import { PyException, type PyValue } from '../../../reference/src/runtime/values';
import { compareStates, type StateDifference } from '../../../reference/src/state/compare';
import { framesOutermostFirst } from '../../../reference/src/state/frames';
import { snapshot, type StateSnapshot } from '../../../reference/src/state/snapshot';
import type { IdentifiedCopy } from '../../../reference/src/state/clone';
import { NEW_OBJECT, sameOutput, sameTokens, stateTokens, type Identity, type Token } from '../../../reference/src/state/tokens';
import { samePairedStates, type PairedIdentity } from '../../../reference/src/state/paired';

export type AdvanceResult =
  /** `escaped`: the exception the interpreter let out of every frame on its way to the match. */
  | { readonly ok: true; readonly n: number; readonly escaped: PyException | null }
  | { readonly ok: false; readonly closestN: number; readonly difference: StateDifference };

/**
 * Where each chain of frames stands (code, ip, stack depth) and how many characters were printed:
 * equal states stand in the same place. Cheap, because it runs after every step of the oracle.
 */
export function samePosition(a: Vm, b: Vm): boolean {
  return sameInnermostIp(a, b) && a.depth === b.depth && sameChains(a, b, true) && printedLength(a) === printedLength(b);
}

/**
 * The innermost frames stand at the same instruction (or there are none): what the oracle's state
 * fails at almost every step, read without walking anything. sameChains implies it.
 */
function sameInnermostIp(a: Vm, b: Vm): boolean {
  const x = a.frame;
  const y = b.frame;
  return x === null ? y === null : y !== null && x.ip === y.ip;
}

/** Each chain's frames run the same code at the same ip (and, with `stacks`, at the same stack depth). */
function sameChains(a: Vm, b: Vm, stacks: boolean): boolean {
  if (a.suspendedChains.length !== b.suspendedChains.length) return false;
  // The running chain first: its innermost frame differs at almost every step, and then this costs nothing.
  if (!sameChain(a.frame, b.frame, stacks)) return false;
  for (let i = 0; i < a.suspendedChains.length; i++) if (!sameChain(a.suspendedChains[i]!, b.suspendedChains[i]!, stacks)) return false;
  return true;
}

function sameChain(x: Frame | null, y: Frame | null, stacks: boolean): boolean {
  for (; x && y; x = x.back, y = y.back) {
    if (x.ip !== y.ip || x.code.name !== y.code.name || (stacks && x.stack.length !== y.stack.length)) return false;
  }
  return x === null && y === null;
}

/** Where the positions first differ, with the snapshot's paths; null when they are the same. */
export function positionDifference(expected: Vm, actual: Vm): StateDifference | null {
  if (samePosition(expected, actual)) return null;
  const e = framesOutermostFirst(expected);
  const a = framesOutermostFirst(actual);
  for (let i = 0; i < Math.min(e.length, a.length); i++) {
    const [x, y] = [e[i]!, a[i]!];
    const frame = { path: `frames[${i}]`, code: x.code.name, varnames: x.code.varnames };
    if (x.code.name !== y.code.name) return { path: `frames[${i}].code`, expected: x.code.name, actual: y.code.name, frame };
    if (x.ip !== y.ip) return { path: `frames[${i}].ip`, expected: String(x.ip), actual: String(y.ip), frame };
    if (x.stack.length !== y.stack.length) return { path: `frames[${i}].stack.length`, expected: String(x.stack.length), actual: String(y.stack.length), frame };
  }
  if (e.length !== a.length) return { path: 'frames.length', expected: String(e.length), actual: String(a.length) };
  const out = (vm: Vm) => `${printedLength(vm)} characters printed`;
  if (printedLength(expected) !== printedLength(actual)) return { path: 'output', expected: out(expected), actual: out(actual) };
  if (expected.depth !== actual.depth) return { path: 'depth', expected: String(expected.depth), actual: String(actual.depth) };
  return { path: 'frames (nested runs)', expected: `${expected.suspendedChains.length + 1} chains`, actual: `${actual.suspendedChains.length + 1} chains` };
}

/** By output array (a copy of the state the oracle reuses gets a new one). */
const printed = new WeakMap<readonly string[], { writes: number; chars: number }>();

/**
 * How many characters a VM has printed. The state's output is the text, however it was split into
 * writes; output only grows, so the count is kept up to date from the writes added since last time.
 */
export function printedLength(vm: Vm): number {
  let p = printed.get(vm.output);
  if (!p || p.writes > vm.output.length) printed.set(vm.output, (p = { writes: 0, chars: 0 }));
  for (; p.writes < vm.output.length; p.writes++) p.chars += vm.output[p.writes]!.length;
  return p.chars;
}

/** Locals equal as values go without following objects (a heuristic for choosing what to report). */
function shallowEqualLocals(a: Frame | null, b: Frame | null): boolean {
  if (!a || !b || a.locals.length !== b.locals.length) return false;
  return a.locals.every((x, i) => {
    const y = b.locals[i];
    return x === y || (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && x.kind === y.kind);
  });
}

/**
 * How the oracle decides that two states are equal: 'direct' walks them side by side comparing the
 * commonest objects part by part in place (paired.ts, paired-parts.ts), 'paired' walks them side by
 * side through each object's token record, 'tokens' compares their whole token lists. The same
 * verdicts (paired-oracle.test.ts certifies corpus fixtures and mutants each way); the slower two
 * are kept as the references the faster walks are checked against.
 */
export type StateEquality = 'direct' | 'paired' | 'tokens';

let stateEquality: StateEquality = 'direct';

/** Choose how equal states are decided (tests compare the two); returns the previous choice. */
export function setStateEquality(e: StateEquality): StateEquality {
  const previous = stateEquality;
  stateEquality = e;
  return previous;
}

/**
 * Equal states, decided by their tokens; the snapshot comparison explains a difference (built only
 * when asked: for the state reported as closest).
 */
class Target {
  private tokens: Token[] | null = null;
  private snap: StateSnapshot | null = null;
  constructor(
    private readonly actual: Vm,
    private readonly identity: PairedIdentity | null,
  ) {}

  equal(reference: Vm): boolean {
    if (!sameOutput(reference, this.actual)) return false;
    if (stateEquality !== 'tokens') return samePairedStates(reference, this.actual, this.identity, stateEquality === 'direct');
    this.tokens ??= stateTokens(this.actual, this.identity?.live ?? null);
    return sameTokens(stateTokens(reference, this.identity?.reference ?? null), this.tokens);
  }

  /** Where the reference's state first differs from the executor's; null if nowhere. */
  difference(reference: Vm): StateDifference | null {
    this.snap ??= snapshot(this.actual);
    const d = compareStates(snapshot(reference), this.snap);
    return d ?? codeDifference(reference, this.actual) ?? (this.identity ? identityDifference(reference, this.actual, this.identity) : null);
  }
}

/**
 * Equal snapshots, different code: a frame that runs another code object than the interpreter's
 * (an equal-named one), or instruction arrays that are not its code object's; a function whose
 * code object was swapped for an equal-named one.
 * @spec #state-identity
 */
export function codeDifference(reference: Vm, actual: Vm): StateDifference | null {
  const e = framesOutermostFirst(reference);
  const a = framesOutermostFirst(actual);
  for (let i = 0; i < Math.min(e.length, a.length); i++) {
    const [x, y] = [e[i]!, a[i]!];
    if (x.code !== y.code) return { path: `frames[${i}].code (identity)`, expected: `the run's code object ${x.code.name}`, actual: `another code object named ${y.code.name}` };
    if (y.ops !== y.code.ops || y.args !== y.code.args) return { path: `frames[${i}].ops`, expected: `the instructions of ${y.code.name}`, actual: 'other instruction arrays' };
  }
  const want = stateTokens(reference);
  const got = stateTokens(actual);
  for (let i = 0; i < Math.min(want.length, got.length); i++) {
    const [x, y] = [want[i], got[i]];
    if (x !== y && isCode(x) && isCode(y)) return { path: 'heap (function code)', expected: `the run's code object ${x.name}`, actual: `another code object named ${y.name}` };
  }
  return null;
}

const isCode = (t: unknown): t is Code => typeof t === 'object' && t !== null && 'exceptionTable' in t && 'ops' in t;

/**
 * Equal snapshots, unequal identities: some frame or object is an equal substitute for the one
 * the interpreter holds there. Frames are named by their place; other objects by kind.
 * @spec #state-identity
 */
export function identityDifference(reference: Vm, actual: Vm, identity: Pick<IdentifiedCopy, 'live' | 'reference'>): StateDifference | null {
  const e = framesOutermostFirst(reference);
  const a = framesOutermostFirst(actual);
  const origin = (id: Identity, o: object) => (id(o) === NEW_OBJECT ? 'a frame made since the executor was entered' : 'a frame of the entry state');
  for (let i = 0; i < Math.min(e.length, a.length); i++) {
    if (identity.reference(e[i]!) !== identity.live(a[i]!)) {
      const want = origin(identity.reference, e[i]!);
      const got = identity.live(a[i]!) === NEW_OBJECT ? 'a frame object the interpreter never made (a substitute)' : 'another frame of the entry state';
      return { path: `frames[${i}] (identity)`, expected: `${want} (${e[i]!.code.name})`, actual: got };
    }
  }
  const want = stateTokens(reference, identity.reference);
  const got = stateTokens(actual, identity.live);
  for (let i = 0; i < Math.min(want.length, got.length); i++) {
    const [x, y] = [want[i], got[i]];
    if (x !== y && typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
      const kind = (o: object) => (o === NEW_OBJECT ? 'an object made since entry' : `the entry state's ${String((o as { kind?: unknown }).kind ?? 'object')}`);
      return { path: 'heap (identity)', expected: kind(x), actual: `${kind(y)}: an equal object where the interpreter has another` };
    }
  }
  return null;
}

/**
 * Told about each instruction the oracle steps the reference through for an executor, before it
 * runs (its operands still on the stack): what ran inside executors, for coverage. Made per
 * findAdvance from the reference copy; absent, the oracle pays one null check per step.
 */
export type StepObserver = (reference: Vm) => ((frame: Frame) => void) | null;

let stepObserver: StepObserver | null = null;

/** Install the step observer (null removes it). Only in-process coverage runs set one. */
export function setStepObserver(o: StepObserver | null): void {
  stepObserver = o;
}

export function findAdvance(reference: Vm, actual: Vm, maxSteps: number, identity: (Pick<IdentifiedCopy, 'live' | 'reference'> & Partial<Pick<IdentifiedCopy, 'kept'>>) | null = null): AdvanceResult {
  const target = new Target(actual, identity);
  const observe = stepObserver === null ? null : stepObserver(reference);
  let closest: { n: number; difference: StateDifference } | null = null;
  // Where no position lines up, the difference is reported against the first state at the same
  // instructions (every frame's code and ip: only stack depths or the output differ), else against
  // the entry state (N = 0).
  const atEntry = positionDifference(reference, actual);
  let sameInstructions: { n: number; difference: StateDifference; sameLocals: boolean } | null = null;
  let escaped: PyException | null = null;
  for (let n = 0; ; n++) {
    const near = sameInnermostIp(reference, actual);
    if (near && samePosition(reference, actual)) {
      if (target.equal(reference)) return { ok: true, n, escaped };
      if (!closest) {
        const difference = target.difference(reference);
        if (difference === null) throw new Error('internal: the state tokens differ where the snapshots are equal');
        closest = { n, difference };
      }
    } else if (near && !sameInstructions?.sameLocals && closest === null && sameChains(reference, actual, false)) {
      // The first such state, or better the first where the innermost frame's locals agree too
      // (in a loop, the same iteration).
      const sameLocals = shallowEqualLocals(reference.frame, actual.frame);
      if (!sameInstructions || sameLocals) {
        const difference = target.difference(reference);
        if (difference) sameInstructions = { n, difference, sameLocals };
      }
    }
    if (n >= maxSteps || reference.frame === null) break;
    if (observe !== null) observe(reference.frame);
    try {
      reference.step();
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      escaped = e;
    }
  }
  if (closest) return { ok: false, closestN: closest.n, difference: closest.difference };
  if (sameInstructions) return { ok: false, closestN: sameInstructions.n, difference: sameInstructions.difference };
  if (atEntry === null) throw new Error('internal: the entry position matched but was never compared');
  return { ok: false, closestN: 0, difference: atEntry };
}

type Ending = { readonly kind: 'return' | 'yield'; readonly value: PyValue } | { readonly kind: 'raise'; readonly value: PyException };

/** How a run that left no frame ended: its completion (return / yield value) or the exception that escaped. */
function ending(vm: Vm, escaped: PyException | null): Ending | null {
  if (escaped) return { kind: 'raise', value: escaped };
  // Read, not taken: the VM still has to deliver it.
  return (vm as unknown as { completion: Ending | null }).completion;
}

function describeEnding(e: Ending | null): string {
  if (e === null) return 'no completion';
  return e.kind === 'raise' ? `raise ${e.value.type.name}` : `${e.kind} ${repr(e.value)}`;
}

/** A state holding only the ending, so compareStates compares it structurally (object identity included). */
function endingSnapshot(e: Ending): StateSnapshot {
  const holder = { suspendedChains: [], frame: null, globals: new Map([['value', e.value]]), excBase: { handled: null }, output: [] };
  return snapshot(holder as unknown as Vm);
}

/**
 * When the executor's work ended every frame (the entry call, or a nested run, returned or raised),
 * the state has no frame left to compare: the interpreter must have ended the same way, with an
 * equal value or exception. Null when it did.
 * @spec #certify-advance-n
 */
export function endingDifference(reference: Vm, referenceEscaped: PyException | null, actual: Vm, actualEscaped: PyException | null): StateDifference | null {
  const want = ending(reference, referenceEscaped);
  const got = ending(actual, actualEscaped);
  if (want === null && got === null) return null;
  if (want === null || got === null || want.kind !== got.kind) return { path: 'completion', expected: describeEnding(want), actual: describeEnding(got) };
  const d = compareStates(endingSnapshot(want), endingSnapshot(got));
  return d && { ...d, path: d.path.replace(/^globals\.value/, `completion.${got.kind}`) };
}
