/**
 * Mutant: a jit exit forgets to spill the top stack slot.
 *
 * Derived from `jit`. When the executor leaves — at a return or yield it does not compile, at a
 * block the budget has no room for, before its own replaced back edge — it writes the stack
 * slots it keeps in JS locals back to the frame. This mutant's exit writes all but the topmost
 * one when two or more are live, so the interpreter resumes with a value missing (`return x`
 * leaves with the value below `x`, or with an empty slot). The generic path's spill is left
 * correct, so only exits show it. Subtle because most exits happen at depth 0 or 1.
 */
import { JitEmitter, JitOptimizer, type JitPlan, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = 'jit: leaving the executor writes back all stack slots but the top one';

class ForgetfulExit extends JitEmitter {
  protected override exitBefore(pc: number, depth: number): string {
    const kept = depth - this.plan.low >= 2 ? depth - 1 : depth;
    return `{ ${this.spill(kept)} f.ip = ${pc}; vm.steps = ${this.steps()}; return f; }`;
  }
}

class Mutant extends JitOptimizer {
  override readonly name = 'jit-exit-drops-slot';
  protected override emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new ForgetfulExit(plan, generic, globals);
  }
}

export function createOptimizer(): Optimizer {
  return new Mutant();
}
