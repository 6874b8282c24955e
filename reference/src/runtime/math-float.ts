/**
 * The float algorithms of CPython 3.13's Modules/mathmodule.c that a JS port must reproduce bit
 * for bit: fsum (Shewchuk's exact partials with the half-even fix-up), vector_norm (hypot and dist:
 * lossless scaling, exact squaring, compensated sums, a differential correction of the root),
 * frexp, ldexp, fmod, modf, isclose and pow's special cases.
 * @spec #math-exactness
 */
import { raise } from './exceptions';
import { accuratePow } from './pow';
import { OverflowError, ValueError } from './types';

const DBL_MIN = 2.2250738585072014e-308;

/** fsum of already converted doubles, raising as CPython does. @spec #math-fsum */
export function fsum(values: Iterable<number>): number {
  const p: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  let lo = 0;
  for (const item of values) {
    let x = item;
    const xsave = x;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // An intermediate overflow, or an inf or nan among the summands.
        if (Number.isFinite(xsave)) raise(OverflowError, 'intermediate overflow in fsum');
        if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
        specialSum += xsave;
        p.length = 0;
      } else p.push(x);
    }
  }
  if (specialSum !== 0) {
    if (Number.isNaN(infSum)) raise(ValueError, '-inf + inf in fsum');
    return specialSum;
  }
  let hi = 0;
  let n = p.length;
  if (n > 0) {
    hi = p[--n]!;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-even rounding across several partials (sum([1e-16, 1, 1e16]) rounds up).
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

/** Veltkamp's split: hi has at most 26 significant bits and hi + lo == a exactly. */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** Dekker's exact product: hi = fl(x·y), lo = x·y − hi exactly (what CPython gets from fma). */
function exactMul(x: number, y: number): [number, number] {
  const z = x * y;
  const [xh, xl] = split(x);
  const [yh, yl] = split(y);
  const zz = ((xh * yh - z) + xh * yl + xl * yh) + xl * yl;
  return [z, zz];
}

function frexpExponent(x: number): number {
  return frexp(x)[1];
}

/** The Euclidean norm of non-negative finite coordinates whose maximum is `max` (vector_norm). @spec #math-hypot */
export function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  const n = vec.length;
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || n <= 1) return max;
  const maxE = frexpExponent(max);
  if (maxE < -1023) {
    // ldexp(1.0, -maxE) would overflow: make subnormals normal first.
    return DBL_MIN * vectorNorm(vec.map((v) => v / DBL_MIN), max / DBL_MIN, foundNan);
  }
  const scale = ldexpExact(1, -maxE);
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  for (const v of vec) {
    const x = v * scale;
    const [prHi, prLo] = exactMul(x, x);
    const smHi = csum + prHi;
    const smLo = csum - smHi + prHi;
    csum = smHi;
    frac1 += prLo;
    frac2 += smLo;
  }
  let h = Math.sqrt(csum - 1 + (frac1 + frac2));
  const [prHi, prLo] = exactMul(-h, h);
  const smHi = csum + prHi;
  const smLo = csum - smHi + prHi;
  csum = smHi;
  frac1 += prLo;
  frac2 += smLo;
  const x = csum - 1 + (frac1 + frac2);
  h += x / (2 * h);
  return h / scale;
}

/** frexp(x): mantissa in [0.5, 1) and exponent; (x, 0) for zero, inf and nan. @spec #math-exactness */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = 0;
  let m = Math.abs(x);
  if (m < 2 ** -1000) {
    m *= 2 ** 1000;
    e -= 1000;
  }
  // 2^1024 is not a double: near the top of the range divide by 2^1023 and let the loops finish.
  const k = Math.min(Math.floor(Math.log2(m)), 1023);
  m = m / 2 ** k; // exact: 2^k is a normal double here
  e += k;
  // Math.log2 may be off by one near powers of two.
  while (m >= 1) {
    m /= 2;
    e++;
  }
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  return [x < 0 ? -m : m, e];
}

