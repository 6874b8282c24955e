/**
 * Mutant: a cached global guarded by the number of globals.
 *
 * Derived from `superblock`. Each `LOAD_GLOBAL` caches the value it found and reuses it while the
 * guard holds — like CPython's specialised `LOAD_GLOBAL_MODULE`, which checks the globals dict's
 * keys version. Here the "version" is the number of globals: adding or deleting a global
 * invalidates the cache, but rebinding an existing one (`global total; total += x`, a counter, a
 * configured threshold changed in the loop) does not, and the loop goes on reading the stale
 * value. Subtle because functions and constants — most globals a loop reads — are never rebound.
 */
import type { Optimizer, PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'LOAD_GLOBAL caches the value, guarded by the globals count (a rebound global goes stale)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('global-cache-size-guard', ({ code, name, arg }) => {
    if (name !== 'LOAD_GLOBAL') return undefined;
    const global = code.names[arg >> 1]!;
    let cached: PyValue | undefined;
    let guard = -1;
    return (vm, f) => {
      if (cached === undefined || guard !== vm.globals.size) {
        cached = vm.loadGlobal(global);
        guard = vm.globals.size;
      }
      f.stack.push(cached);
      if (arg & 1) f.stack.push(undefined);
    };
  });
}
