/**
 * `optcert certify` end to end through main(argv, io): exit codes, the worker pool's time limit,
 * the reports. Each run starts real worker threads (from the TypeScript sources, through
 * ts-node), so the corpus is three tiny fixtures and most runs use one worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli';
import { certificateValidator } from '../src/fixtures/schema';
import { RULE_IDS } from '../src/certify/rules';
import type { Certificate } from '../src/report/certificate';
import { BROKEN, GOOD, HANG_COMPILE, STRAIGHT } from './certify-candidates';
import { parseTap, parseXml, type XmlElement } from './certify-format';
import { cleanTempDirs, tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');
const SLOW = 180_000;

const SUM = `id: t.sum-range
description: sum of range(n) in a for loop
spec: [op-JUMP_BACKWARD]
tags: [control-flow]
program:
  functions:
    main: |
      .params n
        RESUME 0
        LOAD_CONST 0
        STORE_FAST total
        LOAD_GLOBAL range + NULL
        LOAD_FAST n
        CALL 1
        GET_ITER
      L1:
        FOR_ITER L2
        STORE_FAST i
        LOAD_FAST_LOAD_FAST total, i
        BINARY_OP +=
        STORE_FAST total
        NOP
        NOP
        JUMP_BACKWARD L1
      L2:
        END_FOR
        POP_TOP
        LOAD_FAST total
        RETURN_VALUE
entry: main(100)
expect:
  return: "4950"
`;

const PRINT = `id: t.print-loop
description: prints 0, 1, 2 in a for loop
spec: [op-JUMP_BACKWARD]
program:
  functions:
    main: |
      RESUME 0
        LOAD_GLOBAL range + NULL
        LOAD_CONST 3
        CALL 1
        GET_ITER
      L1:
        FOR_ITER L2
        STORE_FAST i
        LOAD_GLOBAL print + NULL
        LOAD_FAST i
        CALL 1
        POP_TOP
        JUMP_BACKWARD L1
      L2:
        END_FOR
        POP_TOP
        RETURN_CONST None
entry: main()
expect:
  return: "None"
  output: "0\\n1\\n2\\n"
`;

const HANG_EXECUTE = `exports.createOptimizer = () => ({
  name: 'spins', capabilities: 4, optimizationCost: 1, runCost: 1,
  compile(code) { return code.name === 'main' ? { execute() { for (;;) {} } } : null; },
});
`;

/** A candidate cannot reach process.exit (its compartment has no process): running out of memory is what still takes a worker down. */
const EXITS = `exports.createOptimizer = () => ({
  name: 'exits', capabilities: 4, optimizationCost: 1, runCost: 1,
  compile() { const plans = []; for (;;) plans.push(new Array(1 << 16).fill(plans.length)); },
});
`;

function corpus(extra: Record<string, string> = {}): string {
  return tempDir({ 'fixtures/sum.yaml': SUM, 'fixtures/print.yaml': PRINT, 'fixtures/straight.yaml': STRAIGHT, ...extra });
}

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function certify(dir: string, args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  // The temp dir's fixtures/ is the corpus: a custom one (with no path, the official corpus runs).
  const [module, ...rest] = args;
  const argv = module === undefined ? [] : [module, 'fixtures', ...rest];
  const code = await main(['certify', ...argv], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, root: ROOT });
  return { code, out, err };
}

afterAll(cleanTempDirs);

