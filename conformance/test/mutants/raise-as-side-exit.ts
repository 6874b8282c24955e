/**
 * Mutant: a raising instruction is treated as a side exit, and the exception is dropped.
 *
 * A single-pass region executor. When an instruction's closure raises a Python exception the
 * executor "deoptimises": it stops the region and returns the frame, whose `ip` is already the
 * raising index + 1 — exactly what the API asks for before *re-throwing* the exception. It never
 * re-throws, so execution continues after the raising instruction as if it had not raised, with
 * its operands popped and no result pushed. Subtle because nothing crashes: the next instructions
 * usually find something on the stack, and programs whose exceptions are never raised in hot
 * code (most of them) are unaffected.
 */
import { PyException, type Frame, type Optimizer, type RuleId } from '../../../index';
import { OnePassExecutor, OnePassOptimizer } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'a Python exception inside the region ends it quietly (ip past the raising instruction)';

class SwallowingExecutor extends OnePassExecutor {
  protected override raised(e: unknown, f: Frame): Frame | null {
    if (e instanceof PyException) return f; // "side exit": the interpreter takes over from here
    throw e;
  }
}

export function createOptimizer(): Optimizer {
  return new OnePassOptimizer('raise-as-side-exit', (region) => new SwallowingExecutor(region));
}
