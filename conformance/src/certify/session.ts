/**
 * One certification: start the worker pool with the candidate, run the selected fixtures, and
 * collect a result per fixture (in fixture-id order, whatever order workers finish in), with the
 * expectations file applied and the cost samples summed.
 * @spec #certification
 */
import type { Fixture } from '../fixtures/types';
import { skipReason } from './applicability';
import { calibrate, type Calibration, type CostSample } from './calibrate';
import type { CertifyOptions } from './certify-fixture';
import type { EarlyStop, SessionControl, StopPolicy } from './early-stop';
import type { Expectation } from './expectations';
import type { CandidateInfo, ResolvedCandidate } from './module';
import { CertifyPool, type PoolStart } from './pool';
import type { FixtureTask } from './protocol';
import type { RuleId } from './rules';
import type { Violation } from './violation';

export interface FixtureResult {
  readonly id: string;
  /** As shown to the user (relative to the working directory). */
  readonly file: string;
  readonly status: 'pass' | 'fail' | 'error' | 'skip';
  /** fail: every violation found (usually one: the first stops the run). */
  readonly violations?: readonly Violation[];
  /** error: what went wrong. */
  readonly message?: string;
  /** error: the rule, when the error breaks one (compile.hang, execute.hang). */
  readonly rule?: RuleId;
  /** skip: why (always present). */
  readonly reason?: string;
  /** pass: executor entries and compile calls. */
  readonly entries?: number;
  readonly compiles?: number;
  /** The expectations file's entry for this fixture, if any. */
  readonly expected?: Expectation;
}

/** A result that makes the run fail: an unexpected failure or error, or an unexpected pass. */
export function isBad(r: FixtureResult): boolean {
  if (r.status === 'fail' || r.status === 'error') return r.expected?.status !== r.status;
  if (r.status === 'pass') return r.expected !== undefined && r.expected.status !== 'skip';
  return false;
}

/** A failure or error the expectations file lists with that status. */
export const isKnownFailure = (r: FixtureResult): boolean => (r.status === 'fail' || r.status === 'error') && r.expected?.status === r.status;
export const isUnexpectedPass = (r: FixtureResult): boolean => r.status === 'pass' && r.expected !== undefined && r.expected.status !== 'skip';

export interface PoolSettings {
  readonly candidate: ResolvedCandidate;
  readonly certify: Omit<CertifyOptions, 'onPhase'>;
  /** Measure costs (CertifyOptions.measure) for calibration. */
  readonly calibrate: boolean;
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
  /** What the candidate prints in the workers. */
  readonly onOutput?: (line: string) => void;
}

/** The shortest time a worker gets to start and load the candidate. */
export const LOAD_TIMEOUT_FLOOR_MS = 120_000;

/** Start the workers (they load the candidate while the caller loads the corpus). */
export function startPool(o: PoolSettings): Promise<PoolStart> {
  return CertifyPool.start({
    setup: { candidate: o.candidate.ref, options: o.certify, calibrate: o.calibrate },
    jobs: Math.max(1, o.jobs),
    timeoutMs: o.timeoutMs,
    maxMemoryMb: o.maxMemoryMb,
    // The load limit covers a worker's start as well as the candidate's own module: on a loaded
    // machine the start alone took 24 s (jest, transpiling the certifier), so it only stops a
    // module that never finishes loading, with room to spare; it is not a measure of speed.
    loadTimeoutMs: Math.max(LOAD_TIMEOUT_FLOOR_MS, o.timeoutMs * 12),
    ...(o.onOutput ? { onOutput: o.onOutput } : {}),
  });
}

/**
 * The fixtures of a session as the corpus loads: each fixture the selection will keep can be
 * offered as soon as it is loaded and validated, so that the workers start on it while the rest of
 * the corpus is still loading; the final selection, in report order, closes the feed.
 */
export class FixtureFeed {
  private offered: ((f: Fixture) => void) | null = null;
  private early: Fixture[] = [];
  private selection: readonly Fixture[] | null = null;
  private closed: ((selected: readonly Fixture[]) => void) | null = null;

  /** A fixture the final selection keeps (the caller knows it will): it may start now. */
  offer(f: Fixture): void {
    if (this.selection) return;
    if (this.offered) this.offered(f);
    else this.early.push(f);
  }

  /** The selection, in the order results are reported: those not offered yet start now. */
  close(selected: readonly Fixture[]): void {
    if (this.selection) return;
    this.selection = selected;
    this.closed?.(selected);
  }

  /** The session's side: the fixtures offered so far, then each later one, then the selection. */
  attach(offered: (f: Fixture) => void, closed: (selected: readonly Fixture[]) => void): void {
    for (const f of this.early.splice(0)) offered(f);
    this.offered = offered;
    this.closed = closed;
    if (this.selection) closed(this.selection);
  }

  /** A feed already closed on its selection. */
  static of(selected: readonly Fixture[]): FixtureFeed {
    const feed = new FixtureFeed();
    feed.close(selected);
    return feed;
  }
}

export interface SessionOptions {
  /** From startPool. */
  readonly started: Promise<PoolStart>;
  /** The selected fixtures: offered as they load, closed with the selection in report order. */
  readonly fixtures: FixtureFeed;
  readonly expectations: ReadonlyMap<string, Expectation>;
  readonly show: (file: string) => string;
  /** `total` is null while the corpus still loads (the selection is not known yet). */
  readonly onProgress?: (done: number, total: number | null, last: FixtureResult) => void;
  /** Stops the run early (bail, fail fast, Ctrl-C): the fixtures not finished then are not run. */
  readonly control?: SessionControl;
  /** Asked about each result from the pool as it arrives; an answer stops the run through `control`. */
  readonly policy?: StopPolicy;
}

