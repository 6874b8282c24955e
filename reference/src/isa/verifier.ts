/**
 * The verifier: a program that passes never underflows its value stack, never jumps out of
 * its code, never indexes outside its tables. Each rejection carries a stable code.
 * @spec #verifier
 */
import { isGeneratorCode, type Code } from './code';
import { closureOperandProblem, closurePrologueLength } from './verify-closures';
import { BY_NAME, BY_OPCODE, INSTRUCTIONS, opargAllowed } from './table';

export type VerifyCode =
  | 'UNKNOWN_OPCODE'
  | 'ENTER_EXECUTOR_IN_PROGRAM'
  | 'OPERAND_OUT_OF_RANGE'
  | 'BAD_OPARG'
  | 'JUMP_OUT_OF_RANGE'
  | 'JUMP_DIRECTION'
  | 'FOR_ITER_TARGET'
  | 'GENERATOR_SHAPE'
  | 'CELL_OPERAND'
  | 'EXCEPTION_TABLE_INVALID'
  | 'STACK_UNDERFLOW'
  | 'STACK_DEPTH_MISMATCH'
  | 'FALLS_OFF_END';

export interface VerifyError {
  readonly code: VerifyCode;
  readonly message: string;
  /** Instruction index, or -1 for the code object as a whole. */
  readonly index: number;
}

class Reject {
  constructor(readonly error: VerifyError) {}
}

function reject(code: VerifyCode, index: number, message: string): never {
  throw new Reject({ code, index, message });
}

/** The instruction a generator code object starts with (the table's one `generator-entry`). */
const GENERATOR_ENTRY = INSTRUCTIONS.find((d) => d.placement === 'generator-entry')!.name;
/** The closure-prologue instructions that may precede it, for messages. */
const PROLOGUE = INSTRUCTIONS.filter((d) => d.placement === 'prologue').map((d) => d.name).join(' / ');

/** Returns null when the code object is valid, else the first rejection. */
export function verify(code: Code): VerifyError | null {
  try {
    checkInstructions(code);
    checkExceptionTable(code);
    checkStack(code);
    return null;
  } catch (e) {
    if (e instanceof Reject) return e.error;
    throw e;
  }
}

/** @spec #verify-operand-range */
function inRange(i: number, arg: number, length: number, what: string): void {
  if (arg < 0 || arg >= length) reject('OPERAND_OUT_OF_RANGE', i, `${what} index ${arg} out of range (${length} entries)`);
}

function checkInstructions(code: Code): void {
  const n = code.ops.length;
  if (n === 0) reject('FALLS_OFF_END', -1, 'empty code object');
  const gen = isGeneratorCode(code);
  const prologue = closurePrologueLength(code);
  for (let i = 0; i < n; i++) {
    const op = code.ops[i]!;
    const arg = code.args[i]!;
    const def = BY_OPCODE.get(op);
    if (!def) reject('UNKNOWN_OPCODE', i, `unknown opcode ${op}`);
    /** @spec #verify-enter-executor */
    if (def.runtimeOnly) reject('ENTER_EXECUTOR_IN_PROGRAM', i, `${def.name} exists only at run time`);
    switch (def.operand) {
      case 'const':
        inRange(i, arg, code.consts.length, 'constant');
        break;
      case 'local':
        inRange(i, arg, code.varnames.length, 'local');
        break;
      case 'local_pair':
        if (arg < 0 || arg > 255) reject('OPERAND_OUT_OF_RANGE', i, `local pair ${arg} out of range`);
        inRange(i, arg >> 4, code.varnames.length, 'local');
        inRange(i, arg & 15, code.varnames.length, 'local');
        break;
      case 'name':
        inRange(i, arg, code.names.length, 'name');
        break;
      case 'global':
      case 'attr':
        if (arg < 0) reject('OPERAND_OUT_OF_RANGE', i, `name index ${arg} out of range`);
        inRange(i, arg >> 1, code.names.length, 'name');
        break;
      case 'jump':
        /** @spec #verify-jump-target */
        if (arg < 0 || arg >= n) reject('JUMP_OUT_OF_RANGE', i, `${def.name} target ${arg} outside 0..${n - 1}`);
        /** @spec #verify-jump-direction */
        if (def.jumpDirection === 'backward' ? arg > i : arg <= i) {
          reject('JUMP_DIRECTION', i, `${def.name} must jump ${def.jumpDirection}, target ${arg}`);
        }
        break;
    }
    /** @spec #verify-bad-oparg */
    if (!opargAllowed(def.opargs, arg)) reject('BAD_OPARG', i, `${def.name} does not accept oparg ${arg}`);
    const cellProblem = closureOperandProblem(code, def, arg);
    /** @spec #verify-cells */
    if (cellProblem !== null) reject('CELL_OPERAND', i, cellProblem);
    /** @spec #verify-for-iter-target */
    if (def.targetShape && def.targetShape.some((name, k) => code.ops[arg + k] !== BY_NAME.get(name)!.opcode)) {
      reject('FOR_ITER_TARGET', i, `${def.name} target ${arg} is not ${def.targetShape.join(' followed by ')}`);
    }
    /** @spec #verify-generator-shape */
    if (def.placement === 'generator-entry' && (!gen || i !== prologue)) {
      reject('GENERATOR_SHAPE', i, `${def.name} must be the first instruction of a .generator code object (after ${PROLOGUE})`);
    }
    if (def.placement === 'generator' && !gen) reject('GENERATOR_SHAPE', i, `${def.name} outside a .generator code object`);
  }
  if (gen && BY_OPCODE.get(code.ops[prologue]!)?.name !== GENERATOR_ENTRY) {
    reject('GENERATOR_SHAPE', prologue, `a .generator code object must start with ${GENERATOR_ENTRY}`);
  }
}

