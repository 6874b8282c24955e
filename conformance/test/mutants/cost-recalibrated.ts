/**
 * Mutant: the run cost is recalibrated while the program runs.
 *
 * Derived from `superblock`. After every executor run the optimizer updates `runCost` from what
 * it measured (here, deterministically: fewer region passes per entry means less benefit), so
 * its declared cost tracks reality. The API says costs are fixed for the life of a
 * registration: the VM reads them once, at registration, so the new numbers never reach the
 * hotspot policy — and a profile that believes it is being tuned is not. Subtle because the
 * values stay finite and positive, and nothing in a single run's result changes.
 */
import {
  SuperblockOptimizer, type Code, type Executor, type Frame, type Optimizer, type Vm,
  type SuperblockExecutor, type RuleId,
} from '../../../index';

export const rule: RuleId = 'costs.stable';
export const summary = 'runCost updated from measurements after every executor run';

class SelfTuningSuperblock implements Optimizer {
  readonly name = 'cost-recalibrated';
  readonly capabilities: number;
  readonly optimizationCost: number;
  runCost: number;
  private readonly inner = new SuperblockOptimizer();
  private entries = 0;
  private passes = 0;

  constructor() {
    this.capabilities = this.inner.capabilities;
    this.optimizationCost = this.inner.optimizationCost;
    this.runCost = this.inner.runCost;
  }

  compile(code: Code, offset: number): Executor | null {
    const e = this.inner.compile(code, offset) as SuperblockExecutor | null;
    if (e === null) return null;
    return {
      execute: (frame: Frame, vm: Vm) => {
        const before = e.passes;
        const out = e.execute(frame, vm);
        this.entries++;
        this.passes += e.passes - before;
        // More passes per entry, more interpreter dispatch saved.
        this.runCost = 1 / (1 + this.passes / this.entries);
        return out;
      },
    };
  }
}

export function createOptimizer(): Optimizer {
  return new SelfTuningSuperblock();
}
