/** `optcert run`: run fixtures on the VM and judge them. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageVersion } from '../config';
import { chooseCorpus } from '../fixtures/corpus';
import { loadCorpus } from '../fixtures/select';
import { errorLine, failLine, summaryLine } from '../report/console';
import { buildReport } from '../report/json';
import { runAll } from '../run/run-all';
import { EXIT, grepOption, oneOf, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert run [paths...] [options]

Run the fixtures under paths (files or directories; default: optcert's official corpus) on the VM and compare
each outcome with the fixture's expect. Prints a line per failure, then "N passed, N failed".

Options:
  --grep <regexp>       only fixtures whose id matches
  --reporter <name>     console (default) or json
  --output <file>       with --reporter json: write the report to this file (console lines still print)
  -h, --help            show this help

Exit: 0 all passed, 1 a fixture failed, 2 bad input or usage, 3 internal error.`;

const OPTIONS = {
  grep: { type: 'string' },
  reporter: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'run fixtures and judge them against their expectations',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'run', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) return help(ctx);
    const grep = grepOption(values.grep);
    if (!grep.ok) return usage(ctx, 'run', grep.message);
    const reporter = oneOf('--reporter', values.reporter, ['console', 'json'] as const, 'console');
    if (!reporter.ok) return usage(ctx, 'run', reporter.message);
    if (values.output !== undefined && reporter.value !== 'json') return usage(ctx, 'run', '--output needs --reporter json');
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths: positionals });
    if (!corpus.ok) return usage(ctx, 'run', corpus.message);
    return execute(ctx, corpus.corpus.paths, grep.value, reporter.value, values.output);
  },
};

function help(ctx: Context): number {
  ctx.io.out(HELP);
  return EXIT.ok;
}

function execute(ctx: Context, paths: readonly string[], grep: RegExp | undefined, reporter: 'console' | 'json', output?: string): number {
  const corpus = loadCorpus(ctx.io.cwd, paths, { grep });
  corpus.problems.forEach(ctx.report);
  if (corpus.fixtures.length === 0 && corpus.problems.length === 0) {
    ctx.io.err(`optcert run: NO_FIXTURES: no fixture selected under ${paths.map(ctx.show).join(', ')}${grep ? ` matching /${grep.source}/` : ''}`);
    return EXIT.badInput;
  }
  const runs = runAll(ctx.vm, corpus.fixtures);
  const lines = reporter === 'console' || output !== undefined;
  let passed = 0;
  let failed = 0;
  let errors = 0;
  let bad = corpus.problems.length;
  for (const r of runs) {
    if (r.status === 'pass') passed++;
    else if (r.status === 'fail') {
      failed++;
      if (lines) ctx.io.out(failLine(r, ctx.show));
    } else if (r.status === 'error') {
      errors++;
      if (lines) ctx.io.out(errorLine(r.fixture.data.id, ctx.show(r.fixture.file), r.error));
    } else {
      bad++;
      ctx.report(r.diagnostic);
    }
  }
  if (lines) ctx.io.out(summaryLine(passed, failed + errors));
  if (reporter === 'json') {
    const text = JSON.stringify(buildReport(packageVersion(ctx.root), runs, corpus.problems, ctx.show), null, 2);
    if (output === undefined) ctx.io.out(text);
    else writeFileSync(resolve(ctx.io.cwd, output), text + '\n');
  }
  if (errors > 0) return EXIT.internal;
  if (bad > 0) return EXIT.badInput;
  return failed > 0 ? EXIT.failures : EXIT.ok;
}
