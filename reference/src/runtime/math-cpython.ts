/**
 * The math functions CPython 3.13 computes itself rather than in libm (Modules/mathmodule.c),
 * ported operation for operation so that the doubles agree: gamma and lgamma (Lanczos, with the
 * reflection formula and m_sinpi), remainder (m_remainder), nextafter with steps, ulp, and fma (exact
 * by definition: one rounding of x·y + z). Where CPython calls exp, log, sin, cos or pow, these call
 * the VM's correctly rounded ones (math-libm.ts, pow.ts), as glibc's are in practice.
 * @spec #math-cpython-own
 */
import { bitLength, roundToDouble } from './intops';
import { decompose } from './math-fixed';
import { exp as crExp, log as crLog, trig } from './math-libm';
import { accuratePow } from './pow';

/** errno after the computation: what math_1a turns into ValueError (EDOM) or OverflowError (ERANGE). */
export type Errno = 0 | 'EDOM' | 'ERANGE';
export interface Result {
  readonly value: number;
  readonly errno: Errno;
}

const PI = 3.141592653589793238462643383279502884197;
const LOG_PI = 1.144729885849400174143427351353058711647;
const ok = (value: number): Result => ({ value, errno: 0 });

/** C's round(): halfway cases away from zero. */
function cRound(v: number): number {
  const t = Math.trunc(v);
  return Math.abs(v - t) >= 0.5 ? t + Math.sign(v) : t;
}

/** pow for the Lanczos factor: y > 0, any finite exponent. */
const pow = (y: number, e: number): number => (e === 0 ? 1 : accuratePow(y, e));

/** m_sinpi: sin(π·x) for finite x, accurate near integers. */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = cRound(2.0 * y);
  let r: number;
  switch (n) {
    case 0:
      r = trig('sin', PI * y);
      break;
    case 1:
      r = trig('cos', PI * (y - 0.5));
      break;
    case 2:
      r = trig('sin', PI * (1.0 - y));
      break;
    case 3:
      r = -trig('cos', PI * (y - 1.5));
      break;
    default:
      r = trig('sin', PI * (y - 2.0));
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
  1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
  51090942171709440000.0, 1124000727777607680000.0,
];

/** Lanczos' sum L_g(x) for x > 0, as a rational function (in 1/x from 5 on). */
function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  if (x < 5.0) {
    for (let i = LANCZOS_NUM.length; --i >= 0; ) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < LANCZOS_NUM.length; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}

/** m_tgamma. */
export function gamma(x: number): Result {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return ok(x);
    return { value: NaN, errno: 'EDOM' };
  }
  if (x === 0) return { value: Object.is(x, -0) ? -Infinity : Infinity, errno: 'EDOM' };
  if (x === Math.floor(x)) {
    if (x < 0) return { value: NaN, errno: 'EDOM' };
    if (x <= GAMMA_INTEGRAL.length) return ok(GAMMA_INTEGRAL[x - 1]!);
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    return { value: r, errno: Number.isFinite(r) ? 0 : 'ERANGE' };
  }
  if (absx > 200.0) {
    if (x < 0.0) return ok(0.0 / sinpi(x));
    return { value: Infinity, errno: 'ERANGE' };
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0.0) {
    r = ((-PI / sinpi(absx) / absx) * crExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= pow(y, absx - 0.5);
    else {
      const sqrtpow = pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / crExp(y);
    r += z * r;
    if (absx < 140.0) r *= pow(y, absx - 0.5);
    else {
      const sqrtpow = pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return { value: r, errno: Number.isFinite(r) ? 0 : 'ERANGE' };
}

/** m_log for positive finite arguments and the zero of |sinpi|. */
const mLog = (v: number): number => (v === 0 ? -Infinity : crLog(v));

/** m_lgamma. */
export function lgamma(x: number): Result {
  if (!Number.isFinite(x)) return ok(Number.isNaN(x) ? x : Infinity);
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) return { value: Infinity, errno: 'EDOM' };
    return ok(0.0);
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return ok(-mLog(absx));
  let r = mLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (mLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOG_PI - mLog(Math.abs(sinpi(absx))) - mLog(absx) - r;
  return { value: r, errno: Number.isFinite(r) ? 0 : 'ERANGE' };
}

/** m_remainder: x − n·y with n the nearest integer to x/y (ties to even); exact. NaN for the invalid cases. */
export function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0.0) return NaN;
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const bitsOf = (x: number): bigint => ((f64[0] = x), u64[0]!);
const fromBits = (b: bigint): number => ((u64[0] = b), f64[0]!);
const SIGN = 1n << 63n;

/** math.nextafter(x, y, steps): `steps` ulps from x toward y (never past y), by the integer bit patterns. */
export function nextafter(x: number, y: number, steps: bigint): number {
  if (steps === 0n || Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  const ux = bitsOf(x);
  const uy = bitsOf(y);
  if (ux === uy) return x;
  const usteps = steps >= 1n << 64n ? (1n << 64n) - 1n : steps;
  const ax = ux & ~SIGN;
  const ay = uy & ~SIGN;
  if ((ux ^ uy) & SIGN) {
    if (ax + ay <= usteps) return y;
    if (ax < usteps) return fromBits((uy & SIGN) | (usteps - ax));
    return fromBits(ux - usteps);
  }
  if (ax > ay) return ax - ay >= usteps ? fromBits(ux - usteps) : y;
  return ay - ax >= usteps ? fromBits(ux + usteps) : y;
}

/** math.ulp(x): the gap from |x| to the next double up (down for the largest). */
export function ulp(x: number): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a === Infinity) return a;
  const up = nextafter(a, Infinity, 1n);
  if (up === Infinity) return a - nextafter(a, -Infinity, 1n);
  return up - a;
}

/** fma(x, y, z): x·y + z rounded once (NaN or ±inf by IEEE rules where an operand is not finite). */
export function fma(x: number, y: number, z: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x * y + z;
  if (!Number.isFinite(z)) return z;
  if (x === 0 || y === 0) return x * y + z; // an exact ±0 product: IEEE's sum is the answer
  const a = decompose(x);
  const b = decompose(y);
  const c = decompose(z);
  const pe = a.e + b.e;
  const e = Math.min(pe, c.e);
  const s = ((a.m * b.m) << BigInt(pe - e)) + (c.m << BigInt(c.e - e));
  if (s === 0n) return 0;
  const mag = s < 0n ? -s : s;
  const grow = Math.max(0, 60 - bitLength(mag));
  const r = roundToDouble(mag << BigInt(grow), grow - e, false);
  return s < 0n ? -r : r;
}
