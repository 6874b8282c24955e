/**
 * Mutant: STORE_DEREF puts the value in a fresh cell instead of the frame's cell.
 *
 * Derived from `superblock`. `STORE_DEREF x` is "simplified" to replace the local slot with a new
 * cell holding the value — a cell written to the wrong place: the frame that runs the executor
 * reads its own variable back correctly (LOAD_DEREF goes through the new cell), but every closure
 * that captured the variable still holds the old cell and never sees the write. Subtle because
 * the frame's own result is right until a closure reads the variable (a counter, a callback
 * made before the loop); a state comparison with identity sees at once that the slot holds a
 * cell the interpreter never made.
 */
import { python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'STORE_DEREF writes a fresh cell into the local slot: closures keep the old cell';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('cell-store-fresh-cell', ({ name, arg }) => {
    if (name !== 'STORE_DEREF') return undefined;
    return (_vm, f) => {
      f.locals[arg] = new python.PyCell(f.stack.pop() as PyValue);
    };
  });
}
