/**
 * The reference VM's public surface for loading and running fixture programs.
 * Everything here returns errors as data; only internal bugs throw.
 */
import type { Code } from './isa/code';

/** A program as written in a fixture. */
export interface ProgramSource {
  /** Function name -> assembly text; each is bound as a global function. */
  readonly functions: Readonly<Record<string, string>>;
  /** Code objects not bound as globals (referenced as `<code NAME>` constants). */
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
  | { readonly kind: 'exhausted'; readonly output: string; readonly steps: number };

export interface RunOptions {
  /** Step budget; default DEFAULT_BUDGET. */
  readonly budget?: number;
  /** Record the names of executed instructions (slower). */
  readonly trackOps?: boolean;
}

export type RunResult =
  | { readonly ok: true; readonly outcome: Outcome; readonly executedOps?: ReadonlySet<string> }
  | { readonly ok: false; readonly error: SourceError };

export const DEFAULT_BUDGET = 1_000_000;
