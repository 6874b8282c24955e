'use strict';
// One sample of the performance suite (bench/suite, scripts/bench-jit.js) in this fresh process.
//
//   node bench-jit-worker.js <program> interp|superblock|jit|js|helpers
//       steady state of one configuration: the program's module runs once, then its main is called
//       again and again in the same VM (executors stay installed, as in a long-running program);
//       warm-up calls first (the first call, which runs the module, counts): at least
//       MIN_WARMUP[config] calls and WARMUP_MS, at most WARMUP_CAP calls; then the fastest of
//       MEASURED calls. The interpreter and superblock take about 0.3 s a call and are warm after
//       one; the jit's first calls run its generated code before V8 has optimized it (the profile
//       mode's warm-up curve: 4 to 12 calls to reach 90% of its steady speed), so it gets more.
//   node bench-jit-worker.js <program> profile
//       the jit's share of executed instructions (steps inside its executors over the VM's steps)
//       and its warm-up curve: main called WARMUP_CURVE times in one VM, each call timed
//   node bench-jit-worker.js compile <suite>
//       what compiling costs: every hotspot of the suite's code objects compiled by a fresh jit,
//       COMPILE_REPS times; per 100 compiled instructions
//
// Every result is checked against the fixture's `expect` (CPython 3.13's repr of main's result).
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { loadCopy } = require('./bench-baseline.js');
const { SUITES, load } = require('../bench/suite/index.js');

const WARMUP_MS = 250;
const WARMUP_CAP = 40;
const MIN_WARMUP = { interp: 1, superblock: 1, jit: 8, js: 1, helpers: 1 };
const MEASURED = { interp: 1, superblock: 1, jit: 3, js: 3, helpers: 3 };
const WARMUP_CURVE = 15;
const STEADY_TAIL = 5;
const COMPILE_REPS = 30;

/** The copy of the built VM each configuration runs from (scripts/bench-baseline.js). */
const COPY = { interp: 'interp', superblock: 'superblock', jit: 'jit', helpers: 'helpers', js: 'helpers' };

function check(p, repr, config) {
  if (repr !== p.expect) throw new Error(`${p.name} (${config}): returned ${repr}, CPython 3.13 returned ${p.expect}`);
  return repr;
}

/** The jit sample, recording every executor its compile returns. */
function recordingJit(dir) {
  const { JitOptimizer } = require(path.join(dir, 'optimizers', 'jit'));
  return class RecordingJit extends JitOptimizer {
    made = [];
    compile(code, offset) {
      const executor = super.compile(code, offset);
      if (executor !== null) this.made.push(executor);
      return executor;
    }
  };
}

/** A VM with the program loaded and its module run (the first call of main is a warm-up call). */
function startVm(p, config) {
  const { vm, optimizers } = loadCopy(COPY[config]);
  const loaded = vm.loadProgram(p.program);
  if (!loaded.ok) throw new Error(`${p.name}: ${loaded.error.code}: ${loaded.error.message}`);
  const opts = { budget: 1e15 };
  let optimizer = null;
  if (config === 'superblock') opts.optimizer = optimizers.superblock();
  if (config === 'jit') {
    const Jit = recordingJit(copyRoot(config));
    opts.optimizer = optimizer = new Jit();
  }
  const t0 = performance.now();
  const r = vm.runEntry(loaded.program, p.entry, opts);
  const firstMs = performance.now() - t0;
  if (!r.ok || r.outcome.kind !== 'return') throw new Error(`${p.name} (${config}): ${JSON.stringify(r.ok ? r.outcome : r.error)}`);
  check(p, r.outcome.repr, config);
  const machine = r.vm;
  const main = machine.loadGlobal(p.main);
  return {
    firstMs,
    firstSteps: r.outcome.steps,
    machine,
    optimizer,
    call: () => check(p, vm.repr(machine.callFunction(main, [p.n])), config),
  };
}

function copyRoot(config) {
  return path.join(__dirname, '..', 'bench-results', 'vm', COPY[config]);
}

/** The call to time, after its first call (done here: a warm-up call). */
function runner(p, config) {
  let run;
  if (config === 'js') run = () => check(p, p.js.plain(p.n), config);
  else if (config === 'helpers') {
    const { vm } = loadCopy(COPY.helpers);
    run = () => check(p, vm.repr(p.js.helpers(vm, p.n)), config);
  } else return startVm(p, config).call;
  run();
  return run;
}

