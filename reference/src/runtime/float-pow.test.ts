/**
 * floatPow's shortcut for `x ** 0.5` (floatops.ts) must give what CPython 3.13 gives; the expected
 * reprs below were printed by `python3.13 -c "print(repr(x ** 0.5))"` for each x.
 */
import { floatPow } from './floatops';
import { floatRepr } from './floatrepr';

const CPYTHON: readonly [number, string][] = [
  [-0, '0.0'],
  [0, '0.0'],
  [Infinity, 'inf'],
  [5e-324, '2.2227587494850775e-162'],
  [2, '1.4142135623730951'],
  [1e308, '1e+154'],
  [NaN, 'nan'],
];

describe('floatPow(x, 0.5)', () => {
  test.each(CPYTHON)('%p ** 0.5 is CPython\'s %s', (x, repr) => {
    expect(floatRepr(floatPow(x, 0.5))).toBe(repr);
  });

  test('a negative base still raises (CPython makes a complex number; optcert has none)', () => {
    expect(() => floatPow(-4, 0.5)).toThrow();
  });
});
