/**
 * One pool of worker threads certifies the corpus: each worker loads the candidate once and
 * runs fixtures one at a time, the next one already posted to it, so that it starts that one
 * without waiting for the main thread (which may be busy loading the corpus). The main thread
 * enforces the wall-clock limits of a fixture: the candidate's own JS (compile, execute, its
 * factory) may run for `timeoutMs` in total, the whole fixture (the VM and the lockstep oracle
 * included, which step budgets already bound) for HARD_LIMIT_FACTOR times that. Past either, it stops the worker and starts a fresh one. The
 * workers run under a heap limit, and a crash costs only the fixture that was running: the rest
 * of the corpus still runs.
 * @spec #certify-isolation
 */
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CostSample } from './calibrate';
import type { CandidateInfo } from './module';
import { CANDIDATE_PHASES, CLOCK_SLOTS, epochMs, PHASE, type FixtureTask, type FromWorker, type WorkerSetup } from './protocol';
import type { RuleId } from './rules';
import type { FixtureVerdict } from './violation';

/** A fixture's verdict; an error the pool detected (a hang) may name the rule it breaks. */
export type TaskVerdict = Exclude<FixtureVerdict, { status: 'error' }> | { readonly status: 'error'; readonly message: string; readonly rule?: RuleId };

export interface TaskResult {
  readonly verdict: TaskVerdict;
  readonly costs: CostSample | null;
}

/** The whole fixture may take this many times --timeout. */
export const HARD_LIMIT_FACTOR = 6;
/** How often the main thread looks at the candidate's clock. */
const POLL_MS = 50;

export interface PoolOptions {
  readonly setup: Omit<WorkerSetup, 'phases' | 'clock' | 'slot'>;
  readonly jobs: number;
  /** Wall-clock limit on the candidate's own JS per fixture. */
  readonly timeoutMs: number;
  /** Heap limit per worker (V8 old generation). */
  readonly maxMemoryMb: number;
  /** How long a worker may take to start and load the candidate. */
  readonly loadTimeoutMs: number;
  /** Lines the candidate printed (stdout and stderr of the workers). */
  readonly onOutput?: (line: string) => void;
}

export type PoolStart = { readonly ok: true; readonly pool: CertifyPool; readonly info: CandidateInfo } | { readonly ok: false; readonly message: string };

interface Slot {
  readonly index: number;
  worker: Worker | null;
  ready: boolean;
  /** The fixture the worker runs (or, posted to an idle worker, is about to). */
  task: FixtureTask | null;
  /** Posted behind `task`: the worker starts it as soon as `task` is done. */
  next: FixtureTask | null;
  timer: NodeJS.Timeout | null;
  /** Consecutive failures to start: a slot that keeps failing is retired. */
  failedStarts: number;
  retired: boolean;
}

const MAX_FAILED_STARTS = 3;

/**
 * Run from the TypeScript sources (the tests do), a worker loads them through this bootstrap: each
 * .ts file is transpiled with TypeScript's transpileModule (what ts-jest and ts-node's
 * transpile-only mode do) once, and cached on disk by content, so that a fresh worker starts in
 * the time it takes to read JavaScript rather than to load the TypeScript compiler.
 */
function sourceBootstrap(script: string): string {
  const typescript = require.resolve('typescript', { paths: [__dirname] });
  const cacheDir = join(tmpdir(), 'optcert-worker-ts-cache');
  return `'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { threadId } = require('node:worker_threads');
const cacheDir = ${JSON.stringify(cacheDir)};
const tsVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(${JSON.stringify(typescript)}), '..', 'package.json'), 'utf8')).version;
let ts = null;
Module._extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(tsVersion + '\0es2022/commonjs/esModuleInterop\0' + filename + '\0' + source).digest('hex');
  const cached = path.join(cacheDir, key + '.js');
  let js;
  try {
    js = fs.readFileSync(cached, 'utf8');
  } catch {
    ts = ts || require(${JSON.stringify(typescript)});
    js = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true },
    }).outputText;
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = cached + '.' + process.pid + '-' + threadId + '.tmp';
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, cached);
  }
  module._compile(js, filename);
};
require(${JSON.stringify(script)});
`;
}

/**
 * The young generation of a worker's heap. The oracle copies the VM state at every executor entry
 * and drops the copy soon after: with V8's default (16 MB semi-spaces) scavenges took about a
 * quarter more time than with 64 MB ones (3.2-3.8 s against 2.1 s over the corpus, measured with
 * --trace-gc). V8 sizes the young generation at three semi-spaces.
 */
export const YOUNG_GENERATION_MB = 3 * 64;

