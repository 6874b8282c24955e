/**
 * Argument checking for native callables, with CPython's messages (which differ by how each
 * builtin is declared: METH_O, METH_NOARGS, Argument Clinic, ...).
 * @spec #call-builtin
 */
import { raise, typeError } from './exceptions';
import type { PyInt } from './intops';
import { unexpectedKeywordMessage } from './suggestions';
import { OverflowError, typeName } from './types';
import type { PyValue } from './values';

export type Kwargs = ReadonlyMap<string, PyValue> | null;

const SSIZE_MAX = 2n ** 63n - 1n;

export function hasKw(kwargs: Kwargs): kwargs is ReadonlyMap<string, PyValue> {
  return kwargs !== null && kwargs.size > 0;
}

/** "len() takes no keyword arguments" */
export function noKwargs(fname: string, kwargs: Kwargs): void {
  if (hasKw(kwargs)) typeError(`${fname}() takes no keyword arguments`);
}

/** METH_O: "len() takes exactly one argument (2 given)". `skip` leading args (a bound self). */
export function exactlyOne(fname: string, args: readonly PyValue[], kwargs: Kwargs, skip = 0): PyValue {
  noKwargs(fname, kwargs);
  const n = args.length - skip;
  if (n !== 1) typeError(`${fname}() takes exactly one argument (${n} given)`);
  return args[skip]!;
}

/** METH_NOARGS: "list.copy() takes no arguments (1 given)". */
export function noArgs(fname: string, args: readonly PyValue[], kwargs: Kwargs, skip = 0): void {
  noKwargs(fname, kwargs);
  const n = args.length - skip;
  if (n !== 0) typeError(`${fname}() takes no arguments (${n} given)`);
}

/** _PyArg_CheckPositional: "isinstance expected 2 arguments, got 1". */
export function checkPositional(name: string, n: number, min: number, max: number): void {
  const plural = (k: number): string => (k === 1 ? '' : 's');
  if (n < min) {
    const what = min === max ? '' : 'at least ';
    typeError(`${name} expected ${what}${min} argument${plural(min)}, got ${n}`);
  }
  if (n > max) {
    const what = min === max ? '' : 'at most ';
    typeError(`${name} expected ${what}${max} argument${plural(max)}, got ${n}`);
  }
}

/**
 * Reject keywords outside `allowed`: "print() got an unexpected keyword argument 'x'", with
 * CPython 3.13's ". Did you mean 'sep'?" drawn from `candidates` (the callable's keyword
 * parameters in CPython's order; default `allowed`).
 */
export function checkKeywords(fname: string, kwargs: Kwargs, allowed: readonly string[], candidates: readonly string[] = allowed): void {
  if (!hasKw(kwargs)) return;
  for (const k of kwargs.keys()) {
    if (!allowed.includes(k)) typeError(unexpectedKeywordMessage(`${fname}()`, k, candidates));
  }
}

/**
 * CPython's first check on a keyword-taking builtin (getargs.c, Argument Clinic): more arguments
 * than parameters is "f() takes at most 2 arguments (3 given)", "keyword arguments" when none
 * is positional.
 */
export function checkAtMost(fname: string, nargs: number, kwargs: Kwargs, max: number): void {
  const total = nargs + (kwargs ? kwargs.size : 0);
  if (total > max) {
    typeError(`${fname}() takes at most ${max} ${nargs === 0 ? 'keyword ' : ''}argument${max === 1 ? '' : 's'} (${total} given)`);
  }
}

export function isIntLike(v: PyValue): v is number | bigint | boolean {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || t === 'boolean';
}

/** The int value of an int or bool, else undefined. */
export function asInt(v: PyValue): PyInt | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      return undefined;
  }
}

/** operator.index(): ints and bools only. */
export function asIndex(v: PyValue): PyInt {
  const i = asInt(v);
  if (i === undefined) typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
}

/** An index that must fit a C ssize_t, as a JS number (exact up to 2^53). */
export function asSsize(v: PyValue): number {
  const i = asIndex(v);
  if (typeof i === 'bigint' && (i > SSIZE_MAX || i < -SSIZE_MAX - 1n)) {
    raise(OverflowError, 'Python int too large to convert to C ssize_t');
  }
  return Number(i);
}

/** _PyEval_SliceIndex: clamps out-of-range ints instead of failing. */
export function sliceIndex(v: PyValue, message = 'slice indices must be integers or None or have an __index__ method'): number {
  const i = asInt(v);
  if (i === undefined) typeError(message);
  return Number(i);
}
