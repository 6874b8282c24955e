/**
 * Fixed-point arithmetic at a chosen precision for the correctly rounded math functions
 * (math-hyper.ts): a value v is the BigInt V = v · 2^p, truncated. Each function picks p so that
 * the result keeps about 120 bits beyond a double's 53 whatever its size, then rounds once.
 * @spec #math-libm
 */
import { bitLength, roundToDouble } from './intops';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** A finite double as m · 2^e with an integer m (negative for a negative double). */
export function decompose(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const bits = u64[0]!;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  if (biased !== 0) m |= 1n << 52n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { m: x < 0 ? -m : m, e };
}

/** floor(log2 |x|) for a finite nonzero double. */
export function exponentOf(x: number): number {
  const { m, e } = decompose(Math.abs(x));
  return e + bitLength(m) - 1;
}

/** x · 2^p, truncated toward −∞. */
export function toFixed(x: number, p: number): bigint {
  const { m, e } = decompose(x);
  const s = e + p;
  return s >= 0 ? m << BigInt(s) : m >> BigInt(-s);
}

/** The double nearest to V · 2^-p (the true value is not exactly V · 2^-p unless `exact`). */
export function fromFixed(v: bigint, p: number, exact = false): number {
  if (v === 0n) return 0;
  if (v < 0n) return -fromFixed(-v, p, exact);
  const grow = Math.max(0, 60 - bitLength(v));
  return roundToDouble(v << BigInt(grow), p + grow, !exact);
}

const ln2Cache = new Map<number, bigint>();

/** ln 2 · 2^p, from ln 2 = Σ 1/(k·2^k). */
export function ln2(p: number): bigint {
  let v = ln2Cache.get(p);
  if (v === undefined) {
    const g = BigInt(p + 32);
    let sum = 0n;
    for (let k = 1n; k < g + 8n; k++) sum += (1n << g) / (k << k);
    ln2Cache.set(p, (v = sum >> 32n));
  }
  return v;
}

const piCache = new Map<number, bigint>();

/** π · 2^p, from Machin's formula π = 16·atan(1/5) − 4·atan(1/239). */
export function pi(p: number): bigint {
  let v = piCache.get(p);
  if (v === undefined) {
    const g = p + 32;
    const atanInv = (n: bigint): bigint => {
      let power = (1n << BigInt(g)) / n;
      let sum = 0n;
      for (let k = 1n; power !== 0n; k += 2n) {
        sum += (k & 2n ? -power : power) / k;
        power /= n * n;
      }
      return sum;
    };
    piCache.set(p, (v = (16n * atanInv(5n) - 4n * atanInv(239n)) >> 32n));
  }
  return v;
}

/** e^(X · 2^-p) · 2^p: the fixed-point result at the same scale (may be huge or 0). */
export function expFixed(x: bigint, p: number): bigint {
  const l2 = ln2(p);
  let k = x / l2;
  let r = x - k * l2;
  if (r > l2 / 2n) {
    k += 1n;
    r -= l2;
  } else if (r < -l2 / 2n) {
    k -= 1n;
    r += l2;
  }
  // e^r = (e^(r/2^s))^(2^s): a short series, then s squarings (8 guard bits cover their error growth).
  const s = 8;
  const G = BigInt(p + s + 16);
  const gone = 1n << G;
  const rr = (r << (G - BigInt(p))) >> BigInt(s);
  let term = gone;
  let sum = gone;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * rr) / gone / n;
    sum += term;
  }
  for (let i = 0; i < s; i++) sum = (sum * sum) >> G;
  const shift = Number(k) - Number(G) + p;
  return shift >= 0 ? sum << BigInt(shift) : sum >> BigInt(-shift);
}

/** ln(V · 2^-p) · 2^p for V > 0: v = w · 2^j with w in [1, 2), ln w = 2·atanh((w−1)/(w+1)). */
export function logFixed(v: bigint, p: number): bigint {
  const G = p + 16;
  const j = bitLength(v) - 1 - p;
  const shift = G - (bitLength(v) - 1);
  const w = shift >= 0 ? v << BigInt(shift) : v >> BigInt(-shift); // w · 2^G, in [1, 2)
  const one = 1n << BigInt(G);
  const t = ((w - one) << BigInt(G)) / (w + one);
  const t2 = (t * t) >> BigInt(G);
  let power = t;
  let sum = 0n;
  for (let n = 1n; power !== 0n; n += 2n) {
    sum += power / n;
    power = (power * t2) >> BigInt(G);
  }
  return (BigInt(j) * ln2(G) + 2n * sum) >> 16n;
}

/** floor(sqrt(n)) for n >= 0. */
export function isqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** floor(cbrt(n)) for n >= 0. */
export function icbrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 3) + 1);
  for (;;) {
    const y = (2n * x + n / (x * x)) / 3n;
    if (y >= x) break;
    x = y;
  }
  while (x * x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}
