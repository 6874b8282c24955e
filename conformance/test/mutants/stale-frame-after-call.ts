/**
 * Mutant: returns the frame it was given after stepping into a call.
 *
 * Derived from `counter` and the README's stepping example. The executor runs up to 16
 * instructions with `vm.step`, stopping as soon as a call or a return switches frames — correct
 * so far — and then returns `frame`, the frame it was entered with, instead of `vm.frame`, the
 * innermost frame where execution continues. After a `CALL` of a Python function the given
 * frame is the caller, no longer innermost; after the entry call's return there is no frame at
 * all. Subtle because in straight-line and loop code (no calls) the two are the same object.
 */
import { ALL_CAPABILITIES, type Executor, type Frame, type Optimizer, type Vm, type RuleId } from '../../../index';
import { hasRoom } from './lib/derive';

export const rule: RuleId = 'execute.frame';
export const summary = 'steps until a call switches frames, then returns the stale caller frame';

class SteppingExecutor implements Executor {
  execute(frame: Frame, vm: Vm): Frame {
    for (let i = 0; i < 16 && vm.frame === frame && hasRoom(vm); i++) vm.step(frame);
    return frame;
  }
}

class Stepper implements Optimizer {
  readonly name = 'stale-frame-after-call';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 1;
  readonly runCost = 1;

  compile(): Executor {
    return new SteppingExecutor();
  }
}

export function createOptimizer(): Optimizer {
  return new Stepper();
}
