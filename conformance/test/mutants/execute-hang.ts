/**
 * Mutant: execute waits for a loop exit the interpreter never stops at.
 *
 * Derived from `counter`. A back-edge executor of a `for` loop runs the rest of the loop in the
 * interpreter: it calls `vm.step()` until the frame's `ip` is the loop's exit, which it reads as
 * `FOR_ITER`'s operand — the `END_FOR` label. But an exhausted `FOR_ITER` jumps *past* `END_FOR`,
 * so `ip` never equals it; the executor keeps stepping through the rest of the program, and once
 * the entry call has returned `vm.step()` returns `false` (no frame left), which the loop ignores:
 * it spins forever. Only a wall-clock limit around the plug-in can catch it, so the in-process
 * gallery run skips it (`needsIsolation`).
 */
import {
  Capability, OP, originalArg, originalOp, type Code, type Executor, type Frame, type Optimizer,
  type Vm, type RuleId,
} from '../../../index';

export const rule: RuleId = 'execute.hang';
export const summary = "steps until ip == FOR_ITER's END_FOR label, which an exhausted FOR_ITER jumps past";
/** Only a worker with a wall-clock limit can certify this one. */
export const needsIsolation = true;

class RunToExitExecutor implements Executor {
  constructor(readonly exit: number) {}

  execute(frame: Frame, vm: Vm): Frame | null {
    while (frame.ip !== this.exit) vm.step();
    return vm.frame;
  }
}

class RunToExitOptimizer implements Optimizer {
  readonly name = 'execute-hang';
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 1;

  compile(code: Code, offset: number): Executor | null {
    const head = originalArg(code, offset);
    if (originalOp(code, head) !== OP.FOR_ITER) return null;
    return new RunToExitExecutor(originalArg(code, head));
  }
}

export function createOptimizer(): Optimizer {
  return new RunToExitOptimizer();
}
