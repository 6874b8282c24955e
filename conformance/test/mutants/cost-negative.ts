/**
 * Mutant: costs declared as log-ratios, so a fast executor's run cost is negative.
 *
 * Derived from `superblock`. The optimizer's internal cost model works in log2 of the ratio to
 * the interpreter (so that costs add), and it declares those numbers: `runCost = log2(0.8)`,
 * about -0.32. The API's costs are plain ratios, finite and > 0; a negative run cost would make
 * the seed's threshold formula favour compiling ever more. The VM refuses the registration.
 */
import { SuperblockOptimizer, type Code, type Executor, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'registration.costs';
export const summary = 'costs declared as log2 ratios: runCost = log2(0.8) < 0';

class LogCostSuperblock implements Optimizer {
  readonly name = 'cost-negative';
  private readonly inner = new SuperblockOptimizer();
  readonly capabilities = this.inner.capabilities;
  /** log2(cost ratio): the cost model adds these. */
  readonly optimizationCost = Math.log2(this.inner.optimizationCost);
  readonly runCost = Math.log2(this.inner.runCost);

  compile(code: Code, offset: number): Executor | null {
    return this.inner.compile(code, offset);
  }
}

export function createOptimizer(): Optimizer {
  return new LogCostSuperblock();
}