describe('optcert certify: exit codes', () => {
  test(
    'a correct optimizer is certified (0); the console report ends with the closing line',
    async () => {
      const dir = corpus({ 'good.js': GOOD });
      const r = await certify(dir, ['good.js', '--jobs', '2']);
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.out[r.out.length - 1]).toBe('2 passed, 0 failed, 1 skipped');
      expect(r.out).toContain('stepper: CERTIFIED against a custom selection of 3 fixtures (not the official corpus)');
      expect(r.out.join('\n')).toMatch(/ 1 {2}no hotspot of a declared kind \(capabilities 4\)/);
    },
    SLOW,
  );

  test(
    'a bundled sample (sample:counter) is certified',
    async () => {
      const r = await certify(corpus(), ['sample:counter', '--jobs', '1']);
      expect(r.code).toBe(0);
      expect(r.out[r.out.length - 1]).toBe('2 passed, 0 failed, 1 skipped');
    },
    SLOW,
  );

  test(
    'a mutant exits 1, naming the rule, the fixture, code@offset and the first differing path',
    async () => {
      const dir = corpus({ 'broken.js': BROKEN });
      const r = await certify(dir, ['broken.js', '--jobs', '1']);
      expect(r.code).toBe(1);
      const line = r.out.find((l) => l.startsWith('advance-n  t.sum-range  '));
      expect(line).toMatch(/^advance-n {2}t\.sum-range {2}main@\d+: frames\[0\] main: (stack depth|stack\[\d+\]|local '\w+'): expected .*, got .*\(closest N = \d+\)$/);
      expect(r.out[r.out.length - 1]).toBe('0 passed, 2 failed, 1 skipped');
      expect(r.out).toContain('stray-push: NOT CERTIFIED: advance-n');
    },
    SLOW,
  );

  test(
    'a module that is not an optimizer, or cannot be loaded, exits 3',
    async () => {
      const dir = corpus({
        'nothing.js': 'exports.hello = 1;\n',
        'throws.js': "throw new Error('boom at load');\n",
        'empty-factory.js': 'exports.createOptimizer = () => ({ name: "x" });\n',
      });
      const nothing = await certify(dir, ['nothing.js']);
      expect(nothing.code).toBe(3);
      expect(nothing.err.join('\n')).toMatch(/CANDIDATE_NOT_LOADED: the module exports no optimizer.*found: hello/);
      const throws = await certify(dir, ['throws.js']);
      expect(throws.code).toBe(3);
      expect(throws.err.join('\n')).toMatch(/CANDIDATE_NOT_LOADED: cannot load .*boom at load/);
      const empty = await certify(dir, ['empty-factory.js']);
      expect(empty.code).toBe(3);
      expect(empty.err.join('\n')).toMatch(/createOptimizer returned no optimizer/);
      expect((await certify(dir, ['missing.js'])).code).toBe(3);
      expect((await certify(dir, ['sample:nope'])).code).toBe(3);
    },
    SLOW,
  );

  test(
    'ESM (.mjs, a default class) and TypeScript (.ts, through ts-node) modules load',
    async () => {
      const dir = corpus({
        'esm.mjs': 'export default class Stepper { name = "esm"; capabilities = 4; optimizationCost = 1; runCost = 1; compile() { return { execute(f, vm) { vm.step(f); return vm.frame; } }; } }\n',
        'typed.ts': 'interface Opt { name: string; capabilities: number; optimizationCost: number; runCost: number; compile(): null }\nexport function createOptimizer(): Opt {\n  return { name: "typed", capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null };\n}\n',
      });
      const esm = await certify(dir, ['esm.mjs', '--jobs', '1']);
      expect([esm.code, esm.out[esm.out.length - 1]]).toEqual([0, '2 passed, 0 failed, 1 skipped']);
      expect(esm.out[0]).toBe('optcert certify: esm from esm.mjs (default)');
      const ts = await certify(dir, ['typed.ts', '--jobs', '1']);
      expect([ts.code, ts.out[ts.out.length - 1]]).toEqual([0, '2 passed, 0 failed, 1 skipped']);
    },
    SLOW,
  );

  test('bad usage exits 2', async () => {
    const dir = corpus({ 'good.js': GOOD, 'bad-expect.yaml': 't.sum-range: {status: maybe, reason: x}\n' });
    for (const args of [
      [],
      ['good.js', '--reporter', 'xml'],
      ['good.js', '--shard', '3/2'],
      ['good.js', '--shard', 'x'],
      ['good.js', '--timeout', '0'],
      ['good.js', '--grep', '('],
      ['good.js', '--nope'],
      ['good.js', '--tag', 'no-such-tag'],
      ['good.js', '--expectations', 'bad-expect.yaml'],
      ['good.js', '--expectations', 'missing.yaml'],
      ['good.js', 'no-such-dir'],
    ]) {
      const r = await certify(dir, args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err.length).toBeGreaterThan(0);
    }
  }, SLOW);

  test(
    'a registration rule broken: no fixture runs, exit 1',
    async () => {
      const dir = corpus({ 'nan.js': GOOD.replace('runCost: 1', 'runCost: NaN') });
      const r = await certify(dir, ['nan.js', '--jobs', '1']);
      expect(r.code).toBe(1);
      expect(r.out).toContain('registration.costs  (optimizer)  runCost must be a finite number > 0, got NaN');
      expect(r.out[r.out.length - 1]).toBe('0 passed, 0 failed, 3 skipped');
    },
    SLOW,
  );
});

