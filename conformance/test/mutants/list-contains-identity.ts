/**
 * Mutant: `x in xs` on a list compares items with JavaScript's `includes`.
 *
 * Derived from `superblock`. `CONTAINS_OP` on a list uses `Array.prototype.includes`, which is
 * right for the values the runtime keeps unboxed — small ints, strs, bools, None — and looks like
 * Python's identity-then-equality rule. It is not: `includes` compares objects by identity only,
 * so an equal tuple built in the loop (`(x, y) in seen`), a float equal to an int, or `True` among
 * ints (`1 in [True]`) is not found. Subtle because membership of ints and strs — the usual case —
 * is right.
 */
import { PyList, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'x in list via Array.includes (equal tuples and 1 vs 1.0 vs True not found)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('list-contains-identity', ({ name, arg, run }) => {
    if (name !== 'CONTAINS_OP') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const xs = s[s.length - 1];
      const x = s[s.length - 2];
      if (!(xs instanceof PyList)) return run(vm, f);
      s.pop();
      s[s.length - 1] = xs.items.includes(x!) !== (arg === 1);
    };
  });
}
