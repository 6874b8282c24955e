/**
 * The `.params` directive: a parameter list written as in a Python `def`, without defaults:
 * `a b / c *args d **kw` (`/` ends the positional-only ones, `*name` or a bare `*` starts the
 * keyword-only ones, `**name` comes last).
 * @spec #assembly-params
 */
import { CO_VARARGS, CO_VARKEYWORDS, type Code } from './code';

export interface ParamSpec {
  /** Every parameter local in varnames order: positional, keyword-only, *args, **kwargs. */
  readonly locals: readonly string[];
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  /** CO_VARARGS | CO_VARKEYWORDS as present. */
  readonly flags: number;
}

/** Parse the words of `.params`; returns a message for the first mistake. */
export function parseParams(words: readonly string[], isName: (w: string) => boolean): ParamSpec | { error: string } {
  const positional: string[] = [];
  const kwonly: string[] = [];
  let posonly = 0;
  let varargs: string | null = null;
  let varkw: string | null = null;
  let star = false;
  for (const w of words) {
    if (varkw !== null) return { error: `'${w}' after **${varkw}: **kwargs must come last` };
    if (w === '/') {
      if (star || posonly) return { error: "'/' must come once, before any '*'" };
      if (!positional.length) return { error: "'/' needs a parameter before it" };
      posonly = positional.length;
    } else if (w.startsWith('**')) {
      if (!isName(w.slice(2))) return { error: `bad name '${w.slice(2)}' after **` };
      varkw = w.slice(2);
    } else if (w.startsWith('*')) {
      if (star) return { error: "only one '*' or '*name'" };
      star = true;
      if (w !== '*') {
        if (!isName(w.slice(1))) return { error: `bad name '${w.slice(1)}' after *` };
        varargs = w.slice(1);
      }
    } else if (!isName(w)) {
      return { error: `bad name '${w}' in .params` };
    } else (star ? kwonly : positional).push(w);
  }
  if (star && varargs === null && !kwonly.length) return { error: "a bare '*' must be followed by a keyword-only parameter" };
  const locals = [...positional, ...kwonly, ...(varargs !== null ? [varargs] : []), ...(varkw !== null ? [varkw] : [])];
  if (new Set(locals).size !== locals.length) return { error: 'duplicate name in .params' };
  return {
    locals,
    argcount: positional.length,
    posonlyargcount: posonly,
    kwonlyargcount: kwonly.length,
    flags: (varargs !== null ? CO_VARARGS : 0) | (varkw !== null ? CO_VARKEYWORDS : 0),
  };
}

/** The `.params` words of a code object (what parseParams reads back to the same counts and flags). */
export function paramsText(code: Code): string {
  const v = code.varnames;
  const argc = code.argcount;
  const posonly = code.posonlyargcount ?? 0;
  const kwonly = code.kwonlyargcount ?? 0;
  const words = v.slice(0, argc);
  if (posonly) words.splice(posonly, 0, '/');
  let next = argc + kwonly;
  if (code.flags & CO_VARARGS) words.push(`*${v[next++]}`);
  else if (kwonly) words.push('*');
  words.push(...v.slice(argc, argc + kwonly));
  if (code.flags & CO_VARKEYWORDS) words.push(`**${v[next]}`);
  return words.join(' ');
}
