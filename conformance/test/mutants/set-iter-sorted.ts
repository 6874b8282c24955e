/**
 * Mutant: a set is iterated in sorted order.
 *
 * Derived from `superblock`. `FOR_ITER` over a set of ints (or of strs) advances the real set
 * iterator — its position, its count and the size check stay right — but yields the k-th smallest
 * element instead of the k-th element of the table. A JIT author who models a set as a sorted
 * collection makes this mistake. Subtle because most small sets of small non-negative ints iterate
 * in sorted order in CPython too (an int hashes to itself, so it sits in slot `x & mask`), and
 * anything that sorts or sums the loop's results agrees; only a set whose table order differs from
 * the sorted one (negatives, values beyond the table size, collisions, strs) shows it.
 */
import { python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'FOR_ITER over a set of ints or strs yields its elements in sorted order';

/** The elements sorted, when they are all ints or all strs (else null: leave the loop alone). */
function sortedElements(set: InstanceType<typeof python.PySet>): PyValue[] | null {
  const items = python.setElements(set);
  if (items.every((v) => typeof v === 'number')) return (items as number[]).slice().sort((a, b) => a - b);
  if (items.every((v) => typeof v === 'string')) return (items as string[]).slice().sort();
  return null;
}

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('set-iter-sorted', ({ name, run }) => {
    if (name !== 'FOR_ITER') return undefined;
    return (vm, f) => {
      const it = f.stack[f.stack.length - 1];
      const depth = f.stack.length;
      run(vm, f);
      if (!(it instanceof python.PySetIterator) || it.set === null || f.stack.length !== depth + 1) return;
      const order = sortedElements(it.set);
      if (order === null) return;
      const k = it.used - it.remaining - 1;
      f.stack[f.stack.length - 1] = order[k]!;
    };
  });
}
