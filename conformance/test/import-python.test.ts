/**
 * optcert import-python and corpus:check without CPython: interpreter discovery and every error
 * path run against fake interpreters (shell scripts that print a version, fail, or answer as
 * tools/cpython/py2fixture.py --json would). Nothing here is skipped when CPython is missing.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli';
import { corpusCheck } from '../src/import/corpus-check';
import { HELPER_CODES } from '../src/import/helper';
import { findPython } from '../src/import/python';
import { referenceVm } from '../src/run/reference-vm';
import { BUILTINS } from '../../reference/src/runtime/builtins';
import { cleanTempDirs, fixtureText, ROOT_FILES, tempDir } from './helpers';

afterAll(cleanTempDirs);

const REPO = join(__dirname, '..', '..');

/**
 * A fake interpreter: `-c …` (the version probe) prints `version` (or fails with `probe`);
 * a helper run (`-I script source …`) prints the file `<source without .py>.answer`.
 */
function fakePython(dir: string, name: string, version: string, probe: 'ok' | 'fail' = 'ok'): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const probeLine = probe === 'ok' ? `echo ${version}; exit 0` : 'echo "pyenv: python3.13: command not found" >&2; exit 127';
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `if [ "$1" = "-c" ]; then ${probeLine}; fi`,
      'answer="${3%.py}.answer"',
      'if [ ! -f "$answer" ]; then echo "Traceback: no answer" >&2; exit 1; fi',
      'while IFS= read -r line || [ -n "$line" ]; do printf \'%s\\n\' "$line"; done < "$answer"',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

/** An environment where nothing but `path` is searched (no real CPython can leak in). */
const envWith = (dir: string, extra: Record<string, string> = {}): Record<string, string> => ({ PATH: join(dir, 'bin'), HOME: join(dir, 'home'), ...extra });

function cli(dir: string, argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['import-python', ...argv], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, root: dir, vm: referenceVm, env });
  return { code, out, err };
}

const PASSING = fixtureText({ id: 'programs.tiny', main: 'RESUME 0\nRETURN_CONST 1', expect: 'return: "1"' });
const DIFFERING = fixtureText({ id: 'programs.tiny', main: 'RESUME 0\nRETURN_CONST 1', expect: 'return: "2"' });
const ok = (fixture: string): string => JSON.stringify({ ok: true, fixture, steps: 3, python: '3.13.0' });
const problems = (...ps: object[]): string => JSON.stringify({ ok: false, problems: ps });

/** A project root (spec, tags) with a fake python3.13 on PATH and `files` (relative path -> text). */
function project(files: Record<string, string> = {}): { dir: string; env: Record<string, string> } {
  const dir = tempDir({ ...ROOT_FILES, ...files });
  fakePython(join(dir, 'bin'), 'python3.13', '3.13.0');
  return { dir, env: envWith(dir) };
}

