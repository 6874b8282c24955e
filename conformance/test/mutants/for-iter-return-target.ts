/**
 * Mutant: a generator resumed by FOR_ITER gets the wrong return target.
 *
 * A stepping executor: from its back edge it runs the interpreter's own instructions one by one
 * (correct by construction) and leaves when the frame changes. Its only code of its own resumes a
 * generator for FOR_ITER, and there it gives the generator's frame the return target its caller
 * continues at once the generator returns (CPython's `return_offset`) as the FOR_ITER's target +
 * 1, as before CPython 3.12 added a `POP_TOP` after `END_FOR`, instead of + 2. Nothing goes wrong
 * until the generator is exhausted, often many executors later, and then the caller runs one
 * `POP_TOP` too many: a certifier that does not compare the return target blames whichever
 * executor runs then, or sees only a wrong result. It is part of the state, so advance-n catches
 * it at the FOR_ITER.
 */
import {
  originalArg, originalOp, OP, Capability, type Frame, type Optimizer, type Vm, type RuleId,
} from '../../../index';

export const rule: RuleId = 'advance-n';
export const summary = "FOR_ITER gives a resumed generator the return target + 1 (3.11's), not + 2";

const STEPS = 16;

export function createOptimizer(): Optimizer {
  return {
    name: 'for-iter-return-target',
    capabilities: Capability.BACK_EDGE,
    optimizationCost: 1,
    runCost: 1,
    compile: () => ({
      execute(frame: Frame, vm: Vm): Frame | null {
        for (let i = 0; i < STEPS && vm.frame === frame && vm.steps < vm.budget; i++) {
          const at = frame.ip;
          const forIter = originalOp(frame.code, at) === OP.FOR_ITER;
          vm.step(frame);
          const resumed = vm.frame;
          if (forIter && resumed !== null && resumed.back === frame && resumed.gen !== null) resumed.forIterExit = originalArg(frame.code, at) + 1;
        }
        return vm.frame;
      },
    }),
  };
}
