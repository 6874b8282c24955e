/** Argument binding for builtins declared with Argument Clinic (positional-or-keyword parameters). */
import { typeError } from './exceptions';
import type { Kwargs } from './args';
import { unexpectedKeywordMessage } from './suggestions';
import type { PyValue } from './values';

export interface Signature {
  /** Parameter names in order; the first `posOnly` cannot be passed by keyword. */
  readonly names: readonly string[];
  readonly posOnly: number;
  /** How many leading parameters are required. */
  readonly required: number;
}

const plural = (n: number): string => (n === 1 ? '' : 's');

/**
 * Bind positional and keyword arguments with CPython's _PyArg_UnpackKeywords messages, in its
 * order: too many arguments, too few positional ones, a missing required one, one given by name
 * and position, then an unexpected keyword (with 3.13's "Did you mean" suggestion).
 */
export function bindArgs(fname: string, args: readonly PyValue[], kwargs: Kwargs, sig: Signature): (PyValue | undefined)[] {
  const max = sig.names.length;
  const nkw = kwargs ? kwargs.size : 0;
  const total = args.length + nkw;
  if (total > max) {
    typeError(`${fname}() takes at most ${max} ${args.length === 0 ? 'keyword ' : ''}argument${plural(max)} (${total} given)`);
  }
  const minPos = Math.min(sig.posOnly, sig.required);
  if (args.length < minPos) {
    typeError(`${fname}() takes at least ${minPos} positional argument${plural(minPos)} (${args.length} given)`);
  }
  const out: (PyValue | undefined)[] = sig.names.map((_, i) => args[i]);
  const keywords = sig.names.slice(sig.posOnly);
  for (let i = Math.max(args.length, sig.posOnly); i < max; i++) {
    const v = kwargs?.get(sig.names[i]!);
    if (v !== undefined) out[i] = v;
    else if (i < sig.required) typeError(`${fname}() missing required argument '${sig.names[i]}' (pos ${i + 1})`);
  }
  if (kwargs) {
    for (let i = sig.posOnly; i < args.length; i++) {
      const k = sig.names[i]!;
      if (kwargs.has(k)) typeError(`argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
    }
    for (const k of kwargs.keys()) {
      if (!keywords.includes(k)) typeError(unexpectedKeywordMessage(`${fname}()`, k, keywords));
    }
  }
  return out;
}
