/**
 * Cost calibration: what the candidate's compile and executors cost, relative to the reference
 * interpreter doing the same work, against what it declares.
 *
 * During certification (CertifyOptions.measure) every compile and every execute of the candidate
 * is timed, and the oracle tells how many instructions each execute advanced (its N). After a
 * fixture that passed, the worker runs the program once more in the plain interpreter (no
 * optimizer) and times it — every fixture until it has timed CALIBRATION_STEPS instructions, then
 * one in CALIBRATION_STRIDE (by the order fixtures were handed to the workers: the selection's, or the order they loaded in): the interpreter's speed is one figure,
 * and timing the whole corpus a second time would cost as much as running it. Then:
 *
 * - t_instr = plain time / plain steps over the fixtures that ran at least MIN_STEPS instructions
 *   (all of them if none did): the interpreter's time per instruction;
 * - measured runCost = the median over fixtures of execute time / (t_instr × instructions the
 *   executors advanced);
 * - measured optimizationCost = the median over fixtures of compile time / (t_instr ×
 *   instructions of the code objects compile was asked about): a compile against interpreting
 *   its code object once.
 *
 * Medians, because a garbage collection or a JIT pause that lands in one short compile would
 * otherwise decide the whole measurement.
 *
 * A declared cost more than CALIBRATION_FACTOR away from the measured one (either way) is a
 * costs.calibration finding: a warning, or a violation with --strict-costs.
 * @spec #certify-costs
 */
import { DEFAULT_BUDGET } from '../../../reference/src/api';
import type { Fixture } from '../fixtures/types';
import type { Vm } from '../run/vm';
import type { CandidateTiming } from './candidate';

/** Declared and measured costs may differ by this factor (either way) before costs.calibration objects. */
export const CALIBRATION_FACTOR = 10;
/** Below this much interpreter time (ms) over the whole run, nothing is measured: timer noise would dominate. */
export const MIN_WORK_MS = 20;
/** Fixtures with fewer plain steps do not set the interpreter's speed (setting a run up dominates them). */
export const MIN_STEPS = 1000;

/**
 * A worker times every passing fixture's plain run until it has timed this many instructions...
 * On the official corpus (859 fixtures, 4.9 M instructions run plainly, 2026-12-07) the interpreter's
 * speed is then taken from about 115 fixtures and 0.58 M instructions, and the plain runs cost a
 * worker 0.15 s instead of the 0.43 s of timing 1.8 M (500,000 then one in four): a factor-of-10
 * check needs no finer figure.
 */
export const CALIBRATION_STEPS = 100_000;
/** ...then the plain run of one fixture in this many (those whose index in the selection it divides). */
export const CALIBRATION_STRIDE = 8;

/** Whether a passing fixture's plain run is timed, after `timedSteps` instructions timed so far. */
export function timesPlainRun(index: number, timedSteps: number): boolean {
  return timedSteps < CALIBRATION_STEPS || index % CALIBRATION_STRIDE === 0;
}

/** One passing fixture's measurements (milliseconds). */
export interface CostSample extends CandidateTiming {
  /** The plain run's time and instructions; both 0 when it was not timed (timesPlainRun). */
  readonly plainMs: number;
  readonly plainSteps: number;
}

/** Time the fixture's program in the plain interpreter. Null when it does not run. */
export function timePlainRun(vm: Vm, fixture: Fixture, budgetFactor: number): { plainMs: number; plainSteps: number } | null {
  const d = fixture.data;
  const loaded = vm.loadProgram(d.program);
  if (!loaded.ok) return null;
  const t0 = performance.now();
  const run = vm.runEntry(loaded.program, d.entry, { budget: (d.budget ?? DEFAULT_BUDGET) * budgetFactor });
  const plainMs = performance.now() - t0;
  if (!run.ok) return null;
  return { plainMs, plainSteps: run.outcome.steps };
}

