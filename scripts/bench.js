'use strict';
// `npm run bench`: medians over fresh processes, printed as ratios against plain JS measured in
// the same run, and written to bench-results/bench.json. Never a timed unit test.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const RUNS = Number(process.env.BENCH_RUNS || 10);
const worker = path.join(__dirname, 'bench-worker.js');

function sample(name, impl) {
  const out = execFileSync(process.execPath, [worker, name, impl], { encoding: 'utf8' });
  return JSON.parse(out.trim());
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length - 1] / s[0];
}

const report = { runs: RUNS, node: process.version, cases: [] };
for (const name of ['loop', 'fib', 'generator']) {
  const times = { interp: [], js: [] };
  const results = new Set();
  // Interleave so machine noise hits both sides alike.
  for (let r = 0; r < RUNS; r++) {
    for (const impl of ['interp', 'js']) {
      const s = sample(name, impl);
      times[impl].push(s.ms);
      results.add(s.result);
    }
  }
  if (results.size !== 1) throw new Error(`${name}: interpreter and JS disagree: ${[...results].join(' vs ')}`);
  const c = {
    name,
    interpMs: median(times.interp),
    jsMs: median(times.js),
    ratio: median(times.interp) / median(times.js),
    interpSpread: spread(times.interp),
    jsSpread: spread(times.js),
    samples: times,
  };
  report.cases.push(c);
  console.log(
    `${name.padEnd(10)} interpreter ${c.interpMs.toFixed(1).padStart(8)} ms   plain JS ${c.jsMs.toFixed(2).padStart(8)} ms   ` +
      `ratio ${c.ratio.toFixed(1).padStart(6)}x   (max/min across processes: ${c.interpSpread.toFixed(2)} / ${c.jsSpread.toFixed(2)})`,
  );
}
fs.mkdirSync(path.join(__dirname, '..', 'bench-results'), { recursive: true });
const file = path.join(__dirname, '..', 'bench-results', 'bench.json');
fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
console.log(`written ${path.relative(process.cwd(), file)}`);
