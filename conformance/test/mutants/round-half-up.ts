/**
 * Mutant: `round(x)` of a float inlined with `Math.round`.
 *
 * Derived from `superblock`. A `CALL` of the builtin `round` with one float argument is inlined
 * as JavaScript's `Math.round`, which rounds halves up (toward +inf). Python rounds halves to
 * even: `round(2.5)` is 2, `round(3.5)` is 4, `round(-2.5)` is -2 (Math.round: 3, 4, -2). Every
 * value that is not exactly halfway agrees. Subtle because exact halves are rare in measured data
 * and common in computed data: averages of two ints, `n / 2`, prices with half cents.
 */
import { PyFloat, type Optimizer } from '../../../index';
import { inlineBuiltin, PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'round(float) inlined as Math.round (halves up: round(2.5) is 3)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock(
    'round-half-up',
    inlineBuiltin('round', (args) => {
      const x = args[0];
      if (args.length !== 1 || !(x instanceof PyFloat) || !Number.isFinite(x.value) || Math.abs(x.value) >= 2 ** 52) return undefined;
      return Math.round(x.value) + 0;
    }),
  );
}
