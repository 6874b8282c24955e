/**
 * `npm run corpus:check`: re-import every program of fixtures/programs with CPython 3.13 into a
 * temp dir and compare with the committed fixtures. Without a CPython 3.13 it says why it skipped
 * and succeeds: the corpus is checked where CPython is, and `npm test` never needs it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../commands/context';
import { EXIT, makeContext } from '../commands/context';
import { importPythonCommand } from '../commands/import-python';
import type { Vm } from '../run/vm';
import { findPython } from './python';

export const PROGRAMS_DIR = join('fixtures', 'programs');

const HEADER_LINE = /^#\s*optcert:\s*[a-z_]+\s*=/m;
const COMPILER_LINE = /^(\s*compiler: "CPython 3\.13)\.\d+(")$/m;

/** The first line where two texts differ, 1-based, with both lines. */
function firstDifference(a: string, b: string): { line: number; old: string; new: string } {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; ; i++) {
    if (x[i] !== y[i]) return { line: i + 1, old: x[i] ?? '<end of file>', new: y[i] ?? '<end of file>' };
  }
}

/** A fixture's text with the CPython patch level left out of `origin.compiler`. */
const samePatchless = (text: string): string => text.replace(COMPILER_LINE, '$1$2');

export function corpusCheck(root: string, io: CliIo, vm: Vm): number {
  const env = io.env ?? process.env;
  const python = findPython(undefined, env, io.cwd);
  if (!python.ok) {
    io.out(`corpus:check: skipped: ${python.message}`);
    return EXIT.ok;
  }
  const dir = join(root, PROGRAMS_DIR);
  const tmp = mkdtempSync(join(tmpdir(), 'optcert-corpus-'));
  try {
    // One line per passing program would bury the differences: keep everything else.
    const quiet: CliIo = { ...io, out: (line) => (/: .*; passes on the VM$/.test(line) ? undefined : io.out(line)) };
    const ctx = makeContext(quiet, vm, root);
    const code = importPythonCommand.run(['--dir', dir, '--out-dir', tmp, '--python', python.path], ctx);
    if (typeof code !== 'number') throw new Error('internal: import-python returned a promise');
    const sources = readdirSync(dir)
      .filter((n) => n.endsWith('.py') && HEADER_LINE.test(readFileSync(join(dir, n), 'utf8')))
      .sort();
    let differ = 0;
    let patchOnly = false;
    for (const name of sources) {
      const yaml = name.replace(/\.py$/, '.yaml');
      const shown = `${PROGRAMS_DIR}/${yaml}`;
      const fresh = join(tmp, yaml);
      const committed = join(dir, yaml);
      if (!existsSync(fresh)) {
        differ++;
        io.out(`DIFF ${shown}: not re-imported (see the errors above)`);
      } else if (!existsSync(committed)) {
        differ++;
        io.out(`DIFF ${shown}: no committed fixture for ${PROGRAMS_DIR}/${name} (import it with optcert import-python)`);
      } else {
        const a = readFileSync(committed, 'utf8');
        const b = readFileSync(fresh, 'utf8');
        if (a === b) continue;
        if (samePatchless(a) === samePatchless(b)) {
          patchOnly = true;
          continue;
        }
        differ++;
        const d = firstDifference(a, b);
        io.out(`DIFF ${shown}:${d.line}: committed ${JSON.stringify(d.old)}, fresh import ${JSON.stringify(d.new)}`);
      }
    }
    const note = patchOnly ? ' (some fixtures record another CPython 3.13 patch level: not a difference)' : '';
    if (differ > 0) {
      io.out(`corpus:check: ${differ} of ${sources.length} programs differ from a fresh import with CPython ${python.version}${note}; regenerate with optcert import-python --dir ${PROGRAMS_DIR} and review the diff`);
      return code === EXIT.internal ? EXIT.internal : EXIT.failures;
    }
    io.out(`corpus:check: ${sources.length} programs re-imported with CPython ${python.version} (${python.path}): all match${note}`);
    return code === EXIT.internal ? EXIT.internal : code === EXIT.ok ? EXIT.ok : EXIT.failures;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
