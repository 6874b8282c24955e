/**
 * Builtin type objects and the type of every value.
 * Constructors live in constructors.ts; the lambdas here defer to it so that the two modules can
 * import each other (CommonJS resolves the names at call time).
 */
import * as ctor from './constructors';
import * as itb from './iter_builtins';
import * as reflect from './builtins_reflect';
import * as sets from './setops';
import { PySet, PySetIterator } from './setobject';
import {
  PyBoundMethod, PyBuiltin, PyDict, PyDictIterator, PyDictView, PyEnumerate, PyException, PyFloat,
  PyFilter, PyFunction, PyGenerator, PyList, PyMap, PyObject, PyPlainObject, PyRange, PyRangeIterator, PyReversed,
  PySeqIterator, PySlice, PyTuple, PyType, PyZip, type NativeImpl, type PyValue,
} from './values';

export const objectType = new PyType('object', null, (args, kwargs) => {
  if (args.length > 0 || (kwargs && kwargs.size > 0)) {
    throw new PyException(TypeError, new PyTuple(['object() takes no arguments']));
  }
  return new PyPlainObject();
});
/** @spec #builtin-type */
export const typeType = new PyType('type', objectType, (args, kwargs, host) => reflect.typeNew(args, kwargs, host));

const late = (f: () => NativeImpl): NativeImpl => (args, kwargs, host) => f()(args, kwargs, host);

export const intType = new PyType('int', objectType, late(() => ctor.intNew));
export const boolType = new PyType('bool', intType, late(() => ctor.boolNew));
export const floatType = new PyType('float', objectType, late(() => ctor.floatNew));
export const strType = new PyType('str', objectType, late(() => ctor.strNew));
export const listType = new PyType('list', objectType, late(() => ctor.listNew));
export const tupleType = new PyType('tuple', objectType, late(() => ctor.tupleNew));
export const dictType = new PyType('dict', objectType, late(() => ctor.dictNew));
export const rangeType = new PyType('range', objectType, late(() => ctor.rangeNew));
export const enumerateType = new PyType('enumerate', objectType, late(() => ctor.enumerateNew));
export const zipType = new PyType('zip', objectType, late(() => ctor.zipNew));
export const reversedType = new PyType('reversed', objectType, late(() => itb.reversedNew));
export const mapType = new PyType('map', objectType, late(() => itb.mapNew));
export const filterType = new PyType('filter', objectType, late(() => itb.filterNew));
export const listReverseIteratorType = new PyType('list_reverseiterator', objectType, null);
export const noneType = new PyType('NoneType', objectType, null);
export const functionType = new PyType('function', objectType, null);
export const builtinFunctionType = new PyType('builtin_function_or_method', objectType, null);
export const generatorType = new PyType('generator', objectType, null);
export const sliceType = new PyType('slice', objectType, null);
export const listIteratorType = new PyType('list_iterator', objectType, null);
export const tupleIteratorType = new PyType('tuple_iterator', objectType, null);
export const strAsciiIteratorType = new PyType('str_ascii_iterator', objectType, null);
export const strIteratorType = new PyType('str_iterator', objectType, null);
export const rangeIteratorType = new PyType('range_iterator', objectType, null);
export const longRangeIteratorType = new PyType('longrange_iterator', objectType, null);
export const dictKeyIteratorType = new PyType('dict_keyiterator', objectType, null);
export const dictValueIteratorType = new PyType('dict_valueiterator', objectType, null);
export const dictItemIteratorType = new PyType('dict_itemiterator', objectType, null);
export const dictKeysType = new PyType('dict_keys', objectType, null);
export const dictValuesType = new PyType('dict_values', objectType, null);
export const dictItemsType = new PyType('dict_items', objectType, null);
/** @spec #set-constructors */
export const setType = new PyType('set', objectType, (args, kwargs, host) => sets.constructSet(false, args, kwargs, host));
export const frozensetType = new PyType('frozenset', objectType, (args, kwargs, host) => sets.constructSet(true, args, kwargs, host));
export const setIteratorType = new PyType('set_iterator', objectType, null);

/** Exception classes take positional args only; StopIteration keeps args[0] as `value`. */
function excType(name: string, base: PyType | null): PyType {
  const t: PyType = new PyType(name, base, (args, kwargs) => {
    if (kwargs && kwargs.size > 0) {
      throw new PyException(TypeError, new PyTuple([`${name}() takes no keyword arguments`]));
    }
    const e = new PyException(t, new PyTuple(args.slice()));
    if (args.length > 0 && isSubtype(t, StopIteration)) e.value = args[0]!;
    return e;
  });
  return t;
}