describe('finding CPython 3.13', () => {
  test('--python wins, and must be 3.13', () => {
    const dir = tempDir({});
    const good = fakePython(join(dir, 'x'), 'py', '3.13.2');
    const old = fakePython(join(dir, 'x'), 'old', '3.12.1');
    expect(findPython(good, envWith(dir), dir)).toEqual({ ok: true, path: good, version: '3.13.2', how: '--python' });
    const r = findPython(old, envWith(dir), dir);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/is CPython 3\.12\.1, not 3\.13; point to one with --python PATH or OPTCERT_PYTHON=PATH/);
    expect(findPython(join(dir, 'nope'), envWith(dir), dir)).toMatchObject({ ok: false, message: expect.stringContaining('not found') });
  });

  test('OPTCERT_PYTHON is used when --python is absent, relative paths from cwd', () => {
    const dir = tempDir({});
    fakePython(join(dir, 'tools'), 'py313', '3.13.0');
    expect(findPython(undefined, envWith(dir, { OPTCERT_PYTHON: 'tools/py313' }), dir)).toMatchObject({ ok: true, path: join(dir, 'tools', 'py313'), how: 'OPTCERT_PYTHON' });
  });

  test('PATH: python3.13 first, then python3 only if it is 3.13; a failing shim is skipped', () => {
    const dir = tempDir({});
    fakePython(join(dir, 'bin'), 'python3.13', '', 'fail');
    fakePython(join(dir, 'bin'), 'python3', '3.13.1');
    expect(findPython(undefined, envWith(dir), dir)).toMatchObject({ ok: true, path: join(dir, 'bin', 'python3'), version: '3.13.1', how: 'PATH' });
  });

  test('pyenv installs are found under PYENV_ROOT, newest 3.13 first', () => {
    const dir = tempDir({});
    const root = join(dir, 'pyenv');
    fakePython(join(root, 'versions', '3.13.0', 'bin'), 'python3.13', '3.13.0');
    fakePython(join(root, 'versions', '3.13.10', 'bin'), 'python3.13', '3.13.10');
    fakePython(join(root, 'versions', '3.12.1', 'bin'), 'python3.13', '3.12.1');
    expect(findPython(undefined, envWith(dir, { PYENV_ROOT: root }), dir)).toMatchObject({ ok: true, version: '3.13.10', how: 'pyenv' });
  });

  test('none found: the message lists what was tried and how to point to one', () => {
    const dir = tempDir({});
    fakePython(join(dir, 'bin'), 'python3', '3.11.7');
    const r = findPython(undefined, envWith(dir), dir);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toMatch(/^no CPython 3\.13 found \(tried .*python3 \(3\.11\.7\)\); point to one with --python PATH or OPTCERT_PYTHON=PATH/);
    const empty = tempDir({});
    expect(findPython(undefined, envWith(empty), empty)).toMatchObject({ ok: false, message: expect.stringContaining('no python3.13 or python3 on PATH') });
  });
});

