/**
 * Mutant: the full slice `xs[:]` of a list returns the list itself.
 *
 * Derived from `superblock`. `BINARY_SLICE` with both bounds None on a list is "a copy of the
 * whole list"; the optimizer elides the copy as a pure, side-effect-free no-op. But the copy's
 * identity is the point of `xs[:]`: it is a snapshot that later appends, stores and sorts on the
 * original do not touch, and a new object for `is`. Subtle because the result is equal to the
 * copy at the moment it is taken: only a later mutation of one of the two shows the aliasing.
 */
import { PyList, type Optimizer } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'xs[:] of a list returns xs itself (copy elided, aliasing)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('list-slice-copy-elided', ({ name, run }) => {
    if (name !== 'BINARY_SLICE') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const stop = s[s.length - 1];
      const start = s[s.length - 2];
      const xs = s[s.length - 3];
      if (!(xs instanceof PyList) || start !== null || stop !== null) return run(vm, f);
      s.length -= 2;
    };
  });
}
