/**
 * The base of the dependency mutants (mutants/lib/global-folding.ts), without a flaw, certifies
 * clean on the dependency fixtures: every violation of its three mutants is the flaw's.
 */
import { join } from 'node:path';
import { loadCorpus } from '../src/fixtures/select';
import type { Mutant } from '../src/mutants/gallery';
import { runMutant } from '../src/mutants/score';
import { referenceVm } from '../src/run/reference-vm';
import { GlobalFoldingOptimizer } from './mutants/lib/global-folding';

const ROOT = join(__dirname, '..', '..');

test('the correct global-folding optimizer passes every dependency fixture on both profiles', () => {
  const corpus = loadCorpus(ROOT, ['fixtures/optimizer/dependencies']);
  expect(corpus.problems).toEqual([]);
  const correct = {
    name: 'global-folding', file: 'lib/global-folding.ts', rule: 'advance-n', summary: 'correct',
    createOptimizer: () => new GlobalFoldingOptimizer('global-folding', 'none'),
  } as unknown as Mutant;
  const r = runMutant(referenceVm, correct, corpus.fixtures);
  expect(r.errors).toEqual([]);
  expect(r.otherRules).toEqual({});
  expect(r.killers).toEqual([]);
  expect(r.counts.pass).toBeGreaterThanOrEqual(20);
}, 120_000);
