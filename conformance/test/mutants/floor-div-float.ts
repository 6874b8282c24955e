/**
 * Mutant: `//` on ints computed in floating point and left a float.
 *
 * Derived from `superblock`. The fast path for `BINARY_OP //` / `//=` on two small ints divides
 * in floating point and floors — as for floats, where the result of `//` is a float — and
 * pushes a float: `7 // 2` becomes `3.0`. The value is numerically right, prints differently
 * (`3.0`), compares equal (`3.0 == 3`), and hashes equal, so many programs never notice;
 * indexing with it (`xs[n // 2]`) raises TypeError later, far from the bug.
 */
import { PyFloat, NB_FLOOR_DIVIDE, NB_INPLACE, type Optimizer, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int // int computed as float floor division: 7 // 2 gives 3.0';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('floor-div-float', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_FLOOR_DIVIDE && arg !== NB_FLOOR_DIVIDE + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return run(vm, f);
      s.pop();
      s[s.length - 1] = new PyFloat(Math.floor(a / b));
    };
  });
}
