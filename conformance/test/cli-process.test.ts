/**
 * bin/optcert.js as a user runs it, in a process of its own: the version, colour from the
 * environment, and Ctrl-C during a certification (the workers stop, the partial report prints,
 * exit 130). Needs the build (`npm install` / `npm run build`). Nothing here waits on a clock: the
 * interrupt is sent once the header has been printed, and the candidate hangs until it comes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanTempDirs, tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'optcert.js');
const SLOW = 120_000;
const FIXTURE = join(ROOT, 'fixtures', 'programs', 'sum-squares.yaml');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function optcert(args: string[], env: Record<string, string | undefined>, onStdout?: (all: string, signal: () => void) => void): Promise<Run> {
  return new Promise((resolve) => {
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, () => child.kill('SIGINT'));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(cleanTempDirs);

describe('the optcert process', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'conformance', 'src', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  });

  test('--version prints the package version', async () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(await optcert(['--version'], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  }, SLOW);

  test('colour: none in a pipe, FORCE_COLOR forces it, NO_COLOR does not override FORCE_COLOR', async () => {
    const args = ['run', FIXTURE];
    expect((await optcert(args, {})).stdout).toBe('1 passed, 0 failed\n');
    expect((await optcert(args, { NO_COLOR: '1' })).stdout).toBe('1 passed, 0 failed\n');
    expect((await optcert(args, { FORCE_COLOR: '1' })).stdout).toBe('\x1b[32m1 passed\x1b[39m, 0 failed\n');
    expect((await optcert(args, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).toContain('\x1b[32m');
    expect((await optcert(args, { FORCE_COLOR: '0' })).stdout).toBe('1 passed, 0 failed\n');
  }, SLOW);

  test(
    'Ctrl-C while fixtures run: the workers stop, the report of what ran prints, exit 130',
    async () => {
      const dir = tempDir({ 'hang.js': "exports.createOptimizer = () => ({ name: 'hangs', capabilities: 4, optimizationCost: 1, runCost: 1, compile() { for (;;) {} } });\n" });
      let sent = false;
      const run = await optcert(['certify', join(dir, 'hang.js'), FIXTURE, '--jobs', '1', '--timeout', '600000'], {}, (all, interrupt) => {
        // The header's options line ends the header; the handler is in place by then.
        if (!sent && /\n {2}1 worker, timeout 600000 ms, fail fast\n/.test(all)) {
          sent = true;
          interrupt();
        }
      });
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr).toContain('optcert: interrupted: stopping the workers (Ctrl-C again to quit at once)');
      expect(run.stdout).toContain('stopped early: interrupted (Ctrl-C); 1 of 1 selected fixtures not run');
      expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual(['hangs: NOT CERTIFIED: the run stopped early', '0 passed, 0 failed, 0 skipped, 1 not run']);
    },
    SLOW,
  );
});
