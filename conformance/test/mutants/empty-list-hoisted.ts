/**
 * Mutant: `BUILD_LIST 0` hoisted out of the loop, so every `[]` is the same list.
 *
 * Derived from `superblock`. Allocation hoisting: the executor creates the empty list once, at
 * compile time, and pushes that one object each time `BUILD_LIST 0` runs, instead of building a
 * new one. The first run is indistinguishable from the interpreter; from the second on, `[]`
 * aliases a list that earlier code may have filled and still holds. Subtle because the values
 * print the same until someone mutates one of the aliases — only a comparison of the heap with
 * object identity catches it at the point of the bug.
 */
import { PyList, type Optimizer, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'BUILD_LIST 0 pushes one list allocated at compile time (aliasing)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('empty-list-hoisted', ({ name, arg }) => {
    if (name !== 'BUILD_LIST' || arg !== 0) return undefined;
    const empty = new PyList([]);
    return (_vm, f) => {
      f.stack.push(empty);
    };
  });
}
