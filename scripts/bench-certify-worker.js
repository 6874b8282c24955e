'use strict';
// One sample of the certification benchmark, in a fresh process, from the benchmark's private
// build: every fixture of the corpus run plainly (as `optcert run` runs it) and certified in
// lockstep with a sample candidate (as a certification worker does: stress mode, the advance-N
// oracle after every execute, the guards), alternating fixture by fixture so that machine noise
// hits both alike. Loading and validating the corpus is done once, before timing: both commands
// pay it alike, and it is not what the oracle costs.
//
//   node bench-certify-worker.js <candidate>   one JSON line: per fixture, plain and lockstep ms
//                                               (the faster of MEASURED rounds, after WARMUP rounds
//                                               and one pass that runs the corpus plainly, so that
//                                               the first fixtures do not pay for V8 warming the VM)
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { BUILD } = require('./bench-baseline.js');

// The corpus (826 fixtures in 2026-12) costs about 30 s per lockstep round with superblock on an
// idle core; one measured round per process keeps `npm run bench` within its 10 minutes.
const WARMUP = 0;
const MEASURED = 1;

const [candidate] = process.argv.slice(2);
const built = (p) => require(path.join(BUILD, p));
const { loadCorpus } = built('conformance/src/fixtures/select.js');
const { referenceVm } = built('conformance/src/run/reference-vm.js');
const { runFixture } = built('conformance/src/run/run-fixture.js');
const { certifyFixture, DEFAULT_CERTIFY_OPTIONS } = built('conformance/src/certify/certify-fixture.js');
const { SAMPLE_OPTIMIZERS } = built('reference/src/optimizers/index.js');

const make = SAMPLE_OPTIMIZERS[candidate];
if (!make) {
  console.error(`usage: bench-certify-worker.js <${Object.keys(SAMPLE_OPTIMIZERS).join('|')}>`);
  process.exit(2);
}
const corpus = loadCorpus(path.join(__dirname, '..'), ['fixtures']);
if (corpus.problems.length) throw new Error(`the corpus has ${corpus.problems.length} bad files`);

for (const fixture of corpus.fixtures) runFixture(referenceVm, fixture);
const rows = corpus.fixtures.map((f) => ({ id: f.data.id, status: '', steps: 0, plainMs: Infinity, lockstepMs: Infinity }));
for (let round = 0; round < WARMUP + MEASURED; round++) {
  corpus.fixtures.forEach((fixture, i) => {
    const row = rows[i];
    let t0 = performance.now();
    const plain = runFixture(referenceVm, fixture);
    const plainMs = performance.now() - t0;
    t0 = performance.now();
    const verdict = certifyFixture(referenceVm, fixture, make, DEFAULT_CERTIFY_OPTIONS);
    const lockstepMs = performance.now() - t0;
    row.plainStatus = plain.status;
    row.status = verdict.status;
    row.steps = plain.observed?.steps ?? 0;
    if (round >= WARMUP) {
      row.plainMs = Math.min(row.plainMs, plainMs);
      row.lockstepMs = Math.min(row.lockstepMs, lockstepMs);
    }
  });
}
process.stdout.write(JSON.stringify({ candidate, rows }) + '\n');
