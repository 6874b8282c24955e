/**
 * The values behind `f(*args, **kwargs)`, `{**d}` and `a, *rest = xs`: CPython 3.13's
 * CALL_FUNCTION_EX, DICT_MERGE, DICT_UPDATE and UNPACK_EX, with its messages.
 * @spec #call-star
 */
import { dictContains, dictMerge, dictSet } from './dict';
import { raise, typeError } from './exceptions';
import { collect, getIter, iterNext } from './iter';
import { methodOwner } from './methodtable';
import { str } from './repr';
import { TypeError, typeName, ValueError } from './types';
import { PyBoundMethod, PyBuiltin, PyDict, PyException, PyFunction, PyList, PyTuple, PyType, type Host, type PyValue, type Slot } from './values';

/**
 * `__name__` of the module a fixture's functions live in: the importer runs programs under this
 * name, so CPython's `__optcert__.f()` in star-call messages is what the VM says too.
 * @spec #call-function-str
 */
export const FIXTURE_MODULE = '__optcert__';

/** CPython's `_PyObject_FunctionStr`: `module.qualname()` (no module for builtins). @spec #call-function-str */
export function functionStr(f: Slot): string {
  if (f instanceof PyFunction) return `${FIXTURE_MODULE}.${f.name}()`;
  if (f instanceof PyBuiltin) {
    const owner = methodOwner(f);
    return owner === undefined ? `${f.name}()` : `${owner}.${f.name}()`;
  }
  if (f instanceof PyBoundMethod) return `${methodOwner(f.func) ?? typeName(f.self)}.${f.func.name}()`;
  if (f instanceof PyType) return `${f.name}()`;
  // No __qualname__: CPython falls back to str(f).
  return f === undefined ? 'NULL' : str(f);
}

/** iter(v), or null where iter() raises TypeError (every type decides for itself, sets too). */
function iterOrNull(v: PyValue): PyValue | null {
  try {
    return getIter(v);
  } catch (e) {
    if (e instanceof PyException && e.type === TypeError) return null;
    throw e;
  }
}

/**
 * CALL_FUNCTION_EX's positional arguments: a tuple as it is, any other iterable collected into a
 * new tuple (running a generator to its end), else "f() argument after * must be an iterable".
 * @spec #call-star
 */
export function starArgs(func: Slot, callargs: PyValue, host: Host): PyValue[] {
  if (callargs instanceof PyTuple) return callargs.items.slice();
  const it = iterOrNull(callargs);
  if (it === null) typeError(`${functionStr(func)} argument after * must be an iterable, not ${typeName(callargs)}`);
  return collect(it, host);
}

/**
 * The items LIST_EXTEND adds (`[*a]`, `f(x, *a)`): a value that is not iterable is "Value after *
 * must be an iterable, not int", an error while iterating is the iterable's own.
 * @spec #call-star
 */
export function starItems(v: PyValue, host: Host): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) return collect(v, host);
  const it = iterOrNull(v);
  if (it === null) typeError(`Value after * must be an iterable, not ${typeName(v)}`);
  return collect(it, host);
}

/**
 * CALL_FUNCTION_EX's keyword arguments as names and values, in the dict's order; a key that is
 * not a str is "keywords must be strings".
 * @spec #call-star
 */
export function starKwargs(kwargs: PyDict | null): { names: string[]; values: PyValue[] } {
  const names: string[] = [];
  const values: PyValue[] = [];
  if (kwargs === null) return { names, values };
  for (const e of kwargs.slots) {
    if (e === undefined) continue;
    if (typeof e.key !== 'string') typeError('keywords must be strings');
    names.push(e.key);
    values.push(e.value);
  }
  return { names, values };
}

/**
 * DICT_MERGE: `**update` into the call's keyword dict; a key already there is "f() got multiple
 * values for keyword argument 'k'", a value that is not a mapping "argument after ** must be a
 * mapping". The subset's only mapping is dict.
 * @spec #op-DICT_MERGE
 */
export function mergeKwargs(func: Slot, target: PyDict, update: PyValue): void {
  if (!(update instanceof PyDict)) typeError(`${functionStr(func)} argument after ** must be a mapping, not ${typeName(update)}`);
  for (const e of update.slots) {
    if (e === undefined) continue;
    if (dictContains(target, e.key)) {
      typeError(`${functionStr(func)} got multiple values for keyword argument '${str(e.key)}'`);
    }
    dictSet(target, e.key, e.value);
  }
}

/** DICT_UPDATE: `{**update}` in a dict display; later keys win. @spec #op-DICT_UPDATE */
export function updateDisplay(target: PyDict, update: PyValue): void {
  if (!(update instanceof PyDict)) typeError(`'${typeName(update)}' object is not a mapping`);
  dictMerge(target, update);
}

/**
 * UNPACK_EX: `before` items, a list of the rest, `after` items; first item first in the result.
 * @spec #op-UNPACK_EX
 */
export function unpackStar(v: PyValue, before: number, after: number, host: Host): PyValue[] {
  const it = iterOrNull(v);
  if (it === null) typeError(`cannot unpack non-iterable ${typeName(v)} object`);
  const head: PyValue[] = [];
  const need = before + after;
  for (let i = 0; i < before; i++) {
    const next = iterNext(it, host);
    if (next === undefined) raise(ValueError, `not enough values to unpack (expected at least ${need}, got ${i})`);
    head.push(next);
  }
  const rest = collect(it, host);
  if (rest.length < after) raise(ValueError, `not enough values to unpack (expected at least ${need}, got ${before + rest.length})`);
  const tail = rest.splice(rest.length - after, after);
  return [...head, new PyList(rest), ...tail];
}
