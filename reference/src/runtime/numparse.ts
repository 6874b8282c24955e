/** int(str) and float(str) parsing, CPython's accepted syntax and messages. */
import { raise } from './exceptions';
import { normBig, type PyInt } from './intops';
import { strRepr } from './repr';
import { codePoints, toAsciiDigitsAndSpaces } from './strings';
import { ValueError } from './types';

const MAX_STR_DIGITS = 4300;
const ASCII_SPACE = /^[\t\n\x0b\x0c\r ]+|[\t\n\x0b\x0c\r ]+$/g;

function invalidInt(original: string, base: number): never {
  // CPython's `%.200R`: the repr of the whole string (its quotes chosen by all of it), cut after
  // 200 characters (then without the closing quote).
  const shown = codePoints(strRepr(original)).slice(0, 200).join('');
  return raise(ValueError, `invalid literal for int() with base ${base}: ${shown}`);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * int(s, base): whitespace, sign, optional base prefix, single underscores between digits.
 * Any Unicode decimal digit counts (int('١٢') == 12).
 * @spec #builtin-int
 */
export function pyParseInt(original: string, base: number): PyInt {
  const s = toAsciiDigitsAndSpaces(original).replace(ASCII_SPACE, '').toLowerCase();
  let i = 0;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  let b = base;
  const prefix = s.slice(i, i + 2);
  const prefixBase = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
  let afterPrefix = false;
  if (prefixBase && (b === 0 || b === prefixBase)) {
    b = prefixBase;
    i += 2;
    afterPrefix = true;
  } else if (b === 0) b = 10;
  const body = s.slice(i);
  // One underscore may follow a prefix or sit between two digits.
  const digitClass = `[${DIGITS.slice(0, b)}]`;
  const re = new RegExp(`^${afterPrefix ? '_?' : ''}${digitClass}(?:_?${digitClass})*$`);
  if (!re.test(body)) invalidInt(original, base);
  const digits = body.replace(/_/g, '');
  if (base === 0 && !afterPrefix && /^0+[1-9]/.test(digits)) invalidInt(original, base);
  if ((b & (b - 1)) !== 0 && digits.length > MAX_STR_DIGITS) {
    raise(
      ValueError,
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let v: bigint;
  if (b === 10) v = BigInt(digits);
  else if (b === 16 || b === 8 || b === 2) v = BigInt(`0${b === 16 ? 'x' : b === 8 ? 'o' : 'b'}${digits}`);
  else {
    v = 0n;
    const bb = BigInt(b);
    for (const ch of digits) v = v * bb + BigInt(DIGITS.indexOf(ch));
  }
  return normBig(negative ? -v : v);
}

const FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:e[+-]?\d(?:_?\d)*)?$/i;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** float(s): decimal literals with underscores, inf/infinity/nan in any case. @spec #builtin-float */
export function pyParseFloat(original: string): number {
  const s = toAsciiDigitsAndSpaces(original).replace(ASCII_SPACE, '');
  const sp = SPECIAL.exec(s);
  if (sp) {
    if (sp[2]!.toLowerCase() === 'nan') return NaN;
    return sp[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT.test(s)) raise(ValueError, `could not convert string to float: ${strRepr(original)}`);
  return Number(s.replace(/_/g, ''));
}
