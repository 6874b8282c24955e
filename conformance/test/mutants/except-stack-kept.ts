/**
 * Mutant: routes an exception to its handler itself, without cutting the value stack.
 *
 * A single-pass region executor that handles a Python exception raised inside its region the
 * way the VM would, to stay in compiled code: it finds the exception-table entry covering the
 * raising instruction, pushes the instruction index when the entry asks for `lasti`, pushes the
 * exception and continues at the handler. It forgets the entry's stack depth: the operands still
 * on the stack when the instruction raised are not dropped. Subtle because in most `try` bodies
 * the stack is already at the handler's depth when something raises (`x = a // b` has popped its
 * operands); only a raise in the middle of a larger expression (`total += 100 // d`) leaves one.
 */
import { PyException, Vm, type Frame, type Optimizer } from '../../../index';
import { OnePassExecutor, OnePassOptimizer, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'routes a raise in its region to the handler itself, leaving stray operands on the stack';

class RoutingExecutor extends OnePassExecutor {
  protected override raised(e: unknown, f: Frame, pc: number): Frame | null {
    const handler = e instanceof PyException ? Vm.handlerFor(f.code, pc) : null;
    if (handler === null) throw e;
    if (handler.lasti) f.stack.push(pc);
    f.stack.push(e as PyException);
    f.ip = handler.target;
    return f;
  }
}

export function createOptimizer(): Optimizer {
  return new OnePassOptimizer('except-stack-kept', (region) => new RoutingExecutor(region));
}
