/**
 * Mutant: executors profile the interpreter through the VM's per-instruction hook.
 *
 * Derived from `superblock`. To decide what to specialise next, the first executor to run
 * installs `vm.onInstruction`, counting the opcodes the interpreter executes between executor
 * runs, and chains to any hook already there. The hook is the VM's machinery, not its state: code
 * the candidate puts there runs on every instruction outside any executor, where the advance-N
 * oracle never looks, so a certified run may not change it. Subtle because the hook only counts:
 * the program's outcome, its output and every executor exit are the interpreter's.
 */
import { SuperblockOptimizer, type Executor, type Frame, type Optimizer, type RuleId, type Vm } from '../../../index';
import { WrappingOptimizer } from './lib/derive';

export const rule: RuleId = 'execute.mutates-vm';
export const summary = 'the first executor installs vm.onInstruction to count opcodes for tiering';

export function createOptimizer(): Optimizer {
  const counts = new Map<number, number>();
  return new WrappingOptimizer('profiling-hook', new SuperblockOptimizer(), (inner: Executor) => ({
    execute(frame: Frame, vm: Vm): Frame | null {
      if (counts.size === 0) {
        const previous = vm.onInstruction;
        counts.set(-1, 0);
        vm.onInstruction = (op: number) => {
          counts.set(op, (counts.get(op) ?? 0) + 1);
          previous?.(op);
        };
      }
      return inner.execute(frame, vm);
    },
  }));
}
