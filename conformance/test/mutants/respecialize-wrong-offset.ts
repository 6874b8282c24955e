/**
 * Mutant: re-specialises itself with an executor compiled for another offset.
 *
 * Derived from `counter`. A back-edge executor that performs the `JUMP_BACKWARD` itself
 * (`frame.ip = target`, the target read from the instruction at compile time). After eight runs
 * it re-specialises: it asks its optimizer for a fresh executor and installs it in its place with
 * `vm.replaceExecutor(code, this.offset, optimizer.compile(code, frame.ip))` — passing where
 * execution continues (the loop head) instead of its own offset. The optimizer trusts the VM to
 * offer back edges only and reads the "jump target" of whatever instruction it is given, so the
 * replacement, installed at the back edge, jumps to the loop head's operand (a `FOR_ITER`'s exit
 * label, or a local's index). The API accepts the replacement — it is a valid executor at a
 * declared hotspot — so only the state after its first run shows the mistake.
 */
import {
  Capability, originalArg, type Code, type Executor, type Frame, type Optimizer, type Vm, type RuleId,
} from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = 'replaces itself with an executor compiled for the loop head instead of its own offset';

const RESPECIALIZE_AFTER = 8;

class JumpExecutor implements Executor {
  private runs = 0;

  constructor(
    readonly optimizer: JumpingCounter,
    readonly code: Code,
    readonly offset: number,
    readonly target: number,
  ) {}

  execute(frame: Frame, vm: Vm): Frame {
    this.optimizer.count++;
    vm.steps++; // the jump is one more instruction executed
    frame.ip = this.target;
    if (++this.runs === RESPECIALIZE_AFTER) {
      const fresh = this.optimizer.compile(this.code, frame.ip);
      vm.replaceExecutor(this.code, this.offset, fresh);
    }
    return frame;
  }
}

class JumpingCounter implements Optimizer {
  readonly name = 'respecialize-wrong-offset';
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 0.5;
  count = 0;

  compile(code: Code, offset: number): Executor {
    // Only back edges are offered, so the operand is the jump target.
    return new JumpExecutor(this, code, offset, originalArg(code, offset));
  }
}

export function createOptimizer(): Optimizer {
  return new JumpingCounter();
}
