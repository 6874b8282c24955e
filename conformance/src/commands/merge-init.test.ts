import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../cli';
import { calibrate } from '../certify/calibrate';
import { parseExpectations } from '../certify/expectations';
import { certificateValidator } from '../fixtures/schema';
import { buildCertificate, type Certificate, type CertificateInput } from '../report/certificate';
import type { FixtureResult } from '../certify/session';
import { capture, cleanTempDirs, ROOT_FILES, tempDir } from '../../test/helpers';

const pass = (id: string): FixtureResult => ({ id, file: `fixtures/${id}.yaml`, status: 'pass', entries: 1, compiles: 1 });
const fail = (id: string): FixtureResult => ({ id, file: `fixtures/${id}.yaml`, status: 'fail', violations: [{ rule: 'advance-n', message: 'm' }] });

function shard(results: FixtureResult[], o: Partial<CertificateInput> = {}): Certificate {
  return buildCertificate({
    candidate: { ref: { kind: 'sample', name: 'superblock' }, spec: 'my.js', version: null },
    info: { name: 'mine', export: 'createOptimizer', instances: 'fresh', capabilities: 4, optimizationCost: 1, runCost: 1, registration: null, warnings: [] },
    registration: null,
    results,
    calibration: calibrate([], { optimizationCost: 1, runCost: 1 }),
    badInput: [],
    suiteVersion: '0.1.0',
    specVersion: '0.1.0',
    corpusHash: `sha256:${'a'.repeat(64)}`,
    corpusFixtures: 3,
    corpus: { kind: 'official', version: '0.1.0', generated: false, paths: [] },
    certify: { stress: true, maxAdvance: 100_000, budgetFactor: 10 },
    timeoutMs: 10_000,
    maxMemoryMb: 512,
    strictCosts: false,
    grep: null,
    tags: [],
    shard: '1/2',
    expectations: null,
    ...o,
  });
}

/** optcert's own root (version 9.9.9), apart from the user's directories. */
let root: string;
beforeAll(() => {
  root = tempDir(ROOT_FILES);
});

function run(dir: string, argv: string[]) {
  const c = capture(dir, undefined, root);
  const code = main(argv, c.io) as number;
  return { code, out: c.out, err: c.err };
}

afterAll(cleanTempDirs);

