/**
 * Mutant: int `/` int stays an int when the division is exact.
 *
 * Derived from `superblock`. The fast path for true division of two small ints pushes the
 * quotient as an int when the division has no remainder and as a float otherwise — Python 2's
 * habit, and what a type-specialising JIT does when it "narrows" a result it can prove whole.
 * Python 3's `/` always returns a float: `6 / 3` is `2.0`. Subtle because the value is equal and
 * later arithmetic mostly agrees; averages, ratios and percentages printed after the loop show it.
 */
import { PyFloat, python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int / int pushes an int when exact (6 / 3 is 2, not 2.0)';

const { NB_TRUE_DIVIDE, NB_INPLACE } = python;

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('int-truediv-exact', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_TRUE_DIVIDE && arg !== NB_TRUE_DIVIDE + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return run(vm, f);
      s.pop();
      s[s.length - 1] = a % b === 0 ? a / b + 0 : new PyFloat(a / b);
    };
  });
}