/** @spec #exception-types */
export const BaseException = excType('BaseException', objectType);
export const Exception = excType('Exception', BaseException);
export const ArithmeticError = excType('ArithmeticError', Exception);
export const ZeroDivisionError = excType('ZeroDivisionError', ArithmeticError);
export const OverflowError = excType('OverflowError', ArithmeticError);
export const LookupError = excType('LookupError', Exception);
export const IndexError = excType('IndexError', LookupError);
export const KeyError = excType('KeyError', LookupError);
export const TypeError = excType('TypeError', Exception);
export const ValueError = excType('ValueError', Exception);
export const NameError = excType('NameError', Exception);
export const UnboundLocalError = excType('UnboundLocalError', NameError);
export const AttributeError = excType('AttributeError', Exception);
export const StopIteration = excType('StopIteration', Exception);
/** Thrown into a generator by close(); not an Exception. @spec #generator-close */
export const GeneratorExit = excType('GeneratorExit', BaseException);
export const RuntimeError = excType('RuntimeError', Exception);
export const RecursionError = excType('RecursionError', RuntimeError);
export const NotImplementedError = excType('NotImplementedError', RuntimeError);
export const AssertionError = excType('AssertionError', Exception);
/** `from math import missing`; a module other than math is refused before the run (@spec #import-math). */
export const ImportError = excType('ImportError', Exception);
export const ModuleNotFoundError = excType('ModuleNotFoundError', ImportError);
/** Not in the brief's list: raised where CPython would run out of memory (huge repeats/shifts). */
export const MemoryError = excType('MemoryError', Exception);

export const EXCEPTION_TYPES: readonly PyType[] = [
  BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError,
  IndexError, KeyError, TypeError, ValueError, NameError, UnboundLocalError, AttributeError,
  StopIteration, RuntimeError, RecursionError, NotImplementedError, AssertionError, MemoryError,
  GeneratorExit, ImportError, ModuleNotFoundError,
];

/** Objects of kinds this module does not know (e.g. the interpreter's code constants). */
const otherTypes = new Map<string, PyType>();

/** The class of a value. @spec #values */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intType;
    case 'string':
      return strType;
    case 'boolean':
      return boolType;
    case 'object':
      return v === null ? noneType : objectTypeOf(v);
    default:
      throw new Error(`internal: not a Python value: ${String(v)}`);
  }
}

function objectTypeOf(v: PyObject): PyType {
  if (v instanceof PyFloat) return floatType;
  if (v instanceof PyList) return listType;
  if (v instanceof PyTuple) return tupleType;
  if (v instanceof PyDict) return dictType;
  if (v instanceof PyException) return v.type;
  if (v instanceof PyType) return typeType;
  if (v instanceof PyFunction) return functionType;
  if (v instanceof PyBuiltin || v instanceof PyBoundMethod) return builtinFunctionType;
  if (v instanceof PyGenerator) return generatorType;
  if (v instanceof PyRange) return rangeType;
  if (v instanceof PySlice) return sliceType;
  if (v instanceof PySeqIterator) return seqIteratorType(v);
  if (v instanceof PyRangeIterator) return isLongRange(v) ? longRangeIteratorType : rangeIteratorType;
  if (v instanceof PyDictIterator) {
    return v.what === 'keys' ? dictKeyIteratorType : v.what === 'values' ? dictValueIteratorType : dictItemIteratorType;
  }
  if (v instanceof PyDictView) return v.what === 'keys' ? dictKeysType : v.what === 'values' ? dictValuesType : dictItemsType;
  if (v instanceof PyEnumerate) return enumerateType;
  if (v instanceof PyZip) return zipType;
  if (v instanceof PyReversed) return v.seq instanceof PyList ? listReverseIteratorType : reversedType;
  if (v instanceof PyMap) return mapType;
  if (v instanceof PyFilter) return filterType;
  if (v instanceof PyPlainObject) return objectType;
  if (v instanceof PySet) return v.frozen ? frozensetType : setType;
  if (v instanceof PySetIterator) return setIteratorType;
  let t = otherTypes.get(v.kind);
  if (!t) otherTypes.set(v.kind, (t = new PyType(v.kind, objectType, null)));
  return t;
}

function seqIteratorType(v: PySeqIterator): PyType {
  const s = v.seq;
  if (typeof s === 'string') return /^[\x00-\x7f]*$/.test(s) ? strAsciiIteratorType : strIteratorType;
  return s instanceof PyList ? listIteratorType : tupleIteratorType;
}

/** CPython picks longrange_iterator when a bound does not fit a C long (approximated per bound). */
function isLongRange(v: PyRangeIterator): boolean {
  return !fitsLong(v.next) || !fitsLong(v.stop) || !fitsLong(v.step);
}

const LONG_MAX = 2n ** 63n - 1n;
function fitsLong(x: number | bigint): boolean {
  return typeof x === 'number' || (x >= -LONG_MAX - 1n && x <= LONG_MAX);
}

/** @spec #values */
export function typeName(v: PyValue): string {
  return typeOf(v).name;
}

/** @spec #builtin-isinstance */
export function isSubtype(t: PyType, base: PyType): boolean {
  for (let c: PyType | null = t; c !== null; c = c.base) if (c === base) return true;
  return false;
}

/** @spec #builtin-isinstance */
export function isInstance(v: PyValue, t: PyType): boolean {
  return isSubtype(typeOf(v), t);
}

export function isExceptionType(v: PyValue): v is PyType {
  return v instanceof PyType && isSubtype(v, BaseException);
}
