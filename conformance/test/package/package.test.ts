/**
 * optcert as a package: what `npm pack` ships, and certification from fresh projects that install
 * the tarball (no network: see pack.ts). Slow (a build, a pack, npm installs, a few certify runs
 * of three fixtures each), so it runs in its own file with generous limits; nothing is timed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanWork, installProject, optcert, packOptcert, REPO, sh, type Packed } from './pack';

const SLOW = 15 * 60_000;
/** A handful of official fixtures where a back-edge optimizer applies. */
const GREP = '^programs\\.(sum-squares|collatz|word-count)$';
const CORPUS_VERSION = /^corpus-version:\s*(\S+)/m.exec(readFileSync(join(REPO, 'fixtures', 'VERSION'), 'utf8'))![1]!;
const PARTIAL = new RegExp(`: CERTIFIED against a partial selection of 3 of (\\d+) fixtures of the official corpus ${CORPUS_VERSION.replace(/\./g, '\\.')} \\(not the whole corpus\\)$`, 'm');

let packed: Packed | undefined;

beforeAll(() => {
  packed = packOptcert();
}, SLOW);

afterAll(() => cleanWork(packed));

describe('npm pack', () => {
  test('ships the CLI, the build, the gallery, the corpus, the spec and schemas, and nothing else', () => {
    const files = packed!.files;
    const has = (f: string) => files.includes(f);
    for (const f of [
      'package.json',
      'README.md',
      'bin/optcert.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/conformance/src/cli.js',
      'dist/conformance/src/certify/worker.js',
      'dist/reference/src/index.js',
      'dist/reference/src/index.d.ts',
      'dist/spec/schemas/certificate.schema.json',
      'fixtures/VERSION',
      'fixtures/tags.yaml',
      'spec/README.md',
      'spec/certification.md',
      // What the shipped tools/cpython/py2fixture.py reads the instruction table from.
      'spec/instructions.json',
      'spec/schemas/certificate.schema.json',
      'spec/schemas/fixture.schema.json',
      'tools/cpython/py2fixture.py',
    ]) {
      expect([f, has(f)]).toEqual([f, true]);
    }
    // The whole official corpus with its generated tier, and the mutant gallery that `optcert mutants` loads.
    const fixtures = sh('git', ['ls-files', 'fixtures', 'fixtures-generated'], REPO).out.trim().split('\n');
    expect(fixtures.filter((f) => !has(f))).toEqual([]);
    expect(files.filter((f) => /^dist\/conformance\/test\/mutants\/[^/]+\.js$/.test(f)).length).toBeGreaterThan(20);
    const stray = files.filter(
      (f) =>
        /\.test\.(js|d\.ts)$/.test(f) ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')) ||
        /^(tools\/(fuzz|cpython\/(vm-corpus|optimizer-corpus))|scripts|bench|node_modules|\.ci|\.github)\//.test(f) ||
        /^dist\/conformance\/test\/(?!mutants\/)/.test(f) ||
        /^(jest\.config|tsconfig)/.test(f),
    );
    expect(stray).toEqual([]);
  });

  test('package.json: publishable, one public entry with types, no deep imports', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.private).toBeUndefined();
    expect(pkg.exports).toEqual({ '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' });
  });
});

