/** Indexing and slicing (CPython 3.13 results and messages). */
import { dictSet } from './dict';
import { exceptionStr } from './exceptions';
import { repr } from './repr';
import { delItem, getItem, getSlice, setItem, setSlice } from './subscript';
import { intType } from './types';
import { PyDict, PyDictView, PyException, PyFloat, PyList, PyRange, PySlice, PyTuple, type PyValue } from './values';

const list = (...items: PyValue[]): PyList => new PyList(items);
const tuple = (...items: PyValue[]): PyTuple => new PyTuple(items);
const slice = (a: PyValue, b: PyValue, c: PyValue = null): PySlice => new PySlice(a, b, c);

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('getItem', () => {
  test('negative indices and errors', () => {
    expect(getItem(list(1, 2, 3), -1)).toBe(3);
    expect(getItem(list(1, 2, 3), true)).toBe(2);
    expect(getItem('a😀b', 1)).toBe('😀');
    expect(error(() => getItem(list(), 0))).toBe('IndexError: list index out of range');
    expect(error(() => getItem(tuple(), 0))).toBe('IndexError: tuple index out of range');
    expect(error(() => getItem('abc', 5))).toBe('IndexError: string index out of range');
    expect(error(() => getItem(list(1), 2n ** 70n))).toBe("IndexError: cannot fit 'int' into an index-sized integer");
    expect(error(() => getItem(list(1), 2n ** 62n))).toBe('IndexError: list index out of range');
    expect(error(() => getItem(list(1), 'a'))).toBe('TypeError: list indices must be integers or slices, not str');
    expect(error(() => getItem(tuple(1), new PyFloat(1)))).toBe('TypeError: tuple indices must be integers or slices, not float');
    expect(error(() => getItem('a', 'a'))).toBe("TypeError: string indices must be integers, not 'str'");
    expect(error(() => getItem(5, 0))).toBe("TypeError: 'int' object is not subscriptable");
    expect(error(() => getItem(new PyDictView(new PyDict(), 'keys'), 0))).toBe("TypeError: 'dict_keys' object is not subscriptable");
    expect(error(() => getItem(intType, 0))).toBe("TypeError: type 'int' is not subscriptable");
  });

  test('dict lookup raises KeyError with the key', () => {
    const d = new PyDict();
    dictSet(d, 1, 'one');
    expect(getItem(d, new PyFloat(1))).toBe('one');
    expect(error(() => getItem(d, 'a'))).toBe("KeyError: 'a'");
  });

  test('slices with steps, negative bounds and huge bounds', () => {
    const l = list(1, 2, 3, 4, 5);
    expect(repr(getItem(l, slice(null, null, -1)))).toBe('[5, 4, 3, 2, 1]');
    expect(repr(getItem(l, slice(3, 1, -1)))).toBe('[4, 3]');
    expect(repr(getItem(l, slice(-(2n ** 70n), null)))).toBe('[1, 2, 3, 4, 5]');
    expect(repr(getItem(l, slice(null, null, 2n ** 70n)))).toBe('[1]');
    expect(repr(getItem('a😀bc', slice(null, null, -1)))).toBe("'cb😀a'");
    expect(repr(getSlice(l, -2, null))).toBe('[4, 5]');
    expect(error(() => getItem(l, slice(null, null, 0)))).toBe('ValueError: slice step cannot be zero');
    expect(error(() => getItem(l, slice('a', null)))).toBe('TypeError: slice indices must be integers or None or have an __index__ method');
  });

  test('a full tuple slice is the same tuple; a list slice is a copy', () => {
    const t = tuple(1, 2);
    expect(getSlice(t, null, null)).toBe(t);
    const l = list(1, 2);
    expect(getSlice(l, null, null)).not.toBe(l);
  });

  test('ranges index and slice in arbitrary precision', () => {
    expect(getItem(new PyRange(0, 2n ** 70n, 1), -1)).toBe(2n ** 70n - 1n);
    expect(repr(getItem(new PyRange(0, 10, 1), slice(null, null, -1)))).toBe('range(9, -1, -1)');
    expect(repr(getItem(new PyRange(0, 10, 3), slice(1, null)))).toBe('range(3, 12, 3)');
    expect(repr(getItem(new PyRange(0, 5, 1), slice(10, null)))).toBe('range(5, 5)');
    expect(error(() => getItem(new PyRange(0, 3, 1), 5))).toBe('IndexError: range object index out of range');
    expect(error(() => getItem(new PyRange(0, 3, 1), 'a'))).toBe('TypeError: range indices must be integers or slices, not str');
  });
});

describe('setItem / setSlice / delItem', () => {
  test('list item assignment', () => {
    const l = list(1, 2);
    setItem(l, -1, 9);
    expect(repr(l)).toBe('[1, 9]');
    expect(error(() => setItem(l, 2, 0))).toBe('IndexError: list assignment index out of range');
    expect(error(() => setItem(l, new PyFloat(1.5), 0))).toBe('TypeError: list indices must be integers or slices, not float');
  });

  test('slice assignment, including from the list itself and extended slices', () => {
    const l = list(1, 2);
    setSlice(l, 5, 1, list(9));
    expect(repr(l)).toBe('[1, 2, 9]');
    const m = list(1, 2);
    setSlice(m, 1, null, m);
    expect(repr(m)).toBe('[1, 1, 2]');
    const n = list(1, 2, 3);
    setItem(n, slice(null, null, -1), list(4, 5, 6));
    expect(repr(n)).toBe('[6, 5, 4]');
    setSlice(n, 0, 2, 'ab');
    expect(repr(n)).toBe("['a', 'b', 4]");
    expect(error(() => setItem(n, slice(null, null, 2), list(1)))).toBe('ValueError: attempt to assign sequence of size 1 to extended slice of size 2');
    expect(error(() => setSlice(n, 0, 1, 1))).toBe('TypeError: must assign iterable to extended slice');
    expect(error(() => setItem(n, slice(null, null, 0), 1))).toBe('ValueError: slice step cannot be zero');
  });

  test('deletion', () => {
    const l = list(1, 2, 3, 4);
    delItem(l, slice(null, null, 2));
    expect(repr(l)).toBe('[2, 4]');
    const m = list(1, 2, 3, 4, 5);
    delItem(m, slice(null, null, -2));
    expect(repr(m)).toBe('[2, 4]');
    delItem(m, 0);
    expect(repr(m)).toBe('[4]');
    expect(error(() => delItem(list(), 0))).toBe('IndexError: list assignment index out of range');
    const d = new PyDict();
    expect(error(() => delItem(d, 1))).toBe('KeyError: 1');
  });

  test('immutable and non-container messages follow CPython wording', () => {
    expect(error(() => setItem(tuple(1), 0, 2))).toBe("TypeError: 'tuple' object does not support item assignment");
    expect(error(() => setItem('a', 0, 'b'))).toBe("TypeError: 'str' object does not support item assignment");
    expect(error(() => setItem(5, 0, 1))).toBe("TypeError: 'int' object does not support item assignment");
    expect(error(() => delItem(tuple(1), 0))).toBe("TypeError: 'tuple' object doesn't support item deletion");
    expect(error(() => delItem(tuple(1), 'a'))).toBe("TypeError: 'tuple' object does not support item deletion");
    expect(error(() => delItem(5, 0))).toBe("TypeError: 'int' object does not support item deletion");
    expect(error(() => delItem(tuple(1), 2n ** 70n))).toBe("IndexError: cannot fit 'int' into an index-sized integer");
  });
});