function steadyState(p, config) {
  const warmStart = performance.now();
  const run = runner(p, config);
  let warmups = 1;
  while ((warmups < MIN_WARMUP[config] || performance.now() - warmStart < WARMUP_MS) && warmups < WARMUP_CAP) {
    run();
    warmups++;
  }
  let ms = Infinity;
  for (let i = 0; i < MEASURED[config]; i++) {
    const t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { name: p.name, config, ms, warmups };
}

/** Steps inside the jit's executors over all steps, first call and steady-state calls; the warm-up curve. */
function profile(p) {
  const s = startVm(p, 'jit');
  const executorSteps = () => s.optimizer.made.reduce((a, e) => a + e.steps, 0);
  const first = { steps: s.firstSteps, inExecutors: executorSteps() };
  const times = [s.firstMs];
  const before = { steps: s.machine.steps, inExecutors: first.inExecutors };
  for (let i = 1; i < WARMUP_CURVE; i++) {
    const t0 = performance.now();
    s.call();
    times.push(performance.now() - t0);
  }
  const steady = {
    steps: s.machine.steps - before.steps,
    inExecutors: executorSteps() - before.inExecutors,
  };
  const tail = [...times.slice(-STEADY_TAIL)].sort((a, b) => a - b);
  const steadyMs = tail[tail.length >> 1];
  // The first call whose time is within 1/0.9 of the steady state: 90% of steady-state speed.
  const reached = times.findIndex((t) => t <= steadyMs / 0.9);
  return {
    name: p.name,
    executors: s.optimizer.made.length,
    firstShare: first.inExecutors / first.steps,
    steadyShare: steady.inExecutors / steady.steps,
    steadyStepsPerCall: steady.steps / (WARMUP_CURVE - 1),
    times,
    steadyMs,
    warmupCalls: reached + 1,
  };
}

/** Every hotspot (hotspotKindAt: RESUME 0, JUMP_BACKWARD, resumes after yield) of the suite's code objects. */
function hotspots(vm, programs) {
  const sites = [];
  for (const p of programs) {
    const loaded = vm.loadProgram(p.program);
    if (!loaded.ok) throw new Error(`${p.name}: ${loaded.error.code}`);
    for (const code of loaded.program.codes.values()) {
      for (let offset = 0; offset < code.ops.length; offset++) {
        if (vm.hotspotKindAt(code.ops[offset], code.args[offset]) !== null) sites.push({ code, offset });
      }
    }
  }
  return sites;
}

/**
 * Compile cost. `compile` end to end (plan, source generation, `new Function`), a fresh optimizer
 * per repetition; V8 caches `new Function` by source text, so repetitions after the first may be
 * served from its cache. Hence also: planning and generating the source (JitEmitter) timed alone,
 * plus `new Function` over that source made unique per repetition (a trailing comment), which V8
 * must parse afresh — the cost a program pays for a region it has not compiled before.
 */
function compileCost(suite) {
  const dir = copyRoot('jit');
  const vm = require(dir);
  const { JitOptimizer, JitEmitter, planJitRegion } = require(path.join(dir, 'optimizers', 'jit'));
  const sites = hotspots(vm, SUITES[suite].map(load));
  const plans = sites.map((s) => planJitRegion(s.code, s.offset)).filter((plan) => plan !== null);
  const instructions = plans.reduce((a, plan) => a + plan.instructions.size, 0);
  const timeReps = (fn) => {
    const per = [];
    for (let rep = 0; rep < COMPILE_REPS; rep++) {
      const t0 = performance.now();
      fn(rep);
      per.push(performance.now() - t0);
    }
    return per;
  };
  const endToEnd = timeReps(() => {
    const jit = new JitOptimizer();
    for (const s of sites) jit.compile(s.code, s.offset);
  });
  const generate = timeReps(() => {
    for (const s of sites) {
      const plan = planJitRegion(s.code, s.offset);
      if (plan !== null) new JitEmitter(plan, new Set()).emit();
    }
  });
  const sources = plans.map((plan) => new JitEmitter(plan, new Set()).emit().source);
  const construct = timeReps((rep) => {
    for (const source of sources) new Function('R', `${source}\n// ${rep}`);
  });
  // What `new Function` leaves for later. The region is parenthesized (emit.ts), so V8 compiles it
  // in full inside `new Function`; left for the first call is only running the prelude (a region
  // written as a plain function expression would be pre-parsed there and parsed again here, about
  // a third more in all). Timed by calling it once on a frame that is not one (it throws at its
  // first line): bindings that answer every property, so the prelude runs.
  const anything = new Proxy(function () {}, { get: () => anything });
  const firstCall = timeReps((rep) => {
    for (const source of sources) {
      const run = new Function('R', `${source}\n// first call ${rep}`)(anything);
      try {
        run(null, null, null, 0, 0, 0);
      } catch {
        // expected: the frame is null
      }
    }
  });
  return {
    suite, hotspots: sites.length, regions: plans.length, instructions, endToEndMs: endToEnd, generateMs: generate, newFunctionMs: construct,
    // new Function, the prelude and the first call's compile (construct's pre-parse included).
    untilRunnableMs: firstCall,
  };
}

const [name, mode] = process.argv.slice(2);
let out;
if (name === 'compile') {
  if (!SUITES[mode]) {
    console.error(`usage: bench-jit-worker.js compile <${Object.keys(SUITES).join('|')}>`);
    process.exit(2);
  }
  out = compileCost(mode);
} else if (mode === 'profile') {
  out = profile(load(name));
} else if (MEASURED[mode]) {
  out = steadyState(load(name), mode);
} else {
  console.error(`usage: bench-jit-worker.js <program> <${[...Object.keys(MEASURED), 'profile'].join('|')}> | compile <suite>`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(out) + '\n');
