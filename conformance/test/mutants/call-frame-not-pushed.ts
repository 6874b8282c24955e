/**
 * Mutant: a call's frame is built and returned, but never pushed.
 *
 * A stepping executor that implements `CALL` of a Python function itself: it pops the callable
 * and the arguments, binds them into a new frame with `vm.makeFrame`, links the frame to its
 * caller (`back`), moves the caller's `ip` past the `CALL` and returns the new frame — reading
 * "execute returns the frame execution continues in" as "execution continues in the frame I
 * return". It does not: the VM continues in its own innermost frame (`vm.frame`), which is
 * still the caller, and the new frame is neither current nor counted in the recursion depth. The
 * call's work (popping, binding) is done; the frame push is not. Subtle because the returned
 * frame looks exactly like the one the interpreter would have pushed.
 */
import {
  ALL_CAPABILITIES, OP, PyFunction, originalArg, originalOp, type Executor, type Frame, type Optimizer,
  type PyValue, type Vm, type RuleId,
} from '../../../index';
import { hasRoom } from './lib/derive';

export const rule: RuleId = 'execute.frame';
export const summary = "CALL of a Python function: builds the callee's frame and returns it without pushing it";

class CallingExecutor implements Executor {
  execute(frame: Frame, vm: Vm): Frame | null {
    for (let i = 0; i < 16 && vm.frame === frame && hasRoom(vm); i++) {
      const pc = frame.ip;
      const s = frame.stack;
      const argc = originalOp(frame.code, pc) === OP.CALL ? originalArg(frame.code, pc) : -1;
      const fn = argc >= 0 ? s[s.length - 2 - argc] : undefined;
      if (!(fn instanceof PyFunction)) {
        vm.step(frame);
        continue;
      }
      const args = s.splice(s.length - argc) as PyValue[];
      const self = s.pop();
      s.pop();
      if (self !== undefined) args.unshift(self as PyValue);
      vm.steps++;
      frame.ip = pc + 1;
      const callee = vm.makeFrame(fn, args, null);
      callee.back = frame;
      return callee; // "execution continues in the callee"
    }
    return vm.frame;
  }
}

class CallingOptimizer implements Optimizer {
  readonly name = 'call-frame-not-pushed';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 1;
  readonly runCost = 0.9;

  compile(): Executor {
    return new CallingExecutor();
  }
}

export function createOptimizer(): Optimizer {
  return new CallingOptimizer();
}
