/**
 * What the conformance runner needs from a VM: the reference VM's surface
 * (reference/src/api.ts). Injected so that tests can use fakes.
 */
import type { LoadResult, Program, ProgramSource, RunOptions, RunResult } from '../../../reference/src/api';

export interface InstructionInfo {
  readonly name: string;
  /** Covered when it appears in a fixture's program text (never executed as written). */
  readonly coveredByPresence?: boolean;
}

export interface Vm {
  readonly loadProgram: (src: ProgramSource) => LoadResult;
  readonly runEntry: (program: Program, entry: string, opts?: RunOptions) => RunResult;
  readonly instructions: readonly InstructionInfo[];
}
