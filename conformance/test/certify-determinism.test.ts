/**
 * A verdict does not depend on scheduling: the certificate is the same for one worker and for
 * two, and for the fixtures given in another order — measured costs aside (timings, and the
 * advisory costs.calibration verdict taken from them).
 * The candidates keep state at module level (a counter, a cache) that would leak from one fixture
 * to the next if a worker reused the module instance.
 * @spec #certify-module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli';
import { cleanTempDirs, tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = ['sum-squares', 'collatz', 'digit-sums', 'word-count', 'primes-sieve', 'gcd-lcm'].map((f) => join(ROOT, 'fixtures', 'programs', `${f}.yaml`));

/** Correct for its first three fixtures in one module instance, then a stray stack slot. */
const MODULE_CACHE = join(__dirname, 'hostile', 'module-cache.js');
/** Broken everywhere, so each result carries a violation with its path and closest N. */
const BROKEN = `'use strict';
let entries = 0;
exports.createOptimizer = () => ({
  name: 'broken', capabilities: 4, optimizationCost: 1, runCost: 1,
  compile: () => ({ execute(frame, vm) { vm.step(frame); if (++entries % 7 === 0 && vm.frame === frame) frame.stack.push(entries); return vm.frame; } }),
});
`;

const dir = tempDir({ 'broken.js': BROKEN });

async function certificate(module: string, fixtures: readonly string[], jobs: number): Promise<Record<string, unknown>> {
  const out = join(dir, 'certificate.json');
  const code = await main(['certify', module.startsWith('/') ? module : join(dir, module), ...fixtures, '--jobs', String(jobs), '--reporter', 'json', '--output', out], {
    out: () => undefined,
    err: () => undefined,
    cwd: ROOT,
  });
  const c = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
  // Timings, and the paths as the user listed them, are not verdicts.
  const { calibration: _calibration, ...rest } = c;
  const suite = { ...(rest.suite as Record<string, unknown>) };
  const corpus = { ...(suite.corpus as Record<string, unknown>) };
  if (Array.isArray(corpus.paths)) corpus.paths = [...(corpus.paths as string[])].sort();
  suite.corpus = corpus;
  // The advisory calibration rule is decided by those timings too.
  const summary = rest.summary as { rules: { id: string }[] };
  const rules = summary.rules.filter((r) => r.id !== 'costs.calibration');
  return { ...rest, suite, summary: { ...summary, rules }, code };
}

afterAll(cleanTempDirs);

test.each([
  ['a module-level cache', MODULE_CACHE],
  ['a broken optimizer with a module-level counter', 'broken.js'],
])('%s: the same certificate for --jobs 1, --jobs 2 and the fixtures reversed', async (_name, module) => {
  const one = await certificate(module, FIXTURES, 1);
  const two = await certificate(module, FIXTURES, 2);
  const reversed = await certificate(module, [...FIXTURES].reverse(), 2);
  expect(two).toEqual(one);
  expect(reversed).toEqual(one);
  expect((one.summary as { certified: boolean }).certified).toBe(module === MODULE_CACHE);
}, 600_000);
