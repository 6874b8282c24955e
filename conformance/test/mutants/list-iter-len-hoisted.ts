/**
 * Mutant: a `for` loop over a list reads the list's length once.
 *
 * Derived from `superblock`. `FOR_ITER` over a list iterator checks the iterator's position
 * against the length the list had when the executor first saw that iterator — the loop-invariant
 * length hoisted out of the loop, as for an array in a language where iteration may not mutate
 * it. Python's list iterator re-reads the length at every step, so items appended during the loop
 * are visited (a work list, a breadth-first queue) and a list that shrinks ends the loop early.
 * Subtle because loops that do not change their list — nearly all of them — are unaffected.
 */
import { PyList, PySeqIterator, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'for over a list stops at the length it had on first sight (appended items skipped)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('list-iter-len-hoisted', ({ name, arg, run }) => {
    if (name !== 'FOR_ITER') return undefined;
    const lengths = new WeakMap<PySeqIterator, number>();
    return (vm, f) => {
      const s = f.stack;
      const it = s[s.length - 1];
      if (!(it instanceof PySeqIterator) || !(it.seq instanceof PyList) || it.index < 0) return run(vm, f);
      let n = lengths.get(it);
      if (n === undefined) lengths.set(it, (n = it.seq.items.length));
      if (it.index < n && it.index < it.seq.items.length) return run(vm, f);
      it.index = -1; // exhausted, as the runtime marks it
      s.pop();
      f.ip = arg + 2;
    };
  });
}
