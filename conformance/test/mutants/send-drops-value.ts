/**
 * Mutant: a yield from's resume sends None, whatever the generator was resumed with.
 *
 * An executor for the resume of a delegating generator (its `RESUME 2`) that runs the loop back
 * to the `SEND` itself, on the belief that `SEND` always sends None — true of the first one, which
 * `LOAD_CONST None` feeds, and of every resumption by `next()` or a `for` loop. It replaces the
 * sent value with None before stepping the `SEND`. Subtle because generators that are only
 * iterated behave exactly as before: only `send(v)` through a `yield from` shows it, where the
 * delegate's `yield` expression gets None instead of `v`.
 */
import { Capability, OP, type Code, type Executor, type Frame, type Optimizer, type RuleId, type Vm } from '../../../index';
import { hasRoom } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'at a yield from\'s RESUME 2, steps back to the SEND and sends None instead of the value sent in';

class ResendsNone implements Executor {
  execute(frame: Frame, vm: Vm): Frame | null {
    // RESUME 2, then JUMP_BACKWARD_NO_INTERRUPT back to the SEND.
    for (let i = 0; i < 2 && vm.frame === frame && hasRoom(vm); i++) vm.step(frame);
    if (vm.frame === frame && frame.code.ops[frame.ip] === OP.SEND && hasRoom(vm)) {
      frame.stack[frame.stack.length - 1] = null;
      vm.step(frame);
    }
    return vm.frame;
  }
}

export function createOptimizer(): Optimizer {
  return {
    name: 'send-drops-value',
    capabilities: Capability.RESUME_AFTER_YIELD,
    optimizationCost: 1,
    runCost: 1,
    compile(code: Code, offset: number): Executor | null {
      return (code.args[offset]! & 3) === 2 ? new ResendsNone() : null;
    },
  };
}
