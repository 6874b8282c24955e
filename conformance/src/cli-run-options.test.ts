/** `optcert run` options: --bail, --list, --output checked first, an empty --grep explained, colour. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { main } from './cli';
import { capture, cleanTempDirs, fixtureText, ROOT_FILES, tempDir } from '../test/helpers';

const PASS = (id: string) => fixtureText({ id, main: 'RESUME 0\nRETURN_CONST 1', expect: 'return: "1"' });
const FAIL = (id: string) => fixtureText({ id, main: 'RETURN_CONST 7', expect: 'return: "8"' });

function corpus(): string {
  return tempDir({ ...ROOT_FILES, 'fixtures/a.yaml': PASS('a.ok'), 'fixtures/b.yaml': FAIL('b.no'), 'fixtures/c.yaml': FAIL('c.no'), 'fixtures/d.yaml': PASS('d.ok') });
}

function cli(dir: string, argv: string[], color = false) {
  const c = capture(dir);
  const io = color ? { ...c.io, color: true } : c.io;
  const code = main(argv, io);
  return { code, out: c.out, err: c.err };
}

afterAll(cleanTempDirs);

describe('optcert run options', () => {
  test('--bail stops at the n-th failure and says how many did not run', () => {
    const dir = corpus();
    expect(cli(dir, ['run', 'fixtures', '--bail'])).toEqual({
      code: 1,
      out: ["FAIL b.no (fixtures/b.yaml): return: expected '8', got '7'", 'stopped early: --bail 1: 2 of 4 selected fixtures not run', '1 passed, 1 failed'],
      err: [],
    });
    expect(cli(dir, ['run', 'fixtures', '--bail', '2']).out.slice(-2)).toEqual(['stopped early: --bail 2: 1 of 4 selected fixtures not run', '1 passed, 2 failed']);
    expect(cli(dir, ['run', 'fixtures', '--bail', '3']).out.slice(-1)).toEqual(['2 passed, 2 failed']);
    expect(cli(dir, ['run', 'fixtures', '--bail', '0'])).toMatchObject({ code: 2, err: [expect.stringContaining("--bail: expected an integer >= 1, got '0'")] });
  });

  test('--list prints what would run and runs nothing', () => {
    const dir = corpus();
    expect(cli(dir, ['run', 'fixtures', '--list', '--grep', 'ok'])).toEqual({
      code: 0,
      out: ['optcert run --list: 2 fixtures would run', 'run   a.ok  (fixtures/a.yaml)', 'run   d.ok  (fixtures/d.yaml)'],
      err: [],
    });
  });

  test('--output: the directory is made before the run; a path that cannot be is one line, exit 2', () => {
    const dir = corpus();
    expect(cli(dir, ['run', 'fixtures', '--reporter', 'json', '--output', 'out/run/report.json']).code).toBe(1);
    expect(existsSync(join(dir, 'out', 'run', 'report.json'))).toBe(true);
    const bad = cli(dir, ['run', 'fixtures', '--reporter', 'json', '--output', 'fixtures/a.yaml/r.json']);
    expect(bad).toEqual({ code: 2, out: [], err: [expect.stringMatching(/^optcert run: USAGE: --output fixtures\/a\.yaml\/r\.json: cannot create the directory fixtures\/a\.yaml /)] });
  });

  test('--grep selecting nothing names the grep', () => {
    const dir = corpus();
    expect(cli(dir, ['run', 'fixtures', '--grep', 'zzz'])).toEqual({ code: 2, out: [], err: ['optcert run: NO_FIXTURES: no fixture selected under fixtures: --grep zzz matched no id of the 4 fixtures'] });
  });

  test('on a log, a progress line whenever the injected clock has moved 5 s since the last', () => {
    const dir = corpus();
    const c = capture(dir);
    let t = 0;
    // Each reading of the clock is 2 s later than the last: read at 2 s before the run, then at 4, 6, 8, 10 s
    // after each fixture; 8 - 2 >= 5 after the 3rd.
    const code = main(['run', 'fixtures'], { ...c.io, every: () => () => undefined, now: () => (t += 2000) });
    expect(code).toBe(1);
    expect(c.err).toEqual(['[3/4] 1 passed, 2 failed']);
    const terminal = capture(dir);
    main(['run', 'fixtures'], { ...terminal.io, now: () => (t += 2000) });
    expect(terminal.err).toEqual([]);
  });

  test('with colour the lines carry escapes; their text is unchanged', () => {
    const dir = corpus();
    const r = cli(dir, ['run', 'fixtures'], true);
    expect(r.out[r.out.length - 1]).toBe('\x1b[32m2 passed\x1b[39m, \x1b[31m2 failed\x1b[39m');
  });
});
