/** `optcert mutants`: certify the mutant gallery against the corpus; mutation score, vacuous fixtures. */
import { resolve } from 'node:path';
import { chooseCorpus } from '../fixtures/corpus';
import { loadCorpus } from '../fixtures/select';
import { defaultGalleryDir, loadGallery } from '../mutants/gallery';
import { scoreGallery, type GalleryScore, type MutantResult } from '../mutants/score';
import { EXIT, oneOf, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert mutants [paths...] [options]

Certify the mutants of the gallery — deliberately broken optimizers in conformance/test/mutants,
each documented with the certification rule it must trip — against the applicable fixtures under
paths (default: optcert's official corpus), in process, and print:
  - the mutation score: mutants killed (some fixture fails them) and killed for their stated rule;
  - a table mutant x rule x the fixtures that kill it for its rule (the first few);
  - the fixtures that kill no mutant: probably vacuous as tests of an optimizer (registration
    mutants, rejected before any program runs, do not count).
Certification is expensive, so each mutant runs until a few fixtures have killed it for its rule,
and each fixture until some mutant kills it; only the vacuous fixtures run every mutant. --full
runs every mutant on every fixture: exact kill counts, and the fixtures that kill only "trivial"
mutants (ones more than half of the fixtures they apply to kill). Mutants that only a wall-clock
limit can catch (needsIsolation: a hang in compile or execute) are skipped with that reason:
"optcert certify" runs plug-ins in worker threads with a time limit.

Options:
  --generated           add the official generated tier (fixtures-generated/) to the official corpus
  --grep <regexp>       only mutants whose name matches
  --gallery <dir>       the mutant modules to load (default: optcert's own gallery, as built)
  --killers <n>         killing fixtures to find and show per mutant (default 3)
  --full                run every mutant on every fixture (slow)
  --format <name>       table (default) or json
  -h, --help            show this help

Exit: 0 every mutant run was killed for its stated rule, 1 a mutant survived or was killed only
for other rules, 2 bad input or usage, 3 internal error.`;

const OPTIONS = {
  generated: { type: 'boolean' },
  grep: { type: 'string' },
  gallery: { type: 'string' },
  killers: { type: 'string' },
  full: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const mutantsCommand: Command = {
  name: 'mutants',
  summary: 'certify the mutant gallery: mutation score, vacuous fixtures',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'mutants', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    let grep: RegExp | undefined;
    try {
      grep = values.grep === undefined ? undefined : new RegExp(values.grep);
    } catch {
      return usage(ctx, 'mutants', `--grep: not a regular expression: ${values.grep}`);
    }
    const killers = values.killers === undefined ? 3 : Number(values.killers);
    if (!Number.isInteger(killers) || killers < 1) return usage(ctx, 'mutants', `--killers: expected a whole number, got '${values.killers}'`);
    const format = oneOf('--format', values.format, ['table', 'json'] as const, 'table');
    if (!format.ok) return usage(ctx, 'mutants', format.message);
    const dir = values.gallery !== undefined ? resolve(ctx.io.cwd, values.gallery) : defaultGalleryDir();
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths: positionals, generated: values.generated === true });
    if (!corpus.ok) return usage(ctx, 'mutants', corpus.message);
    return execute(ctx, corpus.corpus.paths, dir, grep, killers, values.full === true, format.value);
  },
};

function execute(ctx: Context, paths: readonly string[], dir: string, grep: RegExp | undefined, shown: number, full: boolean, format: 'table' | 'json'): number {
  const gallery = loadGallery(dir);
  for (const p of gallery.problems) ctx.io.err(`${ctx.show(p.file)}:1:1: MUTANT_INVALID: ${p.message}`);
  const mutants = gallery.mutants.filter((m) => !grep || grep.test(m.name));
  if (mutants.length === 0) {
    ctx.io.err(`optcert mutants: NO_MUTANTS: no mutant in ${ctx.show(dir)}${grep ? ` matching /${grep.source}/` : ''}`);
    return EXIT.badInput;
  }
  const corpus = loadCorpus(ctx.io.cwd, paths);
  corpus.problems.forEach(ctx.report);
  if (corpus.fixtures.length === 0) {
    ctx.io.err(`optcert mutants: NO_FIXTURES: no fixture under ${paths.map(ctx.show).join(', ')}`);
    return EXIT.badInput;
  }
  const score = scoreGallery(ctx.vm, mutants, corpus.fixtures, {
    full,
    killers: shown,
    ...(ctx.io.progress ? { onProgress: ctx.io.progress } : {}),
  });
  ctx.io.progress?.(null);
  if (format === 'json') ctx.io.out(JSON.stringify(toJson(score), null, 2));
  else table(score, corpus.fixtures.length, shown).forEach((l) => ctx.io.out(l));
  if (gallery.problems.length > 0 || corpus.problems.length > 0) return EXIT.badInput;
  return score.killedForRule === score.total ? EXIT.ok : EXIT.failures;
}

function scoreLine(s: GalleryScore): string {
  const skipped = s.skipped > 0 ? ` (${s.skipped} skipped: need the worker pool's time limit)` : '';
  return `Mutation score: ${s.killed}/${s.total} killed, ${s.killedForRule}/${s.total} killed for their stated rule${skipped}`;
}

function resultCell(r: MutantResult, shown: number): string {
  if (r.status === 'skipped') return r.reason ?? '';
  const list = (ids: readonly string[]) => (ids.length === 0 ? '' : `${ids.slice(0, shown).join(', ')}${ids.length > shown ? ', …' : ''}`);
  // Not run on every fixture: the count is a lower bound.
  const count = (n: number) => (r.complete ? `${n}` : `${n}+`);
  const parts: string[] = [];
  if (r.killers.length > 0) parts.push(`${count(r.killers.length)}: ${list(r.killers)}`);
  else parts.push('none');
  const others = Object.entries(r.otherRules);
  if (others.length > 0) parts.push(`also ${others.map(([rule, ids]) => `${rule} (${count(ids.length)})`).join(', ')}`);
  if (r.errors.length > 0) parts.push(`${r.errors.length} error(s), first ${r.errors[0]!.fixture}: ${r.errors[0]!.message}`);
  return parts.join('; ');
}

function table(s: GalleryScore, fixtures: number, shown: number): string[] {
  const rows = s.results.map((r) => [r.mutant.name, r.mutant.rule, r.status, resultCell(r, shown)] as const);
  const head = ['mutant', 'rule', 'result', 'fixtures failing it for its rule'] as const;
  const w = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `${r[0]!.padEnd(w[0]!)}  ${r[1]!.padEnd(w[1]!)}  ${r[2]!.padEnd(w[2]!)}  ${r[3]}`.trimEnd();
  const out = [scoreLine(s), '', line(head), ...rows.map(line), ''];
  const applied = fixtures - s.neverApplies.length;
  out.push(`Fixtures that kill no mutant (probably vacuous): ${s.vacuous.length === 0 ? 'none' : s.vacuous.length} of the ${applied} that some mutant runs`);
  for (const id of s.vacuous) out.push(`  ${id}`);
  if (s.full && s.trivial.length > 0) {
    out.push(`Fixtures that kill only mutants most fixtures kill (${s.trivial.join(', ')}): ${s.weak.length === 0 ? 'none' : s.weak.length}`);
    for (const id of s.weak) out.push(`  ${id}`);
  }
  out.push(`${s.neverApplies.length} fixtures apply to no mutant (no expectation, a fault or exhaustion expected, or their own optimizers).`);
  const failed = s.results.filter((r) => r.status === 'survived' || r.status === 'wrong-rule');
  for (const r of failed) {
    out.push(
      r.status === 'survived'
        ? `SURVIVED ${r.mutant.name}: no fixture fails it (${r.mutant.rule}: ${r.mutant.summary})`
        : `WRONG RULE ${r.mutant.name}: failed only for ${Object.keys(r.otherRules).join(', ')}, never for ${r.mutant.rule}`,
    );
  }
  out.push(scoreLine(s));
  return out;
}

function toJson(s: GalleryScore) {
  return {
    score: { total: s.total, killed: s.killed, killedForRule: s.killedForRule, skipped: s.skipped },
    full: s.full,
    mutants: s.results.map((r) => ({
      name: r.mutant.name,
      rule: r.mutant.rule,
      summary: r.mutant.summary,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      killers: r.killers,
      otherRules: r.otherRules,
      counts: r.counts,
      complete: r.complete,
      errors: r.errors,
    })),
    vacuous: s.vacuous,
    trivialMutants: s.trivial,
    weak: s.weak,
    neverApplies: s.neverApplies,
  };
}
