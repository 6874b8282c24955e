/**
 * expm1, log1p, the hyperbolic functions and their inverses, exp2, cbrt, erf and erfc, correctly
 * rounded: each is computed in fixed point (math-fixed.ts) with about 120 bits beyond the result's
 * own 53, however small the result, and rounded once. CPython calls glibc for all of them, which is
 * correctly rounded for most arguments but not all (spec/modules.md#math-libm says how often they
 * differ, always by one ulp).
 * @spec #math-libm
 */
import { bitLength } from './intops';
import { decompose, expFixed, exponentOf, fromFixed, icbrtBig, isqrtBig, logFixed, pi, toFixed } from './math-fixed';

const GUARD = 120;

/** The working precision for a result of magnitude about 2^resultExponent. */
const precisionFor = (resultExponent: number): number => GUARD + Math.max(0, -resultExponent);

/** e^x − 1. */
export function expm1(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  if (x === Infinity) return x;
  if (x === -Infinity || x < -50) return -1;
  if (x > 710) return Infinity;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const one = 1n << BigInt(p);
  return fromFixed(expFixed(toFixed(x, p), p) - one, p);
}

/** ln(1 + x) for x > −1 (the caller keeps ±0, −1 and below). */
export function log1p(x: number): number {
  if (Number.isNaN(x) || x === 0 || x === Infinity) return x;
  if (x < -1) return NaN;
  if (x === -1) return -Infinity;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const one = 1n << BigInt(p);
  return fromFixed(logFixed(one + toFixed(x, p), p), p);
}

/** sinh, cosh: (e^x ∓ e^−x) / 2. */
export function sinh(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (Math.abs(x) > 711) return x > 0 ? Infinity : -Infinity;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const X = toFixed(Math.abs(x), p);
  const v = (expFixed(X, p) - expFixed(-X, p)) >> 1n;
  return x < 0 ? -fromFixed(v, p) : fromFixed(v, p);
}

export function cosh(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x) || Math.abs(x) > 711) return Infinity;
  if (x === 0) return 1;
  const p = GUARD;
  const X = toFixed(Math.abs(x), p);
  return fromFixed((expFixed(X, p) + expFixed(-X, p)) >> 1n, p);
}

/** tanh = (e^2x − 1) / (e^2x + 1); ±1 once e^−2x is far below half an ulp of 1. */
export function tanh(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  if (Math.abs(x) > 40) return x > 0 ? 1 : -1;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const one = 1n << BigInt(p);
  const a = expFixed(toFixed(2 * Math.abs(x), p), p) - one;
  const v = (a << BigInt(p)) / (a + 2n * one);
  return x < 0 ? -fromFixed(v, p) : fromFixed(v, p);
}

/** asinh = sign · ln(|x| + sqrt(x² + 1)). */
export function asinh(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const X = toFixed(Math.abs(x), p);
  const one = 1n << BigInt(p);
  const root = isqrtBig(X * X + (one << BigInt(p)));
  const v = logFixed(X + root, p);
  return x < 0 ? -fromFixed(v, p) : fromFixed(v, p);
}

/** acosh = ln(x + sqrt(x² − 1)) for x >= 1 (NaN below). */
export function acosh(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 1) return NaN;
  if (x === 1) return 0;
  if (x === Infinity) return x;
  const p = GUARD + 30;
  const X = toFixed(x, p);
  const one = 1n << BigInt(p);
  const root = isqrtBig(X * X - (one << BigInt(p)));
  return fromFixed(logFixed(X + root, p), p);
}

/** atanh = ln((1 + x) / (1 − x)) / 2 for |x| < 1 (±inf at ±1, NaN beyond). */
export function atanh(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a > 1) return NaN;
  if (a === 1) return x > 0 ? Infinity : -Infinity;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const one = 1n << BigInt(p);
  const X = toFixed(a, p);
  const v = (logFixed(one + X, p) - logFixed(one - X, p)) >> 1n;
  return x < 0 ? -fromFixed(v, p) : fromFixed(v, p);
}

