/**
 * The str.is* predicates, as CPython 3.13's unicodeobject.c computes them from the Unicode 15.1
 * properties of unicode_props.ts. Empty strs are false except for isprintable() and isascii().
 * @spec #methods-str-predicates
 */
import {
  ALNUM, ALPHA, DECIMAL, DIGIT, ID_CONTINUE, ID_START, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER,
  charFlags,
} from './unicode_props';

function flagsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    out.push(charFlags(c));
  }
  return out;
}

/** Every character has one of `mask`'s bits (and there is at least one character). */
function all(s: string, mask: number): boolean {
  if (s === '') return false;
  return flagsOf(s).every((f) => (f & mask) !== 0);
}

export const isAlpha = (s: string): boolean => all(s, ALPHA);
export const isDecimal = (s: string): boolean => all(s, DECIMAL);
export const isDigit = (s: string): boolean => all(s, DIGIT);
export const isNumeric = (s: string): boolean => all(s, NUMERIC);
export const isAlnum = (s: string): boolean => all(s, ALNUM);
export const isSpace = (s: string): boolean => all(s, SPACE);
export const isPrintable = (s: string): boolean => s === '' || all(s, PRINTABLE);
export const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/** unicode_isupper: no lower-case or title-case character, and at least one upper-case one. */
export function isUpper(s: string): boolean {
  const fs = flagsOf(s);
  if (fs.length === 1) return (fs[0]! & UPPER) !== 0;
  let cased = false;
  for (const f of fs) {
    if (f & (LOWER | TITLE)) return false;
    if (f & UPPER) cased = true;
  }
  return cased;
}

/** unicode_islower: no upper-case or title-case character, and at least one lower-case one. */
export function isLower(s: string): boolean {
  const fs = flagsOf(s);
  if (fs.length === 1) return (fs[0]! & LOWER) !== 0;
  let cased = false;
  for (const f of fs) {
    if (f & (UPPER | TITLE)) return false;
    if (f & LOWER) cased = true;
  }
  return cased;
}

/** unicode_istitle: upper/title-case characters only after uncased ones, lower-case only after cased ones. */
export function isTitle(s: string): boolean {
  const fs = flagsOf(s);
  if (fs.length === 1) return (fs[0]! & (TITLE | UPPER)) !== 0;
  let cased = false;
  let previousIsCased = false;
  for (const f of fs) {
    if (f & (UPPER | TITLE)) {
      if (previousIsCased) return false;
      previousIsCased = cased = true;
    } else if (f & LOWER) {
      if (!previousIsCased) return false;
      previousIsCased = cased = true;
    } else previousIsCased = false;
  }
  return cased;
}

/** str.isidentifier(): XID_Start or '_' first, XID_Continue after. */
export function isIdentifier(s: string): boolean {
  const fs = flagsOf(s);
  if (fs.length === 0 || !(fs[0]! & ID_START)) return false;
  return fs.every((f, i) => i === 0 || (f & ID_CONTINUE) !== 0);
}
