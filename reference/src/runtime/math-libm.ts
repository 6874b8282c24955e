/**
 * Correctly rounded exp, log, sin, cos, tan, atan, asin, acos and atan2: the exact value computed
 * in fixed point with BigInt (about 200 bits, far beyond the 2^-120 the hardest cases need; sin,
 * cos and tan reduce by π/2 known to 1,400 bits), then rounded once to the nearest double. CPython calls glibc, whose
 * results are correctly rounded on all but a small set of arguments; V8's Math functions are not
 * (they differ from glibc on 1 to 10% of arguments), so the VM computes these itself. About a
 * tenth of a millisecond per call: builtin work is not counted by the step budget.
 * @spec #math-libm
 */
import { roundToDouble } from './intops';

const P = 200n;
const ONE = 1n << P;

/** ln 2 · 2^P, from ln 2 = Σ 1/(k·2^k), with guard bits. */
const LN2 = (() => {
  const G = P + 32n;
  let sum = 0n;
  for (let k = 1n; k < G + 8n; k++) sum += (1n << G) / (k << k);
  return sum >> 32n;
})();

/** The exact value of a finite double as m · 2^e with an integer m. */
function decompose(x: number): { m: bigint; e: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) m |= 1n << 52n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { m: x < 0 ? -m : m, e };
}

/** x · 2^P as a BigInt, truncated toward −∞ (x finite). */
function fixed(x: number): bigint {
  const { m, e } = decompose(x);
  const s = BigInt(e) + P;
  return s >= 0n ? m << s : m >> -s;
}

/** A positive fixed-point value v · 2^-(P) · 2^k, rounded to the nearest double (the true value is not a double). */
function toDouble(v: bigint, k: number): number {
  return roundToDouble(v, Number(P) - k, true);
}

/** e^x, correctly rounded. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === 0) return 1;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const X = fixed(x);
  // x = k·ln2 + r with |r| <= ln2/2.
  let k = X / LN2;
  let r = X - k * LN2;
  if (r > LN2 / 2n) {
    k += 1n;
    r -= LN2;
  } else if (r < -LN2 / 2n) {
    k -= 1n;
    r += LN2;
  }
  // e^r by its Taylor series.
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / ONE / n;
    sum += term;
  }
  return toDouble(sum, Number(k));
}

/** ln x, correctly rounded, for x > 0 (inf and nan are themselves; the caller handles x <= 0). */
export function log(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 1) return 0;
  const { m, e } = decompose(x);
  // x = f · 2^j with f in [sqrt(1/2), sqrt(2)): then ln x = j·ln2 + 2·atanh((f−1)/(f+1)).
  const bits = m.toString(2).length;
  let j = e + bits - 1;
  let f = m << (P + 1n - BigInt(bits)); // f · 2^P with f in [1, 2)
  if (f * f > 2n * ONE * ONE) {
    f >>= 1n;
    j += 1;
  }
  const t = ((f - ONE) * ONE) / (f + ONE);
  const t2 = (t * t) / ONE;
  let power = t;
  let sum = 0n;
  for (let n = 1n; power !== 0n; n += 2n) {
    sum += power / n;
    power = (power * t2) / ONE;
  }
  const v = BigInt(j) * LN2 + 2n * sum;
  if (v === 0n) return 0;
  return v < 0n ? -toDouble(-v, 0) : toDouble(v, 0);
}

/** Bits of π/2 kept for argument reduction: enough for the largest double (2^1024) and 376 more. */
const G = 1400n;

/** arctan(1/n) · 2^bits by its alternating series. */
function arctanInv(n: bigint, bits: bigint): bigint {
  const one = 1n << bits;
  let power = one / n;
  const n2 = n * n;
  let sum = 0n;
  for (let k = 1n, sign = 1n; power !== 0n; k += 2n, sign = -sign) {
    sum += (sign * power) / k;
    power /= n2;
  }
  return sum;
}

let halfPi: bigint | null = null;

/** π/2 · 2^G (Machin: π = 16·atan(1/5) − 4·atan(1/239)), computed once on first use. */
function halfPiG(): bigint {
  if (halfPi === null) {
    const extra = 16n;
    halfPi = (8n * arctanInv(5n, G + extra) - 2n * arctanInv(239n, G + extra)) >> extra;
  }
  return halfPi;
}

