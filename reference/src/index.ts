/** optcert's reference VM: the public surface. */
export * from './api';
export { loadProgram, runEntry, parseEntry, newVm } from './program';
export { assemble, type AsmResult } from './isa/assembler';
export { disassemble } from './isa/disassembler';
export { verify, type VerifyError, type VerifyCode } from './isa/verifier';
export { INSTRUCTIONS, BY_NAME, BY_OPCODE, OP, type Opcode, type InstructionDef } from './isa/table';
export { PyCode, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS, type Code, type ExceptionEntry, type InstalledExecutor } from './isa/code';
export { codeEquals, codeHash, originalCode } from './isa/code-view';
export { Vm, MAX_FRAMES } from './interp/vm';
export { Frame } from './interp/frame';
export { BudgetExhausted } from './interp/errors';
export { HANDLERS, type Handler } from './interp/handlers';
export { snapshot, type StateSnapshot } from './state/snapshot';
export { compareStates, formatDifference, type StateDifference } from './state/compare';

// The optimizer API.
export { Capability, ALL_CAPABILITIES, type Optimizer, type Executor, type HotspotKind, type ApiError } from './optimizer/api';
export { TRACE_KINDS, type TraceEvent, type TraceKind, type InvalidationCause, type RemovalReason } from './optimizer/trace';
export { OptimizerFault, MAX_EXECUTORS_PER_CODE, hotspotKindAt } from './optimizer/runtime';
export {
  SEED_DEFAULTS, CPYTHON313_DEFAULTS, SeedPolicy, Cpython313Policy, makePolicy,
  type HotspotConfig, type HotspotProfile, type SeedParams, type Cpython313Params,
} from './hotspot/policy';

export { SAMPLE_OPTIMIZERS, NullOptimizer, CounterOptimizer, SuperblockOptimizer } from './optimizers';
export { scriptedOptimizer, type ScriptedOptimizerDef } from './optimizers/scripted';

// Semantic helpers for executors that implement instructions themselves: exactly what the
// interpreter's handlers call.
export * as python from './runtime';
export { binaryOp } from './runtime/binary';
export { intAdd, intSub, intMul, intFloorDiv, intMod, type PyInt } from './runtime/intops';
export { floatPow } from './runtime/floatops';
export { compareOp, isIdentical, pyEquals } from './runtime/compare';
export { truthy, negative, invert } from './runtime/unary';
export { getIter, iterNext, collect, SEQ_ITER_EXHAUSTED } from './runtime/iter';
export { callNative } from './runtime/call';
export { getItem, setItem } from './runtime/subscript';
export { loadAttr, loadMethod } from './runtime/attrs';
export { newException, raise } from './runtime/exceptions';
export { repr, str } from './runtime/repr';
export * from './runtime/values';
