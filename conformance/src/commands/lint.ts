/** `optcert lint`: check fixtures beyond the schema. */
import { resolve } from 'node:path';
import { defaultSpecDir, defaultTagsFile } from '../config';
import { readAnchors } from '../fixtures/anchors';
import { chooseCorpus } from '../fixtures/corpus';
import { loadCorpus } from '../fixtures/select';
import { readTags } from '../fixtures/tags';
import { hotspotSites } from '../fixtures/hotspots';
import { lintFixture, type LintContext } from '../lint/checks';
import { EXIT, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert lint [paths...] [options]

Check the fixtures under paths (default: optcert's official corpus): YAML and schema, duplicate ids, spec anchors
that spec/*.md does not define, tags that the tag registry does not list, op-X anchors for
instructions the program does not contain, fixtures without expect, sample optimizers the VM
does not have, scripted optimizer at: keys that are not hotspot instructions of the program,
trace: without an optimizer.
Prints one line per problem: <file>:<line>:<col>: <CODE>: <message>.

Options:
  --generated           add the official generated tier (fixtures-generated/) to the official corpus
  --spec-dir <dir>      where the spec's *.md files are (default: optcert's spec/)
  --tags <file>         the tag registry (default: optcert's fixtures/tags.yaml)
  -h, --help            show this help

Exit: 0 no problem, 1 problems found, 2 usage or unreadable spec/registry, 3 internal error.`;

const OPTIONS = {
  generated: { type: 'boolean' },
  'spec-dir': { type: 'string' },
  tags: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check fixtures: schema, ids, anchors, tags, expectations',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'lint', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    const specDir = values['spec-dir'] !== undefined ? resolve(ctx.io.cwd, values['spec-dir']) : defaultSpecDir(ctx.root, ctx.io.cwd);
    const tagsFile = values.tags !== undefined ? resolve(ctx.io.cwd, values.tags) : defaultTagsFile(ctx.root, ctx.io.cwd);
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths: positionals, generated: values.generated === true });
    if (!corpus.ok) return usage(ctx, 'lint', corpus.message);
    return execute(ctx, corpus.corpus.paths, specDir, tagsFile);
  },
};

function execute(ctx: Context, paths: readonly string[], specDir: string, tagsFile: string): number {
  const anchors = readAnchors(specDir);
  if (!anchors || anchors.size === 0) {
    ctx.io.err(`${ctx.show(specDir)}:1:1: SPEC_DIR_INVALID: no spec anchors found in ${ctx.show(specDir)}/*.md`);
    return EXIT.badInput;
  }
  const tags = readTags(tagsFile);
  if (!tags.ok) {
    ctx.report(tags.diagnostic);
    return EXIT.badInput;
  }
  const corpus = loadCorpus(ctx.io.cwd, paths);
  const pathProblems = corpus.problems.filter((d) => d.code === 'PATH_NOT_FOUND');
  if (pathProblems.length > 0) {
    pathProblems.forEach(ctx.report);
    return EXIT.badInput;
  }
  const lintContext: LintContext = {
    anchors,
    tags: tags.tags,
    instructions: new Set(ctx.vm.instructions.map((i) => i.name)),
    samples: new Set(Object.keys(ctx.vm.sampleOptimizers)),
    hotspots: (f) => hotspotSites(ctx.vm, f.data.program),
  };
  const problems = [...corpus.problems, ...corpus.fixtures.flatMap((f) => lintFixture(f, lintContext))];
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  problems.forEach((d) => ctx.io.out(ctx.format(d)));
  const files = corpus.fixtures.length + corpus.problems.filter((d) => d.code !== 'FIXTURE_DUPLICATE_ID').length;
  ctx.io.out(`${files} files checked, ${problems.length} problems`);
  if (files === 0) {
    ctx.io.err(`optcert lint: NO_FIXTURES: no fixture file under ${paths.map(ctx.show).join(', ')}`);
    return EXIT.badInput;
  }
  return problems.length > 0 ? EXIT.failures : EXIT.ok;
}
