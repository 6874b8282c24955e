/** Builtins over iterables: any(), all(), and the lazy iterator types reversed, map and filter. */
import { checkPositional, exactlyOne, noKwargs } from './args';
import { typeError } from './exceptions';
import { rangeLength } from './rangeops';
import { getIter, iterNext } from './iter';
import { intAdd, intMul, intNeg, intSub, type PyInt } from './intops';
import { typeName } from './types';
import { truthy } from './unary';
import { PyFilter, PyList, PyMap, PyRange, PyRangeIterator, PyReversed, PyTuple, type NativeImpl, type PyValue } from './values';

/** any(iterable): stops at the first true item. @spec #builtin-any */
export const any: NativeImpl = (args, kwargs, host) => {
  const it = getIter(exactlyOne('any', args, kwargs));
  for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) if (truthy(v)) return true;
  return false;
};

/** all(iterable): stops at the first false item. @spec #builtin-all */
export const all: NativeImpl = (args, kwargs, host) => {
  const it = getIter(exactlyOne('all', args, kwargs));
  for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) if (!truthy(v)) return false;
  return true;
};

/**
 * reversed(seq) of a list, tuple, str or range. A range gives a range iterator running backwards
 * (CPython's range_reverse). Not CPython: dicts and dict views are not reversible here.
 * @spec #builtin-reversed
 */
export const reversedNew: NativeImpl = (args, kwargs) => {
  noKwargs('reversed', kwargs);
  checkPositional('reversed', args.length, 1, 1);
  const seq = args[0]!;
  if (seq instanceof PyList || seq instanceof PyTuple) return new PyReversed(seq, seq.items.length - 1);
  if (typeof seq === 'string') return new PyReversed(seq, seq.length - 1);
  if (seq instanceof PyRange) {
    const n: PyInt = rangeLength(seq);
    const last = intAdd(seq.start, intMul(intSub(n, 1), seq.step));
    return new PyRangeIterator(n === 0 ? seq.start : last, n === 0 ? seq.start : intSub(seq.start, seq.step), intNeg(seq.step));
  }
  return typeError(`'${typeName(seq)}' object is not reversible`);
};

/** map(func, iterable, *iterables). @spec #builtin-map */
export const mapNew: NativeImpl = (args, kwargs) => {
  if (kwargs !== null && kwargs.size > 0) typeError('map() takes no keyword arguments');
  if (args.length < 2) typeError('map() must have at least two arguments.');
  return new PyMap(args[0]!, args.slice(1).map(getIter));
};

/** filter(func or None, iterable). @spec #builtin-filter */
export const filterNew: NativeImpl = (args, kwargs) => {
  noKwargs('filter', kwargs);
  checkPositional('filter', args.length, 2, 2);
  return new PyFilter(args[0]!, getIter(args[1]!));
};
