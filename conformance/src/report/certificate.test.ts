import schema from '../../../spec/schemas/certificate.schema.json';
import { RULE_IDS } from '../certify/rules';
import { calibrate } from '../certify/calibrate';
import { certificateValidator } from '../fixtures/schema';
import { parseTap, parseXml } from '../../test/certify-format';
import { buildCertificate, corpusHash, type CertificateInput } from './certificate';
import { consoleReport, violationLine } from './certify-console';
import { junitReport, xmlEscape } from './junit';
import { tapReport } from './tap';
import type { Fixture } from '../fixtures/types';

const input = (o: Partial<CertificateInput> = {}): CertificateInput => ({
  candidate: { ref: { kind: 'sample', name: 'superblock' }, spec: 'sample:superblock', version: '0.1.0' },
  info: { name: 'sb', export: 'createOptimizer', instances: 'fresh', capabilities: 7, optimizationCost: 4, runCost: 0.8, registration: null, warnings: [] },
  registration: null,
  results: [
    { id: 'a.pass', file: 'fixtures/a.yaml', status: 'pass', entries: 3, compiles: 1 },
    { id: 'b.fail', file: 'fixtures/b.yaml', status: 'fail', violations: [{ rule: 'advance-n', message: 'm', code: 'main', offset: 24, difference: 'frames[1].stack[2]: expected int 3, got int 4', closestN: 5 }] },
    { id: 'c.err#<&>', file: 'fixtures/c.yaml', status: 'error', rule: 'compile.hang', message: 'compile did not return "\u0001"' },
    { id: 'd.skip', file: 'fixtures/d.yaml', status: 'skip', reason: 'no hotspot # of a declared kind' },
    { id: 'e.known', file: 'fixtures/e.yaml', status: 'fail', violations: [{ rule: 'semantics', message: 'return: expected 1, got 2' }], expected: { status: 'fail', reason: 'known' } },
    { id: 'f.unexpected', file: 'fixtures/f.yaml', status: 'pass', entries: 0, compiles: 0, expected: { status: 'error', reason: 'was flaky' } },
  ],
  calibration: calibrate([], { optimizationCost: 4, runCost: 0.8 }),
  badInput: [],
  suiteVersion: '0.1.0',
  specVersion: '0.1.0',
  corpusHash: `sha256:${'0'.repeat(64)}`,
  corpusFixtures: 6,
  corpus: { kind: 'official', version: '0.1.0', generated: false, paths: [] },
  certify: { stress: true, maxAdvance: 100_000, budgetFactor: 10 },
  timeoutMs: 10_000,
  maxMemoryMb: 512,
  strictCosts: false,
  grep: null,
  tags: [],
  shard: null,
  expectations: 'expect.yaml',
  ...o,
});

