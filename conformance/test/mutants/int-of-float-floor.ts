/**
 * Mutant: `int(x)` of a float inlined with `Math.floor`.
 *
 * Derived from `superblock`. A `CALL` of the builtin `int` with one float argument is inlined as
 * `Math.floor` — "convert to an integer" taken to mean "round down". Python's `int()` truncates
 * toward zero: `int(-2.5)` is -2, `int(-0.1)` is 0, where `Math.floor` gives -3 and -1. Every
 * non-negative float agrees. Subtle because the conversion is mostly applied to sizes, indices and
 * positive measurements; negative coordinates, temperatures and deltas show it.
 */
import { PyFloat, type Optimizer } from '../../../index';
import { inlineBuiltin, PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int(float) inlined as Math.floor (int(-2.5) is -3)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock(
    'int-of-float-floor',
    inlineBuiltin('int', (args) => {
      const x = args[0];
      if (args.length !== 1 || !(x instanceof PyFloat) || !Number.isFinite(x.value) || Math.abs(x.value) >= 2 ** 52) return undefined;
      return Math.floor(x.value) + 0;
    }),
  );
}
