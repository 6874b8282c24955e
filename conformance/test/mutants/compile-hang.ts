/**
 * Mutant: compile never returns when the hot path contains an inner loop.
 *
 * Derived from `superblock`'s planner. To find the hot path, compile walks from where the hotspot
 * continues, falling through and following unconditional jumps, collecting instructions into a
 * set, until the walk comes back to the hotspot. A walk that enters a loop not containing the
 * hotspot — an inner loop seen from an outer back edge, or any loop seen from a function entry —
 * circles that loop forever (the set stops growing, so memory stays bounded). Subtle because the
 * walk terminates on every single-loop function, the usual test case. Only a wall-clock limit
 * around the plug-in can catch it, so the in-process gallery run skips it (`needsIsolation`).
 */
import {
  ALL_CAPABILITIES, OP, SuperblockOptimizer, originalArg, originalOp, type Code, type Executor,
  type Optimizer, type RuleId,
} from '../../../index';

export const rule: RuleId = 'compile.hang';
export const summary = 'hot-path walk that circles forever in an inner loop';
/** Only a worker with a wall-clock limit can certify this one. */
export const needsIsolation = true;

const LEAVES = new Set<number>([OP.RETURN_VALUE, OP.RETURN_CONST, OP.RETURN_GENERATOR, OP.YIELD_VALUE, OP.RAISE_VARARGS, OP.RERAISE]);

class HotPathSuperblock implements Optimizer {
  readonly name = 'compile-hang';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 4;
  readonly runCost = 0.8;
  private readonly inner = new SuperblockOptimizer();

  compile(code: Code, offset: number): Executor | null {
    const op = originalOp(code, offset);
    const hot = new Set<number>();
    let pc = op === OP.JUMP_BACKWARD ? originalArg(code, offset) : offset + 1;
    while (pc !== offset && pc < code.ops.length) {
      const at = originalOp(code, pc);
      if (LEAVES.has(at)) break;
      hot.add(pc);
      pc = at === OP.JUMP_BACKWARD || at === OP.JUMP_FORWARD || at === OP.JUMP_BACKWARD_NO_INTERRUPT ? originalArg(code, pc) : pc + 1;
    }
    return hot.size > 0 ? this.inner.compile(code, offset) : null;
  }
}

export function createOptimizer(): Optimizer {
  return new HotPathSuperblock();
}
