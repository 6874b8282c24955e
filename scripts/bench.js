'use strict';
// `npm run bench`: medians over fresh processes, never a timed unit test. Every ratio compares
// samples taken in the same run, interleaved round by round (the API's overheads even within the
// same process), and everything is written to bench-results/bench.json.
//
// 1. The interpreter against the same work in plain JS.
// 2. What the optimizer API costs (issue 3): the interpreter with no optimizer registered against
//    the same interpreter with hotspot detection compiled out (target <= 1% overhead), and the
//    `null` optimizer registered (always declines) against no optimizer (target <= 3%).
// 3. For information: the `superblock` sample optimizer against no optimizer.
// 4. The performance suite (scripts/bench-jit.js, bench/suite): the `jit` sample optimizer against
//    the interpreter, `superblock`, plain JS and JS on the VM's values through its helpers, per
//    program and suite; the share of instructions run inside executors, compile cost, warm-up.
// 5. Certification (scripts/bench-certify.js): the corpus certified in lockstep against the same
//    corpus run plainly, fixtures certified per second per core, and `certify sample:jit` end to
//    end against `optcert run`.
//
// The workers run a private build in bench-results/build (so a concurrent `npm run build` cannot
// change the code under measurement). BENCH_RUNS sets the number of processes per case (at least
// 10). BENCH_NO_BUILD=1 copies dist/ instead of compiling. BENCH_ONLY=interpreter, BENCH_ONLY=jit or
// BENCH_ONLY=certification runs one part. BENCH_REUSE_BUILD=1 benchmarks the build and copies a
// previous run left in bench-results/ (so that two parts can run side by side); BENCH_OUT names the
// JSON file (default bench-results/bench.json); BENCH_PROGRAMS=a,b limits the performance suite to
// those programs; BENCH_JOBS (default: the number of CPUs, at most 2) is how many of the performance
// suite's sample processes run at once.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { prepareCopies, BUILD, VM_CONFIGS } = require('./bench-baseline.js');
const programs = require('../bench/programs.js');
const { benchCertification } = require('./bench-certify.js');
const { benchJit } = require('./bench-jit.js');
const { geomean, median, spread } = require('./bench-stats.js');

const ROOT = path.join(__dirname, '..');
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS || 10));
const worker = path.join(__dirname, 'bench-worker.js');
const TARGETS = { noOptimizer: 1.01, nullOptimizer: 1.03 };
const ONLY = process.env.BENCH_ONLY;
if (ONLY && !['interpreter', 'jit', 'certification'].includes(ONLY)) {
  console.error(`BENCH_ONLY must be interpreter, jit or certification, not ${ONLY}`);
  process.exit(2);
}

const CONFIGS = {
  js: 'the same work written in plain JS',
  interp: 'the reference VM, no optimizer registered: plain JUMP_BACKWARD/RESUME handlers, nothing counted',
  baseline:
    'the reference VM with hotspot detection compiled out: its loop dispatches from the constant plain handler ' +
    'table, as before the optimizer API existed, so counting handlers cannot be swapped in (scripts/bench-baseline.js)',
  null:
    'the reference VM with the `null` sample optimizer registered (all capabilities, seed profile defaults): ' +
    'every hotspot is counted, compile is asked and declines, the site backs off',
  superblock: 'the reference VM with the `superblock` sample optimizer registered (seed profile defaults)',
};

