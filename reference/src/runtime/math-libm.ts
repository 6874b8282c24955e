/**
 * Correctly rounded exp and log: the exact value computed in fixed point with BigInt (about 200
 * bits, far beyond the 2^-120 the hardest cases need), then rounded once to the nearest double.
 * CPython calls glibc, whose exp and log are correctly rounded on all but a vanishing set of
 * arguments; V8's Math.exp and Math.log are not (they differ from glibc on about 10% and 1% of
 * arguments), so the VM computes these two itself.
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