describe('optcert import-python', () => {
  test('--help exits 0 and names the error codes', () => {
    const { dir, env } = project();
    const r = cli(dir, ['--help'], env);
    expect(r.code).toBe(0);
    for (const code of [...HELPER_CODES, 'IMPORT_HELPER_FAILED', 'IMPORT_NO_SOURCES']) expect(r.out[0]).toContain(code);
  });

  test('usage errors: one line, exit 2', () => {
    const { dir, env } = project({ 'a.py': 'x = 1\n' });
    for (const argv of [[], ['a.py', 'b.py'], ['--dir', '.', '--call', 'main()'], ['--dir', '.', 'a.py'], ['a.py', '--out-dir', 'o'], ['a.py', '--frob']]) {
      const r = cli(dir, argv, env);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([expect.stringMatching(/^optcert import-python: USAGE: /)]);
    }
  });

  test('no CPython 3.13: IMPORT_NO_PYTHON, exit 2, says how to point to one', () => {
    const dir = tempDir({ ...ROOT_FILES, 'a.py': 'def main():\n    return 1\n' });
    fakePython(join(dir, 'bin'), 'python3', '3.12.1');
    const r = cli(dir, ['a.py', '--call', 'main()'], envWith(dir));
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/^optcert import-python: IMPORT_NO_PYTHON: no CPython 3\.13 found .*--python PATH or OPTCERT_PYTHON=PATH/)]);
    const wrong = cli(dir, ['a.py', '--python', join(dir, 'bin', 'python3')], envWith(dir));
    expect(wrong.err).toEqual([expect.stringContaining('IMPORT_NO_PYTHON: --python')]);
  });

  test('a missing source is PATH_NOT_FOUND', () => {
    const { dir, env } = project();
    expect(cli(dir, ['nope.py'], env)).toMatchObject({ code: 2, err: [expect.stringMatching(/^nope\.py:1:1: PATH_NOT_FOUND: /)] });
  });

  test('a fixture the VM agrees with is written beside the source: exit 0', () => {
    const { dir, env } = project({ 'tiny.py': 'def main():\n    return 1\n', 'tiny.answer': ok(PASSING) });
    const r = cli(dir, ['tiny.py', '--call', 'main()'], env);
    expect(r).toEqual({ code: 0, out: ['wrote programs.tiny (tiny.yaml): 3 CPython 3.13.0 instructions; passes on the VM'], err: [] });
    expect(readFileSync(join(dir, 'tiny.yaml'), 'utf8')).toBe(PASSING);
  });

  test('--out - prints the fixture on stdout and the status on stderr', () => {
    const { dir, env } = project({ 'tiny.py': '', 'tiny.answer': ok(PASSING) });
    const r = cli(dir, ['tiny.py', '--out', '-'], env);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([PASSING.replace(/\n$/, '')]);
    expect(r.err).toEqual([expect.stringContaining('passes on the VM')]);
    expect(existsSync(join(dir, 'tiny.yaml'))).toBe(false);
  });

  test('a fixture the VM disagrees with is still written: exit 1 with the FAIL line', () => {
    const { dir, env } = project({ 'tiny.py': '', 'tiny.answer': ok(DIFFERING) });
    const r = cli(dir, ['tiny.py', '--out', 'out/t.yaml'], env);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'wrote programs.tiny (out/t.yaml), but the VM disagrees with CPython:',
      "FAIL programs.tiny (out/t.yaml): return: expected '2', got '1'",
    ]);
    expect(existsSync(join(dir, 'out', 't.yaml'))).toBe(true);
  });

  test('problems: one line each with file:line:col and a stable code, sorted by line, exit 2', () => {
    const answer = problems(
      { code: 'IMPORT_UNSUPPORTED', line: 7, message: 'main: global bin is neither a program function, a global nor a supported builtin' },
      { code: 'IMPORT_UNSUPPORTED', line: 2, message: 'main: instruction BEFORE_WITH is not in the subset' },
      { code: 'IMPORT_UNREPRESENTABLE', line: null, message: 'the call returns generator <generator object>, which a fixture cannot hold' },
    );
    const { dir, env } = project({ 'p.py': '', 'p.answer': answer });
    const r = cli(dir, ['p.py', '--call', 'main()'], env);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      'p.py:1:1: IMPORT_UNREPRESENTABLE: the call returns generator <generator object>, which a fixture cannot hold',
      'p.py:2:1: IMPORT_UNSUPPORTED: main: instruction BEFORE_WITH is not in the subset',
      'p.py:7:1: IMPORT_UNSUPPORTED: main: global bin is neither a program function, a global nor a supported builtin',
    ]);
    expect(existsSync(join(dir, 'p.yaml'))).toBe(false);
  });

  test('a syntax error points at its line and column', () => {
    const { dir, env } = project({ 's.py': '', 's.answer': problems({ code: 'IMPORT_SYNTAX_ERROR', line: 2, column: 15, message: 'SyntaxError: invalid syntax' }) });
    expect(cli(dir, ['s.py'], env)).toMatchObject({ code: 2, err: ['s.py:2:15: IMPORT_SYNTAX_ERROR: SyntaxError: invalid syntax'] });
  });

  test('a helper that breaks (no JSON, an unknown code) is IMPORT_HELPER_FAILED, exit 3', () => {
    const { dir, env } = project({
      'crash.py': '',
      'odd.py': '',
      'odd.answer': problems({ code: 'SOMETHING_ELSE', line: 1, message: 'x' }),
      'junk.py': '',
      'junk.answer': 'not json',
    });
    expect(cli(dir, ['crash.py'], env)).toMatchObject({ code: 3, err: [expect.stringMatching(/^crash\.py:1:1: IMPORT_HELPER_FAILED: the helper exited with status 1 without an answer: Traceback: no answer$/)] });
    expect(cli(dir, ['odd.py'], env)).toMatchObject({ code: 3, err: [expect.stringContaining('IMPORT_HELPER_FAILED: ')] });
    expect(cli(dir, ['junk.py'], env)).toMatchObject({ code: 3, err: [expect.stringContaining('IMPORT_HELPER_FAILED: ')] });
  });

  test('--dir imports only the .py files with an # optcert: header, into --out-dir', () => {
    const { dir, env } = project({
      'progs/a.py': '# optcert: call=main()\n',
      'progs/a.answer': ok(PASSING),
      'progs/b.py': '# optcert: call=main()\n',
      'progs/b.answer': problems({ code: 'IMPORT_UNSUPPORTED', line: 3, message: 'main: instruction BEFORE_WITH is not in the subset' }),
      'progs/helper.py': 'def unrelated():\n    pass\n',
    });
    const r = cli(dir, ['--dir', 'progs', '--out-dir', 'out'], env);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['progs/b.py:3:1: IMPORT_UNSUPPORTED: main: instruction BEFORE_WITH is not in the subset']);
    expect(r.out).toEqual([
      'wrote programs.tiny (out/a.yaml): 3 CPython 3.13.0 instructions; passes on the VM',
      `1 imported, 0 failing on the VM, 1 not imported (CPython 3.13.0, ${join(dir, 'bin', 'python3.13')})`,
    ]);
    expect(existsSync(join(dir, 'progs', 'a.yaml'))).toBe(false);
  });

  test('--dir without headered sources is IMPORT_NO_SOURCES; a missing folder PATH_NOT_FOUND', () => {
    const { dir, env } = project({ 'progs/x.py': 'x = 1\n' });
    expect(cli(dir, ['--dir', 'progs'], env)).toMatchObject({ code: 2, err: [expect.stringContaining('IMPORT_NO_SOURCES')] });
    expect(cli(dir, ['--dir', 'nowhere'], env)).toMatchObject({ code: 2, err: [expect.stringMatching(/^nowhere:1:1: PATH_NOT_FOUND/)] });
  });
});

