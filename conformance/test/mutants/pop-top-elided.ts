/**
 * Mutant: POP_TOP elided as dead code.
 *
 * Derived from `superblock`. A "dead-code elimination" pass treats `POP_TOP` as a no-op because
 * the value it pops is never used again — which is true of the value, but the stack slot itself
 * is VM state: every statement-level call (`print(x)`, `xs.append(v)`) now leaves its result on
 * the value stack. Subtle because the program's outcome usually survives (the stray slots sit
 * below everything the frame still uses and vanish when it returns), so an end-to-end comparison
 * of results misses it; only a state comparison after the executor sees the extra slot.
 */
import type { Optimizer, RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'POP_TOP treated as dead code: the popped value stays on the stack';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('pop-top-elided', (site) => (site.name === 'POP_TOP' ? () => {} : undefined));
}
