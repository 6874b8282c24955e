/**
 * Mutant: `d[k] = v` replaces the stored key as well as the value.
 *
 * Derived from `superblock`. `STORE_SUBSCR` on a dict with a key that is already present writes
 * the (key, value) pair into the existing entry — the key object too. For a str or an int key
 * nothing changes, since the new key is the old one. But 1, 1.0 and True are one key in Python,
 * and the first one stored stays: after `d[1] = 'a'; d[True] = 'b'` the dict is `{1: 'b'}`. The
 * fast path makes it `{True: 'b'}`. Subtle because lookups still find the entry and the dict
 * compares equal; only its keys' reprs and types show it.
 */
import { PyDict, python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'd[k] = v on an existing key also stores k (d[1] then d[True] leaves the key True)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('dict-key-replaced', ({ name, run }) => {
    if (name !== 'STORE_SUBSCR') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const k = s[s.length - 1]!;
      const d = s[s.length - 2];
      if (!(d instanceof PyDict)) return run(vm, f);
      const entry = d.entries.get(python.keyOf(k));
      if (entry === undefined) return run(vm, f);
      entry.value = s[s.length - 3]!;
      entry.key = k;
      s.length -= 3;
    };
  });
}
