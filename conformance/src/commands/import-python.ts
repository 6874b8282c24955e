/**
 * `optcert import-python`: turn a Python program into a fixture judged by CPython 3.13 itself.
 * The work is done by tools/cpython/py2fixture.py under a CPython 3.13 (see import/python.ts for
 * how it is found); this command writes the fixture and runs it on the VM.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { diagnostic } from '../diagnostic';
import { parseFixture } from '../fixtures/load';
import { runHelper, type HelperOptions, type HelperResult } from '../import/helper';
import { findPython, type Env } from '../import/python';
import { failLine } from '../report/console';
import { runAll } from '../run/run-all';
import { EXIT, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert import-python <file.py> [--call "main()"] [options]
       optcert import-python --dir <folder> [--out-dir <dir>] [--python <path>]

Compile a Python program with CPython 3.13 and turn it into a fixture: every function as
assembly text, the call's outcome (return value or uncaught exception, printed output) as the
expectation, the CPython version and the source's SHA-256 as its origin. The fixture is then
run on the reference VM. The program must stay within the subset of tools/cpython/README.md.

Options other than --out, --dir, --out-dir and --python may also come from header lines in the
source, \`# optcert: key=value\` (keys call, id, description, spec, tags, budget); command-line
options win. Without them the id is programs.<file name>, the description the module
docstring's first line, and the spec anchor cpython-offset-mapping.

Options:
  --call <expr>         the entry call: a top-level function with literal arguments, e.g. "main(10)"
  --id <id>             the fixture id
  --description <text>  the fixture description
  --spec <a,b>          the spec anchors the fixture covers
  --tags <x,y>          tags from fixtures/tags.yaml (cpython is always added)
  --budget <n>          a step budget to record in the fixture
  --out <file>          where to write the fixture (default: beside the source, .py -> .yaml;
                        - prints it to stdout)
  --dir <folder>        import every .py in the folder that has an \`# optcert:\` header line
  --out-dir <dir>       with --dir: write the fixtures there instead of beside the sources
  --python <path>       the CPython 3.13 to run (default: $OPTCERT_PYTHON, python3.13 or python3
                        on PATH, a pyenv 3.13 install)
  -h, --help            show this help

Problems print one line each, <file>:<line>:<col>: <CODE>: <message>, with the code one of
IMPORT_NO_PYTHON, IMPORT_SYNTAX_ERROR, IMPORT_UNSUPPORTED (an instruction, builtin or construct
outside the subset, one line each), IMPORT_UNREPRESENTABLE (a value a fixture cannot hold),
IMPORT_INVALID_HEADER, IMPORT_MODULE_ERROR, IMPORT_OVER_BUDGET, IMPORT_NO_SOURCES,
PATH_NOT_FOUND, IMPORT_HELPER_FAILED.

Exit: 0 imported and passing on the reference VM, 1 imported but the VM's outcome differs from
CPython's, 2 not imported (bad input, usage, no CPython 3.13), 3 internal error (the helper broke).`;

const OPTIONS = {
  call: { type: 'string' },
  id: { type: 'string' },
  description: { type: 'string' },
  spec: { type: 'string' },
  tags: { type: 'string' },
  budget: { type: 'string' },
  out: { type: 'string' },
  dir: { type: 'string' },
  'out-dir': { type: 'string' },
  python: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PER_FILE = ['call', 'id', 'description', 'spec', 'tags', 'budget', 'out'] as const;

/** A `# optcert: key=value` line, as py2fixture.py reads them. */
const HEADER_LINE = /^#\s*optcert:\s*[a-z_]+\s*=/m;

