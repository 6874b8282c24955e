/**
 * Mutant: a discarded `print(...)` folded away.
 *
 * Derived from `superblock`. A call whose result is discarded (`CALL` followed by `POP_TOP`) to a
 * builtin known to return None is "folded": the executor pops the callable and arguments and
 * pushes None without calling. The author's table of None-returning builtins contains `print` —
 * it does return None, but returning None is not the same as doing nothing. The state after the
 * executor lacks the printed text; the output is part of the VM state, so this is an advance-N
 * violation at the first executor run that covers a print. Subtle because a certifier that
 * compared only return values (and most fixtures print nothing) would pass it.
 */
import { OP, PyBuiltin, originalOp, type Optimizer, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'a discarded print(...) call is folded to None (output dropped)';

/** Builtins that return None: a call to one whose result is discarded is "dead". */
const RETURNS_NONE = new Set(['print']);

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('print-folded', ({ name, arg, code, pc, run }) => {
    if (name !== 'CALL' || originalOp(code, pc + 1) !== OP.POP_TOP) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const callee = s[s.length - 2 - arg];
      if (callee instanceof PyBuiltin && RETURNS_NONE.has(callee.name)) {
        s.length -= arg + 2;
        s.push(null);
        return;
      }
      run(vm, f);
    };
  });
}
