/**
 * Mutant: a compiled yield to a compiled consumer forgets to write the generator's stack back.
 *
 * Derived from `jit`. When a generator that a compiled FOR_ITER resumed nested yields (calls.ts),
 * its code does what the interpreter's YIELD_VALUE does — suspends the generator, unlinks its
 * frame — and, because the suspended frame stays reachable through the generator, first writes
 * the stack slots it keeps in JS locals back to the frame and cuts the frame's stack to what is
 * left once the value is popped. This mutant skips that write-back ("the frame is suspended,
 * nobody looks at it"): the frame keeps the None its resumption pushed, or values from before, so
 * a suspended generator's frame holds one value too many (or stale ones) until it next runs.
 * Subtle because the generator itself resumes correctly: its code reloads only the slots it needs.
 */
import { JitEmitter, JitOptimizer, type JitInstruction, type JitPlan, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = "jit: a nested yield leaves the suspended generator's frame stack as it was";

class NoWriteBack extends JitEmitter {
  protected override instruction(ins: JitInstruction): string {
    const source = super.instruction(ins);
    if (ins.def.name !== 'YIELD_VALUE') return source;
    const nested = /(if \(nest !== 0\) \{ v = s\d+; )(.*?)( f\.ip = \d+; f\.gen\.state = 'suspended';)/;
    if (!nested.test(source)) throw new Error('jit-yield-skips-writeback: the compiled yield has no nested write-back to drop');
    return source.replace(nested, '$1$3');
  }
}

class Mutant extends JitOptimizer {
  override readonly name = 'jit-yield-skips-writeback';
  protected override emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new NoWriteBack(plan, generic, globals);
  }
}

export function createOptimizer(): Optimizer {
  return new Mutant();
}
