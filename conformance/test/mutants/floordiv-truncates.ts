/**
 * Mutant: int `//` truncates toward zero.
 *
 * Derived from `superblock`. The fast path for `//` on two JS numbers computes
 * `Math.trunc(a / b)`, C's and Java's integer division, which rounds toward zero; Python's floors,
 * so `-7 // 2` is -4, not -3, and `7 // -2` is -4, not -3. The result is an int of the right type,
 * and exact whenever the division is exact. Subtle because every non-negative case is right, and
 * negative operands appear only in a few loops (offsets before an origin, coordinates, balances).
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int // truncates toward zero (-7 // 2 is -3)';

const { NB_FLOOR_DIVIDE, NB_INPLACE } = python;

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('floordiv-truncates', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_FLOOR_DIVIDE && arg !== NB_FLOOR_DIVIDE + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return run(vm, f);
      s.pop();
      s[s.length - 1] = Math.trunc(a / b) + 0;
    };
  });
}