describe('the certificate', () => {
  test('the schema lists exactly the rules of RULES', () => {
    expect(schema.$defs.ruleId.enum).toEqual(RULE_IDS);
  });

  test('validates, counts, and gives a verdict per rule', () => {
    const c = buildCertificate(input());
    const validate = certificateValidator();
    expect([validate(JSON.parse(JSON.stringify(c))), validate.errors]).toEqual([true, null]);
    expect(c.summary).toMatchObject({ passed: 2, failed: 2, errors: 1, skipped: 1, knownFailures: 1, unexpectedPasses: 1, certified: false });
    const verdict = Object.fromEntries(c.summary.rules.map((r) => [r.id, [r.verdict, r.fixtures]]));
    expect(verdict['advance-n']).toEqual(['fail', ['b.fail']]);
    expect(verdict['compile.hang']).toEqual(['fail', ['c.err#<&>']]);
    expect(verdict['semantics']).toEqual(['known-failure', ['e.known']]);
    expect(verdict['costs.calibration']).toEqual(['not-measured', []]);
    expect(verdict['compile.result']).toEqual(['pass', []]);
  });

  test('a bad certificate is rejected', () => {
    const c = JSON.parse(JSON.stringify(buildCertificate(input()))) as Record<string, unknown>;
    const validate = certificateValidator();
    expect(validate({ ...c, results: [{ id: 'x', file: 'x', status: 'skip' }] })).toBe(false); // a skip without a reason
    expect(validate({ ...c, results: [{ id: 'x', file: 'x', status: 'fail', violations: [{ rule: 'no-such-rule', message: 'm' }] }] })).toBe(false);
    expect(validate({ ...c, tool: 'other' })).toBe(false);
  });

  test('the console line of a violation; the closing line', () => {
    const c = buildCertificate(input());
    expect(violationLine('programs.fib-loop', { rule: 'advance-n', message: 'm', code: 'main', offset: 24, difference: 'frames[1].stack[2]: expected int 3, got int 4', closestN: 5 })).toBe(
      'advance-n  programs.fib-loop  main@24: frames[1].stack[2]: expected int 3, got int 4 (closest N = 5)',
    );
    const lines = consoleReport(c);
    expect(lines[lines.length - 1]).toBe('2 passed, 2 failed, 1 skipped, 1 errors');
    expect(lines).toContain('compile.hang  c.err#<&>  error: compile did not return "\\u0001"'.replace('\\u0001', '\u0001'));
    expect(lines).toContain('unexpected-pass  f.unexpected  passed, but the expectations file says error: was flaky');
  });

  describe('the verdict line names what it was reached against', () => {
    const one = input().results[0]!;
    const verdict = (o: Partial<CertificateInput>) => consoleReport(buildCertificate(input({ results: [one], ...o }))).find((l) => l.startsWith('sb: '));
    test('the whole official corpus', () => {
      const c = buildCertificate(input({ results: [one], corpusFixtures: 1 }));
      expect(c.summary).toMatchObject({ certified: true, partial: false });
      expect(verdict({ corpusFixtures: 1 })).toBe('sb: CERTIFIED against the official corpus 0.1.0 (1 fixture, 1 passed)');
    });
    test('a selection of the official corpus is partial', () => {
      expect(buildCertificate(input({ results: [one] })).summary.partial).toBe(true);
      expect(verdict({})).toBe('sb: CERTIFIED against a partial selection of 1 of 6 fixtures of the official corpus 0.1.0 (not the whole corpus)');
    });
    test('a custom corpus, whole or partial', () => {
      const custom = { kind: 'custom', version: null, generated: false, paths: ['mine'] } as const;
      expect(verdict({ corpus: custom, corpusFixtures: 1 })).toBe('sb: CERTIFIED against a custom selection of 1 fixture (not the official corpus)');
      expect(verdict({ corpus: custom, corpusFixtures: 4 })).toBe('sb: CERTIFIED against a custom selection of 1 of 4 fixtures (not the official corpus)');
    });
    test('the official corpus with extras and the generated tier', () => {
      const corpus = { kind: 'official+extras', version: '0.1.0', generated: true, paths: ['mine'] } as const;
      expect(verdict({ corpus, corpusFixtures: 1 })).toBe('sb: CERTIFIED against the official corpus 0.1.0 with the generated tier + extras (mine) (1 fixture, 1 passed)');
    });
    test('the header names the corpus', () => {
      const lines = consoleReport(buildCertificate(input()));
      expect(lines[2]).toMatch(/; corpus: the official corpus 0\.1\.0, sha256:0{12}… \(6 fixtures\); 6 selected;/);
    });
  });

  test('the schema ties the corpus kind to its fields', () => {
    const validate = certificateValidator();
    const c = JSON.parse(JSON.stringify(buildCertificate(input()))) as { suite: Record<string, unknown> };
    const withCorpus = (corpus: unknown) => ({ ...c, suite: { ...c.suite, corpus } });
    expect(validate(withCorpus({ kind: 'custom', version: null, generated: false, paths: ['mine'] }))).toBe(true);
    expect(validate(withCorpus({ kind: 'custom', version: '0.1.0', generated: false, paths: ['mine'] }))).toBe(false);
    expect(validate(withCorpus({ kind: 'official', version: '0.1.0', generated: false, paths: ['mine'] }))).toBe(false);
    expect(validate(withCorpus({ kind: 'official+extras', version: '0.1.0', generated: false, paths: [] }))).toBe(false);
  });

  test('JUnit XML is well-formed, whatever the ids and messages hold', () => {
    const xml = parseXml(junitReport(buildCertificate(input())));
    const cases = xml.children[0]!.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['registration', 'costs.calibration', 'a.pass', 'b.fail', 'c.err#<&>', 'd.skip', 'e.known', 'f.unexpected']);
    expect(cases[4]!.children[0]!).toMatchObject({ name: 'error', attrs: { type: 'compile.hang', message: 'compile did not return "\uFFFD"' } });
    expect(xml.children[0]!.attrs).toMatchObject({ tests: '8', failures: '2', errors: '1', skipped: '3' });
    expect(xmlEscape('a<b>&"\'\u0000')).toBe('a&lt;b&gt;&amp;&quot;&apos;\uFFFD');
  });

  test('TAP 13 is well-formed: # escaped, known failures TODO, unexpected passes not ok', () => {
    const points = parseTap(tapReport(buildCertificate(input())));
    expect(points.map((p) => [p.ok, p.directive])).toEqual([
      [true, null],
      [true, 'SKIP'],
      [true, null],
      [false, null],
      [false, null],
      [true, 'SKIP'],
      [false, 'TODO'],
      [false, null],
    ]);
    expect(points[4]!.description).toBe('c.err\\#<&>');
  });

  test('the corpus hash depends on the files and not on their order', () => {
    const f = (id: string, text: string) => ({ data: { id }, text }) as unknown as Fixture;
    const h = corpusHash([f('a', 'x'), f('b', 'y')]);
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(corpusHash([f('b', 'y'), f('a', 'x')])).toBe(h);
    expect(corpusHash([f('a', 'x'), f('b', 'y ')])).not.toBe(h);
    expect(corpusHash([f('a', 'xy'), f('b', '')])).not.toBe(h);
  });
});
