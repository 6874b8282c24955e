/**
 * Mutant: `len()` of a str inlined as its UTF-16 length.
 *
 * Derived from `superblock`. A `CALL` of the builtin `len` on a str is inlined as the JS
 * string's `.length` — the runtime keeps strs as JS strings, so it looks free. But `.length`
 * counts UTF-16 code units, and Python's `len` counts code points: a character outside the Basic
 * Multilingual Plane (an emoji, `chr(0x1F600)`) is two units and one character. Subtle because
 * ASCII, Latin, CJK and every other BMP text — almost all test data — is right.
 */
import type { Optimizer } from '../../../index';
import { inlineBuiltin, PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'len(str) inlined as the UTF-16 length (an emoji counts 2)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock(
    'str-len-utf16',
    inlineBuiltin('len', ([v, ...rest]) => (typeof v === 'string' && rest.length === 0 ? v.length : undefined)),
  );
}
