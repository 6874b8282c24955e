/** Calling the builtin types: int(), float(), str(), bool(), list(), tuple(), dict(), range(), ... */
import { asIndex, asInt, checkAtMost, checkKeywords, checkPositional, hasKw, noKwargs } from './args';
import { dictSet } from './dict';
import { dictUpdate } from './dictupdate';
import { raise, typeError } from './exceptions';
import { intToFloat, isSafe, normBig, type PyInt } from './intops';
import { collect, getIter } from './iter';
import { pyParseFloat, pyParseInt } from './numparse';
import { str } from './repr';
import { OverflowError, ValueError, typeName } from './types';
import { truthy } from './unary';
import { PyDict, PyEnumerate, PyFloat, PyList, PyRange, PyTuple, PyZip, type NativeImpl, type PyValue } from './values';

/** int(x) of a float: truncation toward zero. @spec #builtin-int */
export function floatToInt(x: number): PyInt {
  if (Number.isNaN(x)) raise(ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise(OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return isSafe(t) ? t + 0 : normBig(BigInt(t));
}

/** @spec #builtin-int */
export const intNew: NativeImpl = (args, kwargs) => {
  if (hasKw(kwargs)) checkAtMost('int', args.length, kwargs, 2); // else the vectorcall path's checkPositional
  checkKeywords('int', kwargs, ['base']);
  checkPositional('int', args.length, 0, 2);
  let base: PyValue | undefined = args[1];
  if (kwargs?.has('base')) {
    if (args.length > 1) typeError("argument for int() given by name ('base') and position (2)");
    base = kwargs.get('base');
  }
  if (args.length === 0) {
    if (base !== undefined) typeError('int() missing string argument');
    return 0;
  }
  const x = args[0]!;
  if (base !== undefined) {
    // CPython's order: the base (an index, then its range), then the type of x.
    const b = asIndex(base);
    if (b !== 0 && (b < 2 || b > 36)) raise(ValueError, 'int() base must be >= 2 and <= 36, or 0');
    if (typeof x !== 'string') typeError("int() can't convert non-string with explicit base");
    return pyParseInt(x, Number(b));
  }
  const i = asInt(x);
  if (i !== undefined) return i;
  if (x instanceof PyFloat) return floatToInt(x.value);
  if (typeof x === 'string') return pyParseInt(x, 10);
  return typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
};

/** @spec #builtin-float */
export const floatNew: NativeImpl = (args, kwargs) => {
  noKwargs('float', kwargs);
  checkPositional('float', args.length, 0, 1);
  if (args.length === 0) return new PyFloat(0);
  const x = args[0]!;
  if (x instanceof PyFloat) return x;
  const i = asInt(x);
  if (i !== undefined) return new PyFloat(intToFloat(i));
  if (typeof x === 'string') return new PyFloat(pyParseFloat(x));
  return typeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
};

/** str(object=''); decoding forms need bytes, which optcert does not have. @spec #builtin-str */
export const strNew: NativeImpl = (args, kwargs) => {
  if (hasKw(kwargs)) checkAtMost('str', args.length, kwargs, 3); // else the vectorcall path's checkPositional
  checkKeywords('str', kwargs, ['object', 'encoding', 'errors']);
  checkPositional('str', args.length, 0, 3);
  // None is a valid argument, so test presence, not nullishness.
  const arg = (i: number, name: string): PyValue | undefined => (args.length > i ? args[i] : kwargs?.get(name));
  const obj = arg(0, 'object');
  const encoding = arg(1, 'encoding');
  const errors = arg(2, 'errors');
  if (encoding !== undefined || errors !== undefined) {
    if (encoding !== undefined && typeof encoding !== 'string') {
      typeError(`str() argument 'encoding' must be str, not ${typeName(encoding)}`);
    }
    if (errors !== undefined && typeof errors !== 'string') typeError(`str() argument 'errors' must be str, not ${typeName(errors)}`);
    return typeError(`decoding to str: need a bytes-like object, ${typeName(obj ?? '')} found`);
  }
  return obj === undefined ? '' : str(obj);
};

/** @spec #builtin-bool */
export const boolNew: NativeImpl = (args, kwargs) => {
  noKwargs('bool', kwargs);
  checkPositional('bool', args.length, 0, 1);
  return args.length === 0 ? false : truthy(args[0]!);
};

/** @spec #builtin-list */
export const listNew: NativeImpl = (args, kwargs, host) => {
  noKwargs('list', kwargs);
  checkPositional('list', args.length, 0, 1);
  return new PyList(args.length === 0 ? [] : collect(args[0]!, host));
};

/** tuple(t) of a tuple is t itself. @spec #builtin-tuple */
export const tupleNew: NativeImpl = (args, kwargs, host) => {
  noKwargs('tuple', kwargs);
  checkPositional('tuple', args.length, 0, 1);
  if (args.length === 0) return new PyTuple([]);
  const x = args[0]!;
  return x instanceof PyTuple ? x : new PyTuple(collect(x, host));
};

/** dict(), dict(mapping), dict(iterable of pairs), plus keywords. @spec #builtin-dict */
export const dictNew: NativeImpl = (args, kwargs, host) => {
  checkPositional('dict', args.length, 0, 1);
  const d = new PyDict();
  if (args.length === 1) dictUpdate(d, args[0]!, host);
  if (kwargs) for (const [k, v] of kwargs) dictSet(d, k, v);
  return d;
};

/** range(stop) / range(start, stop[, step]); any size of int. @spec #builtin-range */
export const rangeNew: NativeImpl = (args, kwargs) => {
  noKwargs('range', kwargs);
  checkPositional('range', args.length, 1, 3);
  if (args.length === 1) return new PyRange(0, asIndex(args[0]!), 1);
  const start = asIndex(args[0]!);
  const stop = asIndex(args[1]!);
  const step = args.length === 3 ? asIndex(args[2]!) : 1;
  if (step === 0) raise(ValueError, 'range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
};

function enumerateKeyword(name: string, expected: string): void {
  if (name !== expected) typeError(`'${name}' is an invalid keyword argument for enumerate()`);
}

/** CPython 3.13's hand-written enumerate vectorcall, messages included. @spec #builtin-enumerate */
export const enumerateNew: NativeImpl = (args, kwargs) => {
  const kwNames = kwargs ? [...kwargs.keys()] : [];
  const all = [...args, ...(kwargs ? kwargs.values() : [])];
  const total = all.length;
  let iterable: PyValue;
  let start: PyValue | undefined;
  if (total === 2) {
    if (kwNames.length === 1) enumerateKeyword(kwNames[0]!, 'start');
    else if (kwNames.length === 2) {
      if (kwNames[0] === 'start') enumerateKeyword(kwNames[1]!, 'iterable');
      else {
        enumerateKeyword(kwNames[0]!, 'iterable');
        enumerateKeyword(kwNames[1]!, 'start');
      }
    }
    const swapped = kwNames.length === 2 && kwNames[0] === 'start';
    iterable = swapped ? all[1]! : all[0]!;
    start = swapped ? all[0]! : all[1]!;
  } else if (total === 1) {
    if (kwNames.length === 1) enumerateKeyword(kwNames[0]!, 'iterable');
    iterable = all[0]!;
  } else if (args.length === 0) {
    return typeError("enumerate() missing required argument 'iterable'");
  } else return typeError(`enumerate() takes at most 2 arguments (${total} given)`);
  const count = start === undefined ? 0 : asIndex(start);
  return new PyEnumerate(getIter(iterable), count);
};

/** zip(*iterables, strict=False). @spec #builtin-zip */
export const zipNew: NativeImpl = (args, kwargs) => {
  checkAtMost('zip', 0, kwargs, 1); // CPython parses the keywords alone
  checkKeywords('zip', kwargs, ['strict']);
  const z = new PyZip(args.map(getIter));
  if (hasKw(kwargs)) z.strict = truthy(kwargs.get('strict')!);
  return z;
};