describe('optcert merge', () => {
  const files = (certs: Record<string, Certificate | string>) =>
    tempDir(Object.fromEntries(Object.entries(certs).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));

  test('shards merge into one certificate over the union, certified against the whole corpus', () => {
    const dir = files({ 'a.json': shard([pass('a'), pass('c')]), 'b.json': shard([pass('b')], { shard: '2/2' }) });
    expect(shard([pass('b')]).summary).toMatchObject({ certified: true, partial: true });
    const r = run(dir, ['merge', 'a.json', 'b.json', '--output', 'all.json']);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toContain('mine: CERTIFIED against the official corpus 0.1.0 (3 fixtures, 3 passed)');
    const merged = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as Certificate;
    const validate = certificateValidator();
    expect([validate(merged), validate.errors]).toEqual([true, null]);
    expect(merged.results.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(merged.options.shard).toBeNull();
    expect(merged.summary).toMatchObject({ passed: 3, certified: true, partial: false });
  });

  test('a failure in one shard fails the merged verdict; a missing shard leaves it partial', () => {
    const dir = files({ 'a.json': shard([pass('a'), fail('c')]), 'b.json': shard([pass('b')], { shard: '2/2' }) });
    const r = run(dir, ['merge', 'a.json', 'b.json']);
    expect(r.code).toBe(1);
    const merged = JSON.parse(r.out.join('\n')) as Certificate;
    expect(merged.summary.rules.find((x) => x.id === 'advance-n')).toMatchObject({ verdict: 'fail', fixtures: ['c'] });
    const alone = run(dir, ['merge', 'b.json', '--reporter', 'console']);
    expect(alone.out).toContain('mine: CERTIFIED against a partial selection of 1 of 3 fixtures of the official corpus 0.1.0 (not the whole corpus)');
    expect(run(dir, ['merge', 'b.json', '--reporter', 'junit']).out[0]).toMatch(/^<\?xml/);
  });

  test('refuses certificates of different corpora, options or candidates, naming the difference', () => {
    const dir = files({
      'a.json': shard([pass('a')]),
      'hash.json': shard([pass('b')], { corpusHash: `sha256:${'b'.repeat(64)}` }),
      'custom.json': shard([pass('b')], { corpus: { kind: 'custom', version: null, generated: false, paths: ['mine'] } }),
      'stress.json': shard([pass('b')], { certify: { stress: false, maxAdvance: 100_000, budgetFactor: 10 } }),
      'other.json': shard([pass('b')], { candidate: { ref: { kind: 'sample', name: 'superblock' }, spec: 'other.js', version: null } }),
      'suite.json': shard([pass('b')], { suiteVersion: '0.2.0' }),
    });
    const refused = (file: string, what: string) => {
      const r = run(dir, ['merge', 'a.json', file]);
      expect(r).toMatchObject({ code: 2, out: [] });
      expect(r.err).toEqual([expect.stringMatching(new RegExp(`^optcert merge: MERGE_MISMATCH: ${file} and a\\.json differ in ${what.replace(/\./g, '\\.')} `))]);
    };
    refused('hash.json', 'suite.corpusHash');
    refused('custom.json', 'suite.corpus.kind');
    refused('stress.json', 'options.stress');
    refused('other.json', 'optimizer.module');
    refused('suite.json', 'suite.version');
  });

  test('duplicate fixtures: identical is fine, different is an error; bad files are bad input', () => {
    const dir = files({ 'a.json': shard([pass('a')]), 'same.json': shard([pass('a'), pass('b')]), 'diff.json': shard([fail('a')]), 'bad.json': '{"tool": "optcert"', 'old.json': '{"tool": "optcert", "format": 1}' });
    expect(run(dir, ['merge', 'a.json', 'same.json']).code).toBe(0);
    expect(run(dir, ['merge', 'a.json', 'diff.json'])).toMatchObject({ code: 2, err: ['optcert merge: MERGE_DUPLICATE: fixture a has different results in a.json and diff.json'] });
    expect(run(dir, ['merge', 'a.json', 'bad.json'])).toMatchObject({ code: 2, err: [expect.stringMatching(/^bad\.json:1:1: CERTIFICATE_INVALID: not JSON/)] });
    expect(run(dir, ['merge', 'old.json'])).toMatchObject({ code: 2, err: [expect.stringMatching(/^old\.json:1:1: CERTIFICATE_INVALID: not an optcert certificate/)] });
    expect(run(dir, ['merge', 'nope.json'])).toMatchObject({ code: 2, err: ['nope.json:1:1: CERTIFICATE_INVALID: cannot read it: ENOENT'] });
    expect(run(dir, ['merge'])).toMatchObject({ code: 2 });
  });
});

describe('optcert init', () => {
  test('scaffolds the optimizer, expectations, workflow and package.json; refuses to overwrite', () => {
    const dir = tempDir({});
    const r = run(dir, ['init', 'proj']);
    expect(r).toMatchObject({ code: 0, err: [] });
    const proj = join(dir, 'proj');
    for (const f of ['my-optimizer.ts', 'optcert-expectations.yaml', '.github/workflows/optcert.yml', 'package.json']) expect(existsSync(join(proj, f))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(proj, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.certify).toBe('optcert certify my-optimizer.ts --generated --expectations optcert-expectations.yaml');
    expect(pkg.devDependencies.optcert).toBe('^9.9.9');
    const expectations = parseExpectations('x', readFileSync(join(proj, 'optcert-expectations.yaml'), 'utf8'));
    expect(expectations.ok && expectations.expectations.size).toBe(0);
    const workflow = parse(readFileSync(join(proj, '.github/workflows/optcert.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[]; strategy?: { matrix: { shard: number[] } } }> };
    expect(workflow.jobs.certify!.strategy!.matrix.shard).toEqual([1, 2, 3, 4]);
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    expect(runs).toContainEqual(expect.stringContaining('npx optcert certify my-optimizer.ts --generated --expectations optcert-expectations.yaml --shard ${{ matrix.shard }}/4 --reporter json'));
    expect(runs).toContainEqual(expect.stringContaining('--reporter junit'));
    expect(runs).toContainEqual('npx optcert merge optcert-shard-*.json --output optcert-certificate.json');

    const again = run(dir, ['init', 'proj']);
    expect(again).toMatchObject({ code: 2, out: [] });
    expect(again.err).toEqual([expect.stringMatching(/^optcert init: INIT_EXISTS: proj\/my-optimizer\.ts already exists: nothing was written$/)]);
  });

  test('adds the script to an existing package.json, keeping the rest; a different certify script is refused', () => {
    const dir = tempDir({ 'package.json': '{\n    "name": "x",\n    "dependencies": {"optcert": "^0.1.0"},\n    "scripts": {"test": "jest"}\n}\n' });
    expect(run(dir, ['init'])).toMatchObject({ code: 0, out: ['created my-optimizer.ts', 'created optcert-expectations.yaml', 'created .github/workflows/optcert.yml', 'added to package.json: script certify', expect.stringMatching(/^next: npm run certify/)] });
    const text = readFileSync(join(dir, 'package.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ name: 'x', dependencies: { optcert: '^0.1.0' }, scripts: { test: 'jest', certify: 'optcert certify my-optimizer.ts --generated --expectations optcert-expectations.yaml' } });
    expect(text).toMatch(/^ {4}"name"/m);

    const other = tempDir({ 'package.json': '{"scripts": {"certify": "something else"}}' });
    expect(run(other, ['init'])).toMatchObject({ code: 2, err: [expect.stringContaining('package.json already has a different "certify" script: nothing was written')] });
    expect(existsSync(join(other, 'my-optimizer.ts'))).toBe(false);
    writeFileSync(join(other, 'package.json'), '[1]');
    expect(run(other, ['init']).code).toBe(2);
  });
});
