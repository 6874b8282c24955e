/**
 * Correctly rounded exp, log, sin, cos and tan: the exact value computed in fixed point with
 * BigInt (about 200 bits, far beyond the 2^-120 the hardest cases need; sin, cos and tan reduce
 * by π/2 known to 1,400 bits), then rounded once to the nearest double. CPython calls glibc, whose
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
