/**
 * Mutant: a compiled return to a compiled caller forgets to count its frame off the depth.
 *
 * Derived from `jit`. When a function a compiled CALL ran nested returns (calls.ts), its code
 * does what the interpreter's RETURN_VALUE does — unlinks the frame, makes the caller the current
 * frame, lowers the VM's frame count — and hands the value to the caller as a JS return. This
 * mutant unlinks the frame but leaves the count as it was: every such return leaks one frame of
 * the recursion budget, so after a thousand compiled calls any further call raises RecursionError
 * ("maximum recursion depth exceeded") at depth one. Subtle because a program making fewer than a
 * thousand calls runs unchanged.
 */
import { JitEmitter, JitOptimizer, type JitInstruction, type JitPlan, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = 'jit: a nested function return leaves the recursion depth one frame too high';

class LeakyReturn extends JitEmitter {
  protected override instruction(ins: JitInstruction): string {
    const source = super.instruction(ins);
    if (ins.def.name !== 'RETURN_VALUE' && ins.def.name !== 'RETURN_CONST') return source;
    const unlink = 'if (f.gen === null) { vm.depth--; ';
    if (!source.includes(unlink)) throw new Error('jit-return-keeps-depth: the compiled return has no nested unlink to break');
    return source.replace(unlink, 'if (f.gen === null) { ');
  }
}

class Mutant extends JitOptimizer {
  override readonly name = 'jit-return-keeps-depth';
  protected override emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new LeakyReturn(plan, generic, globals);
  }
}

export function createOptimizer(): Optimizer {
  return new Mutant();
}
