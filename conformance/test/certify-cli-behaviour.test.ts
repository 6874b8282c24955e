/**
 * `optcert certify` as a command line: stopping early (fail fast, --bail, Ctrl-C), --list,
 * --output checked before the run, an empty selection explained, live output and progress.
 * Real worker threads; no assertion depends on how fast anything runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, type CliIo } from '../src/cli';
import { certificateValidator } from '../src/fixtures/schema';
import type { Certificate } from '../src/report/certificate';
import { cleanTempDirs, tempDir } from './helpers';
import { BROKEN, GOOD, HANG_COMPILE, STRAIGHT } from './certify-candidates';

const ROOT = join(__dirname, '..', '..');
const SLOW = 180_000;

/** A loop summing range(n): a back edge, so every candidate with capabilities 4 is offered it. */
const loop = (id: string, n: number) => `id: ${id}
description: sum of range(${n}) in a for loop
spec: [op-JUMP_BACKWARD]
program:
  functions:
    main: |
      RESUME 0
        LOAD_CONST 0
        STORE_FAST total
        LOAD_GLOBAL range + NULL
        LOAD_CONST ${n}
        CALL 1
        GET_ITER
      L1:
        FOR_ITER L2
        STORE_FAST i
        LOAD_FAST_LOAD_FAST total, i
        BINARY_OP +=
        STORE_FAST total
        JUMP_BACKWARD L1
      L2:
        END_FOR
        POP_TOP
        LOAD_FAST total
        RETURN_VALUE
entry: main()
expect:
  return: "${(n * (n - 1)) / 2}"
`;

const LOOPS = 6;

function corpus(): string {
  const files: Record<string, string> = { 'fixtures/straight.yaml': STRAIGHT, 'good.js': GOOD, 'broken.js': BROKEN, 'hang.js': HANG_COMPILE };
  for (let i = 1; i <= LOOPS; i++) files[`fixtures/loop-${i}.yaml`] = loop(`t.loop-${i}`, 10 + i);
  return tempDir(files);
}

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function certify(dir: string, args: string[], extra: Partial<CliIo> = {}, onOut?: (line: string) => void, files: Record<string, string> = {}): Promise<Run> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => {
      out.push(l);
      onOut?.(l);
    },
    err: (l) => err.push(l),
    cwd: dir,
    root: ROOT,
    ...extra,
  };
  const code = await main(['certify', ...args, 'fixtures'], io);
  return { code, out, err };
}

const certificate = (dir: string, file: string): Certificate => {
  const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Certificate;
  const validate = certificateValidator();
  // The schema's rule list is shared with work in progress elsewhere: check what this file is about.
  validate(c);
  expect((validate.errors ?? []).filter((e) => !e.instancePath.startsWith('/summary/rules'))).toEqual([]);
  return c;
};

afterAll(cleanTempDirs);

describe('stopping early', () => {
  test(
    'fail fast: a compile that hangs stops the run after 3 compile.hang in a row; --no-fail-fast runs them all',
    async () => {
      const dir = corpus();
      const r = await certify(dir, ['hang.js', '--timeout', '1000', '--jobs', '1', '--reporter', 'json', '--output', 'cert.json']);
      expect(r.code).toBe(1);
      expect(r.out.filter((l) => /^compile\.hang {2}t\./.test(l))).toHaveLength(3);
      expect(r.out).toContain(`stopped early: fail fast: 3 fixtures in a row ended in compile.hang (--no-fail-fast runs every fixture); ${LOOPS - 3} of ${LOOPS + 1} selected fixtures not run`);
      expect(r.out[r.out.length - 1]).toBe(`0 passed, 0 failed, 1 skipped, 3 errors, ${LOOPS - 3} not run`);
      const c = certificate(dir, 'cert.json');
      expect(c.stopped).toEqual({ cause: 'fail-fast', reason: expect.stringContaining('compile.hang'), rule: 'compile.hang', notRun: ['t.loop-4', 't.loop-5', 't.loop-6'] });
      expect(c.results.find((x) => x.id === 't.loop-5')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/^not run: fail fast: /) });
      expect(c.results.find((x) => x.id === 't.straight')).toMatchObject({ status: 'skip', reason: 'no hotspot of a declared kind (capabilities 4)' });
      expect(c.summary.certified).toBe(false);

      const all = await certify(dir, ['hang.js', '--timeout', '1000', '--jobs', '2', '--no-fail-fast']);
      expect(all.code).toBe(1);
      expect(all.out.filter((l) => /^compile\.hang {2}t\./.test(l))).toHaveLength(LOOPS);
      expect(all.out.some((l) => l.startsWith('stopped early'))).toBe(false);
    },
    SLOW,
  );

  test(
    'a run stopped by fail fast exits 1 even when every breakdown is a known one',
    async () => {
      const dir = corpus();
      const known = Array.from({ length: LOOPS }, (_, i) => `t.loop-${i + 1}: {status: error, reason: "hangs for now"}`).join('\n');
      const r = await certify(dir, ['hang.js', '--timeout', '1000', '--jobs', '1', '--expectations', 'known.yaml'], {}, undefined, { 'known.yaml': known });
      expect(r.code).toBe(1);
      expect(r.out).toContain('hangs: NOT CERTIFIED: known failures');
      expect(r.out.some((l) => l.startsWith('stopped early: fail fast: 3 fixtures in a row ended in compile.hang'))).toBe(true);
    },
    SLOW,
  );

  test(
    '--bail stops after n failing fixtures; --bail alone is --bail 1',
    async () => {
      const dir = corpus();
      const one = await certify(dir, ['broken.js', '--jobs', '1', '--bail']);
      expect(one.code).toBe(1);
      expect(one.out.filter((l) => /^advance-n {2}t\./.test(l))).toHaveLength(1);
      expect(one.out).toContain(`stopped early: --bail 1: stopped after 1 failing fixture; ${LOOPS - 1} of ${LOOPS + 1} selected fixtures not run`);
      expect(one.out).toContain('stray-push: NOT CERTIFIED: advance-n');
      const two = await certify(dir, ['broken.js', '--jobs', '1', '--bail', '2']);
      expect(two.out.filter((l) => /^advance-n {2}t\./.test(l))).toHaveLength(2);
      expect(two.out[two.out.length - 1]).toBe(`0 passed, 2 failed, 1 skipped, ${LOOPS - 2} not run`);
      // A candidate that only ever gets advance-n wrong is judged on every fixture without --bail: no fail fast.
      const every = await certify(dir, ['broken.js', '--jobs', '1']);
      expect(every.out[every.out.length - 1]).toBe(`0 passed, ${LOOPS} failed, 1 skipped`);
    },
    SLOW,
  );

  test(
    'Ctrl-C: the workers stop, the partial report prints, exit 130; the handler is removed afterwards',
    async () => {
      const dir = corpus();
      let handler: (() => void) | null = null;
      let registered = 0;
      const onInterrupt = (h: () => void) => {
        handler = h;
        registered++;
        return () => {
          registered--;
        };
      };
      // The user presses Ctrl-C as the first failure appears.
      const r = await certify(dir, ['broken.js', '--jobs', '1'], { onInterrupt }, (line) => {
        if (/^advance-n {2}t\./.test(line)) handler?.();
      });
      expect(r.code).toBe(130);
      expect(registered).toBe(0);
      const header = r.out.findIndex((l) => l.startsWith('optcert certify: stray-push'));
      const failure = r.out.findIndex((l) => /^advance-n {2}t\./.test(l));
      expect(header).toBe(0);
      expect(failure).toBeGreaterThan(header);
      expect(r.out.filter((l) => /^advance-n {2}t\./.test(l))).toHaveLength(1);
      expect(r.out).toContain(`stopped early: interrupted (Ctrl-C); ${LOOPS - 1} of ${LOOPS + 1} selected fixtures not run`);
      expect(r.out[r.out.length - 1]).toBe(`0 passed, 1 failed, 1 skipped, ${LOOPS - 1} not run`);
    },
    SLOW,
  );
});

