/**
 * Mutant: an executor that re-validates itself (when its own work rebinds a global it depends on it is invalidated, and it re-installs itself with replaceExecutor).
 *
 * Derived from the global-folding optimizer (lib/global-folding.ts), whose executors run a loop
 * iteration with every LOAD_GLOBAL folded to the object bound at compile time; correct, it
 * depends on the globals namespace and stops once invalidated. Caught by the fixtures under
 * fixtures/optimizer/dependencies/ that rebind globals, shadow builtins or replace functions
 * inside hot loops.
 */
import type { Optimizer, RuleId } from '../../../index';
import { GlobalFoldingOptimizer } from './lib/global-folding';

export const rule: RuleId = 'executor.invalidated';
export const summary = 'an executor that re-validates itself (when its own work rebinds a global it depends on it is invalidated, and it re-installs itself with replaceExecutor)';

export function createOptimizer(): Optimizer {
  return new GlobalFoldingOptimizer('executor-revalidates-itself', 'revalidates');
}
