/**
 * Mutant: ordering comparisons of unboxed values with JavaScript's relational operators.
 *
 * Derived from `superblock`. `<`, `<=`, `>`, `>=` on two unboxed values (ints, strs, bools, None)
 * other than two strs use JS's operators — right for two ints, two bools, an int and a bool. JS
 * never refuses a comparison: `1 < 'a'` is false and `None < 1` is true, where Python raises
 * `TypeError: '<' not supported between instances of ...`. Subtle because well-typed code never
 * compares across types; the bug shows only where a program relies on the TypeError (mixed data,
 * a sentinel None compared with numbers).
 */
import { python, type Optimizer, type PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'ordering of ints/strs/None with JS < (1 < "a" and None < 1 raise no TypeError)';

const { LT, LE, GT, GE } = python;

const isUnboxed = (v: PyValue): v is null | boolean | number | string => v === null || (typeof v !== 'object' && typeof v !== 'bigint');

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('compare-mixed-js', ({ name, arg, run }) => {
    if (name !== 'COMPARE_OP') return undefined;
    const cmp = arg >> 5;
    if (cmp !== LT && cmp !== LE && cmp !== GT && cmp !== GE) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1] as PyValue;
      const a = s[s.length - 2] as PyValue;
      if (!isUnboxed(a) || !isUnboxed(b) || (typeof a === 'string' && typeof b === 'string')) return run(vm, f);
      const x = a as number;
      const y = b as number;
      s.pop();
      s[s.length - 1] = cmp === LT ? x < y : cmp === LE ? x <= y : cmp === GT ? x > y : x >= y;
    };
  });
}
