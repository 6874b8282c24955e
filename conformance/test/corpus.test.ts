/**
 * The whole fixture corpus on the reference VM: one test per fixture id, and one failing test
 * per bad file (named after the file). The corpus is loaded synchronously at module load.
 */
import { join } from 'node:path';
import { formatDiagnostic, shownPath, type Diagnostic } from '../src/diagnostic';
import { loadCorpus } from '../src/fixtures/select';
import type { Fixture } from '../src/fixtures/types';
import { referenceVm } from '../src/run/reference-vm';
import { runFixture } from '../src/run/run-fixture';

const ROOT = join(__dirname, '../..');
const corpus = loadCorpus(ROOT, ['fixtures']);
const show = (file: string) => shownPath(ROOT, file);

describe('fixture corpus', () => {
  test('the corpus is not empty', () => {
    expect(corpus.fixtures.length).toBeGreaterThan(0);
  });

  if (corpus.problems.length > 0) {
    test.each(corpus.problems.map((d): [string, Diagnostic] => [show(d.file), d]))('bad input: %s', (_file, d) => {
      expect(formatDiagnostic(d, show(d.file))).toBe('a valid fixture');
    });
  }

  if (corpus.fixtures.length > 0) {
    test.each(corpus.fixtures.map((f): [string, Fixture] => [f.data.id, f]))('%s', (_id, fixture) => {
      const r = runFixture(referenceVm, fixture);
      const verdict =
        r.status === 'pass' ? 'pass' : r.status === 'fail' ? `${show(fixture.file)}: ${r.difference}` : formatDiagnostic(r.diagnostic, show(r.diagnostic.file));
      expect(verdict).toBe('pass');
    });
  }
});
