/**
 * Mutant: compile turns off hotspot counting by rewriting the back edge in place.
 *
 * Derived from `counter`. Once it has an executor for a loop, the optimizer wants the VM to stop
 * counting that loop's back edges, so compile rewrites every `JUMP_BACKWARD` in the loop —
 * including the hotspot itself — to the non-counting `JUMP_BACKWARD_NO_INTERRUPT` (the variant
 * CPython uses where it must not be interrupted). Both jump to the same target, so the program
 * runs the same. But compile must not change the code object: it is shared by every frame and
 * function of that code, the VM keeps the original instruction under `ENTER_EXECUTOR`, and
 * code equality and hashing see through executors to it — and now see a different program.
 */
import {
  Capability, OP, originalArg, originalOp, type Code, type Executor, type Frame, type Optimizer,
  type Vm, type RuleId,
} from '../../../index';

export const rule: RuleId = 'compile.mutates';
export const summary = "compile rewrites the loop's JUMP_BACKWARDs to JUMP_BACKWARD_NO_INTERRUPT in place";

class CountingExecutor implements Executor {
  execute(frame: Frame, vm: Vm): Frame {
    vm.step(frame);
    return frame;
  }
}

class QuickeningCounter implements Optimizer {
  readonly name = 'quicken-in-compile';
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 1;

  compile(code: Code, offset: number): Executor | null {
    if (originalOp(code, offset) !== OP.JUMP_BACKWARD) return null;
    const ops = code.ops;
    for (let i = originalArg(code, offset); i <= offset; i++) if (ops[i] === OP.JUMP_BACKWARD) ops[i] = OP.JUMP_BACKWARD_NO_INTERRUPT;
    return new CountingExecutor();
  }
}

export function createOptimizer(): Optimizer {
  return new QuickeningCounter();
}
