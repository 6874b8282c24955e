'use strict';
// One benchmark sample in this (fresh) process: `node bench-worker.js <program> <impl>`.
// Runs the work WARMUP + MEASURED times and reports the fastest measured run, so the sample is
// the warmed-up time with as little in-process noise as possible.
//
// impl:
//   js          the same work in plain JS
//   interp      the reference VM, no optimizer registered (plain handlers: nothing is counted)
//   baseline    the reference VM with hotspot detection compiled out (scripts/bench-baseline.js)
//   null        the reference VM with the `null` sample optimizer registered: every hotspot kind
//               is counted (seed profile defaults), compile is asked and declines, the site backs off
//   superblock  the reference VM with the `superblock` sample optimizer registered
const { performance } = require('node:perf_hooks');
const programs = require('../bench/programs.js');

const IMPLS = ['js', 'interp', 'baseline', 'null', 'superblock'];
const WARMUP = 2;
const MEASURED = 3;

const [name, impl] = process.argv.slice(2);
const p = programs[name];
if (!p || !IMPLS.includes(impl)) {
  console.error(`usage: bench-worker.js <${Object.keys(programs).join('|')}> <${IMPLS.join('|')}>`);
  process.exit(2);
}

function vmRunner(vm, makeOptimizer) {
  const loaded = vm.loadProgram({ functions: p.functions });
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  return () => {
    const opts = { budget: 1e12 };
    if (makeOptimizer) opts.optimizer = makeOptimizer();
    const r = vm.runEntry(loaded.program, `${p.entry}(${p.n})`, opts);
    if (!r.ok || r.outcome.kind !== 'return') throw new Error(JSON.stringify(r.ok ? r.outcome : r.error));
    return r.outcome.repr;
  };
}

let run;
if (impl === 'js') {
  run = () => p.js(p.n);
} else if (impl === 'baseline') {
  run = vmRunner(require(require('./bench-baseline.js').baselineEntry()), null);
} else {
  const vm = require('../dist/reference/src');
  const { SAMPLE_OPTIMIZERS } = require('../dist/reference/src/optimizers');
  run = vmRunner(vm, impl === 'interp' ? null : SAMPLE_OPTIMIZERS[impl]);
}

let ms = Infinity;
let result;
for (let k = 0; k < WARMUP + MEASURED; k++) {
  const t0 = performance.now();
  result = run();
  const t = performance.now() - t0;
  if (k >= WARMUP) ms = Math.min(ms, t);
}
process.stdout.write(JSON.stringify({ name, impl, ms, result: String(result) }) + '\n');
