/**
 * Mutant: a dependency declared on the wrong dict (the folded globals are declared on the builtins, which never change, so rebinding a global leaves the executor installed).
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
export const summary = 'a dependency declared on the wrong dict (the folded globals are declared on the builtins, which never change, so rebinding a global leaves the executor installed)';

export function createOptimizer(): Optimizer {
  return new GlobalFoldingOptimizer('dependency-wrong-dict', 'wrong-dict');
}
