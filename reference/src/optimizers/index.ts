/**
 * The sample optimizers shipped with the suite: `null` (the seed's valid but useless optimizer),
 * `counter` (CPython's counter optimizer), `superblock` (a region executor) and `jit` (compiles
 * hot regions to JavaScript).
 */
import type { Optimizer } from '../optimizer/api';
import { CounterOptimizer } from './counter';
import { NullOptimizer } from './null';
import { SuperblockOptimizer } from './superblock';
import { JitOptimizer } from './jit';

export { NullOptimizer } from './null';
export { CounterOptimizer, CounterExecutor } from './counter';
export { JitOptimizer, JitEmitter, JitExecutor, planJitRegion, type JitPlan, type JitInstruction } from './jit';
export { SuperblockOptimizer, SuperblockExecutor, planRegion, STALL_LIMIT, MAX_REGION, type Region } from './superblock';

/** A fresh instance per call, by name. */
export const SAMPLE_OPTIMIZERS: Readonly<Record<string, () => Optimizer>> = {
  null: () => new NullOptimizer(),
  counter: () => new CounterOptimizer(),
  superblock: () => new SuperblockOptimizer(),
  jit: () => new JitOptimizer(),
};
