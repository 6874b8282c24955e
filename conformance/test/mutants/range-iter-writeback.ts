/**
 * Mutant: a `for` loop's range position kept in a register, written back only on a normal return.
 *
 * Derived from `superblock`. `FOR_ITER` over a range iterator keeps the loop's next value in the
 * executor ("in a register") and stores it into the iterator object only when the executor
 * returns — the induction variable of a compiled loop, materialised at the exit. When a Python
 * exception leaves the region, the executor does not return, and the iterations it ran are never
 * written back: the iterator's position is the one it had on entry, and after the `except` the loop
 * repeats the values it already produced. Subtle because loops whose body never raises — nearly
 * all of them — see exactly the same values.
 */
import { PyRangeIterator, type Executor, type Frame, type Optimizer, type Vm } from '../../../index';
import { PatchedSuperblock, WrappingOptimizer, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = "range loop position kept in the executor, written back only on a normal return (lost when the region raises)";

export function createOptimizer(): Optimizer {
  /** The executor's registers: each range iterator's next value, for the current run. */
  const registers = new Map<PyRangeIterator, number>();
  const inner = new PatchedSuperblock('range-iter-writeback', ({ name, arg, run }) => {
    if (name !== 'FOR_ITER') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const it = s[s.length - 1];
      if (!(it instanceof PyRangeIterator) || typeof it.next !== 'number' || typeof it.step !== 'number' || typeof it.stop !== 'number') return run(vm, f);
      const next = registers.get(it) ?? it.next;
      if (it.step > 0 ? next < it.stop : next > it.stop) {
        registers.set(it, next + it.step);
        s.push(next);
        return;
      }
      it.next = next;
      registers.delete(it);
      s.pop();
      f.ip = arg + 2;
    };
  });
  return new WrappingOptimizer('range-iter-writeback', inner, (executor): Executor => ({
    execute(frame: Frame, vm: Vm): Frame | null {
      registers.clear(); // a run that raised left its registers behind: they are dead
      const at = executor.execute(frame, vm);
      for (const [it, next] of registers) it.next = next;
      registers.clear();
      return at;
    },
  }));
}
