/**
 * A certification worker thread: locks its realm down and transpiles the candidate module once, then
 * certifies the fixtures the pool sends it, one at a time (each with a fresh module instance), and posts each verdict back. Which of the candidate's
 * functions is running is kept in shared memory, so that when the main thread stops a runaway
 * worker it can tell a hang in compile from one in execute.
 * @spec #certify-isolation
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Document, LineCounter } from 'yaml';
import { parseFixtureYaml } from '../fixtures/yaml';
import type { Fixture, FixtureData } from '../fixtures/types';
import { referenceVm } from '../run/reference-vm';
import { timePlainRun, timesPlainRun, type CostSample } from './calibrate';
import type { CandidatePhase } from './candidate';
import { certifyFixture } from './certify-fixture';
import type { FixtureVerdict } from './violation';
import { loadCandidate } from './module';
import { CLOCK_SLOTS, epochMs, PHASE, type FixtureTask, type FromWorker, type WorkerSetup } from './protocol';

function lazyFixture(task: FixtureTask): Fixture {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | null = null;
  const parse = () => {
    if (!parsed) {
      const r = parseFixtureYaml(task.file, task.text);
      if (!r.ok) throw new Error(`internal: fixture ${task.file} no longer parses`);
      parsed = { doc: r.doc, lineCounter: r.lineCounter };
    }
    return parsed;
  };
  return {
    file: task.file,
    text: task.text,
    data: task.data as FixtureData,
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
  };
}

async function start(port: NonNullable<typeof parentPort>, setup: WorkerSetup): Promise<void> {
  const phases = new Int32Array(setup.phases);
  const clock = new Float64Array(setup.clock);
  const slot = setup.slot;
  const startedAt = slot * CLOCK_SLOTS;
  const spent = startedAt + 1;
  const current = startedAt + 2;
  const post = (m: FromWorker) => port.postMessage(m);
  Atomics.store(phases, slot, PHASE.load);
  // The candidate's console: the worker's stdout, which the pool shows as [optimizer] lines.
  const loaded = await loadCandidate(setup.candidate, (line) => process.stdout.write(`${line}\n`));
  Atomics.store(phases, slot, PHASE.idle);
  if (!loaded.ok) {
    post({ type: 'load-error', message: loaded.message });
    return;
  }
  post({ type: 'ready', info: loaded.info });

  // The candidate's own time on this fixture: from the outermost enter to its exit. Nested
  // compile / execute (an executor that runs another) restore the outer phase on return.
  const stack: number[] = [];
  const enter = (phase: number) => {
    if (stack.length === 0) clock[startedAt] = epochMs();
    stack.push(phase);
    Atomics.store(phases, slot, phase);
  };
  const exit = () => {
    stack.pop();
    if (stack.length === 0) clock[spent] = clock[spent]! + (epochMs() - clock[startedAt]!);
    Atomics.store(phases, slot, stack.length > 0 ? stack[stack.length - 1]! : PHASE.idle);
  };
  const onPhase = (p: CandidatePhase) => {
    if (p === 'vm') exit();
    else enter(p === 'compile' ? PHASE.compile : PHASE.execute);
  };
  const factory = () => {
    enter(PHASE.factory);
    try {
      return loaded.factory();
    } finally {
      exit();
    }
  };
  const options = { ...setup.options, onPhase, measure: setup.calibrate, declared: { capabilities: loaded.info.capabilities } };

  let timedSteps = 0;
  port.on('message', (task: FixtureTask) => {
    stack.length = 0;
    clock[spent] = 0;
    clock[current] = task.index;
    Atomics.store(phases, slot, PHASE.idle);
    const fixture = lazyFixture(task);
    let verdict: FixtureVerdict;
    try {
      verdict = certifyFixture(referenceVm, fixture, factory, options);
    } catch (e) {
      verdict = { status: 'error' as const, message: `uncaught ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.split('\n')[0]! };
    }
    let costs: CostSample | null = null;
    if (verdict.status === 'pass' && verdict.timing) {
      const plain = timesPlainRun(task.index, timedSteps) ? timePlainRun(referenceVm, fixture, setup.options.budgetFactor) : { plainMs: 0, plainSteps: 0 };
      if (plain) {
        timedSteps += plain.plainSteps;
        costs = { ...verdict.timing, ...plain };
      }
      const { timing: _timing, ...rest } = verdict;
      verdict = rest;
    }
    Atomics.store(phases, slot, PHASE.idle);
    clock[current] = -1;
    post({ type: 'result', index: task.index, verdict, costs });
  });
}

if (parentPort) {
  const port = parentPort;
  start(port, workerData as WorkerSetup).catch((e: unknown) => {
    port.postMessage({ type: 'load-error', message: `internal: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker);
  });
}
