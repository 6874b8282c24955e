/**
 * The pluggable optimizer API (seed: CPython issue 104584, faster-cpython/ideas#380).
 * The VM is the client, the optimizer the server.
 * @spec #optimizer-api
 */
import type { Code } from '../isa/code';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';

/** Where an optimizer can start executing. @spec #capabilities */
export const Capability = { FUNCTION_ENTRY: 1, RESUME_AFTER_YIELD: 2, BACK_EDGE: 4 } as const;
export type CapabilityName = keyof typeof Capability;
export const ALL_CAPABILITIES = Capability.FUNCTION_ENTRY | Capability.RESUME_AFTER_YIELD | Capability.BACK_EDGE;

export type HotspotKind = 'function_entry' | 'resume_after_yield' | 'back_edge';

export const KIND_BIT: Readonly<Record<HotspotKind, number>> = {
  function_entry: Capability.FUNCTION_ENTRY,
  resume_after_yield: Capability.RESUME_AFTER_YIELD,
  back_edge: Capability.BACK_EDGE,
};

/** @spec #registration */
export interface Optimizer {
  readonly name: string;
  /** Bitmask of Capability. */
  readonly capabilities: number;
  /** > 0: cost of producing an executor relative to interpreting the equivalent code. */
  readonly optimizationCost: number;
  /** > 0: time to run an executor relative to the interpreter. */
  readonly runCost: number;
  /** Return an executor for the hotspot at `offset`, or null to decline. @spec #compile */
  compile(code: Code, offset: number, vm: Vm): Executor | null;
}

/**
 * On return the VM state must be exactly as if the interpreter had executed N >= 0 instructions
 * from the state at entry; the result is the innermost frame, where execution continues.
 * @spec #executor-contract
 */
export interface Executor {
  /** Returns the innermost frame, or null when the executor's work ended every frame. */
  execute(frame: Frame, vm: Vm): Frame | null;
}

/** Why the VM refused an optimizer or a replacement (errors are data). */
export interface ApiError {
  readonly rule: string;
  readonly message: string;
}
