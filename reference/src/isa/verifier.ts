/**
 * The verifier: a program that passes never underflows its value stack, never jumps out of
 * its code, never indexes outside its tables. Each rejection carries a stable code.
 * @spec #verifier
 */
import { isGeneratorCode, type Code } from './code';
import { BINARY_OPS, BY_OPCODE, CONVERSIONS, FUNCTION_ATTRIBUTES, OP, SUPPORTED_INTRINSIC1, type InstructionDef } from './table';

export type VerifyCode =
  | 'UNKNOWN_OPCODE'
  | 'ENTER_EXECUTOR_IN_PROGRAM'
  | 'OPERAND_OUT_OF_RANGE'
  | 'BAD_OPARG'
  | 'JUMP_OUT_OF_RANGE'
  | 'JUMP_DIRECTION'
  | 'FOR_ITER_TARGET'
  | 'GENERATOR_SHAPE'
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

/** CPython 3.13 jumps backward only with these; every other jump goes forward. */
const BACKWARD = new Set<number>([OP.JUMP_BACKWARD, OP.JUMP_BACKWARD_NO_INTERRUPT]);

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

/** @spec #verify-bad-oparg */
function allowedOparg(def: InstructionDef, arg: number): boolean {
  switch (def.name) {
    case 'BINARY_OP':
      return arg >= 0 && arg < BINARY_OPS.length && BINARY_OPS[arg] !== '@' && BINARY_OPS[arg] !== '@=';
    case 'COMPARE_OP':
      return arg >= 0 && arg >> 5 <= 5;
    case 'RESUME':
      // Low two bits: where (0 start, 1 after yield, 2 after yield from, 3 after await); bit 2: except depth 1.
      return arg >= 0 && arg <= 7;
    case 'LIST_APPEND':
    case 'LIST_EXTEND':
    case 'MAP_ADD':
      return arg >= 1;
    case 'IS_OP':
    case 'CONTAINS_OP':
      return arg === 0 || arg === 1;
    case 'CALL_INTRINSIC_1':
      return (SUPPORTED_INTRINSIC1 as readonly number[]).includes(arg);
    case 'BUILD_SLICE':
      return arg === 2 || arg === 3;
    case 'COPY':
      return arg >= 1;
    case 'SWAP':
      return arg >= 2;
    case 'RAISE_VARARGS':
      return arg >= 0 && arg <= 2;
    case 'RERAISE':
      return arg === 0 || arg === 1;
    case 'CONVERT_VALUE':
      return arg in CONVERSIONS;
    case 'SET_FUNCTION_ATTRIBUTE':
      return arg in FUNCTION_ATTRIBUTES;
    default:
      return arg >= 0;
  }
}

function checkInstructions(code: Code): void {
  const n = code.ops.length;
  if (n === 0) reject('FALLS_OFF_END', -1, 'empty code object');
  const gen = isGeneratorCode(code);
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
        if (BACKWARD.has(op) ? arg > i : arg <= i) {
          reject('JUMP_DIRECTION', i, `${def.name} must jump ${BACKWARD.has(op) ? 'backward' : 'forward'}, target ${arg}`);
        }
        break;
      default:
        if (!allowedOparg(def, arg)) reject('BAD_OPARG', i, `${def.name} does not accept oparg ${arg}`);
    }
    /** @spec #verify-for-iter-target */
    if (op === OP.FOR_ITER && (code.ops[arg] !== OP.END_FOR || code.ops[arg + 1] !== OP.POP_TOP)) {
      reject('FOR_ITER_TARGET', i, `FOR_ITER target ${arg} is not END_FOR followed by POP_TOP`);
    }
    /** @spec #verify-generator-shape */
    if (op === OP.RETURN_GENERATOR && (!gen || i !== 0)) {
      reject('GENERATOR_SHAPE', i, 'RETURN_GENERATOR must be the first instruction of a .generator code object');
    }
    if (op === OP.YIELD_VALUE && !gen) reject('GENERATOR_SHAPE', i, 'YIELD_VALUE outside a .generator code object');
  }
  if (gen && code.ops[0] !== OP.RETURN_GENERATOR) reject('GENERATOR_SHAPE', 0, 'a .generator code object must start with RETURN_GENERATOR');
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

function minDepth(def: InstructionDef, arg: number): number {
  switch (def.name) {
    case 'LIST_APPEND':
    case 'LIST_EXTEND':
      return arg + 1;
    case 'MAP_ADD':
      return arg + 2;
    default:
      return def.pops(arg);
  }
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
    if (d < minDepth(def, arg)) reject('STACK_UNDERFLOW', i, `${def.name} needs ${minDepth(def, arg)} stack items, has ${d}`);
    const h = handlerOf[i];
    if (h) {
      if (d < h.depth) reject('EXCEPTION_TABLE_INVALID', i, `handler depth ${h.depth} exceeds stack depth ${d} at instruction ${i}`);
      reach(i, h.target, h.depth + (h.lasti ? 1 : 0) + 1);
    }
    if (def.jumpEffect) {
      const to = code.ops[i] === OP.FOR_ITER ? arg + 2 : arg;
      reach(i, to, d + def.jumpEffect(arg));
    }
    if (!def.terminator) reach(i, i + 1, d - def.pops(arg) + def.pushes(arg));
  }
}
