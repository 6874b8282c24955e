/**
 * Mutant: f-string formatting of a float with JavaScript's number-to-string.
 *
 * Derived from `superblock`. `FORMAT_SIMPLE` (an f-string field without a format spec) on a float
 * uses JS `String(x)`, adding `.0` to whole numbers so that `f"{2.0}"` still reads `2.0`. Both
 * languages print the shortest round-tripping digits, so `0.1 + 0.2` agrees; the notation does
 * not: Python switches to exponents at 1e16 and below 1e-4 (`1e+16`, `1e-05`), JS at 1e21 and
 * 1e-7 (`10000000000000000.0`, `0.00001`), and `inf` is JS's `Infinity`. Subtle because every
 * float between 0.0001 and 1e16 — nearly all of them — prints the same.
 */
import { PyFloat, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'f"{x}" of a float with JS String(x) (1e16 prints 10000000000000000.0, 1e-05 prints 0.00001)';

function jsFloatText(x: number): string {
  const t = String(x);
  return Number.isInteger(x) && !t.includes('e') ? `${t}.0` : t;
}

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('float-format-js', ({ name, run }) => {
    if (name !== 'FORMAT_SIMPLE') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const v = s[s.length - 1];
      if (!(v instanceof PyFloat)) return run(vm, f);
      s[s.length - 1] = jsFloatText(v.value);
    };
  });
}
