/**
 * Mutant: `%` on small ints computed with JavaScript's `%`.
 *
 * Derived from `superblock`. The int fast path for `BINARY_OP %` / `%=` uses JS's remainder
 * operator, which truncates toward zero; Python's `%` floors, so the result takes the divisor's
 * sign: `-7 % 3` is 2 in Python and -1 in JS (and `7 % -3` is -2, not 1). Subtle because every
 * non-negative case — nearly all loop counters and hash buckets — is right.
 */
import { NB_INPLACE, NB_REMAINDER, type Optimizer, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = "int % uses JS remainder (wrong sign for negative operands)";

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('js-remainder', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_REMAINDER && arg !== NB_REMAINDER + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return run(vm, f);
      s.pop();
      s[s.length - 1] = (a % b) + 0; // + 0: never -0
    };
  });
}