/** The worker script: the compiled JS, or the TypeScript source through sourceBootstrap. */
function spawn(workerData: WorkerSetup, opts: PoolOptions): Worker {
  const ext = extname(__filename);
  const script = join(__dirname, `worker${ext}`);
  const common = {
    workerData,
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  };
  if (ext !== '.ts') return new Worker(script, common);
  return new Worker(sourceBootstrap(script), { ...common, eval: true });
}

function lines(stream: NodeJS.ReadableStream | null, sink: ((line: string) => void) | undefined): void {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    if (sink) parts.forEach(sink);
  });
  stream.on('end', () => {
    if (buffered && sink) sink(buffered);
    buffered = '';
  });
}

/**
 * Which of a slot's two posted fixtures a worker that died was running, from the index it wrote to
 * the shared clock: `task`, unless it had finished that one (its result still on the way) and
 * started `next`. The other runs again, in a fresh worker.
 */
export function runningWhenStopped<T extends { readonly index: number }>(task: T | null, next: T | null, current: number): { running: T | null; again: T[] } {
  if (task !== null && next !== null && current === next.index) return { running: next, again: [task] };
  return { running: task, again: next === null ? [] : [next] };
}

export class CertifyPool {
  private readonly slots: Slot[] = [];
  private readonly phases: Int32Array;
  private readonly buffer: SharedArrayBuffer;
  private readonly clockBuffer: SharedArrayBuffer;
  private readonly clock: Float64Array;
  private poll: NodeJS.Timeout | null = null;
  private queue: FixtureTask[] = [];
  private inFlight = 0;
  private onResult: ((task: FixtureTask, r: TaskResult) => void) | null = null;
  private drained: (() => void) | null = null;
  private starting: ((r: PoolStart) => void) | null = null;
  private closed = false;
  /** More tasks may come (add) until endTasks: the run is not done while the queue may still grow. */
  private open = false;
  private cancelled = false;

  private constructor(private readonly opts: PoolOptions) {
    this.buffer = new SharedArrayBuffer(4 * Math.max(1, opts.jobs));
    this.phases = new Int32Array(this.buffer);
    this.clockBuffer = new SharedArrayBuffer(8 * CLOCK_SLOTS * Math.max(1, opts.jobs));
    this.clock = new Float64Array(this.clockBuffer);
  }

  /** The candidate's time on the slot's current fixture so far, in ms. */
  private candidateMs(slot: Slot): number {
    const base = slot.index * CLOCK_SLOTS;
    // Not started yet: what the clock holds is the previous fixture's.
    if (slot.task === null || this.clock[base + 2] !== slot.task.index) return 0;
    const running = CANDIDATE_PHASES.has(Atomics.load(this.phases, slot.index)) ? epochMs() - this.clock[base]! : 0;
    return this.clock[base + 1]! + running;
  }

  private watchClocks(): void {
    const busy = this.slots.some((s) => s.task !== null);
    if (busy && !this.poll) {
      this.poll = setInterval(() => {
        for (const s of this.slots) {
          if (s.task && s.worker && this.candidateMs(s) > this.opts.timeoutMs) this.timedOut(s, s.worker, s.task, false);
        }
      }, POLL_MS);
    } else if (!busy && this.poll) {
      clearInterval(this.poll);
      this.poll = null;
    }
  }

  /** Start the workers; resolves once one has loaded the candidate, or with why none could. */
  static start(opts: PoolOptions): Promise<PoolStart> {
    const pool = new CertifyPool(opts);
    return new Promise<PoolStart>((resolve) => {
      pool.starting = resolve;
      for (let i = 0; i < Math.max(1, opts.jobs); i++) {
        const slot: Slot = { index: i, worker: null, ready: false, task: null, next: null, timer: null, failedStarts: 0, retired: false };
        pool.slots.push(slot);
        pool.launch(slot);
      }
    });
  }

  /**
   * Certify the tasks; `onResult` is called as each finishes (in completion order). With `open`,
   * more tasks come through add() while it runs, and it resolves only after endTasks().
   */
  run(tasks: readonly FixtureTask[], onResult: (task: FixtureTask, r: TaskResult) => void, open = false): Promise<void> {
    this.queue = [...tasks];
    this.onResult = onResult;
    this.open = open;
    return new Promise<void>((resolve) => {
      this.drained = resolve;
      this.abandonIfNoWorkers('every worker failed to start');
      for (const s of this.slots) {
        if (s.retired) continue;
        if (s.worker === null) this.launch(s);
        else this.dispatch(s);
      }
      this.checkDone();
    });
  }

