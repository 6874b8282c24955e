/**
 * Mutant: `<<` and `>>` on small ints with JavaScript's 32-bit shift operators.
 *
 * Derived from `superblock`. When both operands are JS numbers, the left operand fits in 32 bits
 * and the shift count is below 32, the fast path uses JS `<<` / `>>`, as asm.js-style code does.
 * `>>` is right there (an arithmetic shift floors, as Python's does), but JS `<<` works on int32:
 * `1 << 31` is -2147483648 and `3 << 30` wraps, where Python ints just grow. Subtle because bit
 * masks and flags below bit 31 — nearly all of them — are right.
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'int << and >> with JS int32 shifts (1 << 31 is negative)';

const { NB_LSHIFT, NB_RSHIFT, NB_INPLACE } = python;

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('shift-int32', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP') return undefined;
    const op = arg >= NB_INPLACE ? arg - NB_INPLACE : arg;
    if (op !== NB_LSHIFT && op !== NB_RSHIFT) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (typeof a !== 'number' || typeof b !== 'number' || (a | 0) !== a || b < 0 || b > 31) return run(vm, f);
      s.pop();
      s[s.length - 1] = op === NB_LSHIFT ? a << b : a >> b;
    };
  });
}
