/**
 * Mutant: `len()` of a list or dict memoized per object.
 *
 * Derived from `superblock`. A `CALL` of the builtin `len` on a list or dict is inlined, and its
 * result remembered per object, so that the `len(xs)` of a loop condition costs a table lookup
 * after the first time — loop-invariant code motion that assumes the container is not changed
 * inside the loop. When the loop appends, pops or deletes (a queue drained until empty, a buffer
 * filled up to a size), the remembered length goes stale. Subtle because most loops only read the
 * containers they measure.
 */
import { PyDict, PyList, type Optimizer } from '../../../index';
import { inlineBuiltin, PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'len(list or dict) remembered per object (stale after the loop changes it)';

export function createOptimizer(): Optimizer {
  const lengths = new WeakMap<PyList | PyDict, number>();
  return new PatchedSuperblock(
    'len-memoized',
    inlineBuiltin('len', (args) => {
      const v = args[0];
      if (args.length !== 1 || !(v instanceof PyList || v instanceof PyDict)) return undefined;
      let n = lengths.get(v);
      if (n === undefined) lengths.set(v, (n = v instanceof PyList ? v.items.length : v.entries.size));
      return n;
    }),
  );
}
