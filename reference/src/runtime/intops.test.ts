/**
 * Int arithmetic at the edge of the two representations (spec/values.md#int-representation): a
 * result is a JS number exactly when it is a safe integer, whichever path computed it. The fast
 * paths skip normalization where a proof says the result cannot be on the other side (a sum or
 * product of small ints that rounded past 2^53 is past it; a remainder by a small divisor is
 * small); these tests check them against exact BigInt arithmetic with Python's rules.
 */
import { intAdd, intMod, intMul, intSub, MAX_SAFE, type PyInt } from './intops';

const MAX = BigInt(MAX_SAFE);

/** The VM's representation of an exact integer. */
function represent(x: bigint): PyInt {
  return x >= -MAX && x <= MAX ? Number(x) : x;
}

/** Python's `%`: the remainder takes the divisor's sign. */
function pyMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

const big = (v: PyInt): bigint => BigInt(v);

/** Ints around the boundaries the fast paths decide on, in both representations where they are big. */
const EDGE: PyInt[] = [
  0, 1, -1, 2, -2, 3, 7, 1000, -1000, 12345, 1103515245, 2147483648, -2147483648,
  2 ** 26, 2 ** 26 + 1, -(2 ** 26), 2 ** 27 - 1, 94906265, 94906266, -94906266,
  MAX_SAFE, -MAX_SAFE, MAX_SAFE - 1, -MAX_SAFE + 1, 2 ** 52, -(2 ** 52), 4503599627370497,
  2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 64n, -(2n ** 64n) + 5n, 2n ** 100n + 3n,
];

function check(name: string, op: (a: PyInt, b: PyInt) => PyInt, exact: (a: bigint, b: bigint) => bigint, skip = (_b: PyInt): boolean => false): void {
  test(`${name}: every result is exact and in the representation its size calls for`, () => {
    const wrong: string[] = [];
    for (const a of EDGE) {
      for (const b of EDGE) {
        if (skip(b)) continue;
        const got = op(a, b);
        const want = represent(exact(big(a), big(b)));
        if (typeof got !== typeof want || got !== want || Object.is(got, -0)) wrong.push(`${a} ${name} ${b} = ${String(got)} (${typeof got}), not ${String(want)} (${typeof want})`);
      }
    }
    expect(wrong).toEqual([]);
  });
}

describe('int arithmetic across 2^53', () => {
  check('+', intAdd, (a, b) => a + b);
  check('-', intSub, (a, b) => a - b);
  check('*', intMul, (a, b) => a * b);
  check('%', intMod, pyMod, (b) => b === 0);

  test('a product just past 2^53 is a big int, one just below a number', () => {
    expect(intMul(94906266, 94906266)).toBe(94906266n * 94906266n);
    expect(intMul(94906265, 94906265)).toBe(94906265 * 94906265);
    expect(intMul(2147483647, 1103515245)).toBe(2147483647n * 1103515245n);
    expect(intMul(0, -5)).toBe(0);
    expect(Object.is(intMul(0, -5), -0)).toBe(false);
  });

  test('a sum that reaches 2^53 is a big int, its way back a number', () => {
    expect(intAdd(MAX_SAFE, 1)).toBe(2n ** 53n);
    expect(intSub(-MAX_SAFE, 1)).toBe(-(2n ** 53n));
    expect(intAdd(2n ** 53n, -1)).toBe(MAX_SAFE);
  });

  test('a big int modulo a small divisor is a number with the divisor\'s sign', () => {
    expect(intMod(2n ** 70n + 12345n, 2147483648)).toBe(12345);
    expect(intMod(-(2n ** 70n) - 1n, 7)).toBe(Number(pyMod(-(2n ** 70n) - 1n, 7n)));
    expect(intMod(2n ** 70n + 1n, -7)).toBe(Number(pyMod(2n ** 70n + 1n, -7n)));
    expect(intMod(2n ** 70n, 2)).toBe(0);
    expect(Object.is(intMod(-(2n ** 70n), -2), -0)).toBe(false);
  });
});
