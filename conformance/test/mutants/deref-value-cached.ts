/**
 * Mutant: LOAD_DEREF reads each cell once and caches its value in the executor.
 *
 * Derived from `superblock`. A closure's free variables "never change inside the closure", so the
 * first LOAD_DEREF of each site remembers the value and later executions push it without reading
 * the cell. Wrong as soon as anything writes the cell after that: a `nonlocal x; x += 1` counter
 * in a hot loop, the enclosing function rebinding the variable between calls, another closure
 * sharing the cell. Subtle because a free variable that really is never rebound (the usual
 * `lambda x: x * factor`) keeps every program correct.
 */
import type { Optimizer, PyValue, RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'LOAD_DEREF caches the first value it reads from each cell: later writes to the cell are not seen';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('deref-value-cached', ({ name, run }) => {
    if (name !== 'LOAD_DEREF') return undefined;
    let cached: PyValue | undefined;
    return (vm, f) => {
      if (cached === undefined) {
        run(vm, f);
        cached = f.stack[f.stack.length - 1] as PyValue;
      } else f.stack.push(cached);
    };
  });
}
