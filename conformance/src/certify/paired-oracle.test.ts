/**
 * The oracle decides equal states by walking them side by side, comparing the commonest objects
 * part by part in place (reference/src/state/paired.ts, paired-parts.ts: setStateEquality('direct'),
 * the default); it used to compare their token lists, which is kept behind
 * setStateEquality('tokens'), and before this walked them through token records ('paired'). The
 * verdicts must not change: each mutant of the gallery is certified the old way and the new on the
 * corpus's cheapest fixtures until the old way kills it for its rule, and the jit and superblock
 * samples on a spread of the corpus (every STRIDE-th fixture) all three ways; every verdict,
 * violations with their differences included, must be the same. Bounded so that it stays a small
 * part of `npm test`.
 */
import { join } from 'node:path';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { loadCorpus } from '../fixtures/select';
import type { Fixture } from '../fixtures/types';
import { loadGallery } from '../mutants/gallery';
import { cheapFirst } from '../mutants/score';
import { referenceVm } from '../run/reference-vm';
import { certifyFixture } from './certify-fixture';
import { setStateEquality, type StateEquality } from './lockstep';
import type { FixtureVerdict } from './violation';

const ROOT = join(__dirname, '..', '..', '..');
const corpus = loadCorpus(ROOT, ['fixtures']);
const gallery = loadGallery(join(ROOT, 'conformance', 'test', 'mutants'));
const smallFirst = cheapFirst(corpus.fixtures);
/**
 * Fixtures that apply to a mutant, tried before giving up on a kill (the comparison still counts);
 * more for advance-N mutants, whose kills need the right program and are what the oracle decides.
 */
const MUTANT_FIXTURES = 6;
const ADVANCE_N_MUTANT_FIXTURES = 30;
const STRIDE = 20;
const TIMEOUT = 300_000;

/** A verdict as data to compare: everything but timings. */
function verdict(fixture: Fixture, make: () => Optimizer, equality: StateEquality): FixtureVerdict {
  const previous = setStateEquality(equality);
  try {
    return certifyFixture(referenceVm, fixture, make);
  } catch (e) {
    return { status: 'error', message: `internal: ${String(e).split('\n')[0]}` };
  } finally {
    setStateEquality(previous);
  }
}

/** The fixtures whose verdict differs between the old way ('tokens') and the others, with the verdicts. */
function compare(fixtures: readonly Fixture[], make: () => Optimizer, ways: readonly StateEquality[], limit = Infinity, stop: (v: FixtureVerdict) => boolean = () => false) {
  const differences: { fixture: string; tokens: FixtureVerdict; way: StateEquality; verdict: FixtureVerdict }[] = [];
  const seen: FixtureVerdict[] = [];
  for (const fixture of fixtures) {
    const tokens = verdict(fixture, make, 'tokens');
    for (const way of ways) {
      const other = verdict(fixture, make, way);
      if (JSON.stringify(tokens) !== JSON.stringify(other)) differences.push({ fixture: fixture.data.id, tokens, way, verdict: other });
    }
    if (tokens.status !== 'skip') seen.push(tokens);
    if (stop(tokens) || seen.length >= limit) break;
  }
  return { differences, seen };
}

test('the corpus and the gallery load', () => {
  expect(corpus.problems).toEqual([]);
  expect(gallery.problems).toEqual([]);
});

test(
  'the mutants: the same verdicts the old way and the direct walk, on the fixtures up to the first kill',
  () => {
    const differences: unknown[] = [];
    let killed = 0;
    let failures = 0;
    for (const m of gallery.mutants.filter((x) => !x.needsIsolation)) {
      const limit = m.rule === 'advance-n' ? ADVANCE_N_MUTANT_FIXTURES : MUTANT_FIXTURES;
      const r = compare(smallFirst, m.createOptimizer, ['direct'], limit, (v) => v.status === 'fail' && v.violations.some((x) => x.rule === m.rule));
      differences.push(...r.differences.map((d) => ({ mutant: m.name, ...d })));
      failures += r.seen.filter((v) => v.status === 'fail' && v.violations.some((x) => x.rule === 'advance-n')).length;
      if (r.seen.some((v) => v.status === 'fail' && v.violations.some((x) => x.rule === m.rule))) killed++;
    }
    console.log(`paired-oracle: ${killed} mutants killed, ${failures} advance-n failures compared`);
    expect(differences).toEqual([]);
    // Meaningful: the comparison covered killed mutants and advance-N failures with their differences.
    expect(killed).toBeGreaterThan(10);
    expect(failures).toBeGreaterThan(5);
  },
  TIMEOUT,
);

describe('the samples: the same verdicts all three ways on a spread of the corpus', () => {
  const spread = corpus.fixtures.filter((_f, i) => i % STRIDE === 0);
  test.each(['jit', 'superblock'])(
    '%s',
    (name) => {
      const r = compare(spread, SAMPLE_OPTIMIZERS[name]!, ['paired', 'direct']);
      expect(r.differences).toEqual([]);
      expect(r.seen.filter((v) => v.status === 'pass').length).toBeGreaterThan(spread.length / 2);
    },
    TIMEOUT,
  );
});
