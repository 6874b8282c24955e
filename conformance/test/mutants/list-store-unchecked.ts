/**
 * Mutant: `xs[i] = v` on a list without a bounds check.
 *
 * Derived from `superblock`. `STORE_SUBSCR` on a list with a non-negative small int index writes
 * `items[i] = v` directly: the bounds check was hoisted out as "the loop runs over
 * `range(len(xs))`". When the index is past the end, Python raises IndexError; the JS array grows
 * instead (with holes), and the loop runs on. Subtle because correct programs rarely store past
 * the end — but code that relies on the IndexError (try the slot, append on failure) does.
 */
import { PyList, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'list[i] = v with no bounds check (no IndexError past the end)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('list-store-unchecked', ({ name, run }) => {
    if (name !== 'STORE_SUBSCR') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const i = s[s.length - 1];
      const xs = s[s.length - 2];
      if (!(xs instanceof PyList) || typeof i !== 'number' || i < 0) return run(vm, f);
      const v = s[s.length - 3]!;
      s.length -= 3;
      xs.items[i] = v;
    };
  });
}
