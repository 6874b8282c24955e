/**
 * The frame stack as the state lists it: the chains suspended under nested runs (a builtin running
 * a generator), then the running chain; each chain outermost frame first.
 * @spec #interpreter-state
 */
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';

/** The innermost frame of each chain (the running one last; null when no frame runs). */
export function chainTops(vm: Vm): (Frame | null)[] {
  return [...vm.suspendedChains, vm.frame];
}

export function chainOutermostFirst(top: Frame | null): Frame[] {
  const out: Frame[] = [];
  for (let f = top; f; f = f.back) out.push(f);
  return out.reverse();
}

/** Every frame of every chain, in the state's order. */
export function framesOutermostFirst(vm: Vm): Frame[] {
  return chainTops(vm).flatMap(chainOutermostFirst);
}
