'use strict';
// The benchmark's copies of the built VM, one per configuration, so that configurations that run
// in the same process never share JIT state (type feedback, optimized code) with each other.
//
// `baseline` is the reference VM with hotspot detection compiled out. In the shipped VM the
// dispatch loop reads its handler table from `vm.dispatch`, which registration swaps for a table
// with counting JUMP_BACKWARD / RESUME handlers. The baseline copy's loop dispatches from the
// module constant DISPATCH, the plain handler table, instead — the loop as it was before the
// optimizer API existed: the same code, except that there is no way left to swap counting
// handlers in. Comparing the shipped VM with no optimizer registered against it measures what the
// pluggable API costs an interpreter that never uses it.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
/** The benchmark's private build (scripts/bench.js), so that a concurrent `npm run build` cannot change it mid-run. */
const BUILD = path.join(ROOT, 'bench-results', 'build');
const BUILT = path.join(BUILD, 'reference', 'src');
const COPIES = path.join(ROOT, 'bench-results', 'vm');

/** The VM configurations, each loaded from its own copy. */
const VM_CONFIGS = ['interp', 'baseline', 'null', 'superblock'];
/** More copies for the performance suite (scripts/bench-jit.js): the jit, and the JS-with-helpers baseline. */
const SUITE_COPIES = ['jit', 'helpers'];

const LOOP_DISPATCH = 'this.dispatch[op](this, f, f.args[ip]);';
const CONSTANT_DISPATCH = 'handlers_1.DISPATCH[op](this, f, f.args[ip]);';

function copyDir(config) {
  return path.join(COPIES, config);
}

/** (Re)make one copy of the built VM per configuration; the baseline's loop is patched. */
function prepareCopies() {
  fs.rmSync(COPIES, { recursive: true, force: true });
  for (const config of [...VM_CONFIGS, ...SUITE_COPIES]) fs.cpSync(BUILT, copyDir(config), { recursive: true });
  const vmFile = path.join(copyDir('baseline'), 'interp', 'vm.js');
  const text = fs.readFileSync(vmFile, 'utf8');
  const hits = text.split(LOOP_DISPATCH).length - 1;
  if (hits !== 1 || !text.includes('const handlers_1 = require("./handlers");')) {
    throw new Error(
      `bench-baseline: expected the dispatch loop to contain \`${LOOP_DISPATCH}\` exactly once in ${vmFile} ` +
        `(found ${hits}); the interpreter loop changed, update scripts/bench-baseline.js`,
    );
  }
  fs.writeFileSync(vmFile, text.replace(LOOP_DISPATCH, CONSTANT_DISPATCH));
}

/** The copy of the VM for a configuration: its root module and its sample optimizers. */
function loadCopy(config) {
  const dir = copyDir(config);
  if (!fs.existsSync(path.join(dir, 'index.js'))) throw new Error('bench-baseline: run `npm run bench` first (no copies of the VM)');
  return { vm: require(dir), optimizers: require(path.join(dir, 'optimizers')).SAMPLE_OPTIMIZERS };
}

module.exports = { prepareCopies, loadCopy, VM_CONFIGS, BUILD, BUILT };
