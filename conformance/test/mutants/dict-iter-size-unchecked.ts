/**
 * Mutant: iteration over a dict skips the "changed size" check.
 *
 * Derived from `superblock`. `FOR_ITER` over a dict's keys walks the dict's entry array itself —
 * the next live slot at or after the iterator's position — without comparing the dict's size with
 * the size it had when the loop began, a check that looks redundant once the walk is bounds-safe.
 * CPython raises `RuntimeError: dictionary changed size during iteration` when a loop adds or
 * deletes keys of the dict it iterates; the fast path goes on. Subtle because loops that read or
 * only reassign values — nearly all of them — never change the size.
 */
import { PyDictIterator, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'for over a dict does not raise when the loop adds or deletes keys';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('dict-iter-size-unchecked', ({ name, arg, run }) => {
    if (name !== 'FOR_ITER') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const it = s[s.length - 1];
      if (!(it instanceof PyDictIterator) || it.what !== 'keys' || it.index < 0 || it.size < 0) return run(vm, f);
      const slots = it.dict.slots;
      let i = it.index;
      while (i < slots.length && slots[i] === undefined) i++;
      const e = slots[i];
      if (e === undefined) {
        it.index = -1;
        s.pop();
        f.ip = arg + 2;
        return;
      }
      it.index = i + 1;
      it.remaining = Math.max(0, it.remaining - 1);
      s.push(e.key);
    };
  });
}
