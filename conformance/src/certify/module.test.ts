import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCandidate, pick, resolveCandidate } from './module';

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

describe('resolving and loading a module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'optcert-module-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('sample:<name>, a file, a TypeScript file, a version from package.json', async () => {
    expect(resolveCandidate('sample:superblock', dir, null)).toMatchObject({ ok: true, candidate: { ref: { kind: 'sample', name: 'superblock' } } });
    expect(resolveCandidate('sample:nope', dir, null)).toMatchObject({ ok: false, message: expect.stringMatching(/no bundled sample optimizer 'nope'/) });
    expect(resolveCandidate('./missing.js', dir, null).ok).toBe(false);
    writeFileSync(join(dir, 'package.json'), '{"name": "mine", "version": "1.2.3"}');
    writeFileSync(join(dir, 'o.js'), 'exports.createOptimizer = () => ({ name: "o", capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });');
    const r = resolveCandidate('./o.js', dir, null);
    expect(r).toMatchObject({ ok: true, candidate: { version: '1.2.3', ref: { kind: 'file', tsNode: null } } });
    writeFileSync(join(dir, 't.ts'), 'export const createOptimizer = () => ({ name: "t", capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });');
    // ts-node is found from the module's directory, the working directory, or optcert's root.
    const t = resolveCandidate('t.ts', dir, join(__dirname, '..', '..', '..'));
    expect(t.ok && t.candidate.ref.kind === 'file' && t.candidate.ref.tsNode).toMatch(/ts-node/);
    expect(resolveCandidate('t.ts', dir, null)).toMatchObject({ ok: false, message: expect.stringMatching(/compile it to JavaScript first, or install ts-node/) });
  });

  test('loadCandidate reads what the optimizer declares and flags a refused registration', async () => {
    writeFileSync(join(dir, 'bad.js'), 'module.exports = { name: "b", capabilities: 8, optimizationCost: 1, runCost: 1, compile() { return null; } };');
    const l = await loadCandidate({ kind: 'file', path: join(dir, 'bad.js'), tsNode: null });
    expect(l.ok && l.info).toMatchObject({ name: 'b', export: 'module.exports', instances: 'shared', capabilities: 8, registration: { rule: 'registration.capabilities' } });
    expect(l.ok && l.info.warnings[0]).toMatch(/reused for every fixture/);
    const s = await loadCandidate({ kind: 'sample', name: 'counter' });
    expect(s.ok && s.info).toMatchObject({ name: 'counter', instances: 'fresh', capabilities: 4, registration: null, warnings: [] });
    writeFileSync(join(dir, 'same.js'), 'const o = { name: "s", capabilities: 4, optimizationCost: 1, runCost: 1, compile() { return null; } }; exports.createOptimizer = () => o;');
    const same = await loadCandidate({ kind: 'file', path: join(dir, 'same.js'), tsNode: null });
    expect(same.ok && same.info.warnings[0]).toMatch(/returned the same object twice/);
    writeFileSync(join(dir, 'throws.js'), 'exports.createOptimizer = () => { throw new Error("no"); };');
    expect(await loadCandidate({ kind: 'file', path: join(dir, 'throws.js'), tsNode: null })).toMatchObject({ ok: false, message: expect.stringMatching(/createOptimizer threw: Error: no/) });
  });
});
