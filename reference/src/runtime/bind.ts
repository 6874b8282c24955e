/**
 * Binding a Python function's arguments to its parameters: CPython 3.13's `initialize_locals`
 * (Python/ceval.c) step by step, with its messages, so the first error is CPython's first error.
 * @spec #call-binding
 */
import { CO_VARARGS, CO_VARKEYWORDS, type Code } from '../isa/code';
import { dictGet, dictSet } from './dict';
import { typeError } from './exceptions';
import { unexpectedKeywordMessage } from './suggestions';
import { PyDict, PyTuple, type PyFunction, type PyValue, type Slot } from './values';

const s = (n: number): string => (n === 1 ? '' : 's');

/** The keyword names of a call without keywords (shared: a call allocates none). */
export const NO_KEYWORDS: readonly string[] = Object.freeze([]);

/** Parameters that may be given by keyword or positionally, then the keyword-only ones. */
export function totalArgs(code: Code): number {
  return code.argcount + (code.kwonlyargcount ?? 0);
}

/**
 * Fill `locals` (all unbound) from `args` (positional, self included) and the keyword arguments
 * `kwnames[k] = kwvalues[k]`, then defaults and keyword-only defaults.
 * @spec #call-binding
 */
export function bindArguments(
  func: PyFunction,
  locals: Slot[],
  args: readonly PyValue[],
  kwnames: readonly string[],
  kwvalues: readonly PyValue[],
): void {
  const code = func.code;
  const fname = `${func.name}()`;
  const argc = code.argcount;
  const total = totalArgs(code);
  const posOnly = code.posonlyargcount ?? 0;
  const given = args.length;
  let kwdict: PyDict | null = null;
  /** @spec #call-varkeywords */
  if (code.flags & CO_VARKEYWORDS) {
    kwdict = new PyDict();
    locals[total + (code.flags & CO_VARARGS ? 1 : 0)] = kwdict;
  }
  const n = Math.min(given, argc);
  for (let i = 0; i < n; i++) locals[i] = args[i];
  /** @spec #call-varargs */
  if (code.flags & CO_VARARGS) locals[total] = new PyTuple(args.slice(n));

  for (let k = 0; k < kwnames.length; k++) {
    const name = kwnames[k]!;
    let j = posOnly;
    while (j < total && code.varnames[j] !== name) j++;
    if (j === total) {
      if (kwdict === null) {
        positionalOnlyAsKeyword(code, fname, kwnames);
        typeError(unexpectedKeywordMessage(fname, name, code.varnames.slice(posOnly, total)));
      }
      dictSet(kwdict, name, kwvalues[k]!);
      continue;
    }
    if (locals[j] !== undefined) typeError(`${fname} got multiple values for argument '${name}'`);
    locals[j] = kwvalues[k];
  }

  if (given > argc && !(code.flags & CO_VARARGS)) tooManyPositional(func, fname, locals, given);

  /** @spec #call-defaults */
  if (given < argc) {
    const defaults = func.defaults ? func.defaults.items : [];
    const m = argc - defaults.length;
    const missing: string[] = [];
    for (let i = given; i < m; i++) if (locals[i] === undefined) missing.push(code.varnames[i]!);
    if (missing.length) missingArguments(fname, 'positional', missing);
    for (let i = Math.max(n - m, 0); i < defaults.length; i++) {
      if (locals[m + i] === undefined) locals[m + i] = defaults[i];
    }
  }

  /** @spec #call-kwdefaults */
  if (total > argc) {
    const missing: string[] = [];
    for (let i = argc; i < total; i++) {
      if (locals[i] !== undefined) continue;
      const name = code.varnames[i]!;
      const d = func.kwdefaults ? dictGet(func.kwdefaults, name) : undefined;
      if (d !== undefined) locals[i] = d;
      else missing.push(name);
    }
    if (missing.length) missingArguments(fname, 'keyword-only', missing);
  }
}

/** CPython's `positional_only_passed_as_keyword`: only reached for a keyword that matched nothing. */
function positionalOnlyAsKeyword(code: Code, fname: string, kwnames: readonly string[]): void {
  const names = code.varnames.slice(0, code.posonlyargcount ?? 0).filter((p) => kwnames.includes(p));
  if (names.length) typeError(`${fname} got some positional-only arguments passed as keyword arguments: '${names.join(', ')}'`);
}

/** @spec #call-arity-error */
function tooManyPositional(func: PyFunction, fname: string, locals: readonly Slot[], given: number): never {
  const code = func.code;
  const argc = code.argcount;
  let kwonlyGiven = 0;
  for (let i = argc; i < totalArgs(code); i++) if (locals[i] !== undefined) kwonlyGiven++;
  const nd = func.defaults ? func.defaults.items.length : 0;
  const sig = nd ? `from ${argc - nd} to ${argc}` : `${argc}`;
  const plural = nd ? 's' : s(argc);
  const kwonly = kwonlyGiven ? ` positional argument${s(given)} (and ${kwonlyGiven} keyword-only argument${s(kwonlyGiven)})` : '';
  return typeError(`${fname} takes ${sig} positional argument${plural} but ${given}${kwonly} ${given === 1 && !kwonlyGiven ? 'was' : 'were'} given`);
}

/** "f() missing 2 required keyword-only arguments: 'b' and 'c'". @spec #call-arity-error */
function missingArguments(fname: string, kind: 'positional' | 'keyword-only', names: readonly string[]): never {
  const quoted = names.map((m) => `'${m}'`);
  const last = quoted[quoted.length - 1]!;
  const list = quoted.length === 1 ? last : quoted.length === 2 ? `${quoted[0]} and ${last}` : `${quoted.slice(0, -1).join(', ')}, and ${last}`;
  return typeError(`${fname} missing ${names.length} required ${kind} argument${s(names.length)}: ${list}`);
}
