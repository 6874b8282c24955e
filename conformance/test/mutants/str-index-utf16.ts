/**
 * Mutant: `s[i]` on a str indexes UTF-16 code units.
 *
 * Derived from `superblock`. `BINARY_SUBSCR` on a str with a small int index reads the JS
 * string's unit at that index (counting from the end for a negative one), after a bounds check
 * against `.length`. Python indexes code points: in a string with a character outside the Basic
 * Multilingual Plane, the unit index and the code-point index part ways, and the fast path returns
 * half of a surrogate pair (or the wrong character after it). Subtle because all BMP text agrees.
 */
import type { Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'str[i] reads the i-th UTF-16 unit (half an emoji)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('str-index-utf16', ({ name, run }) => {
    if (name !== 'BINARY_SUBSCR') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const i = s[s.length - 1];
      const str = s[s.length - 2];
      if (typeof str !== 'string' || typeof i !== 'number') return run(vm, f);
      const k = i < 0 ? str.length + i : i;
      if (k < 0 || k >= str.length) return run(vm, f); // IndexError, raised by the handler
      s.pop();
      s[s.length - 1] = str[k]!;
    };
  });
}
