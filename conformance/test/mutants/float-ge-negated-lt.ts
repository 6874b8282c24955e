/**
 * Mutant: float `>=` and `<=` computed as the negation of `<` and `>`.
 *
 * Derived from `superblock`. The comparison fast path for floats (and a float with a small int)
 * implements only `<` and `>`, and derives `a >= b` as `not (a < b)` and `a <= b` as
 * `not (a > b)` — the rewrite a branch optimizer makes when it inverts a condition. It holds for
 * every ordered pair, but not for nan: every comparison with nan is False, so `nan >= 1.0` is
 * False and the rewrite says True. Subtle because nan rarely appears; when it does (missing data,
 * 0.0 * inf, inf - inf), range filters and clamps let it through.
 */
import { PyFloat, python, type Optimizer, type PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'float a >= b as not (a < b), a <= b as not (a > b): wrong for nan';

const { LE, GE } = python;

const asDouble = (v: PyValue): number | undefined => (v instanceof PyFloat ? v.value : typeof v === 'number' ? v : undefined);

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('float-ge-negated-lt', ({ name, arg, run }) => {
    if (name !== 'COMPARE_OP') return undefined;
    const cmp = arg >> 5;
    if (cmp !== LE && cmp !== GE) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1] as PyValue;
      const a = s[s.length - 2] as PyValue;
      const x = asDouble(a);
      const y = asDouble(b);
      if (x === undefined || y === undefined || !(a instanceof PyFloat || b instanceof PyFloat)) return run(vm, f);
      s.pop();
      s[s.length - 1] = cmp === GE ? !(x < y) : !(x > y);
    };
  });
}
