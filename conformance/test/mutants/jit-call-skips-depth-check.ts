/**
 * Mutant: the jit's compiled CALL skips the recursion-depth check.
 *
 * Derived from `jit`. A CALL of a plain Python function whose entry is compiled builds the
 * callee's frame and runs its region as a nested JS call (calls.ts), after checking, as the
 * interpreter's CALL does, that the VM is below its recursion limit (else the generic path raises
 * RecursionError). This mutant drops that check ("the JS stack is the limit"): a recursion that
 * reaches the limit inside compiled code goes on past 999 frames, and RecursionError comes only
 * when the nesting cap sends a call through the interpreter — frames, steps and the point where a
 * handler catches it all differ. Subtle because every recursion shallower than the limit is
 * unaffected.
 */
import { JitEmitter, JitOptimizer, type JitInstruction, type JitPlan, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = 'jit: a compiled call of a compiled function does not check the recursion limit';

class UncheckedDepth extends JitEmitter {
  protected override call(ins: JitInstruction): string {
    const source = super.call(ins);
    const check = ' && vm.depth < MAXF';
    if (!source.includes(check)) throw new Error('jit-call-skips-depth-check: the compiled CALL has no depth check to drop');
    return source.replace(check, '');
  }
}

class Mutant extends JitOptimizer {
  override readonly name = 'jit-call-skips-depth-check';
  protected override emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new UncheckedDepth(plan, generic, globals);
  }
}

export function createOptimizer(): Optimizer {
  return new Mutant();
}
