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

export interface SessionOptions {
  /** From startPool. */
  readonly started: Promise<PoolStart>;
  /** The selected fixtures, in the order results are reported. */
  readonly fixtures: readonly Fixture[];
  readonly expectations: ReadonlyMap<string, Expectation>;
  readonly show: (file: string) => string;
  readonly onProgress?: (done: number, total: number, last: FixtureResult) => void;
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
  if (!started.ok) return started;
  const { pool, info } = started;
  const results: (FixtureResult | undefined)[] = new Array(o.fixtures.length);
  const samples: CostSample[] = [];
  let done = 0;
  const settle = (i: number, r: FixtureResult) => {
    results[i] = r;
    done++;
    o.onProgress?.(done, o.fixtures.length, r);
  };
  const tasks: FixtureTask[] = [];
  try {
    o.fixtures.forEach((f, i) => {
      const base = { id: f.data.id, file: o.show(f.file) };
      const expected = o.expectations.get(f.data.id);
      const withExpected = expected ? { expected } : {};
      if (info.registration) settle(i, { ...base, status: 'skip', reason: `the VM refuses the optimizer (${info.registration.rule})`, ...withExpected });
      else if (expected?.status === 'skip') settle(i, { ...base, status: 'skip', reason: `expectations file: ${expected.reason}`, expected });
      else tasks.push({ index: i, file: f.file, text: f.text, data: f.data });
    });
    o.control?.attach(() => pool.cancel());
    await pool.run(tasks, (task, r) => {
      const f = o.fixtures[task.index]!;
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
      settle(task.index, result);
      const stop = o.policy?.observe(result);
      if (stop) o.control?.stop(stop);
    });
  } finally {
    o.control?.detach();
    await pool.close();
  }
  const stopped = o.control?.stopped ?? null;
  const notRun: string[] = [];
  if (stopped) {
    // A plain loop: forEach would skip the unfilled holes, which are exactly the fixtures not run.
    for (let i = 0; i < results.length; i++) {
      if (results[i]) continue;
      const f = o.fixtures[i]!;
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
    results: results.map((r, i) => r ?? { id: o.fixtures[i]!.data.id, file: o.show(o.fixtures[i]!.file), status: 'error', message: 'internal: no result' }),
    calibration: calibrate(samples, { optimizationCost: info.optimizationCost, runCost: info.runCost }),
    stopped,
    notRun,
  };
}
