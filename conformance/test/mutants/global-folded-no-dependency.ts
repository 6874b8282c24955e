/**
 * Mutant: a global constant-folded without a dependency (LOAD_GLOBAL pushes the object bound at compile time; nothing invalidates the executor when the global is rebound).
 *
 * Derived from the global-folding optimizer (lib/global-folding.ts), whose executors run a loop
 * iteration with every LOAD_GLOBAL folded to the object bound at compile time; correct, it
 * depends on the globals namespace and stops once invalidated. Caught by the fixtures under
 * fixtures/optimizer/dependencies/ that rebind globals, shadow builtins or replace functions
 * inside hot loops.
 */
import type { Optimizer, RuleId } from '../../../index';
import { GlobalFoldingOptimizer } from './lib/global-folding';

export const rule: RuleId = 'advance-n';
export const summary = 'a global constant-folded without a dependency (LOAD_GLOBAL pushes the object bound at compile time; nothing invalidates the executor when the global is rebound)';

export function createOptimizer(): Optimizer {
  return new GlobalFoldingOptimizer('global-folded-no-dependency', 'no-dependency');
}
