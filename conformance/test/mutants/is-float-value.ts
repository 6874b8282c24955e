/**
 * Mutant: `is` between floats compares their values.
 *
 * Derived from `superblock`. `IS_OP` with a float operand compares the doubles, as a JIT that
 * unboxes floats must when it no longer has the boxes — and the runtime's own `is` for unboxed
 * ints and strs compares values too, so it looks consistent. But floats are objects: two equal
 * floats computed separately are not the same object (`x is y` is False), and nan is the same
 * object as itself (`x is x` is True although `x == x` is False). Subtle because `is` on floats
 * is rare; it appears in identity caches, "is this the same sentinel" checks and nan handling.
 */
import { PyFloat, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'x is y on floats compares values (nan is not itself; equal floats are identical)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('is-float-value', ({ name, arg, run }) => {
    if (name !== 'IS_OP') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1];
      const a = s[s.length - 2];
      if (!(a instanceof PyFloat) || !(b instanceof PyFloat)) return run(vm, f);
      s.pop();
      s[s.length - 1] = (a.value === b.value) !== (arg === 1);
    };
  });
}
