'use strict';
// Check the performance suite without timing anything: every program of bench/suite run once on
// the reference VM with no optimizer and with the `jit` sample, and both JS versions, each result
// compared with the fixture's `expect` (CPython 3.13's). Uses dist/ (`npm run build` first).
//
//   node bench/check.js [PROGRAM ...]
const path = require('node:path');
const { PROGRAMS, load } = require('./suite/index.js');

const vm = require(path.join(__dirname, '..', 'dist', 'reference', 'src'));
let bad = 0;
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : PROGRAMS) {
  const p = load(name);
  const loaded = vm.loadProgram(p.program);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.error.code}: ${loaded.error.message}`);
  const onVm = (optimizer) => {
    const r = vm.runEntry(loaded.program, p.entry, { budget: 1e15, ...(optimizer ? { optimizer } : {}) });
    return r.ok && r.outcome.kind === 'return' ? r.outcome.repr : JSON.stringify(r.ok ? r.outcome : r.error);
  };
  const results = {
    interpreter: onVm(null),
    jit: onVm(vm.SAMPLE_OPTIMIZERS.jit()),
    'plain JS': p.js.plain(p.n),
    'JS with helpers': vm.repr(p.js.helpers(vm, p.n)),
  };
  const wrong = Object.entries(results).filter(([, r]) => r !== p.expect);
  bad += wrong.length;
  console.log(`${name.padEnd(14)} ${wrong.length ? wrong.map(([k, r]) => `${k} returned ${r}`).join('; ') : 'ok'} (CPython 3.13: ${p.expect})`);
}
process.exit(bad ? 1 : 0);
