'use strict';
// Benchmark samples in this (fresh) process.
//
//   node bench-worker.js <program> js|interp   one implementation: WARMUP runs, then the fastest
//                                              of MEASURED runs
//   node bench-worker.js <program> overhead    every VM configuration, each from its own copy of
//                                              the built VM (no shared JIT state), interleaved
//                                              round by round; the fastest measured run of each
//
// VM configurations (scripts/bench-baseline.js):
//   interp      the reference VM, no optimizer registered (plain handlers: nothing is counted)
//   baseline    the reference VM with hotspot detection compiled out
//   null        the `null` sample optimizer registered: every hotspot kind is counted (seed
//               profile defaults), compile is asked and declines, the site backs off
//   superblock  the `superblock` sample optimizer registered
const { performance } = require('node:perf_hooks');
const programs = require('../bench/programs.js');
const { loadCopy, VM_CONFIGS } = require('./bench-baseline.js');

const WARMUP = 2;
const MEASURED = 3;

const [name, mode] = process.argv.slice(2);
const p = programs[name];
if (!p || !['js', 'interp', 'overhead'].includes(mode)) {
  console.error(`usage: bench-worker.js <${Object.keys(programs).join('|')}> <js|interp|overhead>`);
  process.exit(2);
}

function vmRunner(config) {
  const { vm, optimizers } = loadCopy(config);
  const loaded = vm.loadProgram({ functions: p.functions });
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  const make = optimizers[config] ?? null;
  return () => {
    const opts = { budget: 1e12 };
    if (make) opts.optimizer = make();
    const r = vm.runEntry(loaded.program, `${p.entry}(${p.n})`, opts);
    if (!r.ok || r.outcome.kind !== 'return') throw new Error(JSON.stringify(r.ok ? r.outcome : r.error));
    return r.outcome.repr;
  };
}

const runners = mode === 'js' ? { js: () => String(p.js(p.n)) } : mode === 'interp' ? { interp: vmRunner('interp') } : Object.fromEntries(VM_CONFIGS.map((c) => [c, vmRunner(c)]));
const configs = Object.keys(runners);
const ms = Object.fromEntries(configs.map((c) => [c, Infinity]));
const results = new Set();
for (let round = 0; round < WARMUP + MEASURED; round++) {
  for (let j = 0; j < configs.length; j++) {
    // Rotate the order every round so that no configuration always runs first.
    const c = configs[(j + round) % configs.length];
    const t0 = performance.now();
    results.add(runners[c]());
    const t = performance.now() - t0;
    if (round >= WARMUP) ms[c] = Math.min(ms[c], t);
  }
}
if (results.size !== 1) throw new Error(`${name}: the configurations disagree: ${[...results].join(' vs ')}`);
process.stdout.write(JSON.stringify({ name, ms, result: [...results][0] }) + '\n');
