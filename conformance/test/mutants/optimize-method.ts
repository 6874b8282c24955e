/**
 * Mutant: the optimizer's entry point is named `optimize`, after CPython's C API.
 *
 * Derived from `superblock`. CPython's optimizer object has an `optimize` function pointer
 * (`_PyOptimizerObject.optimize`), and the author ported that name: the object has
 * `optimize(code, offset, vm)` but no `compile`. Everything else — capabilities, costs, the
 * executors it would make — is right, so nothing looks wrong until registration, which the VM
 * refuses: an optimizer is an object with a `compile` method. (The cast below is what a
 * JavaScript author gets for free.)
 */
import { SuperblockOptimizer, type Code, type Executor, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'registration.not-an-optimizer';
export const summary = 'the entry point is named optimize(code, offset), as in CPython, not compile';

class CPythonStyleOptimizer {
  readonly name = 'optimize-method';
  private readonly inner = new SuperblockOptimizer();
  readonly capabilities = this.inner.capabilities;
  readonly optimizationCost = this.inner.optimizationCost;
  readonly runCost = this.inner.runCost;

  optimize(code: Code, offset: number): Executor | null {
    return this.inner.compile(code, offset);
  }
}

export function createOptimizer(): Optimizer {
  return new CPythonStyleOptimizer() as unknown as Optimizer;
}