describe("the README's worked example", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### A worked example'));
  const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
  const bug = /```js\n([\s\S]*?)```/.exec(section.slice(section.indexOf('Now break it')))![1]!;

  test(
    'my-optimizer.js certifies; with the bug it is rejected for advance-n',
    async () => {
      const loop = /^ {4}for \(let i = 0; i < 64 && vm\.frame === frame; i\+\+\) vm\.step\(frame\);\n/m;
      expect(code).toMatch(loop);
      const dir = corpus({ 'my-optimizer.js': code, 'broken.js': code.replace(loop, bug) });
      const ok = await certify(dir, ['./my-optimizer.js', '--jobs', '1']);
      expect([ok.code, ok.out[ok.out.length - 1]]).toEqual([0, '2 passed, 0 failed, 1 skipped']);
      expect(ok.out[0]).toBe('optcert certify: burst from ./my-optimizer.js (createOptimizer)');
      const broken = await certify(dir, ['./broken.js', '--jobs', '1']);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain('burst: NOT CERTIFIED: advance-n');
    },
    SLOW,
  );
});

describe('optcert certify: isolation', () => {
  test(
    'while(true) in compile: those fixtures are compile.hang errors, the run finishes',
    async () => {
      const dir = corpus({ 'hang.js': HANG_COMPILE });
      const r = await certify(dir, ['hang.js', '--timeout', '1000', '--jobs', '2']);
      expect(r.code).toBe(1);
      expect(r.out.filter((l) => /^compile\.hang {2}t\./.test(l)).sort()).toEqual([
        expect.stringMatching(/^compile\.hang {2}t\.print-loop {2}error: compile did not return/),
        expect.stringMatching(/^compile\.hang {2}t\.sum-range {2}error: compile did not return/),
      ]);
      expect(r.out[r.out.length - 1]).toBe('0 passed, 0 failed, 1 skipped, 2 errors');
    },
    SLOW,
  );

  test(
    'while(true) in execute is execute.hang; a worker that runs out of memory costs only its fixture',
    async () => {
      const dir = corpus({ 'spin.js': HANG_EXECUTE, 'exits.js': EXITS });
      const spin = await certify(dir, ['spin.js', '--timeout', '1000', '--jobs', '1']);
      expect(spin.code).toBe(1);
      expect(spin.out).toEqual(expect.arrayContaining([expect.stringMatching(/^execute\.hang {2}t\.sum-range {2}error: execute did not return/)]));
      expect(spin.out[spin.out.length - 1]).toBe('0 passed, 0 failed, 1 skipped, 2 errors');
      const exits = await certify(dir, ['exits.js', '--jobs', '1', '--max-memory', '96']);
      expect(exits.code).toBe(1);
      expect(exits.out.filter((l) => /compile ran out of memory/.test(l))).toHaveLength(2);
      expect(exits.out[exits.out.length - 1]).toBe('0 passed, 0 failed, 1 skipped, 2 errors');
    },
    SLOW,
  );
});

