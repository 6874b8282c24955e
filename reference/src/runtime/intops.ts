/**
 * Arbitrary-precision int arithmetic on the two int representations: a JS number holding a safe
 * integer (never -0), or a bigint outside ±(2^53 − 1). Every result is normalized back.
 * @spec #int-representation
 */
import { newException, raise } from './exceptions';
import { MemoryError, OverflowError, ValueError, ZeroDivisionError } from './types';

export type PyInt = number | bigint;

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_N = BigInt(MAX_SAFE);

/** @spec #int-bigint */
export function normBig(b: bigint): PyInt {
  return b >= -MAX_SAFE_N && b <= MAX_SAFE_N ? Number(b) : b;
}

export function isSafe(r: number): boolean {
  return r <= MAX_SAFE && r >= -MAX_SAFE;
}

/**
 * The last small ints made BigInts, by their low bits: mixed arithmetic converts the same
 * operands again and again (a loop's constants against a big accumulator), and a conversion
 * allocates. A direct-mapped cache of 64.
 */
const BIG_KEYS = new Float64Array(64).fill(NaN);
const BIG_VALUES = new Array<bigint>(64).fill(0n);

export function toBig(a: PyInt): bigint {
  if (typeof a === 'bigint') return a;
  const slot = a & 63;
  if (BIG_KEYS[slot] === a) return BIG_VALUES[slot]!;
  const b = BigInt(a);
  BIG_KEYS[slot] = a;
  BIG_VALUES[slot] = b;
  return b;
}

/** V8 caps BigInts at about 2^30 bits; CPython would run out of memory there too. */
function guard(f: () => bigint): PyInt {
  try {
    return normBig(f());
  } catch (e) {
    if (e instanceof RangeError) throw newException(MemoryError);
    throw e;
  }
}

/** @spec #int-bigint */
export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    // A sum of safe integers that is itself safe is exact in doubles: a rounded one is past 2^53.
    return isSafe(r) ? r : toBig(a) + toBig(b);
  }
  return normBig(toBig(a) + toBig(b));
}

/** @spec #int-bigint */
export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return isSafe(r) ? r : toBig(a) - toBig(b);
  }
  return normBig(toBig(a) - toBig(b));
}

/** @spec #int-bigint */
export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    // A rounded product within the safe range is exact; `+ 0` turns 0 * -5 = -0 into 0. One
    // outside it is past 2^53 exactly too, and under 2^106: a big int, far below V8's cap.
    const r = a * b + 0;
    return isSafe(r) ? r : toBig(a) * toBig(b);
  }
  return guard(() => toBig(a) * toBig(b));
}

/** @spec #int-floordiv */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (b === 0) raise(ZeroDivisionError, 'integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    // fmod is exact, so (a - r) / b is an exact integer quotient.
    const r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q + 0;
  }
  const x = toBig(a);
  const y = toBig(b);
  let q = x / y;
  if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
  return normBig(q);
}

/** The remainder takes the sign of the divisor. @spec #int-modulo */
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (b === 0) raise(ZeroDivisionError, 'integer modulo by zero');
  if (typeof b === 'number') {
    // By a small divisor the remainder is small: a number at once, no normalization.
    let r = typeof a === 'number' ? a % b : Number(a % toBig(b));
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r + 0;
  }
  const y = toBig(b);
  let r = toBig(a) % y;
  if (r !== 0n && r < 0n !== y < 0n) r += y;
  return normBig(r);
}

/** a ** b for b >= 0 (negative exponents are float powers, see binary.ts). @spec #int-power */
export function intPowNonNeg(a: PyInt, b: PyInt): PyInt {
  if (a === 0) return b === 0 ? 1 : 0;
  if (a === 1) return 1;
  if (a === -1) return isOdd(b) ? -1 : 1;
  if (typeof b === 'bigint') throw newException(MemoryError);
  if (typeof a === 'number') {
    // Square-and-multiply in doubles while every partial product stays exact.
    let result = 1;
    let base = a;
    let e = b;
    for (;;) {
      if (e % 2 === 1) {
        result *= base;
        if (!isSafe(result)) break;
      }
      e = Math.floor(e / 2);
      if (e === 0) return result;
      base *= base;
      if (!isSafe(base)) break;
    }
  }
  if (b > 2 ** 32) throw newException(MemoryError);
  return guard(() => toBig(a) ** BigInt(b));
}

function isOdd(b: PyInt): boolean {
  return typeof b === 'bigint' ? (b & 1n) === 1n : b % 2 !== 0;
}

