/** Int and float arithmetic; expected values and messages checked against CPython 3.13. */
import { binaryOp, NB_INPLACE } from './binary';
import { exceptionStr } from './exceptions';
import { repr } from './repr';
import { PyDict, PyException, PyFloat, PyList, PyTuple, type PyValue } from './values';

const OPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
const f = (x: number): PyFloat => new PyFloat(x);

function op(a: PyValue, sym: string, b: PyValue): string {
  return repr(binaryOp(OPS.indexOf(sym), a, b));
}

function fails(a: PyValue, sym: string, b: PyValue, inplace = false): string {
  try {
    binaryOp(OPS.indexOf(sym) + (inplace ? NB_INPLACE : 0), a, b);
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('int arithmetic', () => {
  test('small ints stay JS numbers', () => {
    expect(binaryOp(0, 2, 3)).toBe(5);
    expect(binaryOp(5, 0, -5)).toBe(0);
    expect(Object.is(binaryOp(5, 0, -5), -0)).toBe(false);
    expect(Object.is(binaryOp(6, -4, 2), -0)).toBe(false);
  });

  test('promotion to bigint and back at 2**53', () => {
    const max = 2 ** 53 - 1;
    expect(binaryOp(0, max, 1)).toBe(9007199254740992n);
    expect(binaryOp(0, max, 2)).toBe(9007199254740993n);
    expect(binaryOp(10, 9007199254740992n, 1)).toBe(max);
    expect(binaryOp(10, -max, 1)).toBe(-9007199254740992n);
    expect(binaryOp(5, max, 3)).toBe(27021597764222973n);
    expect(op(2, '**', 63)).toBe('9223372036854775808');
    expect(op(10, '**', 30)).toBe('1000000000000000000000000000000');
    expect(op(10n ** 30n, '//', 10n ** 28n)).toBe('100');
    expect(typeof binaryOp(2, 10n ** 30n, 10n ** 28n)).toBe('number');
  });

  test('floor division and modulo take the sign of the divisor', () => {
    expect(op(-7, '//', 2)).toBe('-4');
    expect(op(-7, '%', 2)).toBe('1');
    expect(op(7, '%', -2)).toBe('-1');
    expect(op(7, '//', -2)).toBe('-4');
    expect(op(-(10n ** 30n), '//', 7)).toBe('-142857142857142857142857142858');
    expect(op(-(10n ** 30n), '%', 7)).toBe('6');
    expect(op(2n ** 64n, '%', -3)).toBe('-2');
  });

  test('true division is correctly rounded, also for huge ints', () => {
    expect(op(1, '/', 3)).toBe('0.3333333333333333');
    expect(op(10n ** 30n, '/', 7)).toBe('1.4285714285714285e+29');
    expect(op(2n ** 53n + 1n, '/', 1)).toBe('9007199254740992.0');
    expect(op(2n ** 64n + 1n, '/', 2n ** 64n)).toBe('1.0');
    expect(op(1, '/', 2n ** 1074n)).toBe('5e-324');
    expect(op(1, '/', 2n ** 1075n)).toBe('0.0'); // exactly half the smallest subnormal: ties to even
    expect(op(2n ** 1075n + 1n, '/', 2n ** 2150n)).toBe('5e-324');
    expect(op(2n ** 1024n - 2n ** 970n - 1n, '/', 1)).toBe('1.7976931348623157e+308');
    expect(op(0, '/', -5)).toBe('-0.0');
    expect(fails(2n ** 1024n - 2n ** 970n, '/', 1)).toBe('OverflowError: integer division result too large for a float');
  });

  test('powers', () => {
    expect(op(2, '**', 100)).toBe('1267650600228229401496703205376');
    expect(op(2, '**', -1)).toBe('0.5');
    expect(op(-2, '**', -3)).toBe('-0.125');
    expect(op(7, '**', -2)).toBe('0.02040816326530612');
    expect(op(10, '**', -400)).toBe('0.0');
    expect(op(-1, '**', 2n ** 70n + 1n)).toBe('-1');
    expect(fails(0, '**', -1)).toBe('ZeroDivisionError: 0.0 cannot be raised to a negative power');
    expect(fails(2n ** 1100n, '**', -1)).toBe('OverflowError: int too large to convert to float');
  });

  test('shifts and bitwise operators', () => {
    expect(op(1, '<<', 100)).toBe('1267650600228229401496703205376');
    expect(op(-5, '>>', 1)).toBe('-3');
    expect(op(-5, '>>', 2n ** 100n)).toBe('-1');
    expect(op(5, '>>', 2n ** 100n)).toBe('0');
    expect(op(2n ** 64n, '>>', 60)).toBe('16');
    expect(op(-1, '&', 2n ** 64n + 5n)).toBe('18446744073709551621');
    expect(op(2 ** 40, '|', 1)).toBe('1099511627777');
    expect(op(-(2 ** 40), '^', 3)).toBe('-1099511627773');
    expect(fails(1, '<<', -1)).toBe('ValueError: negative shift count');
    expect(fails(1, '>>', -1)).toBe('ValueError: negative shift count');
  });

  test('bool takes part as int, but & | ^ of two bools stay bool', () => {
    expect(op(true, '+', 1)).toBe('2');
    expect(op(true, '&', true)).toBe('True');
    expect(op(true, '^', true)).toBe('False');
    expect(op(true, '&', 1)).toBe('1');
    expect(op(true, '/', true)).toBe('1.0');
    expect(op(f(1.5), '+', true)).toBe('2.5');
  });

  test('ZeroDivisionError messages', () => {
    expect(fails(1, '/', 0)).toBe('ZeroDivisionError: division by zero');
    expect(fails(1, '//', 0)).toBe('ZeroDivisionError: integer division or modulo by zero');
    expect(fails(1, '%', 0)).toBe('ZeroDivisionError: integer modulo by zero');
    expect(fails(f(1), '/', 0)).toBe('ZeroDivisionError: float division by zero');
    expect(fails(1, '/', f(0))).toBe('ZeroDivisionError: float division by zero');
    expect(fails(f(1), '//', 0)).toBe('ZeroDivisionError: float floor division by zero');
    expect(fails(f(1), '%', f(-0))).toBe('ZeroDivisionError: float modulo by zero');
  });
});

describe('float arithmetic', () => {
  test('IEEE results with Python repr', () => {
    expect(op(f(0.1), '+', f(0.2))).toBe('0.30000000000000004');
    expect(op(f(1e308), '*', 10)).toBe('inf');
    expect(op(f(Infinity), '-', f(Infinity))).toBe('nan');
  });

  test('float floor division and modulo', () => {
    expect(op(f(-7.5), '//', 2)).toBe('-4.0');
    expect(op(f(7.5), '%', -2)).toBe('-0.5');
    expect(op(f(-0.0), '//', 1)).toBe('-0.0');
    expect(op(f(7), '%', -7)).toBe('-0.0');
    expect(op(f(-7), '%', 7)).toBe('0.0');
    expect(op(f(-5), '//', f(Infinity))).toBe('-1.0');
    expect(op(f(5), '%', f(-Infinity))).toBe('-inf');
    expect(op(f(Infinity), '//', 1)).toBe('nan');
    expect(op(f(1e308), '//', f(1e-308))).toBe('inf');
  });

  test('float powers follow float_pow, correctly rounded', () => {
    expect(op(f(2), '**', f(0.5))).toBe('1.4142135623730951');
    expect(op(2, '**', f(1.5))).toBe('2.8284271247461903');
    expect(op(f(NaN), '**', 0)).toBe('1.0');
    expect(op(f(1), '**', f(NaN))).toBe('1.0');
    expect(op(f(-1), '**', f(Infinity))).toBe('1.0');
    expect(op(f(0), '**', f(-Infinity))).toBe('inf');
    expect(op(f(-0.0), '**', 3)).toBe('-0.0');
    expect(op(f(-Infinity), '**', -3)).toBe('-0.0');
    expect(op(f(2), '**', -1080)).toBe('0.0');
    expect(fails(f(2), '**', 10000)).toBe("OverflowError: (34, 'Numerical result out of range')");
    expect(fails(f(-0.0), '**', f(-1))).toBe('ZeroDivisionError: 0.0 cannot be raised to a negative power');
  });

  test('int/float mixing converts the int, with OverflowError past the double range', () => {
    expect(op(2n ** 53n + 1n, '+', f(0))).toBe('9007199254740992.0');
    expect(fails(2n ** 1030n, '*', f(1.5))).toBe('OverflowError: int too large to convert to float');
  });
});

describe('sequences and unsupported operands', () => {
  test('concatenation and repetition', () => {
    expect(op('ab', '+', 'cd')).toBe("'abcd'");
    expect(op('ab', '*', 3)).toBe("'ababab'");
    expect(op(-1, '*', 'ab')).toBe("''");
    expect(op(true, '*', 'ab')).toBe("'ab'");
  });

  test('CPython TypeError messages', () => {
    expect(fails(1, '+', 'a')).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(fails('a', '+', 1)).toBe('TypeError: can only concatenate str (not "int") to str');
    expect(fails('a', '*', f(1.5))).toBe("TypeError: can't multiply sequence by non-int of type 'float'");
    expect(fails(1, '@', 2)).toBe("TypeError: unsupported operand type(s) for @: 'int' and 'int'");
    expect(fails('a', '**', 2)).toBe("TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'");
    expect(fails(f(1.5), '&', 1)).toBe("TypeError: unsupported operand type(s) for &: 'float' and 'int'");
  });

  test('in-place forms name the in-place operator', () => {
    expect(fails(1, '+', 'a', true)).toBe("TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
    expect(fails(1, '**', 'a', true)).toBe("TypeError: unsupported operand type(s) for **=: 'int' and 'str'");
    expect(fails(new PyDict(), '*', 'ab', true)).toBe("TypeError: unsupported operand type(s) for *=: 'dict' and 'str'");
    expect(op(3, '*', 'ab')).toBe("'ababab'");
  });

  test('list += extends and *= repeats in place', () => {
    const l = new PyList([1]);
    expect(binaryOp(NB_INPLACE, l, 'ab')).toBe(l);
    expect(repr(l)).toBe("[1, 'a', 'b']");
    expect(binaryOp(NB_INPLACE + 5, l, 2)).toBe(l);
    expect(repr(l)).toBe("[1, 'a', 'b', 1, 'a', 'b']");
    const m = new PyList([1]);
    const sum = binaryOp(0, m, new PyList([2]));
    expect(sum).not.toBe(m);
    expect(repr(m)).toBe('[1]');
    expect(fails(new PyList([]), '+', 1, true)).toBe("TypeError: 'int' object is not iterable");
    expect(fails(new PyList([]), '+', new PyTuple([]))).toBe('TypeError: can only concatenate list (not "tuple") to list');
  });

  test('str % formats printf-style', () => {
    expect(op('%5.1f|%-4d|%#x|%s', '%', new PyTuple([f(3.14159), 7, 255, new PyList([1])]))).toBe("'  3.1|7   |0xff|[1]'");
    expect(fails('ab', '%', 1)).toBe('TypeError: not all arguments converted during string formatting');
    expect(fails('%d', '%', 'a')).toBe('TypeError: %d format: a real number is required, not str');
  });
});
