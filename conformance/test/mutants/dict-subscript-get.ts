/**
 * Mutant: `d[k]` on a dict returns None for a missing key.
 *
 * Derived from `superblock`. `BINARY_SUBSCR` on a dict is inlined as a hash-table lookup whose
 * miss is mapped to None — `Map.get` returns undefined, and undefined "is" None — instead of
 * raising KeyError. Every hit is right. Subtle because a correct program that only reads keys it
 * stored never misses; the common idiom that counts on the miss (`try: d[k] += 1` /
 * `except KeyError: d[k] = 1`) turns into a TypeError or a silent None.
 */
import { PyDict, python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'dict[k] of a missing key is None instead of KeyError';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('dict-subscript-get', ({ name, run }) => {
    if (name !== 'BINARY_SUBSCR') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const k = s[s.length - 1];
      const d = s[s.length - 2];
      if (!(d instanceof PyDict) || (typeof k !== 'string' && typeof k !== 'number')) return run(vm, f);
      s.pop();
      s[s.length - 1] = python.dictGet(d, k) ?? null;
    };
  });
}