  /** More tasks for an open run (queued after those given so far); none once it was cancelled. */
  add(tasks: readonly FixtureTask[]): void {
    if (!this.open || this.cancelled || tasks.length === 0) return;
    this.queue.push(...tasks);
    this.abandonIfNoWorkers('every worker failed to start');
    for (const s of this.slots) {
      if (s.retired) continue;
      if (s.worker === null) this.launch(s);
      else this.dispatch(s);
    }
  }

  /** No more tasks for the open run: it resolves once those queued and running are done. */
  endTasks(): void {
    this.open = false;
    this.checkDone();
  }

  /**
   * Stop early (bail, fail fast, Ctrl-C): drop the queued fixtures, stop the workers running one
   * (no result comes for it), and let run() resolve. Returns the fixtures dropped.
   */
  cancel(): FixtureTask[] {
    this.cancelled = true;
    this.open = false;
    const dropped = this.queue.splice(0);
    for (const s of this.slots) {
      // A result being handled (this may be its callback) has left only the one posted behind it.
      const posted = [s.task, s.next].filter((t): t is FixtureTask => t !== null);
      if (posted.length === 0) continue;
      dropped.push(...posted);
      this.disarm(s);
      s.task = null;
      s.next = null;
      this.inFlight -= posted.length;
      const worker = s.worker;
      s.worker = null;
      if (worker) void worker.terminate().catch(() => 0);
    }
    this.watchClocks();
    this.checkDone();
    return dropped;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    const workers = this.slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
    for (const s of this.slots) {
      if (s.timer) clearTimeout(s.timer);
      s.worker = null;
    }
    await Promise.all(workers.map((w) => w.terminate().catch(() => 0)));
  }

  private launch(slot: Slot): void {
    if (this.closed) return;
    Atomics.store(this.phases, slot.index, PHASE.load);
    const worker = spawn({ ...this.opts.setup, phases: this.buffer, clock: this.clockBuffer, slot: slot.index }, this.opts);
    slot.worker = worker;
    slot.ready = false;
    lines(worker.stdout, this.opts.onOutput);
    lines(worker.stderr, this.opts.onOutput);
    this.arm(slot, this.opts.loadTimeoutMs, () => this.startFailed(slot, worker, `the module did not finish loading within ${this.opts.loadTimeoutMs} ms`));
    let ended = false;
    const ending = (why: string) => {
      if (ended || slot.worker !== worker) return;
      ended = true;
      this.died(slot, worker, why);
    };
    worker.on('message', (m: FromWorker) => {
      if (slot.worker !== worker) return;
      this.message(slot, worker, m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const phase = Atomics.load(this.phases, slot.index);
        const who = phase === PHASE.compile ? 'compile' : phase === PHASE.execute ? 'execute' : phase === PHASE.factory ? "the optimizer's factory" : phase === PHASE.load ? 'loading the module' : 'the fixture';
        ending(`${who} ran out of memory (the worker's heap limit, --max-memory ${this.opts.maxMemoryMb} MB); the worker was stopped`);
      } else ending(`the worker crashed: ${`${e.name}: ${e.message}`.split('\n')[0]}`);
    });
    worker.on('exit', (code) => ending(`the worker exited with code ${code}`));
  }

