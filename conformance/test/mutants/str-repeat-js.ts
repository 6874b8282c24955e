/**
 * Mutant: `str * int` with JavaScript's `String.prototype.repeat`.
 *
 * Derived from `superblock`. The fast path for `s * n` (and `n * s`) with a small int count calls
 * `s.repeat(n)` — the obvious JS spelling, and right for every count from 0 up. Python gives `''`
 * for a negative count; `repeat` throws a RangeError, which escapes the executor as a JS error in
 * the middle of its region. Subtle because counts are almost always non-negative; padding code
 * (`' ' * (width - len(s))` with a word longer than the width) is where they are not.
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'execute.throws';
export const summary = "str * int with JS repeat(): a negative count throws RangeError (Python gives '')";

const { NB_MULTIPLY, NB_INPLACE } = python;

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('str-repeat-js', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_MULTIPLY && arg !== NB_MULTIPLY + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      const text = typeof a === 'string' ? a : typeof b === 'string' ? b : undefined;
      const count = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
      if (text === undefined || count === undefined) return run(vm, f);
      s.pop();
      s[s.length - 1] = text.repeat(count);
    };
  });
}
