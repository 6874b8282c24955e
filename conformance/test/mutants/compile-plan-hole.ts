/**
 * Mutant: compile returns `undefined` for a hotspot kind it never planned.
 *
 * Derived from `superblock`. On the first compile in a code object the optimizer plans every
 * hotspot of it at once and caches the executors in an array indexed by offset; `compile`
 * returns `plans[offset]`. The planner visits back edges and function entries but forgets the
 * third kind, resumes after `yield`, although the optimizer declares it — so for those offsets
 * the array has a hole and compile returns `undefined`, which is neither an executor nor the
 * `null` that declines. TypeScript does not object (an array element's type does not include
 * `undefined` without `noUncheckedIndexedAccess`). Subtle because only generators have that
 * kind of hotspot.
 */
import {
  ALL_CAPABILITIES, OP, SuperblockOptimizer, originalArg, originalOp, type Code, type Executor,
  type Optimizer, type RuleId,
} from '../../../index';

export const rule: RuleId = 'compile.result';
export const summary = "compile returns plans[offset], a hole (undefined) at resume-after-yield hotspots";

class PlanningSuperblock implements Optimizer {
  readonly name = 'compile-plan-hole';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 4;
  readonly runCost = 0.8;
  private readonly inner = new SuperblockOptimizer();
  private readonly plans = new WeakMap<Code, (Executor | null)[]>();

  compile(code: Code, offset: number): Executor | null {
    let plans = this.plans.get(code);
    if (!plans) {
      plans = [];
      for (let i = 0; i < code.ops.length; i++) {
        const op = originalOp(code, i);
        const isBackEdge = op === OP.JUMP_BACKWARD;
        const isEntry = op === OP.RESUME && (originalArg(code, i) & 3) === 0;
        if (isBackEdge || isEntry) plans[i] = this.inner.compile(code, i);
      }
      this.plans.set(code, plans);
    }
    return plans[offset];
  }
}

export function createOptimizer(): Optimizer {
  return new PlanningSuperblock();
}
