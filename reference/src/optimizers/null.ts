/**
 * The seed's "valid, but useless" optimizer (faster-cpython/ideas#380): it declares every
 * capability, so the VM counts every kind of hotspot and offers each one, and it always declines.
 * Useful as the baseline of the benchmark (the cost of detection with an optimizer that never
 * helps) and as the simplest optimizer that passes certification.
 * @spec #compile
 */
import { ALL_CAPABILITIES, type Executor, type Optimizer } from '../optimizer/api';

export class NullOptimizer implements Optimizer {
  readonly name = 'null';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 1;
  readonly runCost = 1;

  compile(): Executor | null {
    return null;
  }
}
