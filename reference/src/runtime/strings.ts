/**
 * Python strs are sequences of code points; JS strings are UTF-16. These helpers count, index and
 * compare by code point, with a fast path for strings without surrogates (the common case).
 * No str holds a lone surrogate code point: every way to make one is refused (charFromCodePoint, the
 * importer), so a JS string's code points are exactly the Python str's.
 * @spec #str-ops
 */

import { newException } from './exceptions';
import { ValueError } from './types';

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** len(s) in code points. @spec #str-ops */
export function strLen(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The code points of s as one-character strings. @spec #str-ops */
export function codePoints(s: string): string[] {
  return hasSurrogates(s) ? Array.from(s) : s.split('');
}

/** Code point order (JS `<` compares UTF-16 units, which misorders astral vs U+E000..U+FFFF). @spec #str-ops */
export function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return fixup(x) - fixup(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000..U+FFFF so unit order equals code point order. */
function fixup(c: number): number {
  return c >= 0xe000 ? c - 0x800 : c + 0x2000;
}

/** Python's str.isspace() characters (Py_UNICODE_ISSPACE). */
export const PY_WHITESPACE = '\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function isPySpace(ch: string): boolean {
  return ch.length === 1 && PY_WHITESPACE.includes(ch);
}

/** Strip Python whitespace from both ends. */
export function pyStripSpace(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && PY_WHITESPACE.includes(s[i]!)) i++;
  while (j > i && PY_WHITESPACE.includes(s[j - 1]!)) j--;
  return s.slice(i, j);
}

const ND = /\p{Nd}/u;

/**
 * Python accepts any Unicode decimal digit in int() and float(). Each Nd run in Unicode is made
 * of whole 0..9 blocks, so a digit's value is its distance from the start of its run, mod 10.
 */
export function unicodeDigitValue(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 48 && c <= 57) return c - 48;
  if (!ND.test(ch)) return -1;
  let start = c;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  return (c - start) % 10;
}

/** _PyUnicode_TransformDecimalAndSpaceToASCII: digits to ASCII, Unicode spaces to ' '. */
export function toAsciiDigitsAndSpaces(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const d = ch.charCodeAt(0) < 128 ? -1 : unicodeDigitValue(ch);
    if (d >= 0) out += String(d);
    else if (isPySpace(ch)) out += ' ';
    else if (ch.codePointAt(0)! < 128) out += ch;
    else out += '?'; // any non-ASCII leftover makes the literal invalid, as in CPython
  }
  return out;
}

/** UTF-16 offset of code point index i (0 <= i <= len). */
export function cpToUnit(s: string, i: number): number {
  if (!hasSurrogates(s)) return i;
  let u = 0;
  for (let k = 0; k < i && u < s.length; k++) u += s.codePointAt(u)! > 0xffff ? 2 : 1;
  return u;
}

/** Code point index of UTF-16 offset u. */
export function unitToCp(s: string, u: number): number {
  if (!hasSurrogates(s)) return u;
  return strLen(s.slice(0, u));
}

/**
 * The one-character str of a code point. optcert's strs are JS strings, where two lone surrogates
 * next to each other would merge into one astral character (CPython keeps two code points), so a
 * surrogate code point is refused with a clear ValueError instead of giving a wrong length later.
 * @spec #str-code-points
 */
export function charFromCodePoint(cp: number, who: string): string {
  if (cp >= 0xd800 && cp <= 0xdfff) {
    const hex = cp.toString(16).toUpperCase();
    throw newException(ValueError, `${who}: U+${hex} is a surrogate code point, which optcert does not support (spec/values.md#str-code-points)`);
  }
  return String.fromCodePoint(cp);
}
