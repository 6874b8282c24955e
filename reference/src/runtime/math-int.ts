/**
 * The integer functions of `math` (gcd, lcm, isqrt, factorial, comb, perm) and the float-to-int
 * ones (floor, ceil, trunc): exact for ints of any size, with CPython 3.13's errors.
 * @spec #math-integers
 */
import { asIndex } from './args';
import { floatToInt } from './constructors';
import { raise, typeError } from './exceptions';
import { normBig, toBig, type PyInt } from './intops';
import { OverflowError, ValueError, typeName } from './types';
import { PyFloat, type PyValue } from './values';

const LONG_MAX = 2n ** 63n - 1n;

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd2(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** math.gcd(*integers). @spec #math-integers */
export function gcd(args: readonly PyValue[]): PyInt {
  let g = 0n;
  for (const a of args) g = gcd2(g, toBig(asIndex(a)));
  return normBig(g);
}

/** math.lcm(*integers). @spec #math-integers */
export function lcm(args: readonly PyValue[]): PyInt {
  let l = 1n;
  for (const a of args) {
    const x = abs(toBig(asIndex(a)));
    if (l === 0n || x === 0n) {
      l = 0n;
      continue;
    }
    l = (l / gcd2(l, x)) * x;
  }
  return normBig(l);
}

/** The largest a with a·a <= n (Newton's iteration on BigInt). */
export function isqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  if (n < 2n ** 52n) {
    let a = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (a * a > n) a--;
    while ((a + 1n) * (a + 1n) <= n) a++;
    return a;
  }
  // Start above the root (2^ceil(bits/2)), then decrease monotonically.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** math.isqrt(n). @spec #math-integers */
export function isqrt(v: PyValue): PyInt {
  const n = toBig(asIndex(v));
  if (n < 0n) raise(ValueError, 'isqrt() argument must be nonnegative');
  return normBig(isqrtBig(n));
}

function product(from: bigint, to: bigint): bigint {
  // The product of from..to inclusive, by halves so the big multiplications stay balanced.
  if (from > to) return 1n;
  if (to - from < 8n) {
    let p = 1n;
    for (let i = from; i <= to; i++) p *= i;
    return p;
  }
  const mid = (from + to) >> 1n;
  return product(from, mid) * product(mid + 1n, to);
}

/** math.factorial(n). @spec #math-integers */
export function factorial(v: PyValue | bigint): PyInt {
  const n = typeof v === 'bigint' ? v : toBig(asIndex(v));
  if (n > LONG_MAX) raise(OverflowError, `factorial() argument should not exceed ${LONG_MAX}`);
  if (n < 0n) raise(ValueError, 'factorial() not defined for negative values');
  return normBig(product(2n, n));
}

function nonNegative(v: PyValue, what: 'n' | 'k'): bigint {
  const x = toBig(asIndex(v));
  if (x < 0n) raise(ValueError, `${what} must be a non-negative integer`);
  return x;
}

/** math.comb(n, k). @spec #math-integers */
export function comb(nv: PyValue, kv: PyValue): PyInt {
  const n = nonNegative(nv, 'n');
  let k = nonNegative(kv, 'k');
  if (k > n) return 0;
  if (n - k < k) k = n - k;
  if (k > LONG_MAX) raise(OverflowError, `min(n - k, k) must not exceed ${LONG_MAX}`);
  // Exact at every step: the running value is comb(n - k + i, i).
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
  return normBig(r);
}

/** math.perm(n, k=None). @spec #math-integers */
export function perm(nv: PyValue, kv: PyValue | undefined): PyInt {
  const n = nonNegative(nv, 'n');
  if (kv === undefined || kv === null) return factorial(n);
  const k = nonNegative(kv, 'k');
  if (k > n) return 0;
  if (k > LONG_MAX) raise(OverflowError, `k must not exceed ${LONG_MAX}`);
  return normBig(product(n - k + 1n, n));
}

type Rounding = 'floor' | 'ceil' | 'trunc';

/** math.floor / ceil / trunc: an int stays itself, a float becomes the int it rounds to. @spec #math-integers */
export function roundToInt(v: PyValue, how: Rounding): PyInt {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) {
    const x = v.value;
    return floatToInt(how === 'floor' ? Math.floor(x) : how === 'ceil' ? Math.ceil(x) : x);
  }
  if (how === 'trunc') return typeError(`type ${typeName(v)} doesn't define __trunc__ method`);
  return typeError(`must be real number, not ${typeName(v)}`);
}
