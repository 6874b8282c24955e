/**
 * Mutant: a run cost computed from measurements that do not exist yet (0 / 0 = NaN).
 *
 * Derived from `counter`. The optimizer reports `runCost` as measured executor time over
 * measured interpreter time for the same work — both 0 when it is constructed, so the
 * declared cost is `NaN`. `NaN` is a `number` (it passes a `typeof` check) and every comparison
 * with it is false, so a VM that tested `cost <= 0` would accept it; the API requires a finite
 * number > 0 and the VM refuses the registration.
 */
import { CounterOptimizer, type Code, type Executor, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'registration.costs';
export const summary = 'runCost = measured executor time / measured interpreter time = 0 / 0 = NaN';

class MeasuringCounter implements Optimizer {
  readonly name = 'cost-nan';
  private readonly inner = new CounterOptimizer();
  readonly capabilities = this.inner.capabilities;
  /** Totals over every executor run, and over the interpreter doing the same work. */
  private executorMs = 0;
  private interpreterMs = 0;
  readonly optimizationCost = 1;
  readonly runCost = this.executorMs / this.interpreterMs;

  compile(code: Code, offset: number): Executor | null {
    return this.inner.compile(code, offset);
  }
}

export function createOptimizer(): Optimizer {
  return new MeasuringCounter();
}
