/**
 * Mutant: the jit's int fast paths lose their overflow guard.
 *
 * Derived from `jit`. Its `+`, `-` and `*` on two ints check that the JS result is still a safe
 * integer and otherwise take the generic path, where the result becomes a bigint. This mutant
 * drops that guard ("both operands are small ints, so the result is"): a sum or product past
 * 2^53 is kept as a rounded double, so `2**53 + 1` comes out even and a factorial loses its low
 * digits. Subtle because every loop whose values stay below 2^53 is unaffected.
 */
import { JitEmitter, JitOptimizer, type JitInstruction, type JitPlan, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = 'jit: int +, -, * keep a rounded double past 2^53 instead of promoting to bigint';

class NoOverflowGuard extends JitEmitter {
  protected override binaryOp(ins: JitInstruction, left: string, right: string): string {
    const op = ins.arg >= 13 ? ins.arg - 13 : ins.arg;
    const js = op === 0 ? '+' : op === 10 ? '-' : op === 5 ? '*' : null;
    if (js === null) return super.binaryOp(ins, left, right);
    return `if (typeof ${left} === 'number' && typeof ${right} === 'number') ${left} = ${left} ${js} ${right} + 0; else { ${super.binaryOp(ins, left, right)} }`;
  }
}

class Mutant extends JitOptimizer {
  override readonly name = 'jit-overflow-guard-dropped';
  protected override emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new NoOverflowGuard(plan, generic, globals);
  }
}

export function createOptimizer(): Optimizer {
  return new Mutant();
}
