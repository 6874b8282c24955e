/** Argument binding for builtins declared with Argument Clinic (positional-or-keyword parameters). */
import { typeError } from './exceptions';
import type { Kwargs } from './args';
import type { PyValue } from './values';

export interface Signature {
  /** Parameter names in order; the first `posOnly` cannot be passed by keyword. */
  readonly names: readonly string[];
  readonly posOnly: number;
  /** How many leading parameters are required. */
  readonly required: number;
}

const plural = (n: number): string => (n === 1 ? '' : 's');

/** Bind positional and keyword arguments (CPython's _PyArg_UnpackKeywords messages). */
export function bindArgs(fname: string, args: readonly PyValue[], kwargs: Kwargs, sig: Signature): (PyValue | undefined)[] {
  const max = sig.names.length;
  const nkw = kwargs ? kwargs.size : 0;
  const total = args.length + nkw;
  if (total > max) typeError(`${fname}() takes at most ${max} argument${plural(max)} (${total} given)`);
  const minPos = Math.min(sig.posOnly, sig.required);
  if (args.length < minPos) {
    typeError(`${fname}() takes at least ${minPos} positional argument${plural(minPos)} (${args.length} given)`);
  }
  const out: (PyValue | undefined)[] = sig.names.map((_, i) => args[i]);
  if (kwargs) {
    for (const [k, v] of kwargs) {
      const i = sig.names.indexOf(k);
      if (i < 0) typeError(`${fname}() got an unexpected keyword argument '${k}'`);
      if (i < sig.posOnly) typeError(`${fname}() got some positional-only arguments passed as keyword arguments: '${k}'`);
      if (i < args.length) typeError(`argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
      out[i] = v;
    }
  }
  for (let i = 0; i < sig.required; i++) {
    if (out[i] === undefined) typeError(`${fname}() missing required argument '${sig.names[i]}' (pos ${i + 1})`);
  }
  return out;
}
