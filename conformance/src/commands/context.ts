/** What every command gets: output sinks, the working directory, the VM, optcert's root. */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatDiagnostic, shownPath, type Diagnostic } from '../diagnostic';
import type { Vm } from '../run/vm';
import { parseOptions, type OptionSpecs, type ParseSettings, type Parsed } from './parse-options';

export interface CliIo {
  /** One line to stdout (no trailing newline). */
  readonly out: (line: string) => void;
  /** One line to stderr (no trailing newline). */
  readonly err: (line: string) => void;
  readonly cwd: string;
  /** The VM to run fixtures on; the reference VM when absent. */
  readonly vm?: Vm;
  /** optcert's package root (spec/, fixtures/tags.yaml); found from this file when absent. */
  readonly root?: string;
  /** Environment variables (PATH, OPTCERT_PYTHON, ... for import-python); process.env when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A transient progress line (a terminal's status line), null to clear it; absent: no progress. */
  readonly progress?: (text: string | null) => void;
  /**
   * Call `tick` every `ms` milliseconds until the returned function is called: a log that is not
   * a terminal gets a progress line at that pace. bin/optcert.js sets it (setInterval) when
   * stderr is not a terminal; tests drive it by hand; absent: no progress lines.
   */
  readonly every?: (ms: number, tick: () => void) => () => void;
  /** Milliseconds on a monotonic clock, for commands that run synchronously (run) and pace their progress lines by it. */
  readonly now?: () => number;
  /** Colour the console report (bin/optcert.js decides: a terminal, NO_COLOR, FORCE_COLOR); absent: no colour. */
  readonly color?: boolean;
  /**
   * Ctrl-C (SIGINT) calls `handler` instead of ending the process, until the returned function is
   * called: certify stops its workers and reports what ran (exit 130). Absent: nothing to register.
   */
  readonly onInterrupt?: (handler: () => void) => () => void;
}

export interface Context {
  readonly io: CliIo;
  readonly vm: Vm;
  readonly root: string | null;
  readonly show: (file: string) => string;
  /** The one-line form of a diagnostic. */
  readonly format: (d: Diagnostic) => string;
  /** Print a diagnostic to stderr. */
  readonly report: (d: Diagnostic) => void;
}

export function makeContext(io: CliIo, vm: Vm, root: string | null): Context {
  const show = (file: string) => shownPath(io.cwd, file);
  const format = (d: Diagnostic) => formatDiagnostic(d, show(d.file));
  return { io, vm, root, show, format, report: (d) => io.err(format(d)) };
}

/** 130 = 128 + SIGINT, what a shell reports for a command that Ctrl-C ended. */
export const EXIT = { ok: 0, failures: 1, badInput: 2, internal: 3, interrupted: 130 } as const;

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** The exit code; a command that waits for workers (certify) returns it as a promise. */
  readonly run: (args: readonly string[], ctx: Context) => number | Promise<number>;
}

/** A usage problem: one line, exit 2. */
export function usage(ctx: Context, command: string, message: string): number {
  ctx.io.err(`optcert ${command}: USAGE: ${message} (see optcert ${command} --help)`);
  return EXIT.badInput;
}

export type { Parsed } from './parse-options';

/** node:util parseArgs, strict; its errors become one line of our own (see parse-options). */
export function parse<T extends OptionSpecs>(args: readonly string[], options: T, settings?: ParseSettings): Parsed<T> {
  return parseOptions(args, options, settings);
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function grepOption(value: string | undefined): Checked<RegExp | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  try {
    return { ok: true, value: new RegExp(value) };
  } catch {
    return { ok: false, message: `--grep: not a regular expression: ${value}` };
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], dflt: T): Checked<T> {
  if (value === undefined) return { ok: true, value: dflt };
  if ((allowed as readonly string[]).includes(value)) return { ok: true, value: value as T };
  return { ok: false, message: `${flag}: expected one of ${allowed.join(', ')}, got '${value}'` };
}

/**
 * --output, checked before any work: its directory is created when missing; a directory that
 * cannot be created or written, or an output that is a directory, is a usage problem now rather
 * than a lost report at the end.
 */
export function checkOutput(ctx: Context, file: string | undefined): Checked<string | undefined> {
  if (file === undefined) return { ok: true, value: undefined };
  const abs = resolve(ctx.io.cwd, file);
  const dir = dirname(abs);
  const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return { ok: false, message: `--output ${file}: cannot create the directory ${ctx.show(dir)} (${why(e)})` };
  }
  try {
    if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return { ok: false, message: `--output ${file}: is a directory` };
    accessSync(dir, constants.W_OK);
  } catch (e) {
    return { ok: false, message: `--output ${file}: cannot write in ${ctx.show(dir)} (${why(e)})` };
  }
  return { ok: true, value: abs };
}
