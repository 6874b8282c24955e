import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from './cli';
import { reportValidator } from './fixtures/schema';
import type { Vm } from './run/vm';
import { fakeVm } from '../test/fake-vm';
import { capture, cleanTempDirs, fixtureText, ROOT_FILES, tempDir } from '../test/helpers';

const PASS_A = fixtureText({ id: 'ok.a', main: 'RESUME 0\nRETURN_CONST 1', expect: 'return: "1"' });
const PASS_B = fixtureText({ id: 'ok.b', main: "LOAD_CONST 'x'\nCALL_INTRINSIC_1 INTRINSIC_PRINT\nRETURN_CONST 2", expect: 'return: "2"\noutput: "\'x\'\\n"' });
const FAILING = fixtureText({ id: 'no.c', main: 'RETURN_CONST 7', expect: 'return: "8"' });
const SCHEMA_BAD = fixtureText({ id: 'bad.d', main: 'RETURN_CONST 7', expect: 'return: 7' });
const MALFORMED = fixtureText({ id: 'bad.e', main: 'RESUME 0\nLOAD_KONST 1', expect: 'return: "1"' });

function corpus(fixtures: Record<string, string>): string {
  const files: Record<string, string> = { ...ROOT_FILES };
  for (const [name, text] of Object.entries(fixtures)) files[`fixtures/${name}`] = text;
  return tempDir(files);
}

function cli(dir: string, argv: string[], vm: Vm = fakeVm) {
  const c = capture(dir, vm);
  const code = main(argv, c.io);
  return { code, out: c.out, err: c.err };
}

afterAll(cleanTempDirs);

