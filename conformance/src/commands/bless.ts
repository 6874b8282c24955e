/** `optcert bless`: record expectations from the VM into fixture files. */
import { relative, isAbsolute } from 'node:path';
import { chooseCorpus } from '../fixtures/corpus';
import { loadCorpus } from '../fixtures/select';
import { blessFixture, type BlessResult } from '../bless/bless-fixture';
import { EXIT, grepOption, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert bless [paths...] [options]

For each fixture under paths that has no expect, run the reference VM and
write the expect mapping into the file (the rest of the file is kept byte for byte), printing
what was added. A fixture that already has expect is left alone unless --force; then the old
and new expectations are shown as a diff. Bad input is never blessed.
With no paths, the official corpus, and only from inside optcert's own checkout (an installed
optcert's fixtures are not yours to write).

Options:
  --force               re-record fixtures that already have expect
  --grep <regexp>       only fixtures whose id matches
  -h, --help            show this help

Exit: 0 done, 2 bad input or usage, 3 internal error.`;

const OPTIONS = {
  force: { type: 'boolean' },
  grep: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const blessCommand: Command = {
  name: 'bless',
  summary: 'record expectations from the reference VM',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'bless', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    const grep = grepOption(values.grep);
    if (!grep.ok) return usage(ctx, 'bless', grep.message);
    if (positionals.length === 0 && !insideRoot(ctx.root, ctx.io.cwd)) {
      return usage(ctx, 'bless', 'name the fixture files or directories to record into (with no paths, bless works only inside optcert\'s own checkout)');
    }
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths: positionals });
    if (!corpus.ok) return usage(ctx, 'bless', corpus.message);
    return execute(ctx, corpus.corpus.paths, grep.value, values.force === true);
  },
};

function execute(ctx: Context, paths: readonly string[], grep: RegExp | undefined, force: boolean): number {
  const corpus = loadCorpus(ctx.io.cwd, paths, { grep });
  corpus.problems.forEach(ctx.report);
  if (corpus.fixtures.length === 0 && corpus.problems.length === 0) {
    ctx.io.err(`optcert bless: NO_FIXTURES: no fixture selected under ${paths.map(ctx.show).join(', ')}`);
    return EXIT.badInput;
  }
  const counts = { added: 0, changed: 0, unchanged: 0, kept: 0, bad: corpus.problems.length };
  for (const fixture of corpus.fixtures) {
    const r = blessFixture(ctx.vm, fixture, force);
    print(ctx, r);
    if (r.status === 'bad-input') counts.bad++;
    else counts[r.status]++;
  }
  ctx.io.out(`${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.kept} kept`);
  return counts.bad > 0 ? EXIT.badInput : EXIT.ok;
}

/** The working directory is optcert's own package root or below it. */
function insideRoot(root: string | null, cwd: string): boolean {
  if (root === null) return false;
  const rel = relative(root, cwd);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function print(ctx: Context, r: BlessResult): void {
  const name = `${r.fixture.data.id} (${ctx.show(r.fixture.file)})`;
  switch (r.status) {
    case 'kept':
      ctx.io.out(`kept ${name}: already has expect (use --force to re-record)`);
      return;
    case 'unchanged':
      ctx.io.out(`unchanged ${name}`);
      return;
    case 'added':
      ctx.io.out(`blessed ${name}:`);
      r.lines.forEach((l) => ctx.io.out(`+ ${l}`));
      return;
    case 'changed':
      ctx.io.out(`re-blessed ${name}:`);
      ctx.io.out(`--- ${ctx.show(r.fixture.file)} (old expect)`);
      ctx.io.out(`+++ ${ctx.show(r.fixture.file)} (new expect)`);
      r.diff.forEach((l) => ctx.io.out(l));
      return;
    case 'bad-input':
      ctx.report(r.diagnostic);
  }
}
