/**
 * The correct sample optimizers (null, counter, superblock, jit) certify with no violation — no fail,
 * no error — over the whole corpus, in process with certifyFixture: the mutant gallery's
 * counterpart (mutants.test.ts), which shows that the certifier rejects what is broken; this
 * shows that it accepts what is not (0 false positives).
 */
import { join } from 'node:path';
import { certifyFixture } from '../src/certify/certify-fixture';
import { loadCorpus } from '../src/fixtures/select';
import { referenceVm } from '../src/run/reference-vm';
import { SAMPLE_OPTIMIZERS } from '../../reference/src/optimizers';

const ROOT = join(__dirname, '..', '..');
const corpus = loadCorpus(ROOT, ['fixtures']);

/** Certification is slow by design (a lockstep oracle after every executor run): a generous per-test limit. */
const SAMPLE_TIMEOUT = 300_000;

test('the corpus loads', () => {
  expect(corpus.problems).toEqual([]);
});

describe('the correct samples certify with no violation', () => {
  test.each(Object.keys(SAMPLE_OPTIMIZERS))(
    '%s',
    (name) => {
      const make = SAMPLE_OPTIMIZERS[name]!;
      const bad: string[] = [];
      let passed = 0;
      for (const fixture of corpus.fixtures) {
        const v = certifyFixture(referenceVm, fixture, make);
        if (v.status === 'pass') passed++;
        else if (v.status === 'fail') bad.push(`${fixture.data.id}: ${v.violations.map((x) => `${x.rule}: ${x.message}${x.difference ? ` (${x.difference})` : ''}`).join('; ')}`);
        else if (v.status === 'error') bad.push(`${fixture.data.id}: error: ${v.message}`);
      }
      expect(bad).toEqual([]);
      expect(passed).toBeGreaterThan(100);
    },
    SAMPLE_TIMEOUT,
  );
});

