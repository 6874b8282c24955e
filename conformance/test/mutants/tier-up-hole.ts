/**
 * Mutant: tiering up past the last tier replaces the executor with `undefined`.
 *
 * Derived from `counter` and the README's stepping example. Executors tier up: after four runs
 * an executor replaces itself with the next tier, `vm.replaceExecutor(code, offset,
 * this.tiers[this.tier + 1])`. The top tier does the same, and reads past the end of the tier
 * table: `undefined`. The author meant "no more tiers"; the API's "remove" is `null`, and
 * `undefined` is neither an executor nor `null`, so the VM refuses the call
 * (`replace.not-an-executor`) and the top tier simply stays installed. Subtle because nothing
 * visible breaks, and TypeScript does not object (an array element's type does not include
 * `undefined` without `noUncheckedIndexedAccess`).
 */
import {
  ALL_CAPABILITIES, type Code, type Executor, type Frame, type Optimizer, type Vm, type RuleId,
} from '../../../index';
import { hasRoom } from './lib/derive';

export const rule: RuleId = 'replacement.invalid';
export const summary = "top tier replaces itself with tiers[tier + 1], which is undefined (not null)";

const TIER_UP_AFTER = 4;
/** Instructions each tier runs per entry (through the interpreter). */
const STEPS = [1, 4];

class TierExecutor implements Executor {
  private runs = 0;

  constructor(
    readonly tiers: Executor[],
    readonly tier: number,
    readonly code: Code,
    readonly offset: number,
  ) {}

  execute(frame: Frame, vm: Vm): Frame | null {
    if (++this.runs === TIER_UP_AFTER) vm.replaceExecutor(this.code, this.offset, this.tiers[this.tier + 1]);
    for (let i = 0; i < STEPS[this.tier]! && vm.frame === frame && hasRoom(vm); i++) vm.step(frame);
    return vm.frame;
  }
}

class TieringOptimizer implements Optimizer {
  readonly name = 'tier-up-hole';
  readonly capabilities = ALL_CAPABILITIES;
  readonly optimizationCost = 1;
  readonly runCost = 1;

  compile(code: Code, offset: number): Executor {
    const tiers: Executor[] = [];
    STEPS.forEach((_, t) => tiers.push(new TierExecutor(tiers, t, code, offset)));
    return tiers[0]!;
  }
}

export function createOptimizer(): Optimizer {
  return new TieringOptimizer();
}
