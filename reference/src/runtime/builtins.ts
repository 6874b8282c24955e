/** The builtins namespace: functions, types and exception classes by name. */
import { asInt, checkAtMost, checkKeywords, checkPositional, exactlyOne, hasKw, noKwargs } from './args';
import { callKey } from './callkey';
import { compareOp, GT, LT } from './compare';
import { newException, raise, typeError } from './exceptions';
import { hashBuiltin } from './hash';
import { all, any } from './iter_builtins';
import { chr, divmod, ord, round } from './numeric_builtins';
import { intAbs } from './intops';
import { collect, getIter, isIterator, iterNext } from './iter';
import { sortList } from './methods_list';
import { rangeLength } from './rangeops';
import { repr, str } from './repr';
import { PySet } from './setobject';
import { strLen } from './strings';
import { sum } from './sum';
import { callable, getattr, hasattr, issubclass, setattr } from './builtins_reflect';
import { formatBuiltin } from './format';
import { asciiBuiltin, bin, hex, oct } from './builtins_text';
import { pow } from './pow_builtin';
import { typeType } from './types';
import {
  EXCEPTION_TYPES, OverflowError, StopIteration, ValueError, boolType, dictType, enumerateType, floatType,
  filterType, intType, isSubtype, listType, mapType, objectType, rangeType, reversedType, strType, tupleType, typeName,
  typeOf, zipType, setType, frozensetType,
} from './types';
import {
  PyBuiltin, PyDict, PyDictView, PyFloat, PyGenerator, PyList, PyRange, PyTuple, PyType, type NativeImpl,
  type PyValue,
} from './values';

/** @spec #builtin-print */
const print: NativeImpl = (args, kwargs, host) => {
  // Not CPython: `file` other than None is rejected like an unknown keyword (no file objects).
  checkKeywords('print', kwargs, ['sep', 'end', 'flush', ...(kwargs?.get('file') === null ? ['file'] : [])], ['sep', 'end', 'file', 'flush']);
  const sep = kwargs?.get('sep') ?? null;
  const end = kwargs?.get('end') ?? null;
  if (sep !== null && typeof sep !== 'string') typeError(`sep must be None or a string, not ${typeName(sep)}`);
  if (end !== null && typeof end !== 'string') typeError(`end must be None or a string, not ${typeName(end)}`);
  // CPython writes argument by argument: when str() of one raises, what came before it (with the
  // separator after the previous argument) has been written.
  let text = '';
  try {
    args.forEach((a, i) => {
      if (i > 0) text += sep ?? ' ';
      text += str(a);
    });
  } catch (e) {
    if (text !== '') host.write(text);
    throw e;
  }
  host.write(text + (end ?? '\n'));
  return null;
};

