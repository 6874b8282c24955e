/**
 * Mutant: a jit slow path re-executes a side effect the fast path already did.
 *
 * Derived from `jit`. Its `STORE_SUBSCR` fast path writes `list[i] = v` in place; this mutant
 * does the write first and only then checks the guard, so a store the fast path cannot finish —
 * a negative index past the front, an index past the end, a dict — has already written (or, for
 * a dict, the generic path writes after a JS property was set) before the interpreter's handler
 * runs the store again: `xs[-1] = v` stores twice through the normalised index and a store past
 * the end leaves a hole filled with the value before the IndexError. Subtle because in-range
 * stores give the same result whichever path runs.
 */
import { JitEmitter, JitOptimizer, type JitInstruction, type JitPlan, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = 'jit: STORE_SUBSCR writes the list slot before its guard, then the slow path stores again';

class EagerStore extends JitEmitter {
  protected override specialised(ins: JitInstruction): string {
    if (ins.def.name !== 'STORE_SUBSCR') return super.specialised(ins);
    const d = ins.depth;
    return `a = s${d - 2}; b = s${d - 1}; if (a instanceof PyList && typeof b === 'number') a.items[b < 0 ? b + a.items.length : b] = s${d - 3}; ` +
      `if (a instanceof PyList && typeof b === 'number' && (t = b < 0 ? b + a.items.length : b) >= 0 && t < a.items.length) {} else ${this.slowPath(ins)}`;
  }
}

class Mutant extends JitOptimizer {
  override readonly name = 'jit-deopt-repeats-effect';
  protected override emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new EagerStore(plan, generic, globals);
  }
}

export function createOptimizer(): Optimizer {
  return new Mutant();
}
