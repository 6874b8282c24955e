'use strict';
// `npm run bench`: medians over fresh processes, never a timed unit test. Every ratio compares
// samples taken in the same run, interleaved round by round, and is written to
// bench-results/bench.json.
//
// 1. The interpreter against the same work in plain JS.
// 2. What the optimizer API costs (issue 3): the interpreter with no optimizer registered against
//    the same interpreter with hotspot detection compiled out (target <= 1% overhead), and the
//    `null` optimizer registered (always declines) against no optimizer (target <= 3%).
// 3. For information: the `superblock` sample optimizer against no optimizer.
//
// BENCH_RUNS sets the number of processes per case (at least 10). BENCH_NO_BUILD=1 skips the
// TypeScript build (the workers run dist/).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildBaseline } = require('./bench-baseline.js');
const programs = require('../bench/programs.js');

const ROOT = path.join(__dirname, '..');
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS || 10));
const worker = path.join(__dirname, 'bench-worker.js');
const IMPLS = ['js', 'interp', 'baseline', 'null', 'superblock'];
const TARGETS = { noOptimizer: 1.01, nullOptimizer: 1.03 };

const CONFIGS = {
  js: 'the same work written in plain JS',
  interp: 'the reference VM, no optimizer registered: plain JUMP_BACKWARD/RESUME handlers, nothing counted',
  baseline:
    'the reference VM with hotspot detection compiled out: a copy of the built VM whose loop dispatches from the ' +
    'constant plain handler table, so counting handlers cannot be swapped in (scripts/bench-baseline.js)',
  null: 'the reference VM with the `null` sample optimizer registered (all capabilities, seed profile defaults): ' +
    'every hotspot is counted, compile is asked and declines, the site backs off',
  superblock: 'the reference VM with the `superblock` sample optimizer registered (seed profile defaults)',
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length - 1] / s[0];
}

const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(2)}%`;

function sample(name, impl) {
  const out = execFileSync(process.execPath, [worker, name, impl], { encoding: 'utf8' });
  return JSON.parse(out.trim());
}

const started = Date.now();
if (!process.env.BENCH_NO_BUILD) {
  process.stdout.write('building dist/ ... ');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  console.log('done');
}
buildBaseline();

console.log(`${RUNS} fresh processes per program and configuration, interleaved; each sample is the best of 3 runs after 2 warm-up runs\n`);
const report = {
  runs: RUNS,
  node: process.version,
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg(),
  configurations: CONFIGS,
  targets: TARGETS,
  cases: [],
};
for (const name of Object.keys(programs)) {
  const times = Object.fromEntries(IMPLS.map((i) => [i, []]));
  const results = new Set();
  for (let r = 0; r < RUNS; r++) {
    // Rotate the order every round so that no configuration always runs first or last.
    for (let j = 0; j < IMPLS.length; j++) {
      const impl = IMPLS[(j + r) % IMPLS.length];
      const s = sample(name, impl);
      times[impl].push(s.ms);
      results.add(s.result);
    }
  }
  if (results.size !== 1) throw new Error(`${name}: the configurations disagree: ${[...results].join(' vs ')}`);
  const med = Object.fromEntries(IMPLS.map((i) => [i, median(times[i])]));
  const paired = (a, b) => median(times[a].map((t, r) => t / times[b][r]));
  const c = {
    name,
    medianMs: med,
    spread: Object.fromEntries(IMPLS.map((i) => [i, spread(times[i])])),
    interpVsJs: med.interp / med.js,
    // Ratios of medians; `paired` is the median of the per-round ratios (samples taken side by side).
    noOptimizerOverhead: med.interp / med.baseline,
    nullOptimizerOverhead: med.null / med.interp,
    superblockSpeed: med.interp / med.superblock,
    paired: {
      noOptimizerOverhead: paired('interp', 'baseline'),
      nullOptimizerOverhead: paired('null', 'interp'),
      superblockSpeed: median(times.interp.map((t, r) => t / times.superblock[r])),
    },
    samples: times,
  };
  report.cases.push(c);
  console.log(
    `${name.padEnd(10)} interpreter ${med.interp.toFixed(1).padStart(8)} ms   plain JS ${med.js.toFixed(2).padStart(8)} ms   ` +
      `ratio ${c.interpVsJs.toFixed(1).padStart(6)}x   (max/min across processes: ${c.spread.interp.toFixed(2)} / ${c.spread.js.toFixed(2)})`,
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

console.log('\nWhat the optimizer API costs (ratios of medians; > 1 is slower):');
for (const [k, v] of Object.entries(CONFIGS)) if (k !== 'js') console.log(`  ${k.padEnd(10)} = ${v}`);
console.log('');
console.log('(in parentheses: the median of the per-round ratios, samples taken side by side)\n');
console.log(
  `${'program'.padEnd(10)} ${'compiled out'.padStart(13)} ${'no optimizer'.padStart(13)} ${'null opt.'.padStart(11)} ${'superblock'.padStart(11)}` +
    `   ${'no optimizer / compiled out'.padStart(28)} ${'null / no optimizer'.padStart(22)} ${'superblock speed-up'.padStart(22)}`,
);
for (const c of report.cases) {
  const m = c.medianMs;
  const both = (r, p) => `${pct(r)} (${pct(p)})`;
  console.log(
    `${c.name.padEnd(10)} ${m.baseline.toFixed(1).padStart(10)} ms ${m.interp.toFixed(1).padStart(10)} ms ${m.null.toFixed(1).padStart(8)} ms ${m.superblock.toFixed(1).padStart(8)} ms   ` +
      `${both(c.noOptimizerOverhead, c.paired.noOptimizerOverhead).padStart(28)} ${both(c.nullOptimizerOverhead, c.paired.nullOptimizerOverhead).padStart(22)} ` +
      `${`${c.superblockSpeed.toFixed(2)}x (${c.paired.superblockSpeed.toFixed(2)}x)`.padStart(22)}`,
  );
}
const verdict = (ok) => (ok ? 'within target' : 'OVER TARGET');
console.log(
  `\nno optimizer vs detection compiled out: ${pct(overall.noOptimizerOverhead)} (geometric mean; target <= +1%: ${verdict(report.withinTargets.noOptimizer)})`,
);
console.log(
  `null optimizer vs no optimizer:         ${pct(overall.nullOptimizerOverhead)} (geometric mean; target <= +3%: ${verdict(report.withinTargets.nullOptimizer)})`,
);
console.log(`superblock vs no optimizer:             ${overall.superblockSpeed.toFixed(2)}x speed-up (geometric mean; < 1 is slower; informational)`);
report.loadAverageAtEnd = os.loadavg();
const load = Math.max(report.loadAverageAtStart[0], report.loadAverageAtEnd[0]);
if (load > report.cpus * 0.5) {
  console.log(`\nnote: the 1-minute load average reached ${load.toFixed(1)} on ${report.cpus} CPUs: other work ran during the benchmark, so these ratios are noisy`);
}

report.seconds = (Date.now() - started) / 1000;
fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
const file = path.join(ROOT, 'bench-results', 'bench.json');
fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwritten ${path.relative(process.cwd(), file)} (${report.seconds.toFixed(0)} s)`);
