/** repr/str/ascii, float repr; expected strings from CPython 3.13. */
import { floatRepr } from './floatrepr';
import { newException } from './exceptions';
import { ascii, repr, str } from './repr';
import { BUILTINS } from './builtins';
import { KeyError, ValueError, intType } from './types';
import {
  PyBuiltin, PyDict, PyDictView, PyFloat, PyList, PyRange, PySlice, PyTuple, type PyValue,
} from './values';
import { dictSet } from './dict';
import { loadAttr } from './attrs';

const f = (x: number): PyFloat => new PyFloat(x);

function dict(...pairs: [PyValue, PyValue][]): PyDict {
  const d = new PyDict();
  for (const [k, v] of pairs) dictSet(d, k, v);
  return d;
}

describe('floatRepr', () => {
  test.each([
    [1 / 3, '0.3333333333333333'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [9999999999999998.0, '9999999999999998.0'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [0.00012, '0.00012'],
    [1.5e300, '1.5e+300'],
    [123456789012345680.0, '1.2345678901234568e+17'],
    [5e-324, '5e-324'],
    [1e22, '1e+22'],
    [-1.5e-7, '-1.5e-07'],
    [2 ** 0.5, '1.4142135623730951'],
    [1.0, '1.0'],
    [100.0, '100.0'],
    [-0.0, '-0.0'],
    [0.0, '0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('%p -> %s', (x, expected) => {
    expect(floatRepr(x)).toBe(expected);
  });
});

describe('repr of str', () => {
  test.each([
    ["a'b", `"a'b"`],
    ['a"b', `'a"b'`],
    [`a'"b`, `'a\\'"b'`],
    ['\\', "'\\\\'"],
    ['\t\n\r\x00\x1f\x7f', "'\\t\\n\\r\\x00\\x1f\\x7f'"],
    ['\x80\xa0\xad\xff', "'\\x80\\xa0\\xadÿ'"],
    ['\u2028\u200b\ufeff\u3000', "'\\u2028\\u200b\\ufeff\\u3000'"],
    ['é中文😀', "'é中文😀'"],
    ['\ud800', "'\\ud800'"],
    ['\u{e0001}', "'\\U000e0001'"],
  ])('%j', (s, expected) => {
    expect(repr(s)).toBe(expected);
  });

  test('ascii escapes non-ASCII', () => {
    expect(ascii('é😀\u2028')).toBe("'\\xe9\\U0001f600\\u2028'");
    expect(ascii(new PyList(['é']))).toBe("['\\xe9']");
  });
});

describe('repr of containers and objects', () => {
  test('nested containers', () => {
    const v = new PyList([1, 'a', new PyTuple([1]), new PyTuple([]), dict([1, 2]), null, true, f(1)]);
    expect(repr(v)).toBe("[1, 'a', (1,), (), {1: 2}, None, True, 1.0]");
    expect(repr(new PyTuple(['a']))).toBe("('a',)");
    expect(repr(dict(['k', new PyList([f(-0.0)])]))).toBe("{'k': [-0.0]}");
  });

  test('a self-containing list prints [...]', () => {
    const l = new PyList([1]);
    l.items.push(l);
    expect(repr(l)).toBe('[1, [...]]');
    const d = new PyDict();
    dictSet(d, 'me', d);
    expect(repr(d)).toBe("{'me': {...}}");
  });

  test('ranges, slices, dict views', () => {
    expect(repr(new PyRange(0, 10, 1))).toBe('range(0, 10)');
    expect(repr(new PyRange(2, 10, 2))).toBe('range(2, 10, 2)');
    expect(repr(new PySlice(1, null, 'a'))).toBe("slice(1, None, 'a')");
    const d = dict([1, 2]);
    expect(repr(new PyDictView(d, 'keys'))).toBe('dict_keys([1])');
    expect(repr(new PyDictView(d, 'values'))).toBe('dict_values([2])');
    expect(repr(new PyDictView(d, 'items'))).toBe('dict_items([(1, 2)])');
  });

  test('exceptions, types, builtins', () => {
    expect(repr(newException(ValueError, 'x'))).toBe("ValueError('x')");
    expect(repr(newException(ValueError))).toBe('ValueError()');
    expect(repr(newException(ValueError, 1, 2))).toBe('ValueError(1, 2)');
    expect(str(newException(KeyError, 'a'))).toBe("'a'");
    expect(str(newException(ValueError, 'a'))).toBe('a');
    expect(str(newException(ValueError, 'a', 'b'))).toBe("('a', 'b')");
    expect(repr(intType)).toBe("<class 'int'>");
    expect(repr(BUILTINS.get('len') as PyBuiltin)).toBe('<built-in function len>');
    expect(repr(loadAttr(new PyList([]), 'append'))).toBe('<built-in method append of list object>');
    expect(repr(loadAttr(BUILTINS.get('list')!, 'append'))).toBe("<method 'append' of 'list' objects>");
  });

  test('ints beyond 4300 digits cannot be converted to str', () => {
    expect(repr(10n ** 4299n).length).toBe(4300);
    expect(() => repr(10n ** 4300n)).toThrow(
      expect.objectContaining({ args: new PyTuple(['Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit']) }),
    );
  });
});
