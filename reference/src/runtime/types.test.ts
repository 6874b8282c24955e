/** Types, exception matching, truthiness and unary operators (CPython 3.13 behaviour). */
import { dictSet } from './dict';
import { excMatches, exceptionStr, newException, raise } from './exceptions';
import { getIter } from './iter';
import { repr } from './repr';
import {
  ArithmeticError, BaseException, Exception, IndexError, KeyError, LookupError, OverflowError, RecursionError,
  RuntimeError, StopIteration, TypeError, UnboundLocalError, NameError, ValueError, ZeroDivisionError, boolType,
  intType, isSubtype, typeName, typeOf,
} from './types';
import { invert, negative, positive, truthy } from './unary';
import {
  PyDict, PyDictView, PyException, PyFloat, PyList, PyRange, PyTuple, type PyValue,
} from './values';

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('types', () => {
  test('typeOf and typeName', () => {
    expect(typeOf(true)).toBe(boolType);
    expect(typeOf(2n ** 70n)).toBe(intType);
    expect(typeName(null)).toBe('NoneType');
    expect(typeName(new PyFloat(1))).toBe('float');
    expect(typeName(getIter('abc'))).toBe('str_ascii_iterator');
    expect(typeName(getIter('é'))).toBe('str_iterator');
    expect(typeName(getIter(new PyRange(0, 3, 1)))).toBe('range_iterator');
    expect(typeName(getIter(new PyRange(0, 2n ** 70n, 1)))).toBe('longrange_iterator');
    expect(typeName(new PyDictView(new PyDict(), 'values'))).toBe('dict_values');
    expect(typeName(getIter(new PyDictView(new PyDict(), 'items')))).toBe('dict_itemiterator');
    expect(typeName(newException(KeyError))).toBe('KeyError');
  });

  test('the exception hierarchy', () => {
    expect(isSubtype(ZeroDivisionError, ArithmeticError)).toBe(true);
    expect(isSubtype(OverflowError, ArithmeticError)).toBe(true);
    expect(isSubtype(KeyError, LookupError)).toBe(true);
    expect(isSubtype(IndexError, LookupError)).toBe(true);
    expect(isSubtype(UnboundLocalError, NameError)).toBe(true);
    expect(isSubtype(RecursionError, RuntimeError)).toBe(true);
    expect(isSubtype(StopIteration, Exception)).toBe(true);
    expect(isSubtype(Exception, BaseException)).toBe(true);
    expect(isSubtype(KeyError, ArithmeticError)).toBe(false);
    expect(isSubtype(boolType, intType)).toBe(true);
  });
});

describe('exceptions', () => {
  test('excMatches with a class or a tuple of classes', () => {
    const e = newException(ZeroDivisionError, 'division by zero');
    expect(excMatches(e, ArithmeticError)).toBe(true);
    expect(excMatches(e, LookupError)).toBe(false);
    expect(excMatches(e, new PyTuple([KeyError, Exception]))).toBe(true);
    expect(error(() => excMatches(e, 1))).toBe('TypeError: catching classes that do not inherit from BaseException is not allowed');
    expect(error(() => excMatches(e, new PyTuple([ZeroDivisionError, intType])))).toBe(
      'TypeError: catching classes that do not inherit from BaseException is not allowed',
    );
  });

  test('str(exc): KeyError shows the repr of its key', () => {
    expect(exceptionStr(newException(KeyError, 'a'))).toBe("'a'");
    expect(exceptionStr(newException(KeyError))).toBe('');
    expect(exceptionStr(newException(KeyError, 1, 2))).toBe('(1, 2)');
    expect(exceptionStr(newException(ValueError, ''))).toBe('');
    expect(exceptionStr(newException(OverflowError, 34, 'Numerical result out of range'))).toBe("(34, 'Numerical result out of range')");
  });

  test('raise throws the PyException itself', () => {
    let thrown: unknown;
    try {
      raise(TypeError, 'boom');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PyException);
    expect(thrown).not.toBeInstanceOf(Error);
    expect(repr(thrown as PyValue)).toBe("TypeError('boom')");
    expect(newException(StopIteration, 3).value).toBe(3);
    expect(newException(StopIteration).value).toBeNull();
  });
});

describe('truthiness and unary operators', () => {
  test.each<[PyValue, boolean]>([
    [0, false], [-1, true], [2n ** 70n, true], [new PyFloat(0), false], [new PyFloat(-0), false],
    [new PyFloat(NaN), true], ['', false], [' ', true], [null, false], [new PyList([]), false],
    [new PyTuple([null]), true], [new PyDict(), false], [new PyRange(5, 5, 1), false], [new PyRange(0, 2n ** 70n, 1), true],
  ])('truthy(%p) is %p', (v, expected) => {
    expect(truthy(v)).toBe(expected);
  });

  test('dict views follow their dict', () => {
    const d = new PyDict();
    const keys = new PyDictView(d, 'keys');
    expect(truthy(keys)).toBe(false);
    dictSet(d, 1, 1);
    expect(truthy(keys)).toBe(true);
  });

  test('negative, invert, positive', () => {
    expect(negative(true)).toBe(-1);
    expect(invert(true)).toBe(-2);
    expect(positive(true)).toBe(1);
    expect(Object.is(negative(0), -0)).toBe(false);
    expect(invert(2 ** 53 - 1)).toBe(-(2n ** 53n));
    expect(negative(-(2n ** 53n))).toBe(2n ** 53n);
    expect(negative(2n ** 53n)).toBe(-(2n ** 53n));
    expect(invert(-1)).toBe(0);
    expect(repr(negative(new PyFloat(0)))).toBe('-0.0');
    const x = new PyFloat(1.5);
    expect(positive(x)).toBe(x);
    expect(error(() => negative('a'))).toBe("TypeError: bad operand type for unary -: 'str'");
    expect(error(() => invert(new PyFloat(1.5)))).toBe("TypeError: bad operand type for unary ~: 'float'");
    expect(error(() => positive(null))).toBe("TypeError: bad operand type for unary +: 'NoneType'");
  });
});
