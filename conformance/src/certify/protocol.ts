/** Messages between the certification pool (main thread) and its workers: plain, cloneable data. */
import type { FixtureData } from '../fixtures/types';
import type { CostSample } from './calibrate';
import type { CertifyOptions } from './certify-fixture';
import type { CandidateInfo, CandidateRef } from './module';
import type { FixtureVerdict } from './violation';

/** What a worker is doing, kept in shared memory (one Int32 slot per worker). */
export const PHASE = { idle: 0, compile: 1, execute: 2, factory: 3, load: 4 } as const;

/** Phases in which the candidate's own JS runs (its time counts against --timeout). */
export const CANDIDATE_PHASES: ReadonlySet<number> = new Set([PHASE.compile, PHASE.execute, PHASE.factory]);

/** Milliseconds since the epoch, with sub-millisecond precision, comparable across threads. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/**
 * Float64 clock slots per worker in the shared clock buffer: [phase started at, candidate ms spent
 * on this fixture, index of the fixture the worker is on (-1 between fixtures)]. The pool posts a
 * worker its next fixture before the current one is done; the index says which of the two the
 * clock is counting.
 */
export const CLOCK_SLOTS = 3;

export interface WorkerSetup {
  readonly candidate: CandidateRef;
  readonly options: Omit<CertifyOptions, 'onPhase'>;
  /** Measure costs after each fixture that passed. */
  readonly calibrate: boolean;
  /** SharedArrayBuffer of Int32 phases, one per pool slot. */
  readonly phases: SharedArrayBuffer;
  /** SharedArrayBuffer of Float64, CLOCK_SLOTS per pool slot. */
  readonly clock: SharedArrayBuffer;
  readonly slot: number;
}

export interface FixtureTask {
  readonly index: number;
  /** Absolute path (for messages). */
  readonly file: string;
  readonly text: string;
  /** The validated fixture data (the main thread already parsed and validated the file). */
  readonly data: FixtureData;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly info: CandidateInfo }
  | { readonly type: 'load-error'; readonly message: string }
  | { readonly type: 'result'; readonly index: number; readonly verdict: FixtureVerdict; readonly costs: CostSample | null };