/** x · 2^e, rounded once (a subnormal result is rounded once too, as C's ldexp does). */
export function ldexpExact(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (e > 2100) return x * Infinity;
  if (e < -2200) return x * 0;
  const [m, xe] = frexp(x);
  const total = xe + e;
  if (total > 1024) return m * Infinity;
  if (total >= -1021) return total <= 1023 ? m * 2 ** total : m * 2 ** 1023 * 2; // m·2^total, exact
  // A subnormal result: m · 2^53 is an exact integer; round it once into units of 2^-1074.
  return roundSubnormal(m * 2 ** 53, total - 53);
}

/** r · 2^t for an integer-valued |r| < 2^53 whose result is subnormal, rounded half-even once. */
function roundSubnormal(r: number, t: number): number {
  const sign = r < 0 ? -1 : 1;
  const a = BigInt(Math.abs(r));
  // Units of 2^-1074: value = a · 2^(t + 1074).
  const shift = -(t + 1074);
  if (shift <= 0) return sign * Number(a << BigInt(-shift)) * 2 ** -1074;
  if (shift > 60) return sign * 0;
  const b = BigInt(shift);
  let q = a >> b;
  const rem = a - (q << b);
  const half = 1n << (b - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return sign * Number(q) * 2 ** -1074;
}

/** math.ldexp with CPython's errors. @spec #math-exactness */
export function ldexp(x: number, exp: number | bigint): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (typeof exp === 'bigint' || exp > 2100 || exp < -2200) {
    if ((typeof exp === 'bigint' ? exp > 0n : exp > 0)) raise(OverflowError, 'math range error');
    return x < 0 ? -0 : 0;
  }
  const r = ldexpExact(x, exp);
  if (!Number.isFinite(r)) raise(OverflowError, 'math range error');
  return r;
}

/** C fmod: the exact remainder with the sign of x. @spec #math-exactness */
export function fmod(x: number, y: number): number {
  if ((y === Infinity || y === -Infinity) && Number.isFinite(x)) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(x) || y === 0) raise(ValueError, 'math domain error');
  return x % y; // JS % on doubles is C's fmod: exact
}

/** modf(x): (fractional part, integer part), both with x's sign. */
export function modf(x: number): [number, number] {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return [x, x];
    return [x < 0 ? -0 : 0, x];
  }
  const ip = Math.trunc(x);
  const fp = x - ip;
  return [fp === 0 ? (Object.is(x, -0) || x < 0 ? -0 : 0) : fp, ip];
}

/** math.isclose. @spec #math-isclose */
export function isclose(a: number, b: number, relTol: number, absTol: number): boolean {
  if (relTol < 0 || absTol < 0) raise(ValueError, 'tolerances must be non-negative');
  if (a === b) return true;
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) return false;
  const diff = Math.abs(b - a);
  return (diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a)) || diff <= absTol;
}

/** math.pow: IEEE specials handled directly, finite**finite by the VM's float pow. @spec #math-pow */
export function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) return y === 0 ? 1 : x;
    if (Number.isNaN(y)) return x === 1 ? 1 : y;
    if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) return oddY ? x : Math.abs(x);
      if (y === 0) return 1;
      return oddY ? (x < 0 ? -0 : 0) : 0;
    }
    if (Math.abs(x) === 1) return 1;
    if (y > 0 && Math.abs(x) > 1) return y;
    if (y < 0 && Math.abs(x) < 1) return -y;
    return 0;
  }
  if (x < 0 && !Number.isInteger(y)) raise(ValueError, 'math domain error');
  if (x === 0 && y < 0) raise(ValueError, 'math domain error');
  const oddY = Number.isInteger(y) && Math.abs(y) % 2 === 1;
  if (x === 0) return y === 0 ? 1 : oddY ? x : 0;
  const magnitude = Math.abs(x) === 1 ? 1 : accuratePow(Math.abs(x), y);
  const r = x < 0 && oddY ? -magnitude : magnitude;
  if (!Number.isFinite(r)) raise(OverflowError, 'math range error');
  return r;
}
