/**
 * Mutant: SEND's exit skips the END_SEND, as if it were FOR_ITER's.
 *
 * Derived from `superblock`. FOR_ITER's exhausted exit really does continue past its target
 * (target + 2, over END_FOR and POP_TOP) and pops the iterator; this executor treats SEND the same
 * way: when the receiver is exhausted it pushes the value and jumps one past the target, over the
 * END_SEND, so the receiver is never popped. The value of the `yield from` expression is still
 * right (it is on top), so the program's result can even be unchanged: only the stack below it
 * holds one item too many — a state the interpreter never reaches.
 */
import { type Optimizer, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'SEND jumps past the END_SEND when the receiver is exhausted, leaving the receiver on the stack';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('send-exit-skips-end-send', ({ name, arg, run }) => {
    if (name !== 'SEND') return undefined;
    return (vm, f) => {
      run(vm, f);
      if (f.ip === arg) f.ip = arg + 1;
    };
  });
}