describe('npm run corpus:check', () => {
  const io = (dir: string, env: Record<string, string>, out: string[]) => ({ out: (l: string) => out.push(l), err: (l: string) => out.push(l), cwd: dir, env });

  test('without CPython 3.13 it says why it skipped, and succeeds', () => {
    const dir = tempDir({});
    const out: string[] = [];
    expect(corpusCheck(dir, io(dir, envWith(dir), out), referenceVm)).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^corpus:check: skipped: no CPython 3\.13 found .*OPTCERT_PYTHON=PATH/)]);
  });

  test('a fresh import equal to the committed fixture passes; a different one fails with the first differing line', () => {
    const same = project({ 'fixtures/programs/t.py': '# optcert: call=main()\n', 'fixtures/programs/t.answer': ok(PASSING), 'fixtures/programs/t.yaml': PASSING });
    const out: string[] = [];
    expect(corpusCheck(same.dir, io(same.dir, same.env, out), referenceVm)).toBe(0);
    expect(out.at(-1)).toMatch(/^corpus:check: 1 programs re-imported with CPython 3\.13\.0 .*: all match$/);

    const stale = project({ 'fixtures/programs/t.py': '# optcert: call=main()\n', 'fixtures/programs/t.answer': ok(PASSING), 'fixtures/programs/t.yaml': DIFFERING });
    const out2: string[] = [];
    expect(corpusCheck(stale.dir, io(stale.dir, stale.env, out2), referenceVm)).toBe(1);
    expect(out2).toContain(`DIFF fixtures/programs/t.yaml:${DIFFERING.split('\n').findIndex((l) => l.includes('"2"')) + 1}: committed "  return: \\"2\\"", fresh import "  return: \\"1\\""`);
    expect(out2.at(-1)).toMatch(/^corpus:check: 1 of 1 programs differ/);
  });
});

describe('the helper and the runtime agree', () => {
  const py = readFileSync(join(REPO, 'tools', 'cpython', 'py2fixture.py'), 'utf8');
  const list = (name: string): string[] => {
    const m = new RegExp(`${name} = \\(\\n((?:\\s+'[^']*'\\n)+)\\)\\.split\\(\\)`).exec(py);
    if (!m) throw new Error(`${name} not found in py2fixture.py`);
    const words = (text: string): string[] => [...text.matchAll(/'([^']*)'/g)].map((x) => x[1]!).join(' ').split(/\s+/).filter(Boolean);
    // Areas add their names on lines of their own: `NAME += 'a b'.split()` or `NAME += ['a', 'b']`.
    const added = [...py.matchAll(new RegExp(`^${name} \\+= ([^#\\n]*)`, 'gm'))].flatMap((x) => words(x[1]!));
    return [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!).join('').split(/\s+/).filter(Boolean).concat(added);
  };

  test("py2fixture.py's allowed builtins are exactly the runtime's (less MemoryError)", () => {
    const allowed = [...list('BUILTIN_FUNCTIONS'), ...list('EXCEPTION_TYPES')].sort();
    const runtime = [...BUILTINS.keys()].filter((n) => n !== 'MemoryError').sort();
    expect(allowed).toEqual(runtime);
  });

  test("py2fixture.py's problem codes are the importer's", () => {
    const codes = [...py.matchAll(/^[A-Z_]+ = '(IMPORT_[A-Z_]+)'/gm)].map((m) => m[1]).sort();
    expect(codes).toEqual([...HELPER_CODES].sort());
  });
});
