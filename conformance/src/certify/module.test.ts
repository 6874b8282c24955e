import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CERTIFY_OPTIONS } from './certify-fixture';
import { pick, resolveCandidate, type CandidateInfo, type CandidateRef } from './module';
import { startPool } from './session';

const opt = (name: string) => ({ name, capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });

describe('the module contract (pick)', () => {
  test('createOptimizer wins over everything else', () => {
    const p = pick({ createOptimizer: () => opt('a'), default: () => opt('b'), optimizer: opt('c') });
    expect(p.ok && [p.export, p.instances, p.factory().name]).toEqual(['createOptimizer', 'fresh', 'a']);
  });

  test('a default factory or class is used fresh; a class is instantiated with new', () => {
    class K {
      name = 'k';
      capabilities = 4;
      optimizationCost = 1;
      runCost = 1;
      compile() {
        return null;
      }
    }
    const viaClass = pick({ default: K });
    expect(viaClass.ok && [viaClass.export, viaClass.instances, viaClass.factory() instanceof K]).toEqual(['default', 'fresh', true]);
    const viaFunction = pick({ default: () => opt('f') });
    expect(viaFunction.ok && viaFunction.factory().name).toBe('f');
    // CommonJS module.exports = factory
    const cjs = pick(() => opt('m'));
    expect(cjs.ok && [cjs.export, cjs.factory().name]).toEqual(['module.exports', 'm']);
    const named = pick({ optimizer: K });
    expect(named.ok && [named.export, named.instances]).toEqual(['optimizer', 'fresh']);
  });

  test('an optimizer object is shared; CommonJS exports seen through an ESM default count', () => {
    const o = opt('o');
    const d = pick({ default: o });
    expect(d.ok && [d.export, d.instances, d.factory() === o]).toEqual(['default', 'shared', true]);
    const n = pick({ optimizer: o });
    expect(n.ok && [n.export, n.instances]).toEqual(['optimizer', 'shared']);
    const m = pick(o);
    expect(m.ok && [m.export, m.instances]).toEqual(['module.exports', 'shared']);
    const esmOfCjs = pick({ default: { createOptimizer: () => opt('e') } });
    expect(esmOfCjs.ok && [esmOfCjs.export, esmOfCjs.factory().name]).toEqual(['createOptimizer', 'e']);
  });

  test('no optimizer: the exports found are listed', () => {
    const p = pick({ hello: 1, world: 'x' });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toMatch(/found: hello, world/);
    expect(pick(undefined).ok).toBe(false);
    expect(pick({ default: { name: 'no compile' } }).ok).toBe(false);
  });
});

/** Starting workers is not a measure of speed: generous for a loaded machine. */
const WORKER_TIMEOUT = 300_000;

/** What a certification worker reports when it loads the module: the info, or why it could not. */
async function loadInWorker(ref: CandidateRef): Promise<{ ok: true; info: CandidateInfo } | { ok: false; message: string }> {
  const started = await startPool({
    candidate: { ref, spec: ref.kind === 'sample' ? `sample:${ref.name}` : ref.path, version: null },
    certify: DEFAULT_CERTIFY_OPTIONS,
    calibrate: false,
    jobs: 1,
    timeoutMs: 10_000,
    maxMemoryMb: 256,
  });
  if (!started.ok) return started;
  await started.pool.close();
  return { ok: true, info: started.info };
}

