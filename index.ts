/**
 * optcert's public entry (`import { ... } from 'optcert'`): what an optimizer author uses — the
 * optimizer API's types (Optimizer, Executor, Frame, Vm, Code, Capability), the instruction table,
 * the original instruction under an installed executor, the semantic helpers the interpreter's
 * handlers call, the programs and runners, the sample optimizers and their building blocks. The
 * certifier's internals are not part of it, and package.json's `exports` keeps them unreachable.
 * @spec #optimizer-api
 */
export * from './reference/src';
export { originalOp, originalArg } from './reference/src/isa/code-view';
export type { CapabilityName } from './reference/src/optimizer/api';
export { planRegion, compileInstruction, SuperblockExecutor, STALL_LIMIT, MAX_REGION, type Region, type Run, type Guard } from './reference/src/optimizers/superblock';
export { CounterExecutor } from './reference/src/optimizers/counter';
export { JitOptimizer, JitEmitter, JitExecutor, planJitRegion, type JitPlan, type JitInstruction } from './reference/src/optimizers/jit';
export {
  NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_REMAINDER, NB_OR, NB_POWER,
  NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, NB_INPLACE,
} from './reference/src/runtime/binary';
/** The ids of the certification rules (a type only: the certifier itself is not in the public entry). */
export type { RuleId } from './conformance/src/certify/rules';
