/**
 * The advance-N oracle: from a copy of the state at executor entry, step the reference
 * interpreter until its state equals the state the executor left, within a step budget.
 * @spec #certify-advance-n
 */
import type { Vm } from '../../../reference/src/interp/vm';
import { repr } from '../../../reference/src/runtime/repr';
import { PyException, type PyValue } from '../../../reference/src/runtime/values';
import { compareStates, type StateDifference } from '../../../reference/src/state/compare';
import { snapshot, type StateSnapshot } from '../../../reference/src/state/snapshot';

export type AdvanceResult =
  /** `escaped`: the exception the interpreter let out of every frame on its way to the match. */
  | { readonly ok: true; readonly n: number; readonly escaped: PyException | null }
  | { readonly ok: false; readonly closestN: number; readonly difference: StateDifference };

/** Cheap positional fingerprint: equal states have equal signatures. */
export function signature(vm: Vm): string {
  const parts: string[] = [String(vm.output.length), String(vm.depth)];
  for (const top of [...vm.suspendedChains, vm.frame]) {
    for (let f = top; f; f = f.back) parts.push(`${f.code.name}@${f.ip}/${f.stack.length}`);
    parts.push('|');
  }
  return parts.join(' ');
}

export function findAdvance(reference: Vm, actual: Vm, maxSteps: number): AdvanceResult {
  const wanted = signature(actual);
  let target: StateSnapshot | null = null;
  let closest: { n: number; difference: StateDifference } | null = null;
  // Where nothing ever lines up, the entry state (N = 0) is what the difference is reported against.
  const atEntry = signature(reference) === wanted ? null : snapshot(reference);
  let escaped: PyException | null = null;
  for (let n = 0; ; n++) {
    if (signature(reference) === wanted) {
      target ??= snapshot(actual);
      const difference = compareStates(snapshot(reference), target);
      if (difference === null) return { ok: true, n, escaped };
      closest ??= { n, difference };
    }
    if (n >= maxSteps || reference.frame === null) break;
    try {
      reference.step();
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      escaped = e;
    }
  }
  if (closest) return { ok: false, closestN: closest.n, difference: closest.difference };
  target ??= snapshot(actual);
  const difference = compareStates(atEntry!, target);
  if (difference === null) throw new Error('internal: signatures differ but states are equal');
  return { ok: false, closestN: 0, difference };
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
