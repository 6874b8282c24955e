'use strict';
// The benchmark's baseline: the reference VM with hotspot detection compiled out.
//
// In the shipped VM the dispatch loop reads its handler table from `vm.dispatch`, which
// registration swaps for a table with counting JUMP_BACKWARD / RESUME handlers. The baseline is a
// copy of the built VM (dist/reference/src) whose loop dispatches from the module constant
// DISPATCH, the plain handler table, instead: the same code, except that there is no way left to
// swap counting handlers in. Comparing the shipped VM with no optimizer registered against it
// measures what the pluggable API costs an interpreter that never uses it.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const BUILT = path.join(ROOT, 'dist', 'reference', 'src');
const BASELINE = path.join(ROOT, 'bench-results', 'baseline-vm');

const LOOP_DISPATCH = 'this.dispatch[op](this, f, f.args[ip]);';
const CONSTANT_DISPATCH = 'handlers_1.DISPATCH[op](this, f, f.args[ip]);';

/** (Re)build the baseline copy from dist/; returns the path of its index.js. */
function buildBaseline() {
  fs.rmSync(BASELINE, { recursive: true, force: true });
  fs.cpSync(BUILT, BASELINE, { recursive: true });
  const vmFile = path.join(BASELINE, 'interp', 'vm.js');
  const text = fs.readFileSync(vmFile, 'utf8');
  const hits = text.split(LOOP_DISPATCH).length - 1;
  if (hits !== 1 || !text.includes('const handlers_1 = require("./handlers");')) {
    throw new Error(
      `bench-baseline: expected the dispatch loop to contain \`${LOOP_DISPATCH}\` exactly once in ${vmFile} ` +
        `(found ${hits}); the interpreter loop changed, update scripts/bench-baseline.js`,
    );
  }
  fs.writeFileSync(vmFile, text.replace(LOOP_DISPATCH, CONSTANT_DISPATCH));
  return path.join(BASELINE, 'index.js');
}

function baselineEntry() {
  const entry = path.join(BASELINE, 'index.js');
  if (!fs.existsSync(entry)) throw new Error('bench-baseline: run `npm run bench` (or buildBaseline()) first');
  return entry;
}

module.exports = { buildBaseline, baselineEntry, BASELINE };