export interface CostFinding {
  readonly cost: 'optimizationCost' | 'runCost';
  readonly declared: number;
  readonly measured: number;
  /** measured / declared. */
  readonly ratio: number;
  /** Outside [1 / CALIBRATION_FACTOR, CALIBRATION_FACTOR]. */
  readonly mismatch: boolean;
}

export interface Calibration {
  readonly factor: number;
  readonly fixtures: number;
  /** Why a cost could not be measured, by cost. */
  readonly unmeasured: Readonly<Partial<Record<'optimizationCost' | 'runCost', string>>>;
  readonly findings: readonly CostFinding[];
  readonly totals: {
    readonly plainMs: number;
    readonly plainSteps: number;
    readonly compileMs: number;
    readonly compiledInstructions: number;
    readonly executeMs: number;
    readonly advanced: number;
  };
}

const round = (x: number, digits = 4): number => Number(x.toPrecision(digits));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Sum the samples and compare with the declared costs. */
export function calibrate(samples: readonly CostSample[], declared: { optimizationCost: unknown; runCost: unknown }): Calibration {
  const sum = (k: keyof CostSample) => samples.reduce((a, s) => a + s[k], 0);
  const totals = {
    plainMs: sum('plainMs'),
    plainSteps: sum('plainSteps'),
    compileMs: sum('compileMs'),
    compiledInstructions: sum('compiledInstructions'),
    executeMs: sum('executeMs'),
    advanced: sum('advanced'),
  };
  const unmeasured: Partial<Record<'optimizationCost' | 'runCost', string>> = {};
  const findings: CostFinding[] = [];
  const finding = (cost: CostFinding['cost'], measured: number): void => {
    const d = declared[cost];
    if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0) {
      unmeasured[cost] = 'the declared cost is not a finite number > 0 (see registration.costs)';
      return;
    }
    const ratio = measured / d;
    findings.push({ cost, declared: d, measured: round(measured), ratio: round(ratio), mismatch: ratio > CALIBRATION_FACTOR || ratio < 1 / CALIBRATION_FACTOR });
  };
  if (samples.length === 0) {
    const why = 'no fixture passed';
    return { factor: CALIBRATION_FACTOR, fixtures: 0, unmeasured: { optimizationCost: why, runCost: why }, findings, totals: roundTotals(totals) };
  }
  if (totals.plainMs < MIN_WORK_MS || totals.plainSteps === 0) {
    const why = `too little work to time (${round(totals.plainMs, 3)} ms of interpretation over ${samples.length} fixtures; at least ${MIN_WORK_MS} ms needed)`;
    return { factor: CALIBRATION_FACTOR, fixtures: samples.length, unmeasured: { optimizationCost: why, runCost: why }, findings, totals: roundTotals(totals) };
  }
  const big = samples.filter((x) => x.plainSteps >= MIN_STEPS);
  const speed = big.length > 0 ? big : samples;
  const perInstruction = speed.reduce((a, x) => a + x.plainMs, 0) / speed.reduce((a, x) => a + x.plainSteps, 0);
  const compiled = samples.filter((x) => x.compiledInstructions > 0);
  if (compiled.length === 0) unmeasured.optimizationCost = 'compile was never called';
  else finding('optimizationCost', median(compiled.map((x) => x.compileMs / (perInstruction * x.compiledInstructions))));
  const executed = samples.filter((x) => x.advanced > 0);
  if (executed.length === 0) unmeasured.runCost = 'no executor advanced any instruction';
  else if (totals.executeMs < 1) unmeasured.runCost = `executors ran too briefly to time (${round(totals.executeMs, 3)} ms in execute)`;
  else finding('runCost', median(executed.map((x) => x.executeMs / (perInstruction * x.advanced))));
  return { factor: CALIBRATION_FACTOR, fixtures: samples.length, unmeasured, findings, totals: roundTotals(totals) };
}

function roundTotals<T extends Record<string, number>>(t: T): T {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Number.isInteger(v) ? v : round(v, 6)])) as T;
}