describe('optcert certify: expectations, shards, reports', () => {
  test(
    'known failures do not fail the run; an unexpected pass does',
    async () => {
      const dir = corpus({
        'broken.js': BROKEN,
        'good.js': GOOD,
        'known.yaml': 't.sum-range: {status: fail, reason: "stray push"}\nt.print-loop: {status: fail, reason: "stray push"}\n',
        'skipping.yaml': 't.sum-range: {status: skip, reason: "not today"}\n',
      });
      const known = await certify(dir, ['broken.js', '--expectations', 'known.yaml', '--jobs', '1']);
      expect(known.code).toBe(0);
      expect(known.out).toContain('2 known failures (expectations file) do not fail the run');
      const unexpected = await certify(dir, ['good.js', '--expectations', 'known.yaml', '--jobs', '1']);
      expect(unexpected.code).toBe(1);
      expect(unexpected.out.filter((l) => l.startsWith('unexpected-pass  '))).toHaveLength(2);
      const skipping = await certify(dir, ['good.js', '--expectations', 'skipping.yaml', '--jobs', '1']);
      expect(skipping.code).toBe(0);
      expect(skipping.out.join('\n')).toMatch(/expectations file: not today/);
      expect(skipping.out[skipping.out.length - 1]).toBe('1 passed, 0 failed, 2 skipped');
    },
    SLOW,
  );

  test(
    'the JSON certificate validates against its schema and carries the header and footer',
    async () => {
      const dir = corpus({ 'broken.js': BROKEN });
      const r = await certify(dir, ['broken.js', '--reporter', 'json', '--jobs', '1', '--tag', 'control-flow', '--grep', '^t\\.']);
      expect(r.code).toBe(1);
      const cert = JSON.parse(r.out.join('\n')) as Certificate;
      const validate = certificateValidator();
      expect([validate(cert), validate.errors]).toEqual([true, null]);
      expect(cert.optimizer).toMatchObject({ module: 'broken.js', name: 'stray-push', version: null, export: 'createOptimizer', capabilities: 4, capabilityNames: ['BACK_EDGE'] });
      expect(cert.suite.corpusHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(cert.suite.corpusFixtures).toBe(3);
      expect(cert.suite.corpus).toEqual({ kind: 'custom', version: null, generated: false, paths: ['fixtures'] });
      expect(cert.results.map((x) => [x.id, x.status])).toEqual([['t.sum-range', 'fail']]);
      expect(cert.summary.rules.map((x) => x.id)).toEqual(RULE_IDS);
      expect(cert.summary.rules.find((x) => x.id === 'advance-n')).toMatchObject({ verdict: 'fail', fixtures: ['t.sum-range'] });
      expect(cert.summary.certified).toBe(false);
      expect(cert.summary.partial).toBe(true);
    },
    SLOW,
  );

  test(
    'JUnit XML and TAP 13 are well-formed; --output writes the file and still prints the console report',
    async () => {
      const dir = corpus({ 'broken.js': BROKEN, 'known.yaml': 't.print-loop: {status: fail, reason: "a & b <c>"}\n' });
      const r = await certify(dir, ['broken.js', '--reporter', 'junit', '--output', 'out.xml', '--expectations', 'known.yaml', '--jobs', '1']);
      expect(r.code).toBe(1);
      expect(r.out[r.out.length - 1]).toBe('0 passed, 2 failed, 1 skipped');
      const xml = parseXml(readFileSync(join(dir, 'out.xml'), 'utf8'));
      expect(xml.name).toBe('testsuites');
      const suite = xml.children[0]!;
      const cases = suite.children.filter((c) => c.name === 'testcase');
      expect(cases.map((c) => c.attrs.name)).toEqual(['registration', 'costs.calibration', 't.print-loop', 't.straight', 't.sum-range']);
      const kind = (c: XmlElement) => c.children.find((x) => x.name !== 'system-out')?.name ?? 'pass';
      expect(cases.map(kind)).toEqual(['pass', 'skipped', 'skipped', 'skipped', 'failure']);
      expect(cases[2]!.children[0]!.attrs.message).toBe('known failure (expectations file): a & b <c>');
      expect(cases[4]!.children[0]!.attrs.type).toBe('advance-n');
      expect(suite.attrs).toMatchObject({ tests: '5', failures: '1', errors: '0', skipped: '3' });

      const tap = await certify(dir, ['broken.js', '--reporter', 'tap', '--expectations', 'known.yaml', '--jobs', '1']);
      const points = parseTap(tap.out.join('\n'));
      expect(points.map((p) => [p.ok, p.description, p.directive])).toEqual([
        [true, '(optimizer) registration', null],
        [true, '(optimizer) costs.calibration', 'SKIP'],
        [false, 't.print-loop', 'TODO'],
        [true, 't.straight', 'SKIP'],
        [false, 't.sum-range', null],
      ]);
      expect(points[4]!.diagnostic).toMatchObject({ status: 'fail', violations: [{ rule: 'advance-n' }] });
    },
    SLOW,
  );

  test(
    'shards of a selection are disjoint and complete',
    async () => {
      const dir = corpus({ 'good.js': GOOD });
      const ids: string[][] = [];
      for (const shard of ['1/2', '2/2']) {
        const r = await certify(dir, ['good.js', '--shard', shard, '--reporter', 'json', '--jobs', '1']);
        expect(r.code).toBe(0);
        ids.push((JSON.parse(r.out.join('\n')) as Certificate).results.map((x) => x.id));
      }
      expect(ids).toEqual([['t.print-loop', 't.sum-range'], ['t.straight']]);
    },
    SLOW,
  );
});