/** @spec #verify-exception-table */
function checkExceptionTable(code: Code): void {
  const n = code.ops.length;
  let prevEnd = 0;
  code.exceptionTable.forEach((e, k) => {
    const bad = (why: string): never => reject('EXCEPTION_TABLE_INVALID', e.start, `exception table entry ${k}: ${why}`);
    if (!(e.start >= 0 && e.start < e.end && e.end <= n)) bad(`range ${e.start} to ${e.end} is empty or outside the code`);
    if (!(e.target >= 0 && e.target < n)) bad(`target ${e.target} outside the code`);
    if (e.depth < 0) bad('negative depth');
    if (e.start < prevEnd) bad('overlaps the previous entry (entries must be sorted and disjoint)');
    prevEnd = e.end;
  });
}

/** Abstract interpretation of stack depths over every path. @spec #verify-stack-depth */
function checkStack(code: Code): void {
  const n = code.ops.length;
  const depth = new Int32Array(n).fill(-1);
  const handlerOf = new Array<(typeof code.exceptionTable)[number] | undefined>(n);
  for (const e of code.exceptionTable) for (let i = e.start; i < e.end; i++) handlerOf[i] = e;
  const work: number[] = [];
  const reach = (from: number, to: number, d: number) => {
    if (to >= n) reject('FALLS_OFF_END', from, 'execution can run past the last instruction');
    if (depth[to] === -1) {
      depth[to] = d;
      work.push(to);
    } else if (depth[to] !== d) {
      reject('STACK_DEPTH_MISMATCH', to, `stack depth ${depth[to]} and ${d} meet at instruction ${to}`);
    }
  };
  reach(-1, 0, 0);
  while (work.length) {
    const i = work.pop()!;
    const d = depth[i]!;
    const def = BY_OPCODE.get(code.ops[i]!)!;
    const arg = code.args[i]!;
    /** @spec #verify-stack-underflow */
    if (d < def.minDepth(arg)) reject('STACK_UNDERFLOW', i, `${def.name} needs ${def.minDepth(arg)} stack items, has ${d}`);
    const h = handlerOf[i];
    if (h) {
      if (d < h.depth) reject('EXCEPTION_TABLE_INVALID', i, `handler depth ${h.depth} exceeds stack depth ${d} at instruction ${i}`);
      reach(i, h.target, h.depth + (h.lasti ? 1 : 0) + 1);
    }
    if (def.jumpEffect) reach(i, arg + def.targetSkip, d + def.jumpEffect(arg));
    if (!def.terminator) reach(i, i + 1, d - def.pops(arg) + def.pushes(arg));
  }
}
