/**
 * The advance-N oracle: from a copy of the state at executor entry, step the reference
 * interpreter until its state equals the state the executor left, within a step budget.
 * @spec #certify-advance-n
 */
import type { Vm } from '../../../reference/src/interp/vm';
import { PyException } from '../../../reference/src/runtime/values';
import { compareStates, type StateDifference } from '../../../reference/src/state/compare';
import { snapshot, type StateSnapshot } from '../../../reference/src/state/snapshot';

export type AdvanceResult =
  | { readonly ok: true; readonly n: number }
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
  for (let n = 0; ; n++) {
    if (signature(reference) === wanted) {
      target ??= snapshot(actual);
      const difference = compareStates(snapshot(reference), target);
      if (difference === null) return { ok: true, n };
      closest ??= { n, difference };
    }
    if (n >= maxSteps || reference.frame === null) break;
    try {
      reference.step();
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
    }
  }
  if (closest) return { ok: false, closestN: closest.n, difference: closest.difference };
  target ??= snapshot(actual);
  const difference = compareStates(atEntry!, target);
  if (difference === null) throw new Error('internal: signatures differ but states are equal');
  return { ok: false, closestN: 0, difference };
}
