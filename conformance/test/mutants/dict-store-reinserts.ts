/**
 * Mutant: `d[k] = v` on an existing key deletes and re-inserts the entry.
 *
 * Derived from `superblock`. `STORE_SUBSCR` on a dict is implemented as "remove the key if
 * present, then insert" — the way a hash map without in-place update is used. The value is right
 * and the dict is equal, but the key moves to the end: Python keeps an updated key where it was
 * first inserted, so iteration order, `list(d)`, the repr and `popitem()` differ. Subtle because
 * dict equality ignores order and a dict whose keys are each stored once is unaffected; counters
 * and accumulators that update keys are not.
 */
import { PyDict, python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'd[k] = v on an existing key deletes and re-inserts it (the key moves to the end)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('dict-store-reinserts', ({ name, run }) => {
    if (name !== 'STORE_SUBSCR') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const k = s[s.length - 1];
      const d = s[s.length - 2];
      if (!(d instanceof PyDict) || (typeof k !== 'string' && typeof k !== 'number') || !python.dictContains(d, k)) return run(vm, f);
      const v = s[s.length - 3]!;
      s.length -= 3;
      python.dictDelete(d, k);
      python.dictSet(d, k, v);
    };
  });
}
