/**
 * Mutant: `LOAD_NAME` in module code cached per site after its first execution.
 *
 * Derived from `superblock`. A module-level loop reads its names with `LOAD_NAME`; the executor
 * treats each as loop-invariant and keeps the value the site read the first time, as if a module
 * global could only change between runs. A module-level loop that rebinds the name it reads
 * (`acc += i` is `LOAD_NAME acc` … `STORE_NAME acc`) then keeps adding to the first value.
 * Caught by the module-level hot loops (fixtures/optimizer/module, fixtures/vm/module).
 */
import type { Optimizer, PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'LOAD_NAME in a module-level loop keeps the value its first execution read (STORE_NAME rebinding ignored)';

export function createOptimizer(): Optimizer {
  const cached = new Map<string, PyValue>();
  return new PatchedSuperblock('module-name-cached', ({ code, pc, name, run }) => {
    if (name !== 'LOAD_NAME') return undefined;
    const key = `${code.name}@${pc}`;
    return (vm, f) => {
      const hit = cached.get(key);
      if (hit !== undefined) {
        f.stack.push(hit);
        return;
      }
      run(vm, f);
      cached.set(key, f.stack[f.stack.length - 1] as PyValue);
    };
  });
}
