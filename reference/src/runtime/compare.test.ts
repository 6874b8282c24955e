/** Comparisons, equality, identity and dict key equality (CPython 3.13 results). */
import { compareOp, EQ, GE, GT, isIdentical, LE, LT, NE, pyEquals } from './compare';
import { dictDelete, dictGet, dictGetItem, dictSet, keyOf } from './dict';
import { exceptionStr } from './exceptions';
import { PyDict, PyException, PyFloat, PyList, PyRange, PyTuple, type PyValue } from './values';

const f = (x: number): PyFloat => new PyFloat(x);
const list = (...items: PyValue[]): PyList => new PyList(items);
const tuple = (...items: PyValue[]): PyTuple => new PyTuple(items);

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('numeric comparison', () => {
  test('int with float compares exactly, even past 2**53', () => {
    expect(pyEquals(2n ** 53n + 1n, f(2 ** 53))).toBe(false);
    expect(pyEquals(2n ** 53n, f(2 ** 53))).toBe(true);
    expect(compareOp(GT, 2n ** 53n + 1n, f(2 ** 53))).toBe(true);
    expect(compareOp(LT, 10n ** 400n, f(Infinity))).toBe(true);
    expect(compareOp(LT, 10n ** 400n, f(1e308))).toBe(false);
    expect(compareOp(LT, f(1.5), 2n ** 1030n)).toBe(true);
    expect(pyEquals(true, f(1))).toBe(true);
    expect(pyEquals(1, true)).toBe(true);
  });

  test('nan is unordered and unequal', () => {
    const nan = f(NaN);
    expect(compareOp(EQ, nan, nan)).toBe(false);
    expect(compareOp(NE, nan, nan)).toBe(true);
    expect(compareOp(LT, 1, nan)).toBe(false);
    expect(compareOp(GE, nan, 1)).toBe(false);
  });

  test('mixed types: == is False, ordering is a TypeError', () => {
    expect(compareOp(EQ, 1, 'a')).toBe(false);
    expect(compareOp(NE, list(1), tuple(1))).toBe(true);
    expect(error(() => compareOp(LT, 1, 'a'))).toBe("TypeError: '<' not supported between instances of 'int' and 'str'");
    expect(error(() => compareOp(GE, null, null))).toBe("TypeError: '>=' not supported between instances of 'NoneType' and 'NoneType'");
    expect(error(() => compareOp(LT, new PyDict(), new PyDict()))).toBe("TypeError: '<' not supported between instances of 'dict' and 'dict'");
  });
});

describe('sequence comparison', () => {
  test('lexicographic on the first differing item, then length', () => {
    expect(compareOp(LT, tuple(1, 2), tuple(1, 2, 3))).toBe(true);
    expect(compareOp(LT, tuple(1, 2), tuple(1))).toBe(false);
    expect(compareOp(LT, list(1, list(2, list(3))), list(1, list(2, list(4))))).toBe(true);
    expect(compareOp(EQ, list(1, 'a'), list(1, 2))).toBe(false);
    expect(error(() => compareOp(LT, list(1, 2), list(1, 'a')))).toBe("TypeError: '<' not supported between instances of 'int' and 'str'");
    expect(error(() => compareOp(LE, list(1, 'a'), list(1, 2)))).toBe("TypeError: '<=' not supported between instances of 'str' and 'int'");
  });

  test('strings compare by code point', () => {
    expect(compareOp(LT, 'a', 'b')).toBe(true);
    expect(compareOp(LT, 'b', 'ab')).toBe(false);
    expect(compareOp(LT, '😀', '\uffff')).toBe(false);
    expect(compareOp(GT, '😀', '\uffff')).toBe(true);
  });

  test('containers use identity before ==, so a nan item equals itself', () => {
    const nan = f(NaN);
    expect(pyEquals(list(nan), list(nan))).toBe(true);
    expect(pyEquals(list(f(NaN)), list(f(NaN)))).toBe(false);
  });

  test('dicts and ranges', () => {
    const a = new PyDict();
    dictSet(a, 1, 2);
    const b = new PyDict();
    dictSet(b, 1, f(2));
    expect(pyEquals(a, b)).toBe(true);
    expect(pyEquals(new PyRange(0, 0, 1), new PyRange(5, 5, 1))).toBe(true);
    expect(pyEquals(new PyRange(0, 3, 1), new PyRange(0, 3, 1))).toBe(true);
    expect(pyEquals(new PyRange(1, 2, 5), new PyRange(1, 3, 5))).toBe(true);
  });
});

describe('identity', () => {
  test('value identity for ints and strs, object identity otherwise', () => {
    expect(isIdentical(2n ** 70n, 2n ** 70n)).toBe(true);
    expect(isIdentical('ab', 'ab')).toBe(true);
    expect(isIdentical(1, true)).toBe(false);
    expect(isIdentical(f(1), f(1))).toBe(false);
    const x = f(1);
    expect(isIdentical(x, x)).toBe(true);
    expect(isIdentical(list(), list())).toBe(false);
  });
});

describe('dict keys', () => {
  test('1, 1.0 and True are one key; the first key object is kept', () => {
    const d = new PyDict();
    dictSet(d, 1, 'int');
    dictSet(d, f(1), 'float');
    dictSet(d, true, 'bool');
    expect(d.entries.size).toBe(1);
    expect([...d.entries.values()][0]).toMatchObject({ key: 1, value: 'bool' });
    expect(keyOf(f(-0.0))).toBe(keyOf(0));
    expect(keyOf(f(2 ** 53))).toBe(keyOf(2n ** 53n));
    expect(keyOf(2n ** 53n + 1n)).not.toBe(keyOf(f(2 ** 53)));
    expect(keyOf(f(1e300))).toBe(keyOf(BigInt(1e300)));
  });

  test('strings never collide with other keys; tuples are keyed recursively', () => {
    expect(keyOf('1')).not.toBe(keyOf(1));
    expect(keyOf(tuple('a', 1))).not.toBe(keyOf(tuple('a1')));
    expect(keyOf(tuple(1, tuple(2, 'a')))).toBe(keyOf(tuple(f(1), tuple(f(2), 'a'))));
    expect(keyOf(tuple(-1))).toBe(keyOf(tuple(f(-1))));
    expect(keyOf(new PyRange(0, 3, 1))).toBe(keyOf(new PyRange(0, 3, 1)));
  });

  test('nan keys are distinct unless they are the same object', () => {
    const nan = f(NaN);
    expect(keyOf(nan)).toBe(keyOf(nan));
    expect(keyOf(nan)).not.toBe(keyOf(f(NaN)));
  });

  test('unhashable keys and KeyError', () => {
    expect(error(() => keyOf(list(1)))).toBe("TypeError: unhashable type: 'list'");
    expect(error(() => keyOf(tuple(1, list(2))))).toBe("TypeError: unhashable type: 'list'");
    expect(error(() => keyOf(new PyDict()))).toBe("TypeError: unhashable type: 'dict'");
    const d = new PyDict();
    dictSet(d, 'k', 1);
    expect(dictGet(d, 'x')).toBeUndefined();
    expect(error(() => dictGetItem(d, 'x'))).toBe("KeyError: 'x'");
    expect(error(() => dictDelete(d, 2))).toBe('KeyError: 2');
    const key = tuple(1);
    expect(() => dictGetItem(d, key)).toThrow(expect.objectContaining({ args: tuple(key) }));
    dictDelete(d, 'k');
    expect(d.entries.size).toBe(0);
  });
});
