/** Builtin functions and type constructors (CPython 3.13 results and messages). */
import { BUILTINS } from './builtins';
import { callNative } from './call';
import { exceptionStr } from './exceptions';
import { repr } from './repr';
import { PyBuiltin, PyException, PyFloat, PyList, PyTuple, PyType, type Host, type PyValue } from './values';

let output = '';
const host: Host = {
  write: (s) => {
    output += s;
  },
  resume: () => {
    throw new Error('no generators in this test');
  },
};

const f = (x: number): PyFloat => new PyFloat(x);
const list = (...items: PyValue[]): PyList => new PyList(items);

function call(name: string, args: PyValue[], kwargs: Record<string, PyValue> = {}): PyValue {
  const kw = Object.keys(kwargs).length ? new Map(Object.entries(kwargs)) : null;
  return callNative(BUILTINS.get(name) as PyBuiltin | PyType, args, kw, host);
}

const r = (name: string, args: PyValue[], kwargs: Record<string, PyValue> = {}): string => repr(call(name, args, kwargs));

function error(name: string, args: PyValue[], kwargs: Record<string, PyValue> = {}): string {
  try {
    call(name, args, kwargs);
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

beforeEach(() => {
  output = '';
});

test('print writes str() of each argument with sep and end', () => {
  call('print', [1, 'a', f(1.5), null, list(1, new PyTuple([2]))]);
  call('print', [1, 2], { sep: '-', end: '!' });
  call('print', [1], { sep: null, end: null, flush: true });
  call('print', []);
  expect(output).toBe("1 a 1.5 None [1, (2,)]\n1-2!1\n\n");
  expect(error('print', [1], { sep: 1 })).toBe('TypeError: sep must be None or a string, not int');
  expect(error('print', [1], { end: 2 })).toBe('TypeError: end must be None or a string, not int');
  expect(error('print', [1], { x: 1 })).toBe("TypeError: print() got an unexpected keyword argument 'x'");
});

test('len', () => {
  expect(call('len', ['a😀b'])).toBe(3);
  expect(call('len', [list(1, 2)])).toBe(2);
  expect(call('len', [call('range', [0, 10, 3])])).toBe(4);
  expect(error('len', [1])).toBe("TypeError: object of type 'int' has no len()");
  expect(error('len', [1, 2])).toBe('TypeError: len() takes exactly one argument (2 given)');
  expect(error('len', [])).toBe('TypeError: len() takes exactly one argument (0 given)');
  expect(error('len', [list()], { x: 1 })).toBe('TypeError: len() takes no keyword arguments');
  expect(error('len', [call('range', [2n ** 70n])])).toBe('OverflowError: Python int too large to convert to C ssize_t');
});

test('range', () => {
  expect(r('range', [5])).toBe('range(0, 5)');
  expect(r('range', [1, 10, 2])).toBe('range(1, 10, 2)');
  expect(r('range', [true])).toBe('range(0, 1)');
  expect(error('range', [1, 2, 0])).toBe('ValueError: range() arg 3 must not be zero');
  expect(error('range', [])).toBe('TypeError: range expected at least 1 argument, got 0');
  expect(error('range', [1, 2, 3, 4])).toBe('TypeError: range expected at most 3 arguments, got 4');
  expect(error('range', [f(1.5)])).toBe("TypeError: 'float' object cannot be interpreted as an integer");
  expect(error('range', [1], { x: 1 })).toBe('TypeError: range() takes no keyword arguments');
});

test('abs', () => {
  expect(r('abs', [-5])).toBe('5');
  expect(r('abs', [f(-0.0)])).toBe('0.0');
  expect(r('abs', [true])).toBe('1');
  expect(r('abs', [-(2n ** 53n)])).toBe('9007199254740992');
  expect(error('abs', ['a'])).toBe("TypeError: bad operand type for abs(): 'str'");
});

test('min and max', () => {
  expect(r('min', [list(3, 1, 2)])).toBe('1');
  expect(r('max', [3, 1, 2])).toBe('3');
  expect(r('min', [list(1, f(1))])).toBe('1');
  expect(r('min', [list(f(1), 1)])).toBe('1.0');
  expect(r('min', [list()], { default: 5 })).toBe('5');
  expect(r('max', ['bca'])).toBe("'c'");
  expect(r('max', [list(1, 2)], { key: BUILTINS.get('repr')! })).toBe('2');
  expect(error('min', [list()])).toBe('ValueError: min() iterable argument is empty');
  expect(error('max', [list()])).toBe('ValueError: max() iterable argument is empty');
  expect(error('min', [])).toBe('TypeError: min expected at least 1 argument, got 0');
  expect(error('min', [1])).toBe("TypeError: 'int' object is not iterable");
  expect(error('max', [1, 2], { foo: 1 })).toBe("TypeError: max() got an unexpected keyword argument 'foo'");
  expect(error('max', [1, 2], { default: 3 })).toBe('TypeError: Cannot specify a default for max() with multiple positional arguments');
  expect(error('max', [list(1, 'a')])).toBe("TypeError: '>' not supported between instances of 'str' and 'int'");
});

test('sum follows CPython fast paths, including compensated float summation', () => {
  expect(r('sum', [list(f(0.1), f(0.1), f(0.1), f(0.1), f(0.1), f(0.1), f(0.1), f(0.1), f(0.1), f(0.1))])).toBe('1.0');
  expect(r('sum', [list(1, f(0.1), f(0.2))])).toBe('1.3');
  expect(r('sum', [list(f(1e100), f(1), f(-1e100))])).toBe('1.0');
  expect(r('sum', [list(2n ** 62n, 2n ** 62n, f(0.1), f(0.2))])).toBe('9.223372036854776e+18');
  expect(r('sum', [list(f(-0.0))])).toBe('0.0');
  expect(r('sum', [list(f(-0.0)), f(-0.0)])).toBe('-0.0');
  expect(r('sum', [list(list(1), list(2)), list()])).toBe('[1, 2]');
  expect(r('sum', [list()], { start: f(1.5) })).toBe('1.5');
  expect(error('sum', [list(1), null])).toBe("TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'");
  expect(error('sum', [list('a')])).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  expect(error('sum', [list(1), 'a'])).toBe("TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  expect(error('sum', [])).toBe('TypeError: sum() takes at least 1 positional argument (0 given)');
  expect(error('sum', [1, 2, 3])).toBe('TypeError: sum() takes at most 2 arguments (3 given)');
});

test('int()', () => {
  expect(r('int', [])).toBe('0');
  expect(r('int', [f(-5.9)])).toBe('-5');
  expect(r('int', [f(1e300)]).slice(0, 20)).toBe('10000000000000000525');
  expect(r('int', [' -1_000 '])).toBe('-1000');
  expect(r('int', ['\u3000 7\t'])).toBe('7');
  expect(r('int', ['١٢'])).toBe('12');
  expect(r('int', ['0x10', 16])).toBe('16');
  expect(r('int', ['0b_1', 0])).toBe('1');
  expect(r('int', ['10'], { base: 2 })).toBe('2');
  expect(r('int', ['9007199254740993'])).toBe('9007199254740993');
  expect(error('int', ['x'])).toBe("ValueError: invalid literal for int() with base 10: 'x'");
  expect(error('int', ['1__0'])).toBe("ValueError: invalid literal for int() with base 10: '1__0'");
  expect(error('int', ['010', 0])).toBe("ValueError: invalid literal for int() with base 0: '010'");
  expect(error('int', [f(Infinity)])).toBe('OverflowError: cannot convert float infinity to integer');
  expect(error('int', [f(NaN)])).toBe('ValueError: cannot convert float NaN to integer');
  expect(error('int', [list()])).toBe("TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'");
  expect(error('int', [f(1.5), 2])).toBe("TypeError: int() can't convert non-string with explicit base");
  expect(error('int', ['1', 37])).toBe('ValueError: int() base must be >= 2 and <= 36, or 0');
  expect(error('int', ['1'.repeat(4301)])).toBe(
    'ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit',
  );
});

test('float()', () => {
  expect(r('float', [])).toBe('0.0');
  expect(r('float', [' -inf '])).toBe('-inf');
  expect(r('float', ['nAn'])).toBe('nan');
  expect(r('float', ['1_0.5'])).toBe('10.5');
  expect(r('float', ['1e500'])).toBe('inf');
  expect(r('float', ['.5'])).toBe('0.5');
  expect(r('float', [9007199254740993n])).toBe('9007199254740992.0');
  const x = f(2.5);
  expect(call('float', [x])).toBe(x);
  expect(error('float', [' x '])).toBe("ValueError: could not convert string to float: ' x '");
  expect(error('float', ['1_'])).toBe("ValueError: could not convert string to float: '1_'");
  expect(error('float', ['0x10'])).toBe("ValueError: could not convert string to float: '0x10'");
  expect(error('float', [2n ** 1024n])).toBe('OverflowError: int too large to convert to float');
  expect(error('float', [list()])).toBe("TypeError: float() argument must be a string or a real number, not 'list'");
});

test('str, bool, list, tuple, dict constructors', () => {
  expect(r('str', [f(1)])).toBe("'1.0'");
  expect(r('str', [], { object: 5 })).toBe("'5'");
  expect(r('str', [null])).toBe("'None'");
  expect(r('str', [])).toBe("''");
  expect(r('bool', [f(NaN)])).toBe('True');
  expect(r('bool', [list()])).toBe('False');
  expect(r('list', ['ab'])).toBe("['a', 'b']");
  const t = new PyTuple([1]);
  expect(call('tuple', [t])).toBe(t);
  expect(r('dict', [list(new PyTuple([1, 2]), list(3, 4), 'ab')], { z: 0 })).toBe("{1: 2, 3: 4, 'a': 'b', 'z': 0}");
  expect(error('list', [1])).toBe("TypeError: 'int' object is not iterable");
  expect(error('list', [1, 2])).toBe('TypeError: list expected at most 1 argument, got 2');
  expect(error('dict', [list(1)])).toBe('TypeError: cannot convert dictionary update sequence element #0 to a sequence');
  expect(error('dict', [list(new PyTuple([1, 2, 3]))])).toBe('ValueError: dictionary update sequence element #0 has length 3; 2 is required');
  expect(error('str', [1], { x: 1 })).toBe("TypeError: str() got an unexpected keyword argument 'x'");
  expect(error('bool', [1, 2])).toBe('TypeError: bool expected at most 1 argument, got 2');
});

test('isinstance, iter, next, repr, sorted, enumerate', () => {
  const T = (n: string): PyValue => BUILTINS.get(n)!;
  expect(call('isinstance', [true, T('int')])).toBe(true);
  expect(call('isinstance', [1, T('bool')])).toBe(false);
  expect(call('isinstance', [1, new PyTuple([T('str'), new PyTuple([T('float'), T('int')])])])).toBe(true);
  expect(call('isinstance', [call('KeyError', []), T('LookupError')])).toBe(true);
  expect(call('isinstance', [null, T('object')])).toBe(true);
  expect(error('isinstance', [1, 1])).toBe('TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union');
  expect(error('isinstance', [1])).toBe('TypeError: isinstance expected 2 arguments, got 1');
  expect(call('next', [call('iter', [list()]), 5])).toBe(5);
  expect(error('next', [call('iter', [list()])])).toBe('StopIteration: ');
  expect(error('iter', [1])).toBe("TypeError: 'int' object is not iterable");
  expect(r('repr', ['a'])).toBe(`"'a'"`);
  expect(r('sorted', [list(3, 1, 2)], { reverse: true })).toBe('[3, 2, 1]');
  expect(error('sorted', [list(1, 'a')])).toBe("TypeError: '<' not supported between instances of 'str' and 'int'");
  expect(error('sorted', [list()], { x: 1 })).toBe("TypeError: sort() got an unexpected keyword argument 'x'");
  expect(error('sorted', [])).toBe('TypeError: sorted expected 1 argument, got 0');
  expect(error('enumerate', [])).toBe("TypeError: enumerate() missing required argument 'iterable'");
  expect(error('enumerate', [list()], { x: 1 })).toBe("TypeError: 'x' is an invalid keyword argument for enumerate()");
  expect(error('enumerate', [1, 2, 3])).toBe('TypeError: enumerate() takes at most 2 arguments (3 given)');
  expect(error('enumerate', [1, f(1.5)])).toBe("TypeError: 'float' object cannot be interpreted as an integer");
});

test('exception classes are callable and StopIteration keeps its value', () => {
  const e = call('StopIteration', [5]) as PyException;
  expect(e.value).toBe(5);
  expect(repr(call('ValueError', ['x']))).toBe("ValueError('x')");
  expect(error('ValueError', [], { x: 1 })).toBe('TypeError: ValueError() takes no keyword arguments');
  expect(repr(call('object', []))).toBe('<object object>');
});
