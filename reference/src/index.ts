/** optcert's reference VM: the public surface. */
export * from './api';
export { loadProgram, runEntry, parseEntry, newVm } from './program';
export { assemble, type AsmResult } from './isa/assembler';
export { disassemble } from './isa/disassembler';
export { verify, type VerifyError, type VerifyCode } from './isa/verifier';
export { INSTRUCTIONS, BY_NAME, BY_OPCODE, OP, type Opcode, type InstructionDef } from './isa/table';
export type { Code, ExceptionEntry } from './isa/code';
export { Vm } from './interp/vm';
export { Frame } from './interp/frame';
export { BudgetExhausted } from './interp/errors';
