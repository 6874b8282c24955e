/**
 * Mutant: an executor that ignores its own invalidation (it depends on the globals, but after its own store to a global it goes on folding LOAD_GLOBAL with the value bound at compile time instead of stopping: CPython's _CHECK_VALIDITY left out).
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
export const summary = "an executor that ignores its own invalidation (it depends on the globals, but after its own store to a global it goes on folding LOAD_GLOBAL with the value bound at compile time instead of stopping: CPython's _CHECK_VALIDITY left out)";

export function createOptimizer(): Optimizer {
  return new GlobalFoldingOptimizer('executor-ignores-own-invalidation', 'no-validity-check');
}
