/**
 * What the conformance runner needs from a VM: the reference VM's surface
 * (reference/src/api.ts). Injected so that tests can use fakes.
 */
import type { LoadResult, Program, ProgramSource, RunOptions, RunResult } from '../../../reference/src/api';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import type { ScriptedOptimizerDef } from '../../../reference/src/optimizers/scripted';

export interface InstructionInfo {
  readonly name: string;
  /** Covered when it appears in a fixture's program text (never executed as written). */
  readonly coveredByPresence?: boolean;
  /** The opcode in a loaded program's code objects (lint reads hotspot offsets with it). */
  readonly opcode?: number;
  /** A potential hotspot: a back edge, or a RESUME (function entry / resume after yield by its oparg). */
  readonly hotspot?: 'back_edge' | 'resume' | null;
}

export interface Vm {
  readonly loadProgram: (src: ProgramSource) => LoadResult;
  readonly runEntry: (program: Program, entry: string, opts?: RunOptions) => RunResult;
  readonly instructions: readonly InstructionInfo[];
  /** Build a fixture's scripted optimizer (spec/fixtures.md#fixture-optimizer). */
  readonly scriptedOptimizer: (def: ScriptedOptimizerDef) => Optimizer;
  /** The sample optimizers fixtures may name, each a factory of fresh instances. */
  readonly sampleOptimizers: Readonly<Record<string, () => Optimizer>>;
}
