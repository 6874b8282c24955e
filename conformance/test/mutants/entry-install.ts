/**
 * Mutant: declares BACK_EDGE only, but also installs its executor at the function's entry.
 *
 * Derived from `counter`. On its first run, a back-edge executor "warms up" the function: it
 * also installs itself at the function-entry `RESUME` (`vm.replaceExecutor(code, entry, this)`)
 * so the next call would start in it. The optimizer declared only `BACK_EDGE`, so that offset
 * is not a hotspot of a declared kind: the VM refuses (`replace.not-a-hotspot`) and the mutant
 * ignores the returned error. Subtle because nothing visible goes wrong — the refusal is data,
 * the program's result is unchanged — and an optimizer author testing with all capabilities
 * declared would never see the refusal.
 */
import {
  Capability, OP, originalArg, originalOp, type Code, type Executor, type Frame, type Optimizer,
  type Vm, type RuleId,
} from '../../../index';

export const rule: RuleId = 'capabilities.install';
export const summary = 'BACK_EDGE optimizer that also installs its executor at the function-entry RESUME';

/** The function-entry RESUME (`oparg & 3 == 0`): index 0, or 2 in a generator. */
function entryOf(code: Code): number {
  for (let i = 0; i < code.ops.length; i++) if (originalOp(code, i) === OP.RESUME && (originalArg(code, i) & 3) === 0) return i;
  return -1;
}

class WarmingCounterExecutor implements Executor {
  private warmed = false;

  constructor(readonly optimizer: EagerCounter) {}

  execute(frame: Frame, vm: Vm): Frame {
    if (!this.warmed) {
      this.warmed = true;
      const entry = entryOf(frame.code);
      if (entry >= 0) vm.replaceExecutor(frame.code, entry, this);
    }
    this.optimizer.count++;
    vm.step(frame);
    return frame;
  }
}

class EagerCounter implements Optimizer {
  readonly name = 'entry-install';
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 1;
  count = 0;

  compile(code: Code, offset: number): Executor | null {
    return originalOp(code, offset) === OP.JUMP_BACKWARD ? new WarmingCounterExecutor(this) : null;
  }
}

export function createOptimizer(): Optimizer {
  return new EagerCounter();
}
