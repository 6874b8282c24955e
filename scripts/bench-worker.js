'use strict';
// One benchmark sample in this (fresh) process: `node bench-worker.js <program> <impl>`.
// Runs the work three times and reports the last, so the sample is the warmed-up time.
const { performance } = require('node:perf_hooks');
const programs = require('../bench/programs.js');

const [name, impl] = process.argv.slice(2);
const p = programs[name];
if (!p || !['interp', 'js'].includes(impl)) {
  console.error('usage: bench-worker.js <loop|fib|generator> <interp|js>');
  process.exit(2);
}

let run;
if (impl === 'js') {
  run = () => p.js(p.n);
} else {
  const { loadProgram, runEntry } = require('../dist/reference/src');
  const loaded = loadProgram({ functions: p.functions });
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  run = () => {
    const r = runEntry(loaded.program, `${p.entry}(${p.n})`, { budget: 1e12 });
    if (!r.ok || r.outcome.kind !== 'return') throw new Error(JSON.stringify(r));
    return r.outcome.repr;
  };
}

let ms = 0;
let result;
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  result = run();
  ms = performance.now() - t0;
}
process.stdout.write(JSON.stringify({ name, impl, ms, result: String(result) }) + '\n');