/** @spec #builtin-len */
const len: NativeImpl = (args, kwargs) => {
  const v = exactlyOne('len', args, kwargs);
  if (typeof v === 'string') return strLen(v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.entries.size;
  if (v instanceof PyDictView) return v.dict.entries.size;
  if (v instanceof PySet) return v.used;
  if (v instanceof PyRange) {
    const n = rangeLength(v);
    if (typeof n === 'bigint' && n > 2n ** 63n - 1n) raise(OverflowError, 'Python int too large to convert to C ssize_t');
    return n;
  }
  return typeError(`object of type '${typeName(v)}' has no len()`);
};

/** @spec #builtin-abs */
const abs: NativeImpl = (args, kwargs) => {
  const v = exactlyOne('abs', args, kwargs);
  const i = asInt(v);
  if (i !== undefined) return intAbs(i);
  if (v instanceof PyFloat) return new PyFloat(Math.abs(v.value));
  return typeError(`bad operand type for abs(): '${typeName(v)}'`);
};

/** min()/max(): one iterable or several arguments; key and default keywords. */
function minmax(name: 'min' | 'max', op: number): NativeImpl {
  return (args, kwargs, host) => {
    if (args.length === 0) typeError(`${name} expected at least 1 argument, got 0`);
    checkAtMost(name, 0, kwargs, 2); // CPython parses the keywords alone (PyArg_ParseTupleAndKeywords)
    checkKeywords(name, kwargs, ['key', 'default']);
    const key = kwargs?.get('key') ?? null;
    const hasDefault = kwargs?.has('default') ?? false;
    if (hasDefault && args.length > 1) {
      typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    const it = getIter(args.length === 1 ? args[0]! : new PyTuple(args));
    let best: PyValue | undefined;
    let bestKey: PyValue | undefined;
    for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) {
      const k = key === null ? v : callKey(key, v, host);
      if (best === undefined || compareOp(op, k, bestKey!)) {
        best = v;
        bestKey = k;
      }
    }
    if (best !== undefined) return best;
    if (hasDefault) return kwargs!.get('default')!;
    return raise(ValueError, `${name}() iterable argument is empty`);
  };
}

/** @spec #builtin-isinstance */
const isinstance: NativeImpl = (args, kwargs) => {
  noKwargs('isinstance', kwargs);
  checkPositional('isinstance', args.length, 2, 2);
  const t = typeOf(args[0]!);
  const check = (cls: PyValue): boolean => {
    if (cls instanceof PyType) return isSubtype(t, cls);
    if (cls instanceof PyTuple) return cls.items.some(check);
    return typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
  };
  return check(args[1]!);
};

/** @spec #builtin-iter */
const iter: NativeImpl = (args, kwargs) => {
  noKwargs('iter', kwargs);
  checkPositional('iter', args.length, 1, 2);
  if (args.length === 2) {
    // Not CPython: the callable/sentinel form is not supported.
    typeError('iter(v, w): v must be callable');
  }
  return getIter(args[0]!);
};

/** next(it[, default]). A finished generator's return value becomes StopIteration.value. @spec #builtin-next */
const next: NativeImpl = (args, kwargs, host) => {
  noKwargs('next', kwargs);
  checkPositional('next', args.length, 1, 2);
  const it = args[0]!;
  if (!isIterator(it)) typeError(`'${typeName(it)}' object is not an iterator`);
  if (it instanceof PyGenerator) {
    const r = host.resume(it, null);
    if (!r.done) return r.value;
    if (args.length > 1) return args[1]!;
    throw r.value === null ? newException(StopIteration) : newException(StopIteration, r.value);
  }
  const v = iterNext(it, host);
  if (v !== undefined) return v;
  if (args.length > 1) return args[1]!;
  throw newException(StopIteration);
};

/** @spec #builtin-repr */
const reprFn: NativeImpl = (args, kwargs) => repr(exactlyOne('repr', args, kwargs));

/** @spec #builtin-sorted */
const sorted: NativeImpl = (args, kwargs, host) => {
  checkPositional('sorted', args.length, 1, 1);
  const list = new PyList(collect(args[0]!, host));
  sortList(list, hasKw(kwargs) ? kwargs : null, host);
  return list;
};

function fn(name: string, impl: NativeImpl): [string, PyBuiltin] {
  return [name, new PyBuiltin(name, impl)];
}

/** @spec #call-builtin */
export const BUILTINS: ReadonlyMap<string, PyValue> = new Map<string, PyValue>([
  fn('print', print),
  fn('len', len),
  fn('abs', abs),
  fn('min', minmax('min', LT)),
  fn('max', minmax('max', GT)),
  fn('sum', sum),
  fn('isinstance', isinstance),
  fn('iter', iter),
  fn('next', next),
  fn('repr', reprFn),
  fn('sorted', sorted),
  fn('hash', hashBuiltin),
  fn('ord', ord),
  fn('chr', chr),
  fn('divmod', divmod),
  fn('round', round),
  fn('any', any),
  fn('all', all),
  fn('getattr', getattr),
  fn('hasattr', hasattr),
  fn('setattr', setattr),
  fn('callable', callable),
  fn('issubclass', issubclass),
  fn('pow', pow),
  fn('format', formatBuiltin),
  fn('ascii', asciiBuiltin),
  fn('bin', bin),
  fn('oct', oct),
  fn('hex', hex),
  ['type', typeType],
  ...[objectType, intType, floatType, strType, listType, tupleType, dictType, boolType, rangeType, enumerateType, zipType,
    reversedType, mapType, filterType, setType, frozensetType]
    .map((t): [string, PyValue] => [t.name, t]),
  ...EXCEPTION_TYPES.map((t): [string, PyValue] => [t.name, t]),
]);
