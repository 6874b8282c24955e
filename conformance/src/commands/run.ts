/** `optcert run`: run fixtures on the VM and judge them. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageVersion } from '../config';
import { chooseCorpus } from '../fixtures/corpus';
import { loadCorpus } from '../fixtures/select';
import { errorLine, failLine, summaryLine } from '../report/console';
import { buildReport } from '../report/json';
import { whatSelectedNothing } from '../certify/explain-selection';
import { PROGRESS_EVERY_MS } from '../report/certify-console-live';
import { painter } from '../report/console-style';
import { runAll, type RunRecord } from '../run/run-all';
import { checkOutput, EXIT, grepOption, oneOf, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert run [paths...] [options]

Run the fixtures under paths (files or directories; default: optcert's official corpus) on the VM and compare
each outcome with the fixture's expect. Prints a line per failure, then "N passed, N failed".

Options:
  --generated           add the official generated tier (fixtures-generated/) to the official corpus
  --grep <regexp>       only fixtures whose id matches
  --bail [n]            stop after n failing fixtures (default 1); the rest are not run
  --list                print the fixtures that would run; run nothing
  --reporter <name>     console (default) or json
  --output <file>       with --reporter json: write the report to this file (console lines still print)
  -h, --help            show this help

Exit: 0 all passed, 1 a fixture failed (or --bail stopped the run), 2 bad input or usage,
3 internal error.`;

const OPTIONS = {
  generated: { type: 'boolean' },
  grep: { type: 'string' },
  reporter: { type: 'string' },
  output: { type: 'string' },
  bail: { type: 'string' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'run fixtures and judge them against their expectations',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS, { optionalValues: { bail: '1' } });
    if (!parsed.ok) return usage(ctx, 'run', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) return help(ctx);
    const grep = grepOption(values.grep);
    if (!grep.ok) return usage(ctx, 'run', grep.message);
    const reporter = oneOf('--reporter', values.reporter, ['console', 'json'] as const, 'console');
    if (!reporter.ok) return usage(ctx, 'run', reporter.message);
    if (values.output !== undefined && reporter.value !== 'json') return usage(ctx, 'run', '--output needs --reporter json');
    const output = checkOutput(ctx, values.output);
    if (!output.ok) return usage(ctx, 'run', output.message);
    let bail: number | null = null;
    if (values.bail !== undefined) {
      if (!/^\d+$/.test(values.bail) || Number(values.bail) < 1) return usage(ctx, 'run', `--bail: expected an integer >= 1, got '${values.bail}'`);
      bail = Number(values.bail);
    }
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths: positionals, generated: values.generated === true });
    if (!corpus.ok) return usage(ctx, 'run', corpus.message);
    return execute(ctx, corpus.corpus.paths, { grep: grep.value, reporter: reporter.value, output: values.output, bail, list: values.list === true });
  },
};

function help(ctx: Context): number {
  ctx.io.out(HELP);
  return EXIT.ok;
}

interface RunPlan {
  readonly grep: RegExp | undefined;
  readonly reporter: 'console' | 'json';
  readonly output: string | undefined;
  readonly bail: number | null;
  readonly list: boolean;
}

function execute(ctx: Context, paths: readonly string[], plan: RunPlan): number {
  const { grep, reporter, output } = plan;
  const corpus = loadCorpus(ctx.io.cwd, paths);
  corpus.problems.forEach(ctx.report);
  const selected = grep ? corpus.fixtures.filter((f) => grep.test(f.data.id)) : corpus.fixtures;
  if (selected.length === 0 && corpus.problems.length === 0) {
    ctx.io.err(`optcert run: NO_FIXTURES: no fixture selected under ${paths.map(ctx.show).join(', ')}: ${whatSelectedNothing(corpus.fixtures, { grep })}`);
    return EXIT.badInput;
  }
  if (plan.list) {
    ctx.io.out(`optcert run --list: ${selected.length} fixture${selected.length === 1 ? '' : 's'} would run`);
    for (const f of selected) ctx.io.out(`run   ${f.data.id}  (${ctx.show(f.file)})`);
    return corpus.problems.length > 0 ? EXIT.badInput : EXIT.ok;
  }
  const lines = reporter === 'console' || output !== undefined;
  const paint = painter(ctx.io.color === true);
  let passed = 0;
  let failed = 0;
  let errors = 0;
  let bad = corpus.problems.length;
  const runs: RunRecord[] = [];
  // On a log that is not a terminal (io.every set), a progress line every PROGRESS_EVERY_MS: the loop
  // is synchronous, so it reads the clock itself rather than waiting for a timer.
  const clock = ctx.io.every ? ctx.io.now : undefined;
  let lastProgress = clock?.() ?? 0;
  // One at a time, so that each failure prints as it happens and --bail stops where it should.
  for (const fixture of selected) {
    const r = runAll(ctx.vm, [fixture])[0]!;
    runs.push(r);
    if (r.status === 'pass') passed++;
    else if (r.status === 'fail') {
      failed++;
      if (lines) ctx.io.out(paint(failLine(r, ctx.show)));
    } else if (r.status === 'error') {
      errors++;
      if (lines) ctx.io.out(paint(errorLine(r.fixture.data.id, ctx.show(r.fixture.file), r.error)));
    } else {
      bad++;
      ctx.report(r.diagnostic);
    }
    const now = clock?.();
    if (now !== undefined && now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      ctx.io.err(`[${runs.length}/${selected.length}] ${passed} passed, ${failed + errors} failed`);
    }
    if (plan.bail !== null && failed + errors >= plan.bail && runs.length < selected.length) {
      if (lines) ctx.io.out(paint(`stopped early: --bail ${plan.bail}: ${selected.length - runs.length} of ${selected.length} selected fixtures not run`));
      break;
    }
  }
  if (lines) ctx.io.out(paint(summaryLine(passed, failed + errors)));
  if (reporter === 'json') {
    const text = JSON.stringify(buildReport(packageVersion(ctx.root), runs, corpus.problems, ctx.show), null, 2);
    if (output === undefined) ctx.io.out(text);
    else writeFileSync(resolve(ctx.io.cwd, output), text + '\n');
  }
  if (errors > 0) return EXIT.internal;
  if (bad > 0) return EXIT.badInput;
  return failed > 0 ? EXIT.failures : EXIT.ok;
}
