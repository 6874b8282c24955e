/**
 * Mutant: LIST_APPEND skips values the list already holds.
 *
 * Derived from `superblock`. The author specialised the comprehension instructions with one
 * closure shared by `LIST_APPEND` and `SET_ADD`, written for `SET_ADD`: it appends only when
 * no equal element is present. A list comprehension over distinct values (the common test case)
 * is unaffected; `[x % 3 for x in range(9)]` silently loses six elements.
 */
import { PyList, pyEquals, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'LIST_APPEND with set semantics: skips an append of a value already in the list';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('list-append-dedup', ({ name, arg, run }) => {
    if (name !== 'LIST_APPEND') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const container = s[s.length - 1 - arg];
      if (!(container instanceof PyList)) return run(vm, f);
      const v = s.pop() as PyValue;
      if (!container.items.some((x) => pyEquals(x, v))) container.items.push(v);
    };
  });
}
