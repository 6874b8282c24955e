/**
 * Mutant: small-int `+ - *` with no overflow check past 2**53.
 *
 * Derived from `superblock`. The int fast path for `+`, `-`, `*` (and their in-place forms) sees
 * two JS numbers and keeps the JS result, as an unboxed-double JIT does for "small" ints; it never
 * checks that the result is still a safe integer, so a product or sum past 2**53 stays a rounded
 * double instead of becoming an exact big int. Subtle because loop counters, indices and sums of
 * small values never get near 2**53: only products that grow (factorials, hashes, powers built by
 * repeated multiplication) do, and their low digits are wrong.
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int + - * on JS numbers keep the double result past 2**53 (no overflow check)';

const { NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_INPLACE } = python;

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('int-add-unchecked', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP') return undefined;
    const op = arg >= NB_INPLACE ? arg - NB_INPLACE : arg;
    if (op !== NB_ADD && op !== NB_SUBTRACT && op !== NB_MULTIPLY) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number') return run(vm, f);
      s.pop();
      s[s.length - 1] = (op === NB_ADD ? a + b : op === NB_SUBTRACT ? a - b : a * b) + 0;
    };
  });
}
