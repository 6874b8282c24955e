/**
 * Mutant: int `**` kept an int whenever the JS result is a whole number.
 *
 * Derived from `superblock`. The fast path for `**` on two JS numbers computes `a ** b` and keeps
 * it as an int when it is a safe integer, falling back otherwise (big powers, fractions). It
 * forgets that the *type* of `int ** int` depends on the sign of the exponent: with a negative
 * exponent the result is always a float, so `1 ** -1` is `1.0` and `(-1) ** -3` is `-1.0`, while
 * the fast path pushes `1` and `-1`. Subtle because `2 ** -1` (0.5) falls back and comes out right:
 * only bases 1 and -1 with negative exponents — sign factors — meet the bug.
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int ** negative int stays an int when whole ((-1) ** -3 is -1, not -1.0)';

const { NB_POWER, NB_INPLACE } = python;

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('int-pow-negative-exponent', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_POWER && arg !== NB_POWER + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number' || (a === 0 && b < 0)) return run(vm, f);
      const r = a ** b + 0;
      if (!Number.isSafeInteger(r)) return run(vm, f);
      s.pop();
      s[s.length - 1] = r;
    };
  });
}
