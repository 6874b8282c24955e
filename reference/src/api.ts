/**
 * The reference VM's public surface for loading and running fixture programs.
 * Everything here returns errors as data; only internal bugs throw.
 */
import type { Code } from './isa/code';
import type { HotspotConfig } from './hotspot/policy';
import type { Vm } from './interp/vm';
import type { Optimizer } from './optimizer/api';
import type { TraceEvent } from './optimizer/trace';

/** A program as written in a fixture. */
export interface ProgramSource {
  /** Function name -> assembly text; each is bound as a global function. Optional with a module. */
  readonly functions?: Readonly<Record<string, string>>;
  /**
   * Code objects not bound as globals (referenced as `<code NAME>` constants); the one named
   * `<module>` is the program's module code, run before the entry call (@spec #module-code).
   */
  readonly code?: Readonly<Record<string, string>>;
  /** Global name -> Python literal. */
  readonly globals?: Readonly<Record<string, string>>;
}

/**
 * A rejected input. `unit` names the function/code object (or 'globals', 'entry');
 * line and column are 1-based within that unit's text.
 */
export interface SourceError {
  readonly code: string;
  readonly message: string;
  readonly unit?: string;
  /** For unit 'globals': the global's name. */
  readonly key?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Program {
  readonly codes: ReadonlyMap<string, Code>;
  readonly functionNames: readonly string[];
  readonly source: ProgramSource;
}

export type LoadResult =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly stage: 'malformed' | 'invalid'; readonly error: SourceError };

export type Outcome =
  | { readonly kind: 'return'; readonly repr: string; readonly output: string; readonly steps: number }
  | { readonly kind: 'raise'; readonly type: string; readonly message: string; readonly output: string; readonly steps: number }
  | { readonly kind: 'exhausted'; readonly output: string; readonly steps: number }
  /** The optimizer broke the contract in a way the VM cannot recover from; the run stopped. */
  | { readonly kind: 'fault'; readonly rule: string; readonly message: string; readonly output: string; readonly steps: number };

export interface RunOptions {
  /** Step budget; default DEFAULT_BUDGET. */
  readonly budget?: number;
  /** Record the names of executed instructions (slower). */
  readonly trackOps?: boolean;
  /** Register this optimizer before the entry call. */
  readonly optimizer?: Optimizer;
  /** Hotspot profile and parameters (default: the seed profile with its defaults). */
  readonly hotspot?: HotspotConfig;
  /** Record the optimizer trace. */
  readonly trace?: boolean;
  /** Called with the fresh VM before the entry call (after registration). */
  readonly setup?: (vm: Vm) => void;
  /** Optimizers the program may switch to at run time (`_optcert.set_optimizer(name)`), by name; a fresh one per call. */
  readonly namedOptimizers?: Readonly<Record<string, () => Optimizer>>;
}

export type RunResult =
  | {
      readonly ok: true;
      readonly outcome: Outcome;
      readonly executedOps?: ReadonlySet<string>;
      readonly trace?: readonly TraceEvent[];
      /** The VM after the run, for inspection. */
      readonly vm?: Vm;
    }
  | { readonly ok: false; readonly error: SourceError };

export const DEFAULT_BUDGET = 1_000_000;
