/**
 * The mutant gallery (BRIEF §5, issue 4 item 5): every deliberately broken optimizer in
 * conformance/test/mutants/ is rejected by the certifier FOR ITS STATED RULE on the corpus (its
 * counterpart, samples-certify.test.ts, checks that the correct samples certify with no
 * violation; a separate file so that jest runs the two on both cores). Runs in process with
 * certifyFixture; mutants that only a wall-clock limit can catch (needsIsolation) are skipped
 * here with that reason (the worker-pool tests certify them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli';
import { RULES } from '../src/certify/rules';
import { loadCorpus } from '../src/fixtures/select';
import { loadGallery } from '../src/mutants/gallery';
import { cheapFirst, runMutant } from '../src/mutants/score';
import { referenceVm } from '../src/run/reference-vm';
import { capture, cleanTempDirs, tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');
const GALLERY_DIR = join(__dirname, 'mutants');
const corpus = loadCorpus(ROOT, ['fixtures']);
const gallery = loadGallery(GALLERY_DIR);
const runnable = gallery.mutants.filter((m) => !m.needsIsolation);
/** A mutant's run stops at its first kill: small fixtures first, so that it stops sooner. */
const smallFirst = cheapFirst(corpus.fixtures);
const isolated = gallery.mutants.filter((m) => m.needsIsolation);

/** Certification is slow by design (a lockstep oracle after every executor run): a generous per-test limit. */
const MUTANT_TIMEOUT = 180_000;

afterAll(cleanTempDirs);

describe('the gallery', () => {
  test('loads: at least 22 mutants, every file a valid mutant module', () => {
    expect(corpus.problems).toEqual([]);
    expect(gallery.problems).toEqual([]);
    expect(gallery.mutants.length).toBeGreaterThanOrEqual(22);
  });

  test('every mutant documents what is broken and the rule it must trip', () => {
    for (const m of gallery.mutants) {
      const text = readFileSync(m.file, 'utf8');
      // A leading doc comment: "Mutant: <title>", a paragraph, and the rule it states.
      expect({ mutant: m.name, documented: /^\/\*\*\n \* Mutant: .+\n \*\n( \* .+\n){3,}/.test(text) }).toEqual({ mutant: m.name, documented: true });
      expect({ mutant: m.name, rule: RULES.some((r) => r.id === m.rule) }).toEqual({ mutant: m.name, rule: true });
    }
  });

  test('every rule a candidate can break in process has a mutant (semantics and advisory rules aside)', () => {
    const stated = new Set(gallery.mutants.map((m) => m.rule));
    const uncovered = RULES.filter((r) => !('advisory' in r && r.advisory) && r.id !== 'semantics' && !stated.has(r.id)).map((r) => r.id);
    expect(uncovered).toEqual([]);
  });
});

describe('each mutant is rejected for its stated rule', () => {
  test.each(runnable.map((m) => [m.name, m.rule, m] as const))(
    '%s -> %s',
    (_name, _rule, mutant) => {
      const r = runMutant(referenceVm, mutant, smallFirst, { stopAfterKills: 1 });
      const seen = { status: r.status, otherRules: r.otherRules, errors: r.errors.slice(0, 3), ran: r.ran };
      expect(seen).toMatchObject({ status: 'killed' });
    },
    MUTANT_TIMEOUT,
  );

  for (const m of isolated) {
    test.skip(`${m.name} -> ${m.rule} (skipped: needs a wall-clock limit around the plug-in, i.e. the worker pool)`, () => {});
  }
});

describe('optcert mutants', () => {
  const FIXTURES = join(ROOT, 'fixtures', 'optimizer', 'capabilities');

  function run(argv: string[]) {
    const c = capture(ROOT, referenceVm, ROOT);
    const code = main(argv, c.io);
    return { code, out: c.out, err: c.err };
  }

  test('prints the score, the table and the vacuous fixtures; exit 0 when every mutant is killed for its rule', () => {
    const r = run(['mutants', '--grep', '^(cost-nan|pop-top-elided|compile-hang)$', FIXTURES]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe("Mutation score: 2/2 killed, 2/2 killed for their stated rule (1 skipped: need the worker pool's time limit)");
    expect(r.out.join('\n')).toMatch(/^pop-top-elided +advance-n +killed +\d+: optimizer\.capabilities\./m);
    expect(r.out.join('\n')).toMatch(/^compile-hang +compile\.hang +skipped +needs a wall-clock limit/m);
    expect(r.out.join('\n')).toMatch(/^Fixtures that kill no mutant \(probably vacuous\): /m);

    // --full: every pair, exact counts.
    const f = run(['mutants', '--grep', '^(cost-nan|pop-top-elided)$', '--full', '--format', 'json', FIXTURES]);
    expect(f.code).toBe(0);
    const report = JSON.parse(f.out.join('\n')) as { full: boolean; mutants: { name: string; complete: boolean; killers: string[]; counts: { fail: number } }[] };
    expect(report.full).toBe(true);
    for (const m of report.mutants) expect({ name: m.name, complete: m.complete, killedForRule: m.killers.length === m.counts.fail }).toEqual({ name: m.name, complete: true, killedForRule: true });
  });

  test('--format json; exit 1 when a mutant survives or is killed for another rule', () => {
    const dir = tempDir({
      // A correct optimizer that claims to be broken: nothing can kill it.
      'survivor.js': "exports.rule = 'advance-n';\nexports.summary = 'declines everything';\nexports.createOptimizer = () => ({ name: 's', capabilities: 7, optimizationCost: 1, runCost: 1, compile: () => null });\n",
      // Rejected at registration, but it states another rule.
      'mislabelled.js': "exports.rule = 'advance-n';\nexports.summary = 'capabilities 0';\nexports.createOptimizer = () => ({ name: 'm', capabilities: 0, optimizationCost: 1, runCost: 1, compile: () => null });\n",
      'not-a-mutant.js': 'exports.x = 1;\n',
    });
    const r = run(['mutants', '--gallery', dir, '--format', 'json', FIXTURES]);
    expect(r.code).toBe(2); // the invalid module is bad input, reported first
    expect(r.err.join('\n')).toMatch(/not-a-mutant\.js:1:1: MUTANT_INVALID: does not export createOptimizer\(\)/);
    const report = JSON.parse(r.out.join('\n')) as { score: unknown; mutants: { name: string; status: string; otherRules: Record<string, string[]> }[] };
    expect(report.score).toEqual({ total: 2, killed: 1, killedForRule: 0, skipped: 0 });
    expect(report.mutants.map((m) => [m.name, m.status])).toEqual([['mislabelled', 'wrong-rule'], ['survivor', 'survived']]);
    expect(Object.keys(report.mutants[0]!.otherRules)).toEqual(['registration.capabilities']);

    const valid = tempDir({ 'survivor.js': "exports.rule = 'advance-n';\nexports.summary = 's';\nexports.createOptimizer = () => ({ name: 's', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });\n" });
    const s = run(['mutants', '--gallery', valid, FIXTURES]);
    expect(s.code).toBe(1);
    expect(s.out.join('\n')).toMatch(/^SURVIVED survivor: no fixture fails it/m);
  });

  test('usage errors exit 2', () => {
    expect(run(['mutants', '--format', 'xml']).code).toBe(2);
    expect(run(['mutants', '--grep', 'no-such-mutant-at-all', FIXTURES]).code).toBe(2);
    expect(run(['mutants', '--help']).code).toBe(0);
  });
});
