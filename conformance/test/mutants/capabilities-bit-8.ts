/**
 * Mutant: capabilities numbered from 1, so BACK_EDGE becomes bit 3 (value 8).
 *
 * Derived from `counter`. The seed lists the capabilities as the first, second and third flags;
 * the author wrote them as `1 << n` with n counting from 1, so "back edges" (the third) is
 * `1 << 3 = 8` — a bit the API does not define. The VM must refuse the registration. Subtle for
 * a certifier too: capabilities 8 declares no hotspot kind the VM knows, so a certifier that
 * first asks "does this fixture have a hotspot of a declared kind?" skips every fixture and
 * never registers the optimizer at all.
 */
import { CounterOptimizer, type Code, type Executor, type Optimizer, type RuleId } from '../../../index';

export const rule: RuleId = 'registration.capabilities';
export const summary = 'capabilities = 1 << 3 = 8 (BACK_EDGE as "the third flag", counted from 1)';

/** "FUNCTION_ENTRY is flag 1, RESUME_AFTER_YIELD flag 2, BACK_EDGE flag 3." */
const BACK_EDGE_FLAG = 1 << 3;

class MisnumberedCounter implements Optimizer {
  readonly name = 'capabilities-bit-8';
  readonly capabilities = BACK_EDGE_FLAG;
  private readonly inner = new CounterOptimizer();
  readonly optimizationCost = this.inner.optimizationCost;
  readonly runCost = this.inner.runCost;

  compile(code: Code, offset: number): Executor | null {
    return this.inner.compile(code, offset);
  }
}

export function createOptimizer(): Optimizer {
  return new MisnumberedCounter();
}
