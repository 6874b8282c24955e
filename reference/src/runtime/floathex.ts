/** float.hex, float.fromhex and float.as_integer_ratio: exact conversions between a double and its bits. @spec #methods-int */
import { raise, typeError } from './exceptions';
import { bitLength, normBig, roundToDouble } from './intops';
import { OverflowError, ValueError } from './types';
import { PyTuple, type PyValue } from './values';

function bits(x: number): { negative: boolean; biased: number; mantissa: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  return { negative: hi >>> 31 === 1, biased: (hi >>> 20) & 0x7ff, mantissa: (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4)) };
}

/** float_hex: `[-]0x1.<13 hex digits>p<exponent>`, subnormals as `0x0.<digits>p-1022`. */
export function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const { negative, biased, mantissa } = bits(x);
  const sign = negative ? '-' : '';
  if (x === 0) return `${sign}0x0.0p+0`;
  const digits = mantissa.toString(16).padStart(13, '0');
  if (biased === 0) return `${sign}0x0.${digits}p-1022`;
  const e = biased - 1023;
  return `${sign}0x1.${digits}p${e < 0 ? '' : '+'}${e}`;
}

/** The double nearest to m · 2^e (m > 0), ties to even; Infinity past the range. */
function exactToDouble(m: bigint, e: number): number {
  const shift = Math.max(0, 60 - bitLength(m));
  return roundToDouble(m << BigInt(shift), shift - e, false);
}

const HEX_FLOAT = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/i;
const INVALID = 'invalid hexadecimal floating-point string';

/** float_fromhex: Python's whitespace around, inf/infinity/nan, correctly rounded. */
export function floatFromHex(v: PyValue): number {
  if (typeof v !== 'string') return typeError('bad argument type for built-in operation');
  const s = v.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const r = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -r : r;
  }
  const m = HEX_FLOAT.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return raise(ValueError, INVALID);
  const frac = m[3] ?? '';
  const mant = BigInt(`0x${m[2] || '0'}${frac}`);
  const exp = BigInt(m[4] ?? '0') - 4n * BigInt(frac.length);
  const sign = m[1] === '-' ? -1 : 1;
  if (mant === 0n) return sign * 0;
  const top = exp + BigInt(bitLength(mant));
  if (top > 1100n) return raise(OverflowError, 'hexadecimal value too large to represent as a float');
  if (top < -1100n) return sign * 0;
  const r = exactToDouble(mant, Number(exp));
  if (r === Infinity) return raise(OverflowError, 'hexadecimal value too large to represent as a float');
  return sign * r;
}

/** float.as_integer_ratio: the exact fraction in lowest terms with a positive denominator. */
export function floatAsIntegerRatio(x: number): PyTuple {
  if (Number.isNaN(x)) return raise(ValueError, 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) return raise(OverflowError, 'cannot convert Infinity to integer ratio');
  if (x === 0) return new PyTuple([0, 1]);
  const { negative, biased, mantissa } = bits(x);
  let m = biased === 0 ? mantissa : mantissa | (1n << 52n);
  let e = (biased === 0 ? 1 : biased) - 1075;
  while ((m & 1n) === 0n && e < 0) {
    m >>= 1n;
    e += 1;
  }
  const num = e >= 0 ? m << BigInt(e) : m;
  const den = e >= 0 ? 1n : 1n << BigInt(-e);
  return new PyTuple([normBig(negative ? -num : num), normBig(den)]);
}
