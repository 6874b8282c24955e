/**
 * Hostile candidates (conformance/test/hostile/): modules that attack the certifier rather than
 * the VM. Each is certified by the built CLI in a process of its own, as a user runs it, and must
 * end not certified with the reason named — and nothing the module prints may reach the report's
 * stream. Needs the build (`npm install` / `npm ci` make it).
 * @spec #certify-sandbox
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'optcert.js');
const HOSTILE = join(__dirname, 'hostile');
/** Three small programs whose hot loops every broken executor here is caught in. */
const FIXTURES = ['sum-squares', 'collatz', 'digit-sums'].map((f) => join(ROOT, 'fixtures', 'programs', `${f}.yaml`));

interface Expectation {
  readonly exit: number;
  readonly texts: readonly string[];
}

function expectationOf(file: string): Expectation {
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('// expect: '));
  if (!line) throw new Error(`${file}: no '// expect:' line`);
  const m = /^\/\/ expect: (\d+) (.+)$/.exec(line)!;
  return { exit: Number(m[1]), texts: m[2]!.split(' | ') };
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function certify(module: string, extra: readonly string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'certify', module, ...FIXTURES, '--jobs', '1', '--timeout', '20000', '--max-memory', '96', ...extra], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // 'close' waits for stdout to end: a child the module left holding it would delay this.
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const modules = readdirSync(HOSTILE).filter((f) => f.endsWith('.js')).sort();
const built = existsSync(join(ROOT, 'dist', 'conformance', 'src', 'cli.js'));

describe('hostile candidates end not certified, with the reason named', () => {
  beforeAll(() => {
    if (!built) throw new Error('dist/ is missing: run `npm run build` (npm install does) before the hostile-module tests');
  });

  test('the gallery holds every class of attack', () => {
    expect(modules).toEqual(expect.arrayContaining([
      'require-certifier.js', 'patch-api.js', 'post-message.js', 'object-prototype.js', 'capabilities-getter.js',
      'kill-parent.js', 'spawn-child.js', 'forge-stdout.js', 'array-push.js', 'out-of-memory.js', 'substitute-frame.js',
      'unwrap-executor.js', 'patch-vm-prototype.js', 'module-cache.js', 'feral-function.js',
    ]));
  });

  test.concurrent.each(modules)('%s', async (file) => {
    const want = expectationOf(join(HOSTILE, file));
    const run = await certify(join(HOSTILE, file));
    const all = run.stdout + run.stderr;
    expect({ file, signal: run.signal, code: run.code }).toEqual({ file, signal: null, code: want.exit });
    const [first, ...rest] = want.texts;
    // Exit 1: a result line of the report opens with the rule (or `error`): `advance-n  <fixture>  …`.
    if (want.exit === 1) expect(run.stdout.split('\n').filter((l) => l.startsWith(`${first}  `) && /^\S+ {2}\S+ {2}/.test(l))).not.toHaveLength(0);
    else expect(all).toContain(first);
    for (const t of rest) expect(all).toContain(t);
    const name = file.replace(/\.js$/, '');
    // What the module printed is on stderr as [optimizer] lines; the report's verdict is the certifier's own.
    const verdicts = run.stdout.split('\n').filter((l) => l.includes(`${name}: CERTIFIED`));
    expect(verdicts).toHaveLength(want.exit === 0 ? 1 : 0);
  }, 180_000);
});
