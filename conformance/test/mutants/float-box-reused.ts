/**
 * Mutant: float arithmetic writes its result into the right operand's box — even a constant's.
 *
 * Derived from `superblock`. CPython 3.13's float specialisations reuse an operand's float
 * object for the result when its reference count is 1. This executor has no reference counts
 * and skips the check: for `+ - * /` (and their in-place forms) with a float right operand it
 * writes the result into that `PyFloat` (the box on top of the stack, so nothing has to move)
 * and leaves it as the result. When the right operand came from `LOAD_CONST` (`x * 1.5`,
 * `x / 2.0`) the code object's constant itself changes, so every later `LOAD_CONST` of it — in
 * this call and the next — sees the last result. Subtle because each single result is right.
 */
import {
  PyFloat, binaryOp, NB_ADD, NB_INPLACE, NB_MULTIPLY, NB_SUBTRACT, NB_TRUE_DIVIDE, type Optimizer,
  type PyValue, type RuleId,
} from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'execute.mutates-code';
export const summary = "float + - * / write the result into the right operand's float object (a constant too)";

const FLOAT_OPS = new Set([NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_TRUE_DIVIDE].flatMap((op) => [op, op + NB_INPLACE]));

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('float-box-reused', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || !FLOAT_OPS.has(arg)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const right = s[s.length - 1];
      if (!(right instanceof PyFloat)) return run(vm, f);
      const result = binaryOp(arg, s[s.length - 2] as PyValue, right, vm);
      s.pop();
      if (result instanceof PyFloat) {
        (right as { value: number }).value = result.value;
        s[s.length - 1] = right;
      } else s[s.length - 1] = result;
    };
  });
}
