/**
 * Mutant: a dict display inserts its pairs in reverse order.
 *
 * Derived from `superblock`. `BUILD_MAP n` / `BUILD_CONST_KEY_MAP n` are specialised to pop the
 * key/value pairs straight off the top of the stack and insert each as it is popped — so the
 * last pair is inserted first. The two side effects (the insertions) are reordered: the dict has
 * the right keys and values, but its iteration order is reversed, and with a repeated key the
 * first value wins instead of the last. Subtle because `d[k]` lookups, `len(d)` and `k in d` all
 * behave; only order-sensitive uses (printing, iteration, `list(d)`) or duplicate keys show it.
 */
import { PyDict, PyTuple, python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'BUILD_MAP / BUILD_CONST_KEY_MAP insert the pairs in reverse order';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('dict-display-reversed', ({ name, arg, run }) => {
    if (name === 'BUILD_MAP') {
      return (_vm, f) => {
        const d = new PyDict();
        for (let i = 0; i < arg; i++) {
          const value = f.stack.pop() as PyValue;
          const key = f.stack.pop() as PyValue;
          python.dictSet(d, key, value);
        }
        f.stack.push(d);
      };
    }
    if (name === 'BUILD_CONST_KEY_MAP') {
      return (vm, f) => {
        const keys = f.stack[f.stack.length - 1];
        if (!(keys instanceof PyTuple) || keys.items.length !== arg) return run(vm, f);
        f.stack.pop();
        const d = new PyDict();
        for (let i = arg - 1; i >= 0; i--) python.dictSet(d, keys.items[i]!, f.stack.pop() as PyValue);
        f.stack.push(d);
      };
    }
    return undefined;
  });
}