const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(2)}%`;

function sample(name, mode) {
  const out = execFileSync(process.execPath, [worker, name, mode], { encoding: 'utf8' });
  return JSON.parse(out.trim());
}

const started = Date.now();
if (process.env.BENCH_REUSE_BUILD) {
  console.log(`benchmarking the build already in ${path.relative(process.cwd(), BUILD)}/ (BENCH_REUSE_BUILD)`);
} else if (process.env.BENCH_NO_BUILD) {
  fs.rmSync(BUILD, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'dist'), BUILD, { recursive: true });
} else {
  fs.rmSync(BUILD, { recursive: true, force: true });
  process.stdout.write(`building ${path.relative(process.cwd(), BUILD)}/ ... `);
  try {
    const tsc = require.resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', BUILD], { stdio: 'inherit' });
    console.log('done');
  } catch {
    // tsc still emits JavaScript when there are type errors; the benchmark only needs that.
    console.log('type errors (above); benchmarking the JavaScript tsc emitted anyway');
  }
}
if (!process.env.BENCH_REUSE_BUILD) prepareCopies();

const report = {
  runs: RUNS,
  node: process.version,
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg(),
  configurations: CONFIGS,
  targets: TARGETS,
  cases: [],
};
function benchInterpreter() {
  console.log(
    `${RUNS} rounds of fresh processes per program; every sample is the fastest of 3 runs after 2 warm-up runs.\n` +
      `The overhead processes run all ${VM_CONFIGS.length} VM configurations, each from its own copy of the built VM, interleaved;\n` +
      `their ratios are taken within each process (side by side) and the median over the ${RUNS} processes is reported.\n`,
  );
  for (const name of Object.keys(programs)) {
    const single = { interp: [], js: [] };
    const vmTimes = Object.fromEntries(VM_CONFIGS.map((c) => [c, []]));
    const ratios = { noOptimizer: [], nullOptimizer: [], superblockSpeed: [] };
    const results = new Set();
    for (let r = 0; r < RUNS; r++) {
      // Interleave so that machine noise hits every configuration alike.
      for (const mode of r % 2 ? ['js', 'interp', 'overhead'] : ['overhead', 'interp', 'js']) {
        const s = sample(name, mode);
        results.add(s.result);
        if (mode !== 'overhead') {
          single[mode].push(s.ms[mode]);
          continue;
        }
        for (const c of VM_CONFIGS) vmTimes[c].push(s.ms[c]);
        ratios.noOptimizer.push(s.ms.interp / s.ms.baseline);
        ratios.nullOptimizer.push(s.ms.null / s.ms.interp);
        ratios.superblockSpeed.push(s.ms.interp / s.ms.superblock);
      }
    }
    if (results.size !== 1) throw new Error(`${name}: the configurations disagree: ${[...results].join(' vs ')}`);
    const med = Object.fromEntries(VM_CONFIGS.map((c) => [c, median(vmTimes[c])]));
    const c = {
      name,
      interpMs: median(single.interp),
      jsMs: median(single.js),
      interpVsJs: median(single.interp) / median(single.js),
      interpSpread: spread(single.interp),
      jsSpread: spread(single.js),
      // The headline overheads: medians over processes of the within-process ratios.
      noOptimizerOverhead: median(ratios.noOptimizer),
      nullOptimizerOverhead: median(ratios.nullOptimizer),
      superblockSpeed: median(ratios.superblockSpeed),
      // The same from the medians of the times alone.
      ratioOfMedians: {
        noOptimizerOverhead: med.interp / med.baseline,
        nullOptimizerOverhead: med.null / med.interp,
        superblockSpeed: med.interp / med.superblock,
      },
      medianMs: med,
      spread: Object.fromEntries(VM_CONFIGS.map((cfg) => [cfg, spread(vmTimes[cfg])])),
      samples: { ...single, overhead: vmTimes, ratios },
    };
    report.cases.push(c);
    console.log(
      `${name.padEnd(10)} interpreter ${c.interpMs.toFixed(1).padStart(8)} ms   plain JS ${c.jsMs.toFixed(2).padStart(8)} ms   ` +
        `ratio ${c.interpVsJs.toFixed(1).padStart(6)}x   (max/min across processes: ${c.interpSpread.toFixed(2)} / ${c.jsSpread.toFixed(2)})`,
    );
  }

  const overall = {
    noOptimizerOverhead: geomean(report.cases.map((c) => c.noOptimizerOverhead)),
    nullOptimizerOverhead: geomean(report.cases.map((c) => c.nullOptimizerOverhead)),
    superblockSpeed: geomean(report.cases.map((c) => c.superblockSpeed)),
  };
  report.overall = overall;
  report.withinTargets = {
    noOptimizer: overall.noOptimizerOverhead <= TARGETS.noOptimizer,
    nullOptimizer: overall.nullOptimizerOverhead <= TARGETS.nullOptimizer,
  };

  console.log('\nWhat the optimizer API costs (> 0% is slower):');
  for (const [k, v] of Object.entries(CONFIGS)) if (k !== 'js') console.log(`  ${k.padEnd(10)} = ${v}`);
  console.log('\n(medians of the within-process ratios; in parentheses the ratio of the median times)\n');
  console.log(
    `${'program'.padEnd(10)} ${'compiled out'.padStart(13)} ${'no optimizer'.padStart(13)} ${'null opt.'.padStart(11)} ${'superblock'.padStart(11)}` +
      `   ${'no optimizer / compiled out'.padStart(28)} ${'null / no optimizer'.padStart(22)} ${'superblock speed-up'.padStart(22)}`,
  );
  for (const c of report.cases) {
    const m = c.medianMs;
    const q = c.ratioOfMedians;
    const both = (r, o) => `${pct(r)} (${pct(o)})`;
    console.log(
      `${c.name.padEnd(10)} ${m.baseline.toFixed(1).padStart(10)} ms ${m.interp.toFixed(1).padStart(10)} ms ${m.null.toFixed(1).padStart(8)} ms ${m.superblock.toFixed(1).padStart(8)} ms   ` +
        `${both(c.noOptimizerOverhead, q.noOptimizerOverhead).padStart(28)} ${both(c.nullOptimizerOverhead, q.nullOptimizerOverhead).padStart(22)} ` +
        `${`${c.superblockSpeed.toFixed(2)}x (${q.superblockSpeed.toFixed(2)}x)`.padStart(22)}`,
    );
  }
  const verdict = (ok) => (ok ? 'within target' : 'OVER TARGET');
  console.log(
    `\nno optimizer vs detection compiled out: ${pct(overall.noOptimizerOverhead)} (geometric mean over the programs; target <= +1%: ${verdict(report.withinTargets.noOptimizer)})`,
  );
  console.log(
    `null optimizer vs no optimizer:         ${pct(overall.nullOptimizerOverhead)} (geometric mean over the programs; target <= +3%: ${verdict(report.withinTargets.nullOptimizer)})`,
  );
  console.log(`superblock vs no optimizer:             ${overall.superblockSpeed.toFixed(2)}x speed-up (geometric mean; < 1 is slower; informational)`);
}

async function main() {
  if (!ONLY || ONLY === 'interpreter') benchInterpreter();
  if (!ONLY || ONLY === 'jit') await benchJit(RUNS, report);
  if (!ONLY || ONLY === 'certification') benchCertification(RUNS, report);
  report.loadAverageAtEnd = os.loadavg();
  // At the start, before the benchmark's own processes (the end counts them: certify runs two threads).
  const load = report.loadAverageAtStart[0];
  if (load > report.cpus * 0.5) {
    console.log(`\nnote: the 1-minute load average was ${load.toFixed(1)} on ${report.cpus} CPUs when the benchmark started: other work was running, so these ratios are noisy`);
  }

  report.seconds = (Date.now() - started) / 1000;
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = path.resolve(ROOT, process.env.BENCH_OUT || path.join('bench-results', 'bench.json'));
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwritten ${path.relative(process.cwd(), file)} (${report.seconds.toFixed(0)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
