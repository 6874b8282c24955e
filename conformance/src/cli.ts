/**
 * optcert's command line: `main(argv, io)` returns the exit code and prints through `io`, so
 * tests call it directly; bin/optcert.js wires it to the process.
 * Exit codes: 0 all passed, 1 fixture failures, 2 bad input or usage, 3 internal error (certify:
 * the module could not be loaded or exports no optimizer), 130 interrupted by Ctrl-C (certify: the
 * workers stopped, the partial report printed). Certification runs in worker threads,
 * so `certify` returns its exit code as a promise; every other command returns it directly.
 */
import { blessCommand } from './commands/bless';
import { certifyCommand } from './commands/certify';
import { EXIT, makeContext, type CliIo, type Command } from './commands/context';
import { coverageCommand } from './commands/coverage';
import { importPythonCommand } from './commands/import-python';
import { initCommand } from './commands/init';
import { lintCommand } from './commands/lint';
import { mergeCommand } from './commands/merge';
import { mutantsCommand } from './commands/mutants';
import { runCommand } from './commands/run';
import { closest } from './commands/parse-options';
import { findPackageRoot, packageVersion } from './config';
import type { Vm } from './run/vm';

export type { CliIo } from './commands/context';

const COMMANDS: readonly Command[] = [runCommand, certifyCommand, lintCommand, blessCommand, coverageCommand, mutantsCommand, importPythonCommand, initCommand, mergeCommand];

function overview(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`).join('\n');
  return `Usage: optcert <command> [paths...] [options]

Commands:
${rows}

Options: -h, --help (this text), -v, --version (the version of optcert).
Run "optcert <command> --help" or "optcert help <command>" for a command's options.
Exit: 0 all passed (certify: certified), 1 fixture failures (certify: rule violations),
2 bad input or usage, 3 internal error (certify: the module could not be loaded or is not an optimizer),
130 interrupted (Ctrl-C; certify prints the report of what ran).`;
}

/** The reference VM, loaded on first use: a caller that brings its own VM never loads it. */
function referenceVm(): Vm {
  return (require('./run/reference-vm') as typeof import('./run/reference-vm')).referenceVm;
}

function internalError(io: CliIo, e: unknown): number {
  const detail = e instanceof Error ? e.message : String(e);
  io.err(`internal error: ${detail.split('\n')[0]}`);
  return EXIT.internal;
}

function unknownCommand(io: CliIo, name: string): number {
  const near = closest(name, COMMANDS.map((c) => c.name));
  const hint = near ? `did you mean ${near}? ` : '';
  io.err(`optcert: USAGE: unknown command '${name}' (${hint}commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
  return EXIT.badInput;
}

export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  try {
    const [name, ...rest] = argv;
    const root = () => io.root ?? findPackageRoot(__dirname);
    if (name === '--version' || name === '-v') {
      io.out(packageVersion(root()));
      return EXIT.ok;
    }
    if (name === 'help' && rest.length > 0) {
      const command = COMMANDS.find((c) => c.name === rest[0]);
      if (!command) return unknownCommand(io, rest[0]!);
      io.out(command.help);
      return EXIT.ok;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? io.err : io.out)(overview());
      return name === undefined ? EXIT.badInput : EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) return name.startsWith('-') ? usageLine(io, `unknown option ${name} (options before a command: --help, --version)`) : unknownCommand(io, name);
    const ctx = makeContext(io, io.vm ?? referenceVm(), root());
    const code = command.run(rest, ctx);
    return typeof code === 'number' ? code : code.catch((e: unknown) => internalError(io, e));
  } catch (e) {
    return internalError(io, e);
  }
}

function usageLine(io: CliIo, message: string): number {
  io.err(`optcert: USAGE: ${message}`);
  return EXIT.badInput;
}
