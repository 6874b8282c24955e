/**
 * Mutant: a star call shares the caller's dict it must copy.
 *
 * Derived from `superblock`. `f(**k)` compiles to `BUILD_MAP 0`, `DICT_MERGE 1`, `CALL_FUNCTION_EX
 * 1`: the keyword dict is a new dict that k's items are merged into. The executor skips the "useless"
 * copy when the new dict is still empty: DICT_MERGE replaces it with k itself. The call then gets
 * the right keyword arguments, so every result is right — but between the merge and the call the
 * stack holds the caller's own dict where CPython holds a fresh one, and a later `**` merge into it
 * (`f(**k, x=1)`) would write into the caller's dict. A state comparison with identity sees the
 * aliasing as soon as an executor leaves before the call (it always does before calling a Python
 * function).
 */
import { python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'DICT_MERGE into an empty keyword dict puts the ** mapping itself on the stack instead of a copy';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('star-kwargs-aliased', ({ name, arg, run }) => {
    if (name !== 'DICT_MERGE') return undefined;
    return (vm, f) => {
      const update = f.stack[f.stack.length - 1] as PyValue;
      const at = f.stack.length - 1 - arg;
      const target = f.stack[at];
      if (target instanceof python.PyDict && target.entries.size === 0 && update instanceof python.PyDict) {
        f.stack.pop();
        f.stack[at] = update;
        return;
      }
      run(vm, f);
    };
  });
}