/** |x| = n·π/2 + r with |r| <= π/4: (n mod 4, r · 2^P). */
function reduce(ax: number): { quadrant: number; r: bigint } {
  const { m, e } = decompose(ax);
  // Only as many bits of π/2 as this x needs: its integer part's, P, and 64 guard bits for the
  // cancellation when x is close to a multiple of π/2 (ax >= 2^-27, so e + bits >= 0).
  const bits = BigInt(Math.max(0, e + 53)) + P + 64n;
  const X = m << (BigInt(e) + bits);
  const H = halfPiG() >> (G - bits);
  let n = X / H;
  let r = X - n * H;
  if (2n * r > H) {
    n += 1n;
    r -= H;
  }
  return { quadrant: Number(n % 4n), r: r >> (bits - P) };
}

/** sin r and cos r (r · 2^P, |r| <= π/4) by their Taylor series, · 2^P. */
function sinCos(r: bigint): { s: bigint; c: bigint } {
  let s = 0n;
  let c = 0n;
  let term = ONE; // r^k / k!
  for (let k = 0n; term !== 0n; k++) {
    const sign = (k / 2n) % 2n === 0n ? 1n : -1n;
    if (k % 2n === 0n) c += sign * term;
    else s += sign * term;
    term = (term * r) / ONE / (k + 1n);
  }
  return { s, c };
}

function round(v: bigint): number {
  if (v === 0n) return 0;
  return v < 0n ? -toDouble(-v, 0) : toDouble(v, 0);
}

/** Below 2^-27 sin x and tan x round to x and cos x to 1 (the next term is under half an ulp). */
const TINY = 2 ** -27;

/** sin, cos or tan, correctly rounded (x finite). */
export function trig(which: 'sin' | 'cos' | 'tan', x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < TINY) return which === 'cos' ? 1 : x;
  const { quadrant, r } = reduce(ax);
  const { s, c } = sinCos(r);
  const sin = [s, c, -s, -c][quadrant]!;
  const cos = [c, -s, -c, s][quadrant]!;
  const sign = x < 0 && which !== 'cos' ? -1 : 1;
  const v = which === 'sin' ? sin : which === 'cos' ? cos : (sin * ONE) / cos;
  return sign * round(v);
}

/** π/2 · 2^P. */
function halfPiP(): bigint {
  return halfPiG() >> (G - P);
}

/**
 * atan(n/d) for 0 <= n/d <= 1 (n, d > 0 integers), as v · 2^-s with s chosen so that v has about
 * P significant bits: relative precision, so a tiny ratio keeps all its digits.
 */
