/**
 * Mutant: drives a generator from `FOR_ITER` itself, registering the wrong exit.
 *
 * A stepping executor that, at a `FOR_ITER` over a live generator, resumes the generator itself
 * (`vm.resumeFromForIter(frame, gen, exit)`) instead of stepping the instruction, so execution
 * continues in the generator without a round trip through the interpreter. `exit` is where the
 * caller resumes when the generator *returns*: the interpreter uses `target + 2`, past `END_FOR`
 * and the `POP_TOP` of the iterator (which the return already popped); the author counted only
 * the `END_FOR` and wrote `target + 1`. Nothing is wrong when the executor returns — the frames,
 * stacks and heap are exactly the interpreter's — but the exit is kept inside the generator's
 * frame, which the state comparison does not look at; when the generator finishes, much later
 * and in the interpreter, the caller runs one `POP_TOP` too many. Only the program's outcome
 * shows it (and only when something lay under the iterator: an enclosing loop's iterator, a
 * comprehension's list) — this is the gallery's mutant for `semantics`, the end-to-end rule
 * behind the lockstep oracle.
 */
import { Capability, OP, PyGenerator, type Executor, type Frame, type Optimizer, type Vm } from '../../../reference/src';
import { originalArg, originalOp } from '../../../reference/src/isa/code-view';
import type { RuleId } from '../../src/certify/rules';
import { hasRoom } from '../../src/mutants/derive';

export const rule: RuleId = 'semantics';
export const summary = "resumes generators from FOR_ITER itself with the return exit at target + 1 instead of + 2";

class GeneratorDrivingExecutor implements Executor {
  execute(frame: Frame, vm: Vm): Frame | null {
    for (let i = 0; i < 16 && vm.frame === frame && hasRoom(vm); i++) {
      const pc = frame.ip;
      const gen = frame.stack[frame.stack.length - 1];
      if (originalOp(frame.code, pc) === OP.FOR_ITER && gen instanceof PyGenerator && gen.state !== 'closed' && gen.state !== 'running') {
        vm.steps++;
        frame.ip = pc + 1;
        vm.resumeFromForIter(frame, gen, originalArg(frame.code, pc) + 1);
        return vm.frame;
      }
      vm.step(frame);
    }
    return vm.frame;
  }
}

class GeneratorDriver implements Optimizer {
  readonly name = 'generator-exit-off-by-one';
  readonly capabilities = Capability.FUNCTION_ENTRY | Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 0.9;

  compile(): Executor {
    return new GeneratorDrivingExecutor();
  }
}

export function createOptimizer(): Optimizer {
  return new GeneratorDriver();
}
