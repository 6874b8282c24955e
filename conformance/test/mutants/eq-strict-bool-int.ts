/**
 * Mutant: `==` and `!=` on unboxed values with JavaScript's `===`.
 *
 * Derived from `superblock`. Equality of two unboxed operands (ints, strs, bools, None) is
 * inlined as JS `===`. That is right for two of the same kind, and for None or a str against
 * anything; but bool is an int in Python: `True == 1` and `False == 0` hold, while `true === 1`
 * is false. Subtle because comparing a bool with an int is rare in clean code, and appears in
 * counting code (`flag == 1`, `bits[i] == True`, a parity bit compared with `x & 1`).
 */
import { python, type Optimizer, type PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = '== / != of unboxed values with JS === (True == 1 is False)';

const { EQ, NE } = python;

const isUnboxed = (v: PyValue): boolean => v === null || (typeof v !== 'object' && typeof v !== 'bigint');

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('eq-strict-bool-int', ({ name, arg, run }) => {
    if (name !== 'COMPARE_OP') return undefined;
    const cmp = arg >> 5;
    if (cmp !== EQ && cmp !== NE) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1] as PyValue;
      const a = s[s.length - 2] as PyValue;
      if (!isUnboxed(a) || !isUnboxed(b)) return run(vm, f);
      s.pop();
      s[s.length - 1] = (a === b) === (cmp === EQ);
    };
  });
}
