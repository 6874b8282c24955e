/**
 * Mutant: unary minus on a float computed as `0 - x`.
 *
 * Derived from `superblock`. The fast path for `UNARY_NEGATIVE` on a float pushes
 * `0 - x` — what a code generator that lowers negation to subtraction from zero emits. For every
 * float but zero it is the same number; but `-(0.0)` is `-0.0` in IEEE arithmetic and Python, and
 * `0 - 0.0` is `+0.0`. Subtle because -0.0 == 0.0: only its repr, `math.copysign`, or a division
 * by it shows the sign — mirrored coordinates and negated balances print `-0.0` in CPython.
 */
import { PyFloat, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'float negation as 0 - x: -(0.0) is 0.0, not -0.0';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('float-negate-zero', ({ name, run }) => {
    if (name !== 'UNARY_NEGATIVE') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const v = s[s.length - 1];
      if (!(v instanceof PyFloat)) return run(vm, f);
      s[s.length - 1] = new PyFloat(0 - v.value);
    };
  });
}
