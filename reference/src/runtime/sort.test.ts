/** The timsort port: same comparisons as CPython 3.13, so even failing sorts leave the same order. */
import { compareOp, LT } from './compare';
import { exceptionStr } from './exceptions';
import { timsort } from './sort';
import { PyException, type PyValue } from './values';

const lt = (a: PyValue, b: PyValue): boolean => compareOp(LT, a, b);

test('a sort that fails part-way leaves the list exactly as CPython does', () => {
  const xs: PyValue[] = Array.from({ length: 70 }, (_, i) => (i * 37) % 71);
  xs[50] = 'x';
  let message = '';
  try {
    timsort(xs, lt, false);
  } catch (e) {
    message = exceptionStr(e as PyException);
  }
  expect(message).toBe("'<' not supported between instances of 'str' and 'int'");
  expect(xs).toEqual([
    0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 18, 21, 24, 27, 30, 33, 36, 37, 39, 40, 42, 43, 45, 46, 48, 49, 51, 52, 55,
    58, 61, 64, 67, 70, 1, 17, 20, 23, 26, 29, 32, 35, 38, 54, 57, 60, 63, 66, 69, 'x', 41, 7, 44, 10, 47, 13, 50, 16,
    53, 19, 56, 22, 59, 25, 62, 28, 65, 31, 68,
  ]);
});

test('large reverse sort (merges and galloping)', () => {
  const ys = Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000);
  timsort(ys, lt, true);
  expect(ys.slice(0, 5)).toEqual([996, 993, 990, 987, 984]);
  expect(ys.reduce((acc, v, i) => acc + i * v, 0)).toBe(14906868);
});

test('stable for equal keys', () => {
  const zs = Array.from({ length: 200 }, (_, i) => ({ k: (i * 13) % 7, i }));
  timsort(zs, (a, b) => a.k < b.k, false);
  expect(zs.slice(0, 6).map((z) => [z.k, z.i])).toEqual([[0, 0], [0, 7], [0, 14], [0, 21], [0, 28], [0, 35]]);
  for (let j = 1; j < zs.length; j++) {
    const a = zs[j - 1]!;
    const b = zs[j]!;
    expect(a.k < b.k || (a.k === b.k && a.i < b.i)).toBe(true);
  }
});
