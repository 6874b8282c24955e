/**
 * Fixtures offered to a session as the corpus loads (certify's workers start before the corpus is
 * loaded) give the same results, in the selection's order, as the selection handed over whole; a
 * fixture offered but left out of the selection is not reported. The loader used for it is
 * loadCorpus fixture for fixture and problem for problem.
 * @spec #certification
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpusAsLoaded } from '../fixtures/load-as-loaded';
import { loadCorpus } from '../fixtures/select';
import type { Fixture } from '../fixtures/types';
import { DEFAULT_CERTIFY_OPTIONS } from './certify-fixture';
import { FixtureFeed, runSession, startPool, type SessionResult } from './session';

const ROOT = join(__dirname, '..', '..', '..');
/** Starting workers is not a measure of speed: generous for a loaded machine. */
const WORKER_TIMEOUT = 300_000;

function session(fixtures: FixtureFeed): Promise<SessionResult> {
  const started = startPool({
    candidate: { ref: { kind: 'sample', name: 'superblock' }, spec: 'sample:superblock', version: null },
    certify: DEFAULT_CERTIFY_OPTIONS,
    calibrate: false,
    jobs: 1,
    timeoutMs: 20_000,
    maxMemoryMb: 256,
  });
  const expectations = new Map([['programs.collatz', { status: 'skip' as const, reason: 'kept out by the expectations file' }]]);
  return runSession({ started, fixtures, expectations, show: (f) => f });
}

const outcome = (r: SessionResult) => (r.ok ? r.results.map((x) => [x.id, x.status, x.reason ?? x.violations ?? null]) : r.message);

describe('a session fed as the corpus loads', () => {
  test('the corpus loaded as it loads is loadCorpus, each id told once, in load order', async () => {
    // A second file with collatz's id: a duplicate, told once (the first file, which both keep).
    const dir = mkdtempSync(join(tmpdir(), 'optcert-feed-'));
    try {
      copyFileSync(join(ROOT, 'fixtures', 'programs', 'collatz.yaml'), join(dir, 'again.yaml'));
      const paths = ['fixtures/programs', join(ROOT, 'conformance', 'test', 'bad-input'), dir];
      const told: Fixture[] = [];
      const streamed = await loadCorpusAsLoaded(ROOT, paths, (f) => told.push(f));
      const whole = loadCorpus(ROOT, paths);
      expect(streamed.problems).toEqual(whole.problems);
      expect(streamed.fixtures.map((f) => [f.file, f.data])).toEqual(whole.fixtures.map((f) => [f.file, f.data]));
      expect(told).toEqual(streamed.fixtures);
      expect(whole.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['FIXTURE_DUPLICATE_ID', 'FIXTURE_SCHEMA']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(
    'offered early or given whole: the same results in the same order; one offered but not selected is not reported',
    async () => {
      const corpus = loadCorpus(ROOT, ['fixtures/programs']);
      const selected = [...corpus.fixtures].filter((f) => /^programs\.(c|s)/.test(f.data.id)).sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
      expect(selected.length).toBeGreaterThan(10);
      const whole = await session(FixtureFeed.of(selected));

      const feed = new FixtureFeed();
      const running = session(feed);
      // Offered in another order than the report's, one of them never selected.
      const outsider = corpus.fixtures.find((f) => !selected.includes(f))!;
      for (const f of [...selected].reverse().slice(0, 8)) feed.offer(f);
      feed.offer(outsider);
      await new Promise((resolve) => setTimeout(resolve, 200));
      feed.close(selected);
      const fed = await running;

      expect(outcome(fed)).toEqual(outcome(whole));
      expect(fed.ok && fed.results.map((r) => r.id)).toEqual(selected.map((f) => f.data.id));
      expect(fed.ok && fed.results.find((r) => r.id === 'programs.collatz')).toMatchObject({ status: 'skip', reason: 'expectations file: kept out by the expectations file' });
      expect(fed.ok && fed.results.some((r) => r.id === outsider.data.id)).toBe(false);
    },
    WORKER_TIMEOUT,
  );
});