describe('resolving and loading a module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'optcert-module-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('sample:<name>, a file, a TypeScript file, a version from package.json', async () => {
    expect(resolveCandidate('sample:superblock', dir, null)).toMatchObject({ ok: true, candidate: { ref: { kind: 'sample', name: 'superblock' } } });
    expect(resolveCandidate('sample:nope', dir, null)).toMatchObject({ ok: false, message: expect.stringMatching(/no bundled sample optimizer 'nope'/) });
    expect(resolveCandidate('./missing.js', dir, null).ok).toBe(false);
    writeFileSync(join(dir, 'package.json'), '{"name": "mine", "version": "1.2.3"}');
    writeFileSync(join(dir, 'o.js'), 'exports.createOptimizer = () => ({ name: "o", capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });');
    expect(resolveCandidate('./o.js', dir, null)).toMatchObject({ ok: true, candidate: { version: '1.2.3', ref: { kind: 'file', path: join(dir, 'o.js') } } });
    // TypeScript needs no loader of the user's: optcert transpiles it itself.
    writeFileSync(join(dir, 't.mts'), 'export const createOptimizer = () => ({ name: "t", capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });');
    expect(resolveCandidate('t.mts', dir, null)).toMatchObject({ ok: true, candidate: { ref: { kind: 'file' } } });
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(resolveCandidate('notes.txt', dir, null)).toMatchObject({ ok: false, message: expect.stringMatching(/a candidate module is a \.js, \.cjs, \.mjs, \.ts, \.cts, \.mts file/) });
  });

  test('loadCandidate reads what the optimizer declares and flags a refused registration', async () => {
    // In a worker: loading locks the realm down, which jest's own realm cannot be.
    writeFileSync(join(dir, 'bad.js'), 'module.exports = { name: "b", capabilities: 8, optimizationCost: 1, runCost: 1, compile() { return null; } };');
    const l = await loadInWorker({ kind: 'file', path: join(dir, 'bad.js') });
    // A fresh module instance per fixture: even an exported object is a new one every time.
    expect(l.ok && l.info).toMatchObject({ name: 'b', export: 'module.exports', instances: 'fresh', capabilities: 8, registration: { rule: 'registration.capabilities' }, warnings: [] });
    const s = await loadInWorker({ kind: 'sample', name: 'counter' });
    expect(s.ok && s.info).toMatchObject({ name: 'counter', instances: 'fresh', capabilities: 4, registration: null, warnings: [] });
    writeFileSync(join(dir, 'throws.js'), 'exports.createOptimizer = () => { throw new Error("no"); };');
    expect(await loadInWorker({ kind: 'file', path: join(dir, 'throws.js') })).toMatchObject({ ok: false, message: expect.stringMatching(/createOptimizer threw: Error: no/) });
  }, WORKER_TIMEOUT);

  test('every form a user writes loads: ESM and CommonJS, JavaScript and TypeScript, importing optcert', async () => {
    const body = 'name: "m", capabilities: Capability.BACK_EDGE, optimizationCost: 1, runCost: 1, compile: () => null';
    const forms: Record<string, string> = {
      'cjs.cjs': `const { Capability } = require('optcert'); exports.createOptimizer = () => ({ ${body} });`,
      'esm.mjs': `import { Capability } from 'optcert'; export function createOptimizer() { return { ${body} }; }`,
      'esm-default.js': `import { Capability } from 'optcert'; export default class { ${body.replace(/: /g, ' = ').replace(/, /g, '; ')} }`,
      'typed.ts': `import { Capability, type Optimizer } from 'optcert'; import { helper } from './helper.js'; export const createOptimizer = (): Optimizer => ({ ${body}, name: helper() });`,
      'helper.ts': 'export const helper = (): string => "typed";',
      'typed.cts': `import optcert = require('optcert'); const Capability = optcert.Capability; export = { createOptimizer: () => ({ ${body} }) };`,
      'typed.mts': `import * as optcert from 'optcert'; const { Capability } = optcert; export const optimizer = () => ({ ${body} });`,
    };
    for (const [f, text] of Object.entries(forms)) writeFileSync(join(dir, f), text);
    for (const f of ['cjs.cjs', 'esm.mjs', 'esm-default.js', 'typed.ts', 'typed.cts', 'typed.mts']) {
      const loaded = await loadInWorker({ kind: 'file', path: join(dir, f) });
      expect({ f, ok: loaded.ok, message: loaded.ok ? null : loaded.message }).toEqual({ f, ok: true, message: null });
      expect(loaded.ok && loaded.info).toMatchObject({ capabilities: 4, registration: null });
    }
  }, WORKER_TIMEOUT);

  test('a load error names the file, line and column and the whole diagnostic', async () => {
    writeFileSync(join(dir, 'syntax.js'), 'exports.createOptimizer = () => ({\n  compile() { return null }\n  execute() {}\n});\n');
    const syntax = await loadInWorker({ kind: 'file', path: join(dir, 'syntax.js') });
    expect(syntax).toMatchObject({ ok: false, message: expect.stringMatching(/syntax\.js:3:3: TS\d+: ',' expected\./) });
    writeFileSync(join(dir, 'throws-top.js'), '\n\nnull.x;\n');
    const top = await loadInWorker({ kind: 'file', path: join(dir, 'throws-top.js') });
    expect(top).toMatchObject({ ok: false, message: expect.stringMatching(/throws-top\.js:3:\d+: TypeError: Cannot read properties of null/) });
  }, WORKER_TIMEOUT);
});
