/** type(), getattr(), hasattr(), setattr(), callable(), issubclass(): CPython 3.13's results and messages. */
import { checkPositional, exactlyOne, hasKw, noKwargs } from './args';
import { loadAttr, loadMethod } from './attrs';
import { typeError, raise } from './exceptions';
import { AttributeError, isSubtype, typeName, typeOf } from './types';
import { PyBoundMethod, PyBuiltin, PyException, PyFunction, PyTuple, PyType, type NativeImpl, type PyValue } from './values';

/** type(x): the class of x. @spec #builtin-type */
export const typeNew: NativeImpl = (args, kwargs) => {
  if (args.length === 1 && !hasKw(kwargs)) return typeOf(args[0]!);
  if (args.length !== 1 && args.length !== 3) typeError('type() takes 1 or 3 arguments');
  if (args.length === 1) typeError('type() takes no keyword arguments');
  // Not CPython: the three-argument form creates a class, and the subset has no classes yet.
  return typeError('type() with 3 arguments creates a class, which optcert does not support');
};

function attrName(v: PyValue): string {
  if (typeof v !== 'string') typeError(`attribute name must be string, not '${typeName(v)}'`);
  return v;
}

function isAttributeError(e: unknown): boolean {
  return e instanceof PyException && isSubtype(e.type, AttributeError);
}

/** getattr(obj, name[, default]). @spec #builtin-getattr */
export const getattr: NativeImpl = (args, kwargs) => {
  noKwargs('getattr', kwargs);
  checkPositional('getattr', args.length, 2, 3);
  const name = attrName(args[1]!);
  try {
    return loadAttr(args[0]!, name);
  } catch (e) {
    if (args.length === 3 && isAttributeError(e)) return args[2]!;
    throw e;
  }
};

/** hasattr(obj, name): whether getattr raises AttributeError. @spec #builtin-getattr */
export const hasattr: NativeImpl = (args, kwargs) => {
  noKwargs('hasattr', kwargs);
  checkPositional('hasattr', args.length, 2, 2);
  const name = attrName(args[1]!);
  try {
    loadAttr(args[0]!, name);
    return true;
  } catch (e) {
    if (isAttributeError(e)) return false;
    throw e;
  }
};

/**
 * setattr(obj, name, value). No value of the subset has writable attributes, so this always
 * raises CPython's error for the object; functions and exceptions, which have a `__dict__` in
 * CPython, are refused with a clear message instead (not CPython).
 * @spec #builtin-setattr
 */
export const setattr: NativeImpl = (args, kwargs) => {
  noKwargs('setattr', kwargs);
  checkPositional('setattr', args.length, 3, 3);
  const obj = args[0]!;
  const name = attrName(args[1]!);
  if (obj instanceof PyType) typeError(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
  if (obj instanceof PyFunction || obj instanceof PyException) {
    typeError(`setting attributes of '${typeName(obj)}' objects is not supported by optcert (spec/values.md#builtin-setattr)`);
  }
  let found: ReturnType<typeof loadMethod> | undefined;
  try {
    found = loadMethod(obj, name);
  } catch (e) {
    if (!isAttributeError(e)) throw e;
  }
  const t = typeName(obj);
  if (found === undefined) raise(AttributeError, `'${t}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
  if ('method' in found) raise(AttributeError, `'${t}' object attribute '${name}' is read-only`);
  // CPython names the type that defines the data attribute: bool inherits real/imag/numerator/denominator from int.
  const owner = t === 'bool' ? 'int' : t;
  return raise(AttributeError, `attribute '${name}' of '${owner}' objects is not writable`);
};

/** callable(x): functions, builtins, bound methods and types. @spec #builtin-callable */
export const callable: NativeImpl = (args, kwargs) => {
  const v = exactlyOne('callable', args, kwargs);
  return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyBoundMethod || v instanceof PyType;
};

/** issubclass(cls, classinfo): classinfo a type or a (nested) tuple of types, tried in order. @spec #builtin-issubclass */
export const issubclass: NativeImpl = (args, kwargs) => {
  noKwargs('issubclass', kwargs);
  checkPositional('issubclass', args.length, 2, 2);
  const cls = args[0]!;
  const check = (info: PyValue): boolean => {
    if (info instanceof PyTuple) return info.items.some(check);
    if (!(info instanceof PyType)) return typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
    if (!(cls instanceof PyType)) return typeError('issubclass() arg 1 must be a class');
    return isSubtype(cls, info);
  };
  return check(args[1]!);
};
