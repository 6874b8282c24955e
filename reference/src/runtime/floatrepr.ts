/** Float to text: a port of CPython's PyOS_double_to_string / format_float_short. */
import { fixedDigits, shortestDigits, significantDigits, type Digits } from './dtoa';

export interface FloatFlags {
  /** Always write a sign ('+' for non-negative). */
  readonly sign?: boolean;
  /** Integers in fixed notation get '.0' (repr, and format with no type). */
  readonly addDot0?: boolean;
  /** '#': keep the decimal point and trailing zeros. */
  readonly alt?: boolean;
  /** 'z': a value that rounds to zero loses its minus sign. */
  readonly noNeg0?: boolean;
}

/**
 * code: 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'r'.
 * @spec #str-format
 */
export function doubleToString(x: number, code: string, precision: number, flags: FloatFlags = {}): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  const fc = code.toLowerCase();
  let negative = x < 0 || Object.is(x, -0);
  if (Number.isNaN(x)) return (flags.sign ? '+' : '') + (upper ? 'NAN' : 'nan');
  if (!Number.isFinite(x)) return (negative ? '-' : flags.sign ? '+' : '') + (upper ? 'INF' : 'inf');

  const ax = Math.abs(x);
  let d: Digits;
  if (fc === 'e') {
    precision++;
    d = significantDigits(ax, precision);
  } else if (fc === 'f') d = fixedDigits(ax, precision);
  else if (fc === 'g') {
    if (precision === 0) precision = 1;
    d = significantDigits(ax, precision);
  } else if (fc === 'r') d = shortestDigits(ax);
  else throw new Error(`internal: bad float format code ${code}`);

  const { digits } = d;
  let decpt = d.decpt;
  const ndig = digits.length;
  if (flags.noNeg0 && negative && (ndig === 0 || digits === '0')) negative = false;

  let useExp = false;
  let vEnd = ndig;
  const addDot0 = !!flags.addDot0;
  switch (fc) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (flags.alt) vEnd = precision;
      break;
    default:
      // 'r': exponent from 1e16 on, as CPython (a 16-digit repr padded with zeros looks wrong).
      if (decpt <= -4 || decpt > 16) useExp = true;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = negative ? '-' : flags.sign ? '+' : '';
  if (decpt <= 0) out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vStart);
  if (decpt > 0 && decpt <= ndig) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (ndig < decpt) out += '0'.repeat(decpt - ndig) + '.' + '0'.repeat(vEnd - decpt);
  else out += '0'.repeat(vEnd - ndig);
  if (out.endsWith('.') && !flags.alt) out = out.slice(0, -1);
  if (useExp) {
    const e = Math.abs(exp);
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (e < 10 ? '0' : '') + e;
  }
  return out;
}

/** repr(float): shortest round-trip digits, exponent when < 1e-4 or >= 1e16. @spec #float-repr */
export function floatRepr(x: number): string {
  return doubleToString(x, 'r', 0, { addDot0: true });
}
