/**
 * Mutant: `& | ^` treat bools as ints and always produce an int.
 *
 * Derived from `superblock`. The bitwise fast path accepts JS numbers and booleans alike ("bool
 * is a subclass of int") and pushes the JS result, a number. For an int and a bool that is right;
 * but `bool & bool`, `bool | bool` and `bool ^ bool` are bools in Python (`True | False` is
 * `True`, not `1`). Subtle because the value is truthy or falsy exactly as the bool would be:
 * only printing it, using it as a dict key's repr, or `is True` tells the difference.
 */
import { python, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'bool & | ^ bool computed as ints (True | False is 1)';

const { NB_AND, NB_OR, NB_XOR, NB_INPLACE } = python;

const isSmall = (v: unknown): v is number | boolean => typeof v === 'boolean' || (typeof v === 'number' && (v | 0) === v);

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('bool-bitwise-int', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP') return undefined;
    const op = arg >= NB_INPLACE ? arg - NB_INPLACE : arg;
    if (op !== NB_AND && op !== NB_OR && op !== NB_XOR) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (!isSmall(a) || !isSmall(b)) return run(vm, f);
      const x = +a;
      const y = +b;
      s.pop();
      s[s.length - 1] = op === NB_AND ? x & y : op === NB_OR ? x | y : x ^ y;
    };
  });
}
