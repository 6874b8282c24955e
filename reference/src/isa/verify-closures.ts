/**
 * What the verifier checks about cells and free variables: a DEREF operand names a cell or a
 * free variable, MAKE_CELL a cell, COPY_FREE_VARS copies exactly the free variables, and the
 * prologue CPython puts before RETURN_GENERATOR holds only those two instructions.
 * @spec #verify-cells
 */
import type { Code } from './code';
import { OP, type InstructionDef } from './table';

/** How many MAKE_CELL / COPY_FREE_VARS instructions open the code (CPython's closure prologue). */
export function closurePrologueLength(code: Code): number {
  let i = 0;
  while (i < code.ops.length && (code.ops[i] === OP.MAKE_CELL || code.ops[i] === OP.COPY_FREE_VARS)) i++;
  return i;
}

/** Why this closure instruction's operand is invalid, or null (also for every other instruction). */
export function closureOperandProblem(code: Code, def: InstructionDef, arg: number): string | null {
  const cells = code.cellvars ?? [];
  const free = code.freevars ?? [];
  const name = code.varnames[arg];
  switch (def.name) {
    case 'MAKE_CELL':
      return name !== undefined && cells.includes(name) ? null : `MAKE_CELL local ${name ?? arg} is not in .cells`;
    case 'LOAD_DEREF':
    case 'STORE_DEREF':
    case 'DELETE_DEREF':
      return name !== undefined && (cells.includes(name) || arg >= code.varnames.length - free.length)
        ? null
        : `${def.name} local ${name ?? arg} is neither in .cells nor in .freevars`;
    case 'COPY_FREE_VARS':
      return arg === free.length ? null : `COPY_FREE_VARS ${arg} but the code has ${free.length} free variable(s)`;
    default:
      return null;
  }
}