/** 2^x: exact for integral x, else 2^n · e^(f·ln 2) with x = n + f. */
export function exp2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return x;
  if (x === -Infinity || x < -1080) return 0;
  if (x > 1024) return Infinity;
  const n = Math.floor(x);
  if (x === n) return n >= -1074 ? 2 ** n : 0;
  const p = GUARD + Math.max(0, -exponentOf(x));
  const f = toFixed(x, p) - (BigInt(n) << BigInt(p)); // x − n, exactly
  const l2 = logFixed(2n << BigInt(p), p);
  const v = expFixed((f * l2) >> BigInt(p), p);
  return fromFixed(v, p - n);
}

/** cbrt, from an integer cube root: exact for exact cubes. */
export function cbrt(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const { m, e } = decompose(Math.abs(x));
  // |x| · 2^(3k) = m · 2^(e + 3k): an integer of at least 186 bits, so its cube root has >= 62.
  let k = Math.ceil((186 - bitLength(m) - e) / 3);
  if (e + 3 * k < 0) k = Math.ceil(-e / 3);
  const n = m << BigInt(e + 3 * k);
  const c = icbrtBig(n);
  const r = fromFixed(c, k, c * c * c === n);
  return x < 0 ? -r : r;
}

/**
 * erf(x) = 2/√π · e^(−x²) · Σ 2^n x^(2n+1) / (1·3···(2n+1)): every term positive, so no
 * cancellation; erfc = 1 − erf with enough bits for the tiny results of large x.
 */
function erfFixed(a: number, p: number): bigint {
  // e^(−x²) needs x²·log2(e) bits more to keep its relative precision.
  const G = p + 64 + Math.ceil(a * a * 1.4427);
  const X = toFixed(a, G);
  const X2 = (X * X) >> BigInt(G);
  let term = X;
  let sum = X;
  for (let n = 1n; term !== 0n; n++) {
    term = ((term * X2) >> BigInt(G)) * 2n / (2n * n + 1n);
    sum += term;
  }
  const scaled = (sum * expFixed(-X2, G)) >> BigInt(G);
  const sqrtPi = isqrtBig(pi(G) << BigInt(G));
  return (((2n * scaled) << BigInt(G)) / sqrtPi) >> BigInt(G - p);
}

export function erf(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  if (Math.abs(x) > 6.5) return x > 0 ? 1 : -1;
  const p = precisionFor(Math.min(0, exponentOf(x)));
  const v = erfFixed(Math.abs(x), p);
  return x < 0 ? -fromFixed(v, p) : fromFixed(v, p);
}

/**
 * erfc(x) for x >= 4 from Laplace's continued fraction
 * erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the back with
 * twice as many terms until two evaluations agree far beyond a double: the series would need
 * thousands of terms at thousands of bits out there.
 */
function erfcLarge(x: number): number {
  const p = GUARD + 16;
  const X = toFixed(x, p);
  const fraction = (terms: number): bigint => {
    let t = X;
    for (let k = terms; k >= 1; k--) t = X + (BigInt(k) << BigInt(2 * p)) / (2n * t);
    return t;
  };
  let terms = 16;
  let t = fraction(terms);
  for (;;) {
    terms *= 2;
    const next = fraction(terms);
    const diff = next > t ? next - t : t - next;
    t = next;
    if (diff << BigInt(GUARD - 8) <= t) break;
  }
  // e^(−x²) keeps its relative precision with x²·log2(e) more bits.
  const q = p + Math.ceil(x * x * 1.4427) + 16;
  const Xq = toFixed(x, q);
  const e = expFixed(-((Xq * Xq) >> BigInt(q)), q);
  const sqrtPi = isqrtBig(pi(p) << BigInt(p));
  return fromFixed((e << BigInt(2 * p)) / (sqrtPi * t), q);
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity || x > 27.3) return 0;
  if (x === -Infinity || x < -6.5) return 2;
  if (x === 0) return 1;
  if (x >= 4) return erfcLarge(x);
  // erfc(x) ≈ e^(−x²): the bits the subtraction cancels, plus the guard.
  const p = GUARD + (x > 0 ? Math.ceil(x * x * 1.4427) + 8 : 0);
  const one = 1n << BigInt(p);
  const e = erfFixed(Math.abs(x), p);
  return fromFixed(x > 0 ? one - e : one + e, p);
}