export const importPythonCommand: Command = {
  name: 'import-python',
  summary: 'compile a Python program with CPython 3.13 into a fixture',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'import-python', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    if (values.dir !== undefined) {
      if (positionals.length > 0) return usage(ctx, 'import-python', 'give either a file or --dir, not both');
      const clash = PER_FILE.find((k) => values[k] !== undefined);
      if (clash) return usage(ctx, 'import-python', `--${clash} applies to one file; with --dir put it in each file's # optcert: header`);
    } else {
      if (positionals.length !== 1) return usage(ctx, 'import-python', 'give exactly one Python file (or --dir <folder>)');
      if (values['out-dir'] !== undefined) return usage(ctx, 'import-python', '--out-dir needs --dir (for one file use --out)');
    }
    if (!ctx.root) {
      ctx.io.err("optcert import-python: IMPORT_HELPER_FAILED: cannot find optcert's package root (for tools/cpython/py2fixture.py)");
      return EXIT.internal;
    }
    const env: Env = ctx.io.env ?? process.env;
    const sources = values.dir !== undefined ? sourcesIn(ctx, values.dir) : singleSource(ctx, positionals[0]!);
    if (typeof sources === 'number') return sources;
    const python = findPython(values.python, env, ctx.io.cwd);
    if (!python.ok) {
      ctx.io.err(`optcert import-python: IMPORT_NO_PYTHON: ${python.message}`);
      return EXIT.badInput;
    }
    const job: Job = { ctx, root: ctx.root, python: python.path, env };
    const options: HelperOptions = {
      call: values.call,
      id: values.id,
      description: values.description,
      spec: values.spec,
      tags: values.tags,
      budget: values.budget,
    };
    if (values.dir === undefined) {
      const src = sources[0]!;
      const out = values.out === undefined ? yamlBeside(src) : values.out === '-' ? '-' : resolve(ctx.io.cwd, values.out);
      return importOne(job, src, out, options);
    }
    const outDir = values['out-dir'] !== undefined ? resolve(ctx.io.cwd, values['out-dir']) : null;
    if (outDir) mkdirSync(outDir, { recursive: true });
    const counts = { imported: 0, failing: 0, rejected: 0 };
    let worst: number = EXIT.ok;
    for (const src of sources) {
      const code = importOne(job, src, outDir ? join(outDir, basename(yamlBeside(src))) : yamlBeside(src), {});
      if (code === EXIT.ok) counts.imported++;
      else if (code === EXIT.failures) counts.failing++;
      else counts.rejected++;
      worst = Math.max(worst, code); // internal (3) over bad input (2) over failures (1)
    }
    ctx.io.out(`${counts.imported} imported, ${counts.failing} failing on the VM, ${counts.rejected} not imported (CPython ${python.version}, ${python.path})`);
    return worst;
  },
};

interface Job {
  readonly ctx: Context;
  readonly root: string;
  readonly python: string;
  readonly env: Env;
}

const yamlBeside = (src: string): string => src.replace(/\.py$/, '') + '.yaml';

function singleSource(ctx: Context, file: string): string[] | number {
  const src = resolve(ctx.io.cwd, file);
  if (!existsSync(src) || !statSync(src).isFile()) {
    ctx.report(diagnostic(src, 1, 1, 'PATH_NOT_FOUND', `no such file: ${file}`));
    return EXIT.badInput;
  }
  return [src];
}

/** The .py files of a folder with a `# optcert:` header, by name. */
function sourcesIn(ctx: Context, folder: string): string[] | number {
  const dir = resolve(ctx.io.cwd, folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    ctx.report(diagnostic(dir, 1, 1, 'PATH_NOT_FOUND', `no such folder: ${folder}`));
    return EXIT.badInput;
  }
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.py'))
    .sort()
    .map((n) => join(dir, n))
    .filter((f) => statSync(f).isFile() && HEADER_LINE.test(readFileSync(f, 'utf8')));
  if (files.length === 0) {
    ctx.io.err(`optcert import-python: IMPORT_NO_SOURCES: no .py file with an '# optcert:' header line in ${folder}`);
    return EXIT.badInput;
  }
  return files;
}

/** Convert one file, write the fixture, run it on the VM. Returns the exit code for this file. */
function importOne(job: Job, src: string, out: string, options: HelperOptions): number {
  const { ctx } = job;
  const result: HelperResult = runHelper(job.python, job.root, src, options, job.env);
  if (result.ok === 'broken') {
    ctx.report(diagnostic(src, 1, 1, 'IMPORT_HELPER_FAILED', result.message));
    return EXIT.internal;
  }
  if (!result.ok) {
    const problems = [...result.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const p of problems) ctx.report(diagnostic(src, p.line ?? 1, p.column ?? 1, p.code, p.message));
    return EXIT.badInput;
  }
  const shownOut = out === '-' ? '<stdout>' : ctx.show(out);
  if (out === '-') ctx.io.out(result.fixture.replace(/\n$/, ''));
  else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.fixture);
  }
  const fixture = parseFixture(out === '-' ? src : out, result.fixture);
  if (!fixture.ok) {
    ctx.report(fixture.diagnostic);
    return EXIT.badInput;
  }
  const id = fixture.fixture.data.id;
  const ran = `${result.steps} CPython ${result.python} instructions`;
  const note = (line: string): void => (out === '-' ? ctx.io.err(line) : ctx.io.out(line));
  if (!fixture.fixture.data.expect) {
    note(`wrote ${id} (${shownOut}): uses _optcert, not run in CPython; record its expect with optcert bless and review it`);
    return EXIT.ok;
  }
  const [run] = runAll(ctx.vm, [fixture.fixture]);
  switch (run!.status) {
    case 'pass':
      note(`wrote ${id} (${shownOut}): ${ran}; passes on the VM`);
      return EXIT.ok;
    case 'fail':
      note(`wrote ${id} (${shownOut}), but the VM disagrees with CPython:`);
      note(failLine(run, ctx.show));
      return EXIT.failures;
    case 'error':
      note(`wrote ${id} (${shownOut}), but the VM broke: internal error: ${run.error}`);
      return EXIT.internal;
    case 'bad-input':
      ctx.report(run.diagnostic);
      return EXIT.badInput;
  }
}
