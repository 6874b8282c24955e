'use strict';
// The performance suite part of `npm run bench` (issue 13): the `jit` sample optimizer on the
// programs of bench/suite against (c) the interpreter, (d) `superblock`, (a) the same work in
// idiomatic plain JS and (b) plain JS on the VM's own values through its semantic helpers (the
// honest ceiling for a semantics-preserving JIT). Per program and configuration, `runs` fresh
// processes (scripts/bench-jit-worker.js), interleaved round by round with the order rotated;
// each process reports its steady state (main called repeatedly in one VM after warm-up calls).
// Every ratio is between the medians over the processes of the same run. Then, per program, the
// share of executed instructions that ran inside the jit's executors and its warm-up curve, and
// per suite what compiling every hotspot costs.
const { execFile, execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { SUITES, PROGRAMS } = require('../bench/suite/index.js');
const { geomean, median, spread } = require('./bench-stats.js');

const worker = path.join(__dirname, 'bench-jit-worker.js');
/** BENCH_PROGRAMS=a,b runs some programs only (their suites' figures then cover only those). */
const SELECTED = process.env.BENCH_PROGRAMS ? process.env.BENCH_PROGRAMS.split(',') : PROGRAMS;
for (const name of SELECTED) if (!PROGRAMS.includes(name)) throw new Error(`BENCH_PROGRAMS: no program ${name} (programs: ${PROGRAMS.join(', ')})`);
const SELECTED_SUITES = Object.keys(SUITES).filter((suite) => SUITES[suite].some((n) => SELECTED.includes(n)));
const CONFIGS = ['interp', 'superblock', 'jit', 'js', 'helpers'];
const TARGETS = {
  jitOverInterp: { loop: 10, call: 3, generator: 3 },
  jitOverHelpers: 2,
  loopExecutorShare: 0.9,
  compileUsPer100: 100,
};
const DESCRIPTIONS = {
  interp: '(c) the reference interpreter, no optimizer registered',
  superblock: '(d) the reference VM with the `superblock` sample optimizer',
  jit: 'the reference VM with the `jit` sample optimizer',
  js: '(a) the same work in idiomatic plain JS (bench/suite/NAME.js, plain)',
  helpers: "(b) the same work in plain JS on the VM's own values through its semantic helpers (bench/suite/NAME.js, helpers)",
};

/**
 * Sample processes run JOBS at a time: on the idle 2-core machine two at once halve the wall time,
 * which keeps `npm run bench` near its 10 minutes; every configuration of a round runs under the
 * same concurrency, so the ratios stay comparable. BENCH_JOBS=1 runs them one by one.
 */
const JOBS = Math.max(1, Number(process.env.BENCH_JOBS || Math.min(2, os.cpus().length)));

function sample(...args) {
  const out = execFileSync(process.execPath, [worker, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim());
}

function sampleAsync(...args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [worker, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }, (err, out, errText) => {
      if (err) reject(new Error(`bench-jit-worker ${args.join(' ')}: ${errText || err.message}`));
      else resolve(JSON.parse(out.trim()));
    });
  });
}

/** Run the tasks (functions returning promises) JOBS at a time, in order of start. */
async function pool(tasks) {
  const results = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, tasks.length) }, lane));
  return results;
}

const x = (r) => `${r.toFixed(r >= 100 ? 0 : r >= 10 ? 1 : 2)}x`;
const verdict = (ok) => (ok ? 'within target' : 'MISSES TARGET');

async function timePrograms(runs) {
  const cases = [];
  for (const name of SELECTED) {
    const ms = Object.fromEntries(CONFIGS.map((c) => [c, []]));
    const tasks = [];
    for (let r = 0; r < runs; r++) {
      // Rotate the order so that no configuration always runs first (or right after another).
      for (let j = 0; j < CONFIGS.length; j++) {
        const config = CONFIGS[(j + r) % CONFIGS.length];
        tasks.push(() => sampleAsync(name, config).then((s) => ms[config].push(s.ms)));
      }
    }
    await pool(tasks);
    const med = Object.fromEntries(CONFIGS.map((c) => [c, median(ms[c])]));
    const c = {
      name,
      suite: Object.keys(SUITES).find((s) => SUITES[s].includes(name)),
      medianMs: med,
      spread: Object.fromEntries(CONFIGS.map((cfg) => [cfg, spread(ms[cfg])])),
      jitOverInterp: med.interp / med.jit,
      jitOverHelpers: med.jit / med.helpers,
      jitOverJs: med.jit / med.js,
      superblockOverInterp: med.interp / med.superblock,
      helpersOverJs: med.helpers / med.js,
      samples: ms,
    };
    cases.push(c);
    console.log(
      `${name.padEnd(14)} interp ${med.interp.toFixed(1).padStart(7)} ms  superblock ${med.superblock.toFixed(1).padStart(7)} ms  ` +
        `jit ${med.jit.toFixed(2).padStart(7)} ms  (b) ${med.helpers.toFixed(2).padStart(7)} ms  (a) ${med.js.toFixed(2).padStart(7)} ms`,
    );
  }
  return cases;
}

