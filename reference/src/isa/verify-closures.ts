/**
 * What the verifier checks about cells and free variables: a DEREF operand names a cell or a
 * free variable, MAKE_CELL a cell, COPY_FREE_VARS copies exactly the free variables, and the
 * prologue CPython puts before RETURN_GENERATOR holds only those two instructions.
 * @spec #verify-cells
 */
import type { Code } from './code';
import { BY_OPCODE, type InstructionDef } from './table';

/** How many prologue instructions (MAKE_CELL, COPY_FREE_VARS) open the code: CPython's closure prologue. */
export function closurePrologueLength(code: Code): number {
  let i = 0;
  while (i < code.ops.length && BY_OPCODE.get(code.ops[i]!)?.placement === 'prologue') i++;
  return i;
}

/** Why this closure instruction's operand is invalid, or null (also for every other instruction). */
export function closureOperandProblem(code: Code, def: InstructionDef, arg: number): string | null {
  const cells = code.cellvars ?? [];
  const free = code.freevars ?? [];
  const name = code.varnames[arg];
  switch (def.cellOperand) {
    case 'cell':
      return name !== undefined && cells.includes(name) ? null : `${def.name} local ${name ?? arg} is not in .cells`;
    case 'cell-or-free':
      return name !== undefined && (cells.includes(name) || arg >= code.varnames.length - free.length)
        ? null
        : `${def.name} local ${name ?? arg} is neither in .cells nor in .freevars`;
    case 'free-count':
      return arg === free.length ? null : `${def.name} ${arg} but the code has ${free.length} free variable(s)`;
    case undefined:
      return null;
  }
}
