/**
 * x ** y for finite x > 0 (x != 1) and finite y != 0, correctly rounded.
 * V8's Math.pow is off by an ulp for many inputs (7 ** -2, 2 ** 1.5), while CPython uses the C
 * library's pow, which glibc rounds correctly but for vanishingly rare cases. Integer exponents
 * are computed exactly with BigInt (this also gets exact halfway cases right); other exponents use
 * double-double exp(y·log x) (about 2^-94 relative error) before one final rounding.
 * @spec #float-special
 */
import { bitLength, roundToDouble } from './intops';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** x = m · 2^e exactly with m odd, for finite x > 0. */
function decomposeOdd(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const bits = u64[0]!;
  const be = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  let e: number;
  if (be === 0) e = -1074;
  else {
    m |= 0x10000000000000n;
    e = be - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return { m, e };
}

/** num/den · 2^scale, correctly rounded (num, den > 0). */
function roundRational(num: bigint, den: bigint, scale: number): number {
  const s = 55 - (bitLength(num) - bitLength(den));
  let q: bigint;
  let r: bigint;
  if (s >= 0) {
    const n = num << BigInt(s);
    q = n / den;
    r = n % den;
  } else {
    const d = den << BigInt(-s);
    q = num / d;
    r = num % d;
  }
  return roundToDouble(q, s - scale, r !== 0n);
}

const EXACT_LIMIT = 2048;

/** @spec #float-special */
export function accuratePow(x: number, y: number): number {
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  if (y === 0.5) return Math.sqrt(x);
  if (Number.isInteger(y) && Math.abs(y) <= EXACT_LIMIT) {
    const { m, e } = decomposeOdd(x);
    const n = Math.abs(y);
    const mn = m ** BigInt(n);
    return y > 0 ? roundRational(mn, 1n, e * n) : roundRational(1n, mn, -e * n);
  }
  return expLog(x, y);
}

// ---- double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi) / 2 ----

type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2^27 + 1

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLITTER * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  return [p, ahi * bhi - p + ahi * blo + alo * bhi + alo * blo];
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a[0], b[0]);
  const t = twoSum(a[1], b[1]);
  let r = quickTwoSum(s[0], s[1] + t[0]);
  r = quickTwoSum(r[0], r[1] + t[1]);
  return r;
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a[0], b[0]);
  return quickTwoSum(p[0], p[1] + (a[0] * b[1] + a[1] * b[0]));
}

function mulD(a: DD, b: number): DD {
  const p = twoProd(a[0], b);
  return quickTwoSum(p[0], p[1] + a[1] * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mulD(b, q1)));
  const q2 = r[0] / b[0];
  r = add(r, neg(mulD(b, q2)));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** log(x) for finite x > 0. */
function log(x: number): DD {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 2 ** 54;
    k -= 54;
  }
  f64[0] = x;
  const be = Number((u64[0]! >> 52n) & 0x7ffn);
  k += be - 1023;
  let m = x / 2 ** (be - 1023); // exact: m in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    k++;
  }
  // log(m) = 2 atanh(s), s = (m - 1) / (m + 1); m - 1 is exact (Sterbenz).
  const s = div([m - 1, 0], twoSum(m, 1));
  const s2 = mul(s, s);
  let term = s;
  let sum = s;
  for (let i = 1; i <= 26; i++) {
    term = mul(term, s2);
    sum = add(sum, div(term, [2 * i + 1, 0]));
  }
  const kln2 = add(twoProd(k, LN2[0]), [k * LN2[1], 0]);
  return add(kln2, mulD(sum, 2));
}

/** Rounds hi + lo (exactly) times 2^k to the nearest double. */
function roundScaledDD(v: DD, k: number): number {
  const parts = v.filter((p) => p !== 0);
  let num = 0n;
  let minE = 0;
  const decomposed = parts.map((p) => {
    const { m, e } = decomposeOdd(Math.abs(p));
    return { m: p < 0 ? -m : m, e };
  });
  if (decomposed.length === 0) return 0;
  minE = Math.min(...decomposed.map((d) => d.e));
  for (const d of decomposed) num += d.m << BigInt(d.e - minE);
  if (num <= 0n) return 0; // cannot happen: exp is positive
  return roundRational(num, 1n, minE + k);
}

/** exp(y · log(x)). */
function expLog(x: number, y: number): number {
  const l = log(x);
  // Decide overflow/underflow before the products can overflow the double-double splitting.
  const t0 = l[0] * y;
  if (t0 > 1100) return Infinity;
  if (t0 < -1100) return 0;
  const t = mulD(l, y);
  const k = Math.round(t[0] / LN2[0]);
  let r = add(t, neg(add(twoProd(k, LN2[0]), [k * LN2[1], 0])));
  // exp(r) = exp(r / 16)^16, Taylor series on |r / 16| < 0.022.
  r = [r[0] / 16, r[1] / 16];
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let n = 1; n <= 20; n++) {
    term = div(mul(term, r), [n, 0]);
    sum = add(sum, term);
  }
  for (let i = 0; i < 4; i++) sum = mul(sum, sum);
  return roundScaledDD(sum, k);
}
