/**
 * Mutant: an unsupported instruction throws a JS error mid-region.
 *
 * A single-pass region executor that implements the common instructions and, for the others,
 * compiles a closure that throws `Error('X is not supported yet')` — meant as a "bail out to
 * the interpreter" signal, as deoptimisation exceptions are in some JITs. The API has no such
 * signal: a JS exception from `execute` is a fault, and by the time it is thrown the region's
 * earlier instructions have already changed the frame (a partial mutation the VM cannot undo).
 * Subtle because the throw is lazy: compile succeeds, and a region whose unsupported
 * instruction sits behind an untaken branch runs fine.
 */
import type { Optimizer, RuleId } from '../../../index';
import { OnePassExecutor, OnePassOptimizer } from './lib/derive';

export const rule: RuleId = 'execute.throws';
export const summary = 'closures for unsupported instructions throw a JS Error after earlier ones ran';

const SUPPORTED = new Set([
  'NOP', 'RESUME', 'LOAD_FAST', 'LOAD_FAST_CHECK', 'LOAD_FAST_LOAD_FAST', 'STORE_FAST', 'STORE_FAST_STORE_FAST', 'LOAD_CONST',
  'LOAD_GLOBAL', 'POP_TOP', 'BINARY_OP', 'COMPARE_OP', 'TO_BOOL', 'BINARY_SUBSCR', 'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_TRUE',
  'JUMP_FORWARD', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT', 'CALL', 'FOR_ITER',
]);

export function createOptimizer(): Optimizer {
  return new OnePassOptimizer(
    'unsupported-opcode-throws',
    (region) => new OnePassExecutor(region),
    ({ name }) =>
      SUPPORTED.has(name)
        ? undefined
        : () => {
            throw new Error(`${name} is not supported yet`);
          },
  );
}