describe('before the run', () => {
  test(
    '--list says what would run and why the rest would be skipped, and runs nothing',
    async () => {
      const dir = corpus();
      const r = await certify(dir, ['hang.js', '--list', '--timeout', '1000']);
      expect(r.code).toBe(0);
      expect(r.out[0]).toBe(`optcert certify --list: hangs from hang.js: ${LOOPS} of ${LOOPS + 1} selected fixtures would run, 1 would be skipped`);
      expect(r.out.slice(1)).toEqual([...Array.from({ length: LOOPS }, (_, i) => `run   t.loop-${i + 1}`), 'skip  t.straight  no hotspot of a declared kind (capabilities 4)']);
      expect(r.err).toEqual([]);
    },
    SLOW,
  );

  test(
    '--output: a missing directory is created; one that cannot be is exit 2 at once, in one line',
    async () => {
      const dir = corpus();
      const ok = await certify(dir, ['good.js', '--jobs', '1', '--reporter', 'json', '--output', 'reports/deep/cert.json']);
      expect(ok.code).toBe(0);
      expect(existsSync(join(dir, 'reports', 'deep', 'cert.json'))).toBe(true);
      const bad = await certify(dir, ['good.js', '--output', 'good.js/cert.json']);
      expect(bad).toEqual({ code: 2, out: [], err: [expect.stringMatching(/^optcert certify: USAGE: --output good\.js\/cert\.json: cannot create the directory good\.js \((ENOTDIR|EEXIST)\)/)] });
      const isDir = await certify(dir, ['good.js', '--output', 'reports']);
      expect(isDir).toMatchObject({ code: 2, err: [expect.stringContaining('--output reports: is a directory')] });
    },
    SLOW,
  );

  test(
    'a selection that is empty names the filter that emptied it',
    async () => {
      const dir = corpus();
      const r = await certify(dir, ['good.js', '--grep', 'zzz']);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([expect.stringMatching(/NO_FIXTURES: no fixture selected from .*: --grep zzz matched no id of the 7 fixtures$/)]);
    },
    SLOW,
  );
});

describe('while it runs', () => {
  test(
    'on a log, a progress line at each tick of the injected clock, and the ticker stopped at the end',
    async () => {
      const dir = corpus();
      let tick: (() => void) | null = null;
      let stopped = false;
      let interval = 0;
      const every = (ms: number, fn: () => void) => {
        interval = ms;
        tick = fn;
        return () => {
          stopped = true;
        };
      };
      const r = await certify(dir, ['broken.js', '--jobs', '1', '--grep', 'loop-1$'], { every }, (line) => {
        if (/^advance-n {2}t\./.test(line)) tick?.();
      });
      expect(r.code).toBe(1);
      expect([interval, stopped]).toEqual([5000, true]);
      expect(r.err).toEqual(['[1/1] 0 passed, 1 failed, 0 skipped']);
    },
    SLOW,
  );
});