describe('certify from a project that installed the tarball', () => {
  test(
    'CommonJS .js candidate importing from optcert: the official corpus is the default, a local ./fixtures does not replace it',
    () => {
      const dir = join(packed!.work, 'cjs');
      installProject(packed!, dir);
      writeFileSync(
        join(dir, 'burst.js'),
        `const { Capability } = require('optcert');
exports.createOptimizer = () => ({
  name: 'burst', capabilities: Capability.BACK_EDGE, optimizationCost: 0.1, runCost: 1,
  compile() {
    return { execute(frame, vm) { for (let i = 0; i < 64 && vm.frame === frame; i++) vm.step(frame); return vm.frame; } };
  },
});
`,
      );
      // The user's own fixture in ./fixtures (an official one under another id): never silently the corpus.
      mkdirSync(join(dir, 'fixtures'));
      const official = readFileSync(join(REPO, 'fixtures', 'programs', 'sum-squares.yaml'), 'utf8');
      writeFileSync(join(dir, 'fixtures', 'mine.yaml'), official.replace(/^id: .*$/m, 'id: mine.sum-squares'));
      const r = optcert(dir, ['certify', 'burst.js', '--grep', GREP, '--jobs', '1']);
      expect([r.code, r.err]).toEqual([0, expect.stringContaining('note: ./fixtures is not used')]);
      expect(r.out).toMatch(new RegExp(`corpus: the official corpus ${CORPUS_VERSION.replace(/\./g, '\\.')}, sha256:`));
      expect(r.out).toMatch(PARTIAL);
      expect(r.out).toMatch(/^burst: CERTIFIED/m);

      const custom = optcert(dir, ['certify', 'burst.js', 'fixtures', '--jobs', '1']);
      expect([custom.code, custom.err]).toEqual([0, '']);
      expect(custom.out).toMatch(/corpus: a custom corpus \(fixtures\), sha256:/);
      expect(custom.out).toMatch(/^burst: CERTIFIED against a custom selection of 1 fixture \(not the official corpus\)$/m);

      const run = optcert(dir, ['run', '--grep', GREP]);
      expect([run.code, run.out.trim()]).toEqual([0, '3 passed, 0 failed']);
    },
    SLOW,
  );

  test(
    'ESM projects get the named exports and types of the public entry, and no deep imports',
    () => {
      const dir = join(packed!.work, 'esm-api');
      installProject(packed!, dir, { extra: { type: 'module' } });
      writeFileSync(
        join(dir, 'check.mjs'),
        `import { Capability, HANDLERS, originalOp, originalArg, loadProgram, runEntry, python, binaryOp, SuperblockOptimizer } from 'optcert';
const kinds = [Capability.BACK_EDGE, typeof HANDLERS, typeof originalOp, typeof originalArg, typeof loadProgram, typeof runEntry, typeof python.truthy, typeof binaryOp, typeof SuperblockOptimizer];
let deep = 'importable';
try { await import('optcert/dist/conformance/src/certify/run-certify.js'); } catch (e) { deep = e.code; }
console.log(JSON.stringify({ kinds, deep }));
`,
      );
      const r = sh(process.execPath, ['check.mjs'], dir);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toEqual({ kinds: [4, 'object', 'function', 'function', 'function', 'function', 'function', 'function', 'function'], deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
      writeFileSync(
        join(dir, 'typed.ts'),
        `import { Capability, originalOp, type Code, type Executor, type Frame, type Optimizer, type Vm } from 'optcert';
export const opt: Optimizer = {
  name: 't', capabilities: Capability.BACK_EDGE, optimizationCost: 1, runCost: 1,
  compile(code: Code, offset: number): Executor | null {
    const op: number = originalOp(code, offset);
    return op >= 0 ? { execute: (frame: Frame, vm: Vm) => (vm.step(frame), vm.frame) } : null;
  },
};
`,
      );
      // optcert init from the installed package: the optimizer it writes type-checks against the
      // package's declarations (the next test certifies it).
      const init = optcert(dir, ['init']);
      expect([init.code, init.err]).toEqual([0, '']);
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts).toEqual({ certify: 'optcert certify my-optimizer.ts --generated --expectations optcert-expectations.yaml' });
      const tsc = sh(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', 'typed.ts', 'my-optimizer.ts'], dir);
      expect([tsc.code, tsc.out]).toEqual([0, '']);
    },
    SLOW,
  );

  test(
    'optcert init in an ESM project without a tsconfig, then certify the .ts optimizer it wrote',
    () => {
      const dir = join(packed!.work, 'esm-ts');
      installProject(packed!, dir, { extra: { type: 'module' } });
      const init = optcert(dir, ['init']);
      expect([init.code, init.err]).toEqual([0, '']);
      const r = optcert(dir, ['certify', 'my-optimizer.ts', '--expectations', 'optcert-expectations.yaml', '--grep', GREP, '--jobs', '1']);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(/^my-optimizer: CERTIFIED against a partial selection/m);
      expect(r.out).toMatch(PARTIAL);
    },
    SLOW,
  );

  test(
    "with TypeScript 7 in the user's project, the .ts candidate still loads (optcert uses its own TypeScript)",
    () => {
      const dir = join(packed!.work, 'ts7');
      installProject(packed!, dir, { extra: { type: 'module' }, typescript7: true });
      expect(JSON.parse(readFileSync(join(dir, 'node_modules', 'typescript', 'package.json'), 'utf8')).version).toBe('7.0.0');
      expect(optcert(dir, ['init']).code).toBe(0);
      const r = optcert(dir, ['certify', 'my-optimizer.ts', '--grep', GREP, '--jobs', '1']);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(PARTIAL);
    },
    SLOW,
  );
});
