/**
 * Mutant: the optimizer widens its capabilities once it has compiled something.
 *
 * Derived from `superblock`. It starts out declaring back edges only, "to be safe", and after its
 * first successful compile decides that its regions work at function entries too, so its
 * `capabilities` getter answers BACK_EDGE | FUNCTION_ENTRY from then on. The VM reads the
 * declaration once, at registration: the wider set never reaches the hotspot policy, and the
 * fixtures chosen for it were chosen for BACK_EDGE alone. Subtle because every executor it makes
 * is correct and the run's outcome is the interpreter's; only the declaration moved.
 */
import { Capability, SuperblockOptimizer, type Code, type Executor, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'capabilities.stable';
export const summary = 'capabilities widened from BACK_EDGE to BACK_EDGE | FUNCTION_ENTRY after the first compile';

class LearningSuperblock implements Optimizer {
  readonly name = 'capabilities-learned';
  readonly optimizationCost: number;
  readonly runCost: number;
  private readonly inner = new SuperblockOptimizer();
  private compiled = 0;

  constructor() {
    this.optimizationCost = this.inner.optimizationCost;
    this.runCost = this.inner.runCost;
  }

  get capabilities(): number {
    return this.compiled > 0 ? Capability.BACK_EDGE | Capability.FUNCTION_ENTRY : Capability.BACK_EDGE;
  }

  compile(code: Code, offset: number): Executor | null {
    const e = this.inner.compile(code, offset);
    if (e !== null) this.compiled++;
    return e;
  }
}

export function createOptimizer(): Optimizer {
  return new LearningSuperblock();
}
