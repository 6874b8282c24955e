/**
 * Mutant: `LOAD_GLOBAL` of a builtin's name is bound to the builtin at compile time.
 *
 * Derived from `superblock`. Names like `len`, `abs`, `max` and `print` are treated as constants:
 * when a `LOAD_GLOBAL` names a builtin, the executor pushes the builtin object it looked up once,
 * without looking at the module's globals first. Python looks up globals before builtins, so a
 * module that defines its own `max` or `abs` (or assigns one with `global`) shadows the builtin,
 * and the executor calls the wrong function. Subtle because almost no module shadows a builtin,
 * and when one does, the builtin often computes something close.
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'LOAD_GLOBAL of a builtin name pushes the builtin (a global that shadows it is ignored)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('builtin-bound-at-compile', ({ code, name, arg }) => {
    if (name !== 'LOAD_GLOBAL') return undefined;
    const builtin = python.BUILTINS.get(code.names[arg >> 1]!);
    if (builtin === undefined) return undefined;
    return arg & 1
      ? (_vm, f) => {
          f.stack.push(builtin, undefined);
        }
      : (_vm, f) => {
          f.stack.push(builtin);
        };
  });
}