/** @spec #int-shift */
export function intLshift(a: PyInt, n: PyInt): PyInt {
  if (n < 0) raise(ValueError, 'negative shift count');
  if (a === 0) return 0;
  if (typeof n === 'bigint' || n > 2 ** 32) throw newException(MemoryError);
  if (typeof a === 'number' && n < 53) {
    const r = a * 2 ** n;
    if (isSafe(r)) return r;
  }
  return guard(() => toBig(a) << BigInt(n));
}

/** Arithmetic (floor) shift. @spec #int-shift */
export function intRshift(a: PyInt, n: PyInt): PyInt {
  if (n < 0) raise(ValueError, 'negative shift count');
  if (typeof a === 'number') {
    if (typeof n === 'bigint' || n >= 53) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** n) + 0;
  }
  if (typeof n === 'bigint') return a < 0n ? -1 : 0;
  return normBig(a >> BigInt(n));
}

const isInt32 = (x: PyInt): x is number => typeof x === 'number' && (x | 0) === x;

/** @spec #int-bitwise */
export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a & b;
  return normBig(toBig(a) & toBig(b));
}

/** @spec #int-bitwise */
export function intOr(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a | b;
  return normBig(toBig(a) | toBig(b));
}

/** @spec #int-bitwise */
export function intXor(a: PyInt, b: PyInt): PyInt {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return normBig(toBig(a) ^ toBig(b));
}

/** @spec #int-bigint */
export function intNeg(a: PyInt): PyInt {
  return typeof a === 'number' ? -a + 0 : normBig(-a);
}

/** ~a == -a - 1. @spec #int-bitwise */
export function intInvert(a: PyInt): PyInt {
  if (typeof a === 'number') {
    const r = -a - 1;
    if (isSafe(r)) return r;
  }
  return normBig(-toBig(a) - 1n);
}

/** @spec #builtin-abs */
export function intAbs(a: PyInt): PyInt {
  return typeof a === 'number' ? Math.abs(a) : a < 0n ? -a : a;
}

export function intSign(a: PyInt): number {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/** @spec #numeric-compare-mixed */
export function intCompare(a: PyInt, b: PyInt): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** float(int): correctly rounded; OverflowError past the double range. @spec #builtin-float */
export function intToFloat(a: PyInt): number {
  if (typeof a === 'number') return a;
  const f = Number(a);
  if (!Number.isFinite(f)) raise(OverflowError, 'int too large to convert to float');
  return f;
}

export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  // toString(16) is linear; refine the top digit.
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/**
 * int / int, correctly rounded like CPython's long_true_divide (exact for any size).
 * @spec #float-truediv
 */
export function intTrueDiv(a: PyInt, b: PyInt): number {
  if (b === 0) raise(ZeroDivisionError, 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const negative = a < 0 !== b < 0;
  const x = intAbs(toBig(a)) as bigint;
  const y = intAbs(toBig(b)) as bigint;
  if (x === 0n) return negative ? -0 : 0;
  const diff = bitLength(x) - bitLength(y);
  // x / y lies in [2^(diff-1), 2^(diff+1)).
  if (diff > 1025) raise(OverflowError, 'integer division result too large for a float');
  if (diff < -1080) return negative ? -0 : 0;
  const s = 55 - diff;
  let q: bigint;
  let r: bigint;
  if (s >= 0) {
    const n = x << BigInt(s);
    q = n / y;
    r = n % y;
  } else {
    const d = y << BigInt(-s);
    q = x / d;
    r = x % d;
  }
  const f = roundToDouble(q, s, r !== 0n);
  if (f === Infinity) raise(OverflowError, 'integer division result too large for a float');
  return negative ? -f : f;
}

/**
 * The double nearest to (q + ε) · 2^-s, ties to even, where ε ∈ (0, 1) iff `sticky`.
 * q > 0 and has at least 55 bits, so one rounding step suffices even for subnormal results.
 */
export function roundToDouble(q: bigint, s: number, sticky: boolean): number {
  const e = bitLength(q) - 1 - s; // floor(log2(value))
  if (e >= 1024) return Infinity;
  const lsb = Math.max(e - 52, -1074);
  const drop = lsb + s;
  let kept: bigint;
  if (drop <= 0) kept = q << BigInt(-drop);
  else {
    kept = q >> BigInt(drop);
    const rem = q - (kept << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    if (rem > half || (rem === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  }
  // kept <= 2^53 and lsb >= -1074, so the product is exact (or overflows to Infinity).
  return Number(kept) * 2 ** lsb;
}
