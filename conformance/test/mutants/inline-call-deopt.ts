/**
 * Mutant: a call's work is done, then the call is "deoptimised" back to before it.
 *
 * A stepping executor with speculative inlining. At a `CALL` of a Python function it runs the
 * callee to completion inside the executor, specialised for an int result. If the result is not
 * an int the guard fails and the executor deoptimises: it restores the caller's value stack and
 * `ip` to their state before the `CALL` and hands the frame back, so that the interpreter makes
 * the call. But the callee's work — its prints, its mutations of shared objects — has already
 * been done: the state is "the call happened" for the heap and the output, and "the call did not
 * happen" for the frames, which the interpreter never reaches. (The interpreter then does the
 * work again.) Subtle because callees returning ints, and callees without side effects, are
 * inlined correctly.
 */
import {
  ALL_CAPABILITIES, OP, PyFunction, originalArg, originalOp, type Executor, type Frame, type Optimizer,
  type Vm, type RuleId,
} from '../../../index';
import { hasRoom } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = "inlines a call, then on a non-int result 'deoptimises' to before the CALL, keeping its effects";

/** Instructions of the entered frame (not counting inlined callees) per entry. */
const MAX_STEPS = 32;

class InliningExecutor implements Executor {
  execute(frame: Frame, vm: Vm): Frame | null {
    for (let i = 0; i < MAX_STEPS && vm.frame === frame && hasRoom(vm); i++) {
      const pc = frame.ip;
      const argc = originalOp(frame.code, pc) === OP.CALL ? originalArg(frame.code, pc) : -1;
      if (argc < 0 || !(frame.stack[frame.stack.length - 2 - argc] instanceof PyFunction)) {
        vm.step(frame);
        continue;
      }
      const saved = frame.stack.slice();
      vm.step(frame); // pushes the callee's frame
      while (vm.frame !== null && vm.frame !== frame && hasRoom(vm)) vm.step();
      if (vm.frame !== frame) return vm.frame;
      const result = frame.stack[frame.stack.length - 1];
      if (frame.ip === pc + 1 && typeof result !== 'number' && typeof result !== 'bigint') {
        // Deoptimise: the interpreter will make this call.
        frame.stack.length = 0;
        frame.stack.push(...saved);
        frame.ip = pc;
        return frame;
      }
    }
    return vm.frame;
  }
}

class InliningOptimizer implements Optimizer {
  readonly name = 'inline-call-deopt';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 8;
  readonly runCost = 0.7;

  compile(): Executor {
    return new InliningExecutor();
  }
}

export function createOptimizer(): Optimizer {
  return new InliningOptimizer();
}
