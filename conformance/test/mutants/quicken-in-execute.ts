/**
 * Mutant: execute rewrites `+=` to `+` in the loop body once it has seen ints.
 *
 * Derived from `counter`. On its first run the back-edge executor "normalises" the loop body:
 * for ints `x += y` and `x + y` are the same operation, so it rewrites every `BINARY_OP +=` in
 * the loop to `BINARY_OP +` in the code object, to share one specialisation. Besides changing a
 * code object from `execute` (which the API forbids outside `replaceExecutor`), the rewrite is
 * wrong for lists — `xs += [v]` extends `xs` in place, `xs + [v]` builds a new list — but that
 * would only show when a list reaches it.
 */
import {
  Capability, OP, originalArg, originalOp, NB_ADD, NB_INPLACE, type Code, type Executor, type Frame,
  type Optimizer, type Vm, type RuleId,
} from '../../../index';

export const rule: RuleId = 'execute.mutates-code';
export const summary = 'on first run, rewrites BINARY_OP += to BINARY_OP + in the loop body';

class NormalisingExecutor implements Executor {
  private normalised = false;

  constructor(
    readonly code: Code,
    readonly offset: number,
  ) {}

  execute(frame: Frame, vm: Vm): Frame {
    if (!this.normalised) {
      this.normalised = true;
      const { ops, args } = this.code;
      for (let i = originalArg(this.code, this.offset); i < this.offset; i++) {
        if (ops[i] === OP.BINARY_OP && args[i] === NB_ADD + NB_INPLACE) args[i] = NB_ADD;
      }
    }
    vm.step(frame);
    return frame;
  }
}

class NormalisingCounter implements Optimizer {
  readonly name = 'quicken-in-execute';
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 1;

  compile(code: Code, offset: number): Executor | null {
    return originalOp(code, offset) === OP.JUMP_BACKWARD ? new NormalisingExecutor(code, offset) : null;
  }
}

export function createOptimizer(): Optimizer {
  return new NormalisingCounter();
}