async function profiles() {
  const done = await pool(SELECTED.map((name) => () => sampleAsync(name, 'profile')));
  return Object.fromEntries(SELECTED.map((name, i) => [name, done[i]]));
}

function compileCosts() {
  return SELECTED_SUITES.map((suite) => {
    const s = sample('compile', suite);
    const per100 = (ms) => (median(ms) * 1000 * 100) / s.instructions;
    return {
      ...s,
      endToEndUsPer100: per100(s.endToEndMs),
      generateUsPer100: per100(s.generateMs),
      newFunctionUsPer100: per100(s.newFunctionMs),
      uncachedUsPer100: per100(s.generateMs) + per100(s.newFunctionMs),
      // Source generation, new Function and V8's compile at the first call: what it takes until the code can run.
      untilRunnableUsPer100: per100(s.generateMs) + per100(s.untilRunnableMs),
    };
  });
}

async function benchJit(runs, report) {
  console.log(`\nThe performance suite (bench/suite, issue 13): ${runs} fresh processes per program and configuration,`);
  console.log(`interleaved, ${JOBS} at a time; each process calls main repeatedly in one VM and reports the fastest of its calls after`);
  console.log(`warm-up calls (steady state). Each figure is a ratio of the medians over the processes.\n`);
  for (const [k, v] of Object.entries(DESCRIPTIONS)) console.log(`  ${k.padEnd(10)} = ${v}`);
  console.log('');
  const cases = await timePrograms(runs);
  const prof = await profiles();
  const compile = compileCosts();

  console.log(
    `\n${'program'.padEnd(14)} ${'suite'.padEnd(9)} ${'jit/interp'.padStart(10)} ${'jit vs (b)'.padStart(12)} ${'jit vs (a)'.padStart(12)} ` +
      `${'superblock'.padStart(10)} ${'in executors'.padStart(12)} ${'warm-up calls'.padStart(13)}`,
  );
  for (const c of cases) {
    const p = prof[c.name];
    console.log(
      `${c.name.padEnd(14)} ${c.suite.padEnd(9)} ${x(c.jitOverInterp).padStart(10)} ${`${c.jitOverHelpers.toFixed(2)}x time`.padStart(12)} ` +
        `${`${c.jitOverJs.toFixed(1)}x time`.padStart(12)} ${x(c.superblockOverInterp).padStart(10)} ${`${(p.steadyShare * 100).toFixed(1)}%`.padStart(12)} ${String(p.warmupCalls).padStart(13)}`,
    );
  }

  const suites = {};
  for (const suite of SELECTED_SUITES) {
    const cs = cases.filter((c) => c.suite === suite);
    const names = cs.map((c) => c.name);
    const steps = (k) => names.reduce((a, n) => a + prof[n][k], 0);
    suites[suite] = {
      jitOverInterp: geomean(cs.map((c) => c.jitOverInterp)),
      jitOverHelpers: geomean(cs.map((c) => c.jitOverHelpers)),
      jitOverJs: geomean(cs.map((c) => c.jitOverJs)),
      superblockOverInterp: geomean(cs.map((c) => c.superblockOverInterp)),
      // Steady-state calls: instructions run inside executors over all instructions, summed over the suite.
      executorShare: names.reduce((a, n) => a + prof[n].steadyShare * prof[n].steadyStepsPerCall, 0) / steps('steadyStepsPerCall'),
    };
  }
  const all = {
    jitOverInterp: geomean(cases.map((c) => c.jitOverInterp)),
    jitOverHelpers: geomean(cases.map((c) => c.jitOverHelpers)),
    jitOverJs: geomean(cases.map((c) => c.jitOverJs)),
    superblockOverInterp: geomean(cases.map((c) => c.superblockOverInterp)),
  };
  const compileAll = {
    instructions: compile.reduce((a, s) => a + s.instructions, 0),
  };
  const weighted = (k) => compile.reduce((a, s) => a + s[k] * s.instructions, 0) / compileAll.instructions;
  compileAll.endToEndUsPer100 = weighted('endToEndUsPer100');
  compileAll.uncachedUsPer100 = weighted('uncachedUsPer100');
  compileAll.generateUsPer100 = weighted('generateUsPer100');
  compileAll.newFunctionUsPer100 = weighted('newFunctionUsPer100');
  compileAll.untilRunnableUsPer100 = weighted('untilRunnableUsPer100');

  console.log(`\n${'suite'.padEnd(10)} ${'jit/interp'.padStart(10)} ${'target'.padStart(7)} ${'jit vs (b)'.padStart(10)} ${'jit vs (a)'.padStart(10)} ${'superblock'.padStart(10)} ${'in executors'.padStart(12)}   (geometric means)`);
  for (const [suite, s] of Object.entries(suites)) {
    const t = TARGETS.jitOverInterp[suite];
    console.log(
      `${suite.padEnd(10)} ${x(s.jitOverInterp).padStart(10)} ${(t ? `>= ${t}x` : '').padStart(7)} ${`${s.jitOverHelpers.toFixed(2)}x`.padStart(10)} ${`${s.jitOverJs.toFixed(1)}x`.padStart(10)} ` +
        `${x(s.superblockOverInterp).padStart(10)} ${`${(s.executorShare * 100).toFixed(1)}%`.padStart(12)}`,
    );
  }
  console.log(`${'all'.padEnd(10)} ${x(all.jitOverInterp).padStart(10)} ${''.padStart(7)} ${`${all.jitOverHelpers.toFixed(2)}x`.padStart(10)} ${`${all.jitOverJs.toFixed(1)}x`.padStart(10)} ${x(all.superblockOverInterp).padStart(10)}`);

  console.log('\ncompile cost per 100 compiled instructions (every hotspot of the suite\'s code objects, median over repetitions):');
  for (const s of compile) {
    console.log(
      `  ${s.suite.padEnd(10)} ${String(s.regions).padStart(3)} regions, ${String(s.instructions).padStart(5)} instructions: compile() ${s.endToEndUsPer100.toFixed(0).padStart(5)} us ` +
        `(V8 may serve repeated sources from its cache); uncached: source ${s.generateUsPer100.toFixed(0)} us + new Function ${s.newFunctionUsPer100.toFixed(0)} us = ${s.uncachedUsPer100.toFixed(0)} us; ` +
        `with V8's compile at the first call: ${s.untilRunnableUsPer100.toFixed(0)} us`,
    );
  }

  const within = {
    jitOverHelpers: all.jitOverHelpers <= TARGETS.jitOverHelpers,
    compile: compileAll.uncachedUsPer100 <= TARGETS.compileUsPer100,
  };
  console.log('');
  for (const [suite, target] of Object.entries(TARGETS.jitOverInterp)) {
    if (!suites[suite]) continue;
    within[suite] = suites[suite].jitOverInterp >= target;
    console.log(`${`jit vs interpreter, ${suite} suite:`.padEnd(37)}${x(suites[suite].jitOverInterp)} (target >= ${target}x: ${verdict(within[suite])})`);
  }
  const warm = cases.map((c) => `${c.name} ${prof[c.name].warmupCalls}`).join(', ');
  console.log(`jit vs (b) JS with the VM's helpers: ${all.jitOverHelpers.toFixed(2)}x the time (all programs; target <= 2x: ${verdict(within.jitOverHelpers)})`);
  console.log(`jit vs (a) plain JS:                 ${all.jitOverJs.toFixed(1)}x the time (reported)`);
  if (suites.loop) {
    within.loopExecutorShare = suites.loop.executorShare >= TARGETS.loopExecutorShare;
    console.log(`instructions inside executors, loop: ${(suites.loop.executorShare * 100).toFixed(1)}% (target >= 90%: ${verdict(within.loopExecutorShare)})`);
  }
  console.log(
    `compile cost per 100 instructions:   ${compileAll.uncachedUsPer100.toFixed(0)} us uncached, ${compileAll.endToEndUsPer100.toFixed(0)} us through compile() (target <= 100 us: ${verdict(within.compile)}); ` +
      `${compileAll.untilRunnableUsPer100.toFixed(0)} us with V8's compile at the first call`,
  );
  console.log(`warm-up (calls of main until 90% of steady-state speed): ${warm}`);
  report.jit = { programs: SELECTED, jobs: JOBS, configurations: DESCRIPTIONS, targets: TARGETS, withinTargets: within, suites, all, compile, compileAll, profiles: prof, cases };
}

module.exports = { benchJit };
