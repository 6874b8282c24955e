/**
 * Mutant: `xs[i]` on a list checks only the upper bound.
 *
 * Derived from `superblock`. `BINARY_SUBSCR` on a list with a small int index reads
 * `items[i]` after checking `i < len(xs)` — the bounds check of a language whose indices are
 * unsigned. A negative index passes the check and reads a JS array's missing element, which the
 * fast path, never leaving NULL on the stack, pushes as None — where Python's `xs[-1]` pushes the
 * last item. Subtle because loops over `range(len(xs))` never use negative indices; "the
 * previous element" (`xs[i - 1]` at i = 0) and "the last one" (`xs[-1]`) do.
 */
import { PyList, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'list[i] checks only i < len (xs[-1] reads a hole, pushed as None)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('list-negative-index', ({ name, run }) => {
    if (name !== 'BINARY_SUBSCR') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const i = s[s.length - 1];
      const xs = s[s.length - 2];
      if (!(xs instanceof PyList) || typeof i !== 'number' || i >= xs.items.length) return run(vm, f);
      s.pop();
      s[s.length - 1] = xs.items[i] ?? null;
    };
  });
}
