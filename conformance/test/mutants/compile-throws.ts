/**
 * Mutant: compile throws on a region it cannot compile instead of declining.
 *
 * Derived from `superblock`. The region compiler supports a fixed set of instructions and, for
 * a region containing anything else, throws `Error('cannot compile X')` — the author's way of
 * saying "not this one". Declining is `return null`; a throw from compile is a fault the VM
 * has to absorb (it treats it as a decline and records it). Subtle because hot loops of
 * arithmetic and calls compile fine; a region with an attribute load or a keyword call throws.
 */
import {
  SuperblockOptimizer, BY_OPCODE, planRegion, type Code, type Executor, type Optimizer, type RuleId,
} from '../../../index';

export const rule: RuleId = 'compile.throws';
export const summary = 'compile throws Error("cannot compile X") for regions with unsupported instructions';

const SUPPORTED = new Set([
  'NOP', 'RESUME', 'LOAD_FAST', 'LOAD_FAST_CHECK', 'LOAD_FAST_LOAD_FAST', 'STORE_FAST', 'STORE_FAST_STORE_FAST', 'STORE_FAST_LOAD_FAST',
  'LOAD_CONST', 'LOAD_GLOBAL', 'POP_TOP', 'BINARY_OP', 'COMPARE_OP', 'TO_BOOL', 'BINARY_SUBSCR', 'POP_JUMP_IF_FALSE',
  'POP_JUMP_IF_TRUE', 'POP_JUMP_IF_NONE', 'POP_JUMP_IF_NOT_NONE', 'JUMP_FORWARD', 'JUMP_BACKWARD', 'CALL', 'FOR_ITER',
  'GET_ITER', 'END_FOR',
]);

class StrictSuperblock extends SuperblockOptimizer {
  override compile(code: Code, offset: number): Executor | null {
    const region = planRegion(code, offset);
    for (const op of region?.ops ?? []) {
      const name = BY_OPCODE.get(op)!.name;
      if (!SUPPORTED.has(name)) throw new Error(`cannot compile ${name}`);
    }
    return super.compile(code, offset);
  }
}

export function createOptimizer(): Optimizer {
  return new StrictSuperblock();
}