export type SessionResult =
  | { readonly ok: false; readonly message: string }
  | {
      readonly ok: true;
      readonly info: CandidateInfo;
      /** A registration rule the candidate breaks; then no fixture ran. */
      readonly registration: Violation | null;
      readonly results: readonly FixtureResult[];
      readonly calibration: Calibration;
      /** Why the run stopped before every fixture ran; null when it did not. */
      readonly stopped: EarlyStop | null;
      /** The fixtures not run because it stopped (skips whose reason says so), in id order. */
      readonly notRun: readonly string[];
    };

export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const started = await o.started;
  if (!started.ok) {
    // Nothing will run: the feed is left to close, unread.
    o.fixtures.attach(() => undefined, () => undefined);
    return started;
  }
  const { pool, info } = started;
  /** Results by fixture, as they arrive; ordered by the selection once the feed closes. */
  const byFixture = new Map<Fixture, FixtureResult>();
  /** The fixtures handed to the pool, by task index (the order they were handed over). */
  const sent: Fixture[] = [];
  const samples: CostSample[] = [];
  let selection: readonly Fixture[] | null = null;
  let selected: ReadonlySet<Fixture> | null = null;
  let done = 0;
  const settle = (f: Fixture, r: FixtureResult) => {
    // A fixture offered early that the selection left out (never, for a caller that offers only
    // what it will select) is not reported.
    if (selected !== null && !selected.has(f)) return;
    byFixture.set(f, r);
    done++;
    o.onProgress?.(done, selection?.length ?? null, r);
  };
  /** Settled here or handed to the pool: each fixture once. */
  const begun = new Set<Fixture>();
  const begin = (f: Fixture): FixtureTask | null => {
    if (begun.has(f)) return null;
    begun.add(f);
    const base = { id: f.data.id, file: o.show(f.file) };
    const expected = o.expectations.get(f.data.id);
    const withExpected = expected ? { expected } : {};
    if (info.registration) settle(f, { ...base, status: 'skip', reason: `the VM refuses the optimizer (${info.registration.rule})`, ...withExpected });
    else if (expected?.status === 'skip') settle(f, { ...base, status: 'skip', reason: `expectations file: ${expected.reason}`, expected });
    else {
      sent.push(f);
      return { index: sent.length - 1, file: f.file, text: f.text, data: f.data };
    }
    return null;
  };
  try {
    o.control?.attach(() => pool.cancel());
    const running = pool.run([], (task, r) => {
      const f = sent[task.index]!;
      const expected = o.expectations.get(f.data.id);
      const base = { id: f.data.id, file: o.show(f.file), ...(expected ? { expected } : {}) };
      const v = r.verdict;
      if (r.costs) samples.push(r.costs);
      const result: FixtureResult =
        v.status === 'pass'
          ? { ...base, status: 'pass', entries: v.entries, compiles: v.compiles }
          : v.status === 'fail'
            ? { ...base, status: 'fail', violations: v.violations }
            : v.status === 'error'
              ? { ...base, status: 'error', message: v.message, ...(v.rule ? { rule: v.rule } : {}) }
              : { ...base, status: 'skip', reason: v.reason };
      settle(f, result);
      const stop = o.policy?.observe(result);
      if (stop) o.control?.stop(stop);
    }, true);
    await new Promise<void>((resolve) => {
      o.fixtures.attach(
        (f) => {
          const task = begin(f);
          if (task) pool.add([task]);
        },
        (all) => {
          selection = all;
          selected = new Set(all);
          const tasks = all.map(begin).filter((t): t is FixtureTask => t !== null);
          pool.add(tasks);
          pool.endTasks();
          resolve();
        },
      );
    });
    await running;
  } finally {
    o.control?.detach();
    await pool.close();
  }
  const fixtures = selection as readonly Fixture[] | null ?? [];
  const results: (FixtureResult | undefined)[] = fixtures.map((f) => byFixture.get(f));
  const stopped = o.control?.stopped ?? null;
  const notRun: string[] = [];
  if (stopped) {
    // A plain loop: forEach would skip the unfilled holes, which are exactly the fixtures not run.
    for (let i = 0; i < results.length; i++) {
      if (results[i]) continue;
      const f = fixtures[i]!;
      const expected = o.expectations.get(f.data.id);
      // A fixture that does not apply would not have run anyway: it keeps its own skip reason.
      const skip = skipReason(f, typeof info.capabilities === 'number' ? info.capabilities : 0);
      if (skip === null) notRun.push(f.data.id);
      results[i] = { id: f.data.id, file: o.show(f.file), status: 'skip', reason: skip ?? `not run: ${stopped.reason}`, ...(expected ? { expected } : {}) };
    }
  }
  return {
    ok: true,
    info,
    registration: info.registration,
    results: results.map((r, i) => r ?? { id: fixtures[i]!.data.id, file: o.show(fixtures[i]!.file), status: 'error', message: 'internal: no result' }),
    calibration: calibrate(samples, { optimizationCost: info.optimizationCost, runCost: info.runCost }),
    stopped,
    notRun,
  };
}