  private arm(slot: Slot, ms: number, fire: () => void): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.timer = null;
      fire();
    }, ms);
  }

  private disarm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private message(slot: Slot, worker: Worker, m: FromWorker): void {
    if (m.type === 'ready') {
      this.disarm(slot);
      slot.ready = true;
      slot.failedStarts = 0;
      if (this.starting) {
        const resolve = this.starting;
        this.starting = null;
        resolve({ ok: true, pool: this, info: m.info });
      }
      this.dispatch(slot);
    } else if (m.type === 'load-error') {
      this.startFailed(slot, worker, m.message, true);
    } else {
      const task = slot.task;
      if (!task || task.index !== m.index) return;
      this.finish(slot, task, { verdict: m.verdict, costs: m.costs });
      // The worker has gone on to the fixture posted behind this one: its hard limit runs from now.
      const next = slot.next;
      if (next !== null && slot.worker === worker) {
        slot.task = next;
        slot.next = null;
        this.arm(slot, this.hardLimitMs(), () => this.timedOut(slot, worker, next, true));
      }
      this.dispatch(slot);
    }
  }

  /** A worker could not load the candidate. Before any worker has, that ends the pool. */
  private startFailed(slot: Slot, worker: Worker, message: string, definite = false): void {
    this.disarm(slot);
    slot.worker = null;
    void worker.terminate().catch(() => 0);
    if (this.starting && (definite || this.slots.every((s) => s === slot || s.retired || s.worker === null))) {
      const resolve = this.starting;
      this.starting = null;
      resolve({ ok: false, message });
      void this.close();
      return;
    }
    if (this.starting) return;
    slot.failedStarts++;
    if (slot.failedStarts >= MAX_FAILED_STARTS) {
      slot.retired = true;
      this.abandonIfNoWorkers(message);
    } else if (this.queue.length > 0) this.launch(slot);
  }

  /** The worker ended (crash, out of memory, exit) on its own. */
  private died(slot: Slot, worker: Worker, why: string): void {
    this.disarm(slot);
    if (!slot.ready) {
      this.startFailed(slot, worker, why);
      return;
    }
    slot.worker = null;
    const { running, again } = runningWhenStopped(slot.task, slot.next, this.clock[slot.index * CLOCK_SLOTS + 2]!);
    slot.task = running;
    slot.next = null;
    this.inFlight -= again.length;
    this.queue.unshift(...again);
    if (running) this.finish(slot, running, { verdict: { status: 'error', message: why }, costs: null });
    if (this.queue.length > 0) this.launch(slot);
    this.checkDone();
  }

  /** The fixture posted behind the running one goes back to the front of the queue (its worker is gone). */
  private unpost(slot: Slot): void {
    if (slot.next === null) return;
    this.queue.unshift(slot.next);
    slot.next = null;
    this.inFlight--;
  }

  /** Give an idle worker a fixture, and a worker on one the fixture to run after it. */
  private dispatch(slot: Slot): void {
    if (this.closed || !slot.ready || !slot.worker || !this.onResult) return;
    const worker = slot.worker;
    if (!slot.task) {
      const task = this.queue.shift();
      if (!task) {
        this.checkDone();
        return;
      }
      slot.task = task;
      this.inFlight++;
      Atomics.store(this.phases, slot.index, PHASE.idle);
      this.clock[slot.index * CLOCK_SLOTS + 1] = 0;
      this.arm(slot, this.hardLimitMs(), () => this.timedOut(slot, worker, task, true));
      worker.postMessage(task);
    }
    if (!slot.next && this.queue.length > 0 && !this.cancelled) {
      slot.next = this.queue.shift()!;
      this.inFlight++;
      worker.postMessage(slot.next);
    }
    this.watchClocks();
  }

  private hardLimitMs(): number {
    return this.opts.timeoutMs * HARD_LIMIT_FACTOR;
  }

  /** Stop a worker whose candidate ran past --timeout (or whose fixture ran past the hard limit). */
  private timedOut(slot: Slot, worker: Worker, task: FixtureTask, hard: boolean): void {
    if (slot.worker !== worker || slot.task !== task) return;
    const phase = Atomics.load(this.phases, slot.index);
    const spent = Math.round(this.candidateMs(slot));
    const limit = `${this.opts.timeoutMs} ms (--timeout)`;
    const verdict: TaskVerdict =
      phase === PHASE.compile
        ? { status: 'error', rule: 'compile.hang', message: `compile did not return: the optimizer's code ran past ${limit}; the worker was stopped` }
        : phase === PHASE.execute
          ? { status: 'error', rule: 'execute.hang', message: `execute did not return: the optimizer's code ran past ${limit}; the worker was stopped` }
          : phase === PHASE.factory
            ? { status: 'error', message: `the optimizer factory did not return within ${limit}; the worker was stopped` }
            : hard
              ? { status: 'error', message: `the fixture did not finish within ${this.hardLimitMs()} ms (${HARD_LIMIT_FACTOR} x --timeout; ${spent} ms of it in the optimizer); the worker was stopped` }
              : { status: 'error', message: `the optimizer's code ran for ${spent} ms in all, past ${limit}; the worker was stopped` };
    slot.worker = null;
    void worker.terminate().catch(() => 0);
    this.unpost(slot);
    this.finish(slot, task, { verdict, costs: null });
    if (this.queue.length > 0) this.launch(slot);
    this.checkDone();
  }

  private finish(slot: Slot, task: FixtureTask, r: TaskResult): void {
    this.disarm(slot);
    slot.task = null;
    this.inFlight--;
    this.watchClocks();
    this.onResult?.(task, r);
  }

  /** Every slot is retired: the remaining fixtures cannot run. */
  private abandonIfNoWorkers(why: string): void {
    if (!this.slots.every((s) => s.retired)) return;
    for (const task of this.queue.splice(0)) {
      this.onResult?.(task, { verdict: { status: 'error', message: `no worker could be restarted: ${why}` }, costs: null });
    }
    this.checkDone();
  }

  private checkDone(): void {
    if (this.drained && !this.open && this.queue.length === 0 && this.inFlight === 0) {
      const done = this.drained;
      this.drained = null;
      done();
    }
  }
}
