/**
 * Decimal digits of a double, the way David Gay's dtoa (CPython's _Py_dg_dtoa) produces them:
 * a digit string without trailing zeros and `decpt`, the decimal point position
 * (value = 0.DIGITS × 10^decpt). Exact: rounding is half-even on the double's exact binary value.
 */

export interface Digits {
  readonly digits: string;
  readonly decpt: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** x = m · 2^e exactly, for finite x > 0. */
function decompose(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const bits = u64[0]!;
  const be = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  return be === 0 ? { m: frac, e: -1074 } : { m: frac | 0x10000000000000n, e: be - 1075 };
}

/** round(x · 10^s), half to even, computed exactly. */
function roundScaled(x: number, s: number): bigint {
  const { m, e } = decompose(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (s >= 0) num *= 10n ** BigInt(s);
  else den *= 10n ** BigInt(-s);
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/** Mode 0: the shortest digits that round-trip (V8 and dtoa both pick the nearest such string). @spec #float-repr */
export function shortestDigits(x: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const s = x.toExponential();
  const ePos = s.indexOf('e');
  const digits = s.slice(0, ePos).replace('.', '');
  return { digits, decpt: Number(s.slice(ePos + 1)) + 1 };
}

/** Sign of x - 10^k, computed exactly (finite x > 0). */
function comparePow10(x: number, k: number): number {
  const { m, e } = decompose(x);
  let lhs = m; // compare m · 2^e · 10^max(-k, 0) with 10^max(k, 0), both sides scaled to integers
  let rhs = 1n;
  if (k >= 0) rhs = 10n ** BigInt(k);
  else lhs *= 10n ** BigInt(-k);
  if (e >= 0) lhs <<= BigInt(e);
  else rhs <<= BigInt(-e);
  return lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
}

/** floor(log10(x)), exactly, for finite x > 0. */
function floorLog10(x: number): number {
  let k = Math.floor(Math.log10(x));
  while (comparePow10(x, k) < 0) k--;
  while (comparePow10(x, k + 1) >= 0) k++;
  return k;
}

/** Mode 2: max(ndigits, 1) significant digits. @spec #str-format */
export function significantDigits(x: number, ndigits: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const p = Math.max(ndigits, 1);
  // The exponent comes from x itself, not from the rounded digits: with an estimate one too high,
  // round(x · 10^(p-1-k)) can land exactly on 10^(p-1) and pass for p digits (1e-07 to 17 digits
  // would print 1e-07 instead of 9.9999999999999995e-08).
  const k = floorLog10(x);
  const n = roundScaled(x, p - 1 - k);
  if (n === 10n ** BigInt(p)) return { digits: '1', decpt: k + 2 }; // rounded up to the next power of 10
  return { digits: stripZeros(n.toString()), decpt: k + 1 };
}

/** Mode 3: ndigits digits after the decimal point; no digits at all when it rounds to 0. @spec #str-format */
export function fixedDigits(x: number, ndigits: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const n = roundScaled(x, ndigits);
  if (n === 0n) return { digits: '', decpt: -ndigits };
  const s = n.toString();
  return { digits: stripZeros(s), decpt: s.length - ndigits };
}