describe('optcert (main)', () => {
  test('--help for the tool and each command exits 0', () => {
    const dir = corpus({});
    expect(cli(dir, ['--help'])).toMatchObject({ code: 0, out: [expect.stringContaining('Usage: optcert <command>')] });
    for (const c of ['run', 'lint', 'bless', 'coverage']) {
      expect(cli(dir, [c, '--help'])).toMatchObject({ code: 0, out: [expect.stringContaining(`Usage: optcert ${c}`)] });
    }
  });

  test('usage errors exit 2 with one line', () => {
    const dir = corpus({});
    expect(cli(dir, [])).toMatchObject({ code: 2 });
    expect(cli(dir, ['frobnicate'])).toMatchObject({ code: 2, err: [expect.stringContaining("USAGE: unknown command 'frobnicate'")] });
    const r = cli(dir, ['run', '--nope']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^optcert run: USAGE: /);
    expect(cli(dir, ['run', '--grep', '('])).toMatchObject({ code: 2 });
    expect(cli(dir, ['run', '--reporter', 'xml'])).toMatchObject({ code: 2 });
  });

  test('an internal error is caught, printed as one line, exit 3', () => {
    const dir = corpus({ 'a.yaml': PASS_A });
    const err: string[] = [];
    const code = main(['run'], {
      cwd: dir,
      root: dir,
      vm: fakeVm,
      out: () => {
        throw new Error('disk full\nmore');
      },
      err: (l) => err.push(l),
    });
    expect(code).toBe(3);
    expect(err).toEqual(['internal error: disk full']);
  });

  describe('run', () => {
    test('all passing: exit 0, closing line', () => {
      const dir = corpus({ 'a.yaml': PASS_A, 'sub/b.yaml': PASS_B });
      expect(cli(dir, ['run'])).toEqual({ code: 0, out: ['2 passed, 0 failed'], err: [] });
    });

    test('a failure: exit 1, a FAIL line with the first difference', () => {
      const dir = corpus({ 'a.yaml': PASS_A, 'c.yaml': FAILING });
      expect(cli(dir, ['run', 'fixtures'])).toEqual({
        code: 1,
        out: ["FAIL no.c (fixtures/c.yaml): return: expected '8', got '7'", '1 passed, 1 failed'],
        err: [],
      });
    });

    test('a schema violation is bad input: exit 2, one line with file:line:col', () => {
      const dir = corpus({ 'a.yaml': PASS_A, 'd.yaml': SCHEMA_BAD });
      const r = cli(dir, ['run']);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([expect.stringMatching(/^fixtures\/d\.yaml:10:11: FIXTURE_SCHEMA: expect\.return: must be string$/)]);
      expect(r.out).toEqual(['1 passed, 0 failed']);
    });

    test('an unexpectedly malformed program is bad input at its line in the fixture file', () => {
      const dir = corpus({ 'e.yaml': MALFORMED });
      const r = cli(dir, ['run']);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([expect.stringMatching(/^fixtures\/e\.yaml:8:7: ASM_UNKNOWN_INSTRUCTION: program is malformed: .*expects return '1'/)]);
    });

    test('bad input wins over failures', () => {
      const dir = corpus({ 'c.yaml': FAILING, 'd.yaml': SCHEMA_BAD });
      expect(cli(dir, ['run']).code).toBe(2);
    });

    test('--grep selects by id; selecting nothing is an error', () => {
      const dir = corpus({ 'a.yaml': PASS_A, 'c.yaml': FAILING });
      expect(cli(dir, ['run', '--grep', '^ok\\.'])).toMatchObject({ code: 0, out: ['1 passed, 0 failed'] });
      expect(cli(dir, ['run', '--grep', 'zzz'])).toMatchObject({ code: 2, err: [expect.stringContaining('NO_FIXTURES')] });
    });

    test('a missing path is bad input', () => {
      const dir = corpus({ 'a.yaml': PASS_A });
      expect(cli(dir, ['run', 'nowhere'])).toMatchObject({ code: 2, err: [expect.stringMatching(/^nowhere:1:1: PATH_NOT_FOUND: /)] });
    });

    test('a VM that throws is an internal error of that fixture: exit 3, the others still run', () => {
      const dir = corpus({ 'a.yaml': PASS_A, 'c.yaml': FAILING });
      const throwing: Vm = {
        ...fakeVm,
        runEntry: (p, e, o) => {
          if (p.source.functions!.main!.includes('7')) throw new Error('boom');
          return fakeVm.runEntry(p, e, o);
        },
      };
      expect(cli(dir, ['run'], throwing)).toMatchObject({
        code: 3,
        out: ['ERROR no.c (fixtures/c.yaml): internal error: boom', '1 passed, 1 failed'],
      });
    });

    test('--reporter json writes a report that matches spec/schemas/report.schema.json', () => {
      const dir = corpus({ 'a.yaml': PASS_A, 'b.yaml': PASS_B, 'c.yaml': FAILING, 'd.yaml': SCHEMA_BAD, 'e.yaml': MALFORMED });
      const r = cli(dir, ['run', '--reporter', 'json']);
      expect(r.code).toBe(2);
      expect(r.out).toHaveLength(1);
      const report: unknown = JSON.parse(r.out[0]);
      const validate = reportValidator();
      expect(validate.errors ?? null).toBeNull();
      expect(validate(report)).toBe(true);
      expect(report).toMatchObject({
        tool: 'optcert',
        version: '9.9.9',
        summary: { passed: 2, failed: 1, errors: 0, badInput: 2 },
        fixtures: expect.arrayContaining([
          { id: 'no.c', file: 'fixtures/c.yaml', status: 'fail', difference: "return: expected '8', got '7'", observed: { kind: 'return', repr: '7', output: '', steps: 1 } },
        ]),
        badInput: expect.arrayContaining([expect.objectContaining({ file: 'fixtures/d.yaml', code: 'FIXTURE_SCHEMA', line: 10, column: 11 })]),
      });
    });

    test('--output writes the JSON report to a file and still prints the console lines', () => {
      const dir = corpus({ 'a.yaml': PASS_A });
      const r = cli(dir, ['run', '--reporter', 'json', '--output', 'report.json']);
      expect(r).toMatchObject({ code: 0, out: ['1 passed, 0 failed'] });
      expect(reportValidator()(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')))).toBe(true);
      expect(cli(dir, ['run', '--output', 'x.json']).code).toBe(2);
    });
  });

  describe('lint', () => {
    test('a clean corpus: exit 0', () => {
      const dir = corpus({ 'a.yaml': PASS_A });
      expect(cli(dir, ['lint'])).toEqual({ code: 0, out: ['1 files checked, 0 problems'], err: [] });
    });

    test('problems: exit 1, one line each, duplicates naming both files', () => {
      const dir = corpus({
        'a.yaml': PASS_A,
        'b.yaml': PASS_A.replace('spec: [ret]', 'spec: [ret, nope]\ntags: [basic, wat]'),
        'd.yaml': SCHEMA_BAD,
      });
      const r = cli(dir, ['lint']);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([
        "fixtures/b.yaml:1:5: FIXTURE_DUPLICATE_ID: id 'ok.a' is also used by fixtures/a.yaml:1:5",
        "fixtures/d.yaml:10:11: FIXTURE_SCHEMA: expect.return: must be string",
        '2 files checked, 2 problems',
      ]);
    });

    test('lint checks anchors, tags and op anchors of a fixture', () => {
      const dir = corpus({ 'b.yaml': PASS_A.replace('spec: [ret]', 'spec: [ret, nope, op-NOP, background]\ntags: [basic, wat]') });
      const r = cli(dir, ['lint']);
      expect(r.code).toBe(1);
      expect(r.out.map((l) => l.split(': ')[1])).toEqual(['LINT_UNKNOWN_ANCHOR', 'LINT_OP_NOT_IN_PROGRAM', 'LINT_UNKNOWN_TAG', undefined]);
    });

    test('an unreadable tag registry or spec dir is exit 2', () => {
      const dir = corpus({ 'a.yaml': PASS_A });
      expect(cli(dir, ['lint', '--tags', 'nope.yaml'])).toMatchObject({ code: 2, err: [expect.stringContaining('TAGS_REGISTRY_INVALID')] });
      expect(cli(dir, ['lint', '--spec-dir', 'nope'])).toMatchObject({ code: 2, err: [expect.stringContaining('SPEC_DIR_INVALID')] });
    });
  });

  describe('bless', () => {
    test('blesses fixtures without expect, keeps the others, prints what it did', () => {
      const unblessed = fixtureText({ id: 'new.f', main: 'RETURN_CONST 5' });
      const dir = corpus({ 'a.yaml': PASS_A, 'f.yaml': unblessed, 'c.yaml': FAILING });
      const r = cli(dir, ['bless']);
      expect(r).toEqual({
        code: 0,
        out: [
          'kept ok.a (fixtures/a.yaml): already has expect (use --force to re-record)',
          'kept no.c (fixtures/c.yaml): already has expect (use --force to re-record)',
          'blessed new.f (fixtures/f.yaml):',
          '+ expect:',
          '+   return: "5"',
          '1 added, 0 changed, 0 unchanged, 2 kept',
        ],
        err: [],
      });
      expect(readFileSync(join(dir, 'fixtures/f.yaml'), 'utf8')).toBe(`${unblessed}expect:\n  return: "5"\n`);
      expect(readFileSync(join(dir, 'fixtures/c.yaml'), 'utf8')).toBe(FAILING);
    });

    test('--force re-records and prints a diff', () => {
      const dir = corpus({ 'c.yaml': FAILING });
      const r = cli(dir, ['bless', '--force']);
      expect(r.code).toBe(0);
      expect(r.out).toEqual([
        're-blessed no.c (fixtures/c.yaml):',
        '--- fixtures/c.yaml (old expect)',
        '+++ fixtures/c.yaml (new expect)',
        ' expect:',
        '-  return: "8"',
        '+  return: "7"',
        '0 added, 1 changed, 0 unchanged, 0 kept',
      ]);
      expect(cli(dir, ['run']).code).toBe(0);
    });

    test('never blesses bad input: exit 2, file untouched', () => {
      const text = MALFORMED.replace(/expect:\n.*\n$/, '');
      const dir = corpus({ 'e.yaml': text, 'd.yaml': SCHEMA_BAD });
      const r = cli(dir, ['bless', '--force']);
      expect(r.code).toBe(2);
      expect(r.err.map((l) => l.split(': ')[1])).toEqual(['FIXTURE_SCHEMA', 'ASM_UNKNOWN_INSTRUCTION']);
      expect(readFileSync(join(dir, 'fixtures/e.yaml'), 'utf8')).toBe(text);
    });
  });

  describe('coverage', () => {
    const small: Vm = {
      ...fakeVm,
      instructions: [{ name: 'NOP' }, { name: 'LOAD_CONST' }, { name: 'RETURN_CONST' }, { name: 'ENTER_EXECUTOR', coveredByPresence: true }],
    };
    const RUNS = fixtureText({ id: 'cov.run', main: 'NOP\nLOAD_CONST 1\nRETURN_CONST 1', expect: 'return: "1"' });
    const TEXT_ONLY = fixtureText({ id: 'cov.ee', main: 'ENTER_EXECUTOR 0', spec: '[ret]', expect: 'invalid: ENTER_EXECUTOR_IN_PROGRAM' });

    test('everything covered by passing fixtures: exit 0 (informative anchors may stay uncovered)', () => {
      const dir = corpus({ 'r.yaml': RUNS, 't.yaml': TEXT_ONLY });
      const r = cli(dir, ['coverage', '--format', 'json'], small);
      expect(r.code).toBe(0);
      const cov = JSON.parse(r.out.join('\n')) as { instructions: { name: string; fixtures: string[] }[]; uncovered: unknown };
      expect(cov.instructions).toEqual([
        { name: 'NOP', fixtures: ['cov.run'] },
        { name: 'LOAD_CONST', fixtures: ['cov.run'] },
        { name: 'RETURN_CONST', fixtures: ['cov.run'] },
        { name: 'ENTER_EXECUTOR', fixtures: ['cov.ee'] },
      ]);
      expect(cov.uncovered).toEqual({ instructions: [], anchors: [] });
    });

    test('an uncovered instruction or anchor: exit 1; failing fixtures count for nothing', () => {
      const dir = corpus({ 'r.yaml': RUNS, 't.yaml': TEXT_ONLY.replace('ENTER_EXECUTOR_IN_PROGRAM', 'STACK_UNDERFLOW') });
      const r = cli(dir, ['coverage'], small);
      expect(r.code).toBe(1);
      expect(r.out).toContain('uncovered instructions: ENTER_EXECUTOR');
      expect(r.out).toContain('1 fixtures did not pass and count for nothing (see optcert run)');
      expect(r.out.some((l) => /background\s+NONE\s+\(informative\)/.test(l))).toBe(true);
    });
  });

  test('bin/optcert.js exists and points at the compiled CLI', () => {
    const bin = join(__dirname, '../../bin/optcert.js');
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8')).toContain("'dist', 'conformance', 'src', 'cli.js'");
  });
});