function atanRatio(n: bigint, d: bigint): { v: bigint; s: bigint } {
  // t = n/d in fixed point with P significant bits: t · 2^s.
  const s = P - BigInt(n.toString(2).length - d.toString(2).length);
  const one = 1n << s;
  let t = (n << s) / d;
  // atan(t) = 2·atan(t / (1 + sqrt(1 + t²))): twice, so t <= tan(π/16).
  let doublings = 0n;
  while (t > one / 4n) {
    const root = isqrt(one * one + t * t);
    t = (t * one) / (one + root);
    doublings++;
  }
  const t2 = (t * t) / one;
  let power = t;
  let sum = 0n;
  for (let k = 1n, sign = 1n; power !== 0n; k += 2n, sign = -sign) {
    sum += (sign * power) / k;
    power = (power * t2) / one;
  }
  return { v: sum << doublings, s };
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** An exact positive rational n/d for a finite nonzero double's magnitude: (mantissa, power-of-two scale). */
function magnitude(x: number): { m: bigint; e: number } {
  const { m, e } = decompose(Math.abs(x));
  return { m, e };
}

/**
 * atan2(y, x) for finite y, x, not both zero, with C99's signs: the angle of (x, y), correctly
 * rounded. Works on the exact rational |y|/|x|.
 */
function atan2Finite(y: number, x: number): number {
  const sign = y < 0 || Object.is(y, -0) ? -1 : 1;
  if (y === 0) return x > 0 || Object.is(x, 0) ? sign * 0 : sign * Math.PI;
  if (x === 0) return sign * round(halfPiP());
  const a = magnitude(y);
  const b = magnitude(x);
  // |y|/|x| = (a.m / b.m) · 2^(a.e − b.e) = num / den.
  const shift = a.e - b.e;
  const num = shift >= 0 ? a.m << BigInt(shift) : a.m;
  const den = shift >= 0 ? b.m : b.m << BigInt(-shift);
  let angle: { v: bigint; s: bigint };
  if (num <= den) angle = atanRatio(num, den);
  else {
    // π/2 − atan(den/num), at P fractional bits (the result is at least π/4).
    const r = atanRatio(den, num);
    angle = { v: halfPiP() - (r.s >= P ? r.v >> (r.s - P) : r.v << (P - r.s)), s: P };
  }
  if (x < 0) {
    // π − angle, at P fractional bits (at least π/2).
    const v = angle.s >= P ? angle.v >> (angle.s - P) : angle.v << (P - angle.s);
    angle = { v: 2n * halfPiP() - v, s: P };
  }
  return sign * roundToDouble(angle.v, Number(angle.s), true);
}

/** atan2 with C99's special values, correctly rounded. */
export function atan2(y: number, x: number): number {
  if (Number.isNaN(y) || Number.isNaN(x)) return NaN;
  if (!Number.isFinite(y) || !Number.isFinite(x)) return Math.atan2(y, x); // exact multiples of π/4: V8 gets them right
  return atan2Finite(y, x);
}

/** atan, correctly rounded. */
export function atan(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  if (!Number.isFinite(x)) return Math.atan(x);
  return atan2Finite(x, 1);
}

/** asin (|x| <= 1, else NaN), correctly rounded: atan2(x, sqrt(1 − x²)) with the root in fixed point. */
export function asin(x: number): number {
  return inverse(x, false);
}

/** acos (|x| <= 1, else NaN), correctly rounded. */
export function acos(x: number): number {
  return inverse(x, true);
}

function inverse(x: number, cosine: boolean): number {
  if (Number.isNaN(x) || Math.abs(x) > 1) return NaN;
  if (!cosine && Math.abs(x) < TINY) return x;
  // x · 2^W exactly, and sqrt(1 − x²) · 2^W (floor of the exact root: W is large enough that the
  // truncation is far below the precision the rounding needs).
  const W = 1200n;
  const { m, e } = decompose(Math.abs(x));
  const X = m << (BigInt(e) + W);
  const one = 1n << W;
  const C = isqrt(one * one - X * X);
  if (!cosine) {
    if (C === 0n) return Math.sign(x) * round(halfPiP());
    return Math.sign(x) * atanOf(X, C);
  }
  // acos x = atan2(sqrt(1 − x²), x).
  if (X === 0n) return round(halfPiP());
  const a = atanOf(C, X); // in [0, π/2]
  if (x > 0) return a;
  return roundToDouble(2n * halfPiP() - fixedOf(acosFixedPart(C, X)), Number(P), true);
}

/** atan(n/d) for n, d >= 0 (not both 0), rounded. */
function atanOf(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  if (d === 0n) return round(halfPiP());
  if (n <= d) {
    const r = atanRatio(n, d);
    return roundToDouble(r.v, Number(r.s), true);
  }
  const r = atanRatio(d, n);
  return roundToDouble(halfPiP() - (r.s >= P ? r.v >> (r.s - P) : r.v << (P - r.s)), Number(P), true);
}

/** atan(n/d) · 2^P for n, d > 0. */
function acosFixedPart(n: bigint, d: bigint): { v: bigint; s: bigint } {
  if (n <= d) return atanRatio(n, d);
  const r = atanRatio(d, n);
  return { v: halfPiP() - (r.s >= P ? r.v >> (r.s - P) : r.v << (P - r.s)), s: P };
}

function fixedOf(a: { v: bigint; s: bigint }): bigint {
  return a.s >= P ? a.v >> (a.s - P) : a.v << (P - a.s);
}
