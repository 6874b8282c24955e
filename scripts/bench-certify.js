'use strict';
// The certification part of `npm run bench` (issue 4): the corpus certified in lockstep against
// the same corpus run plainly, and fixtures per second per core. Fresh processes, medians over
// them, every ratio taken between samples of the same process (or the same round of processes).
//
// 1. In process (scripts/bench-certify-worker.js), one core: per fixture, `optcert run`'s work
//    (load, run, judge) against a certification worker's (the same plus the candidate in stress
//    mode, the guards, and the advance-N oracle after every execute). The ratio is over the
//    fixtures the candidate applies to; skipped fixtures cost nothing and are left out.
// 2. End to end, what a user waits for: `optcert run fixtures` against
//    `optcert certify sample:superblock fixtures --jobs 1` (one worker thread: per core), each a
//    fresh process (start-up, loading and validating the corpus, the worker pool).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { median, sum } = require('./bench-stats.js');

const CANDIDATES = ['superblock', 'counter', 'null'];
const SMALL_STEPS = 1000;
const TARGETS = { lockstepOverPlain: 3, smallFixturesPerSecondPerCore: 500 };

function inProcess(candidate) {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'bench-certify-worker.js'), candidate], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim());
}

function cli(args) {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [path.join(__dirname, 'bench-cli.js'), ...args], { encoding: 'utf8' });
  return { ms: performance.now() - t0, code: JSON.parse(out.trim()).code };
}

/** The figures of one process's sample. */
function figures(sample) {
  const applied = sample.rows.filter((r) => r.status !== 'skip');
  const small = applied.filter((r) => r.steps <= SMALL_STEPS);
  const plainMs = sum(applied.map((r) => r.plainMs));
  const lockstepMs = sum(applied.map((r) => r.lockstepMs));
  return {
    fixtures: sample.rows.length,
    applied: applied.length,
    failed: applied.filter((r) => r.status !== 'pass').length,
    small: small.length,
    plainMs,
    lockstepMs,
    ratio: lockstepMs / plainMs,
    medianFixtureRatio: median(applied.map((r) => r.lockstepMs / Math.max(r.plainMs, 1e-3))),
    smallPerSecond: small.length / (sum(small.map((r) => r.lockstepMs)) / 1000),
    smallPlainPerSecond: small.length / (sum(small.map((r) => r.plainMs)) / 1000),
    allPerSecond: applied.length / (lockstepMs / 1000),
  };
}

function benchCertification(runs, report) {
  console.log(`\nCertification in lockstep (issue 4): ${runs} fresh processes per candidate, each timing every fixture`);
  console.log(`plainly and certified, alternately (the faster of 1 run after 1 warm-up run); one core each.`);
  console.log(`A small fixture executes at most ${SMALL_STEPS} instructions when run plainly.\n`);
  const cases = [];
  for (const candidate of CANDIDATES) {
    const raw = Array.from({ length: runs }, () => inProcess(candidate));
    const samples = raw.map(figures);
    const pick = (k) => median(samples.map((s) => s[k]));
    const heaviest = raw[raw.length - 1].rows
      .filter((r) => r.status !== 'skip')
      .sort((a, b) => b.lockstepMs - a.lockstepMs)
      .slice(0, 5)
      .map((r) => ({ id: r.id, lockstepMs: r.lockstepMs, plainMs: r.plainMs, steps: r.steps }));
    const c = {
      candidate,
      fixtures: samples[0].fixtures,
      applied: samples[0].applied,
      failed: samples[0].failed,
      small: samples[0].small,
      plainMs: pick('plainMs'),
      lockstepMs: pick('lockstepMs'),
      lockstepOverPlain: pick('ratio'),
      medianFixtureRatio: pick('medianFixtureRatio'),
      smallFixturesPerSecondPerCore: pick('smallPerSecond'),
      smallPlainFixturesPerSecondPerCore: pick('smallPlainPerSecond'),
      fixturesPerSecondPerCore: pick('allPerSecond'),
      heaviest,
      samples,
    };
    if (c.failed) throw new Error(`${candidate}: ${c.failed} fixtures did not pass certification; a benchmark of a failing run means nothing`);
    cases.push(c);
    console.log(
      `${candidate.padEnd(11)} ${String(c.applied).padStart(3)} fixtures certified: lockstep ${c.lockstepMs.toFixed(0).padStart(6)} ms, plain ${c.plainMs.toFixed(0).padStart(4)} ms, ` +
        `ratio ${c.lockstepOverPlain.toFixed(1).padStart(5)}x (per-fixture median ${c.medianFixtureRatio.toFixed(1)}x); ` +
        `${c.small} small: ${c.smallFixturesPerSecondPerCore.toFixed(0)} certified/s/core (plain ${c.smallPlainFixturesPerSecondPerCore.toFixed(0)}/s)`,
    );
    const top = heaviest.map((h) => `${h.id} ${h.lockstepMs.toFixed(0)} ms (${(h.lockstepMs / Math.max(h.plainMs, 1e-3)).toFixed(0)}x, ${h.steps} steps)`);
    console.log(`            heaviest: ${top.join('; ')}`);
  }

  const e2e = { run: [], certify: [], ratio: [] };
  let certified = 0;
  for (let r = 0; r < runs; r++) {
    // Alternate which command goes first.
    const order = r % 2 ? ['certify', 'run'] : ['run', 'certify'];
    const ms = {};
    for (const which of order) {
      const res = which === 'run' ? cli(['run', 'fixtures']) : cli(['certify', 'sample:superblock', 'fixtures', '--jobs', '1']);
      if (res.code !== 0) throw new Error(`optcert ${which} exited ${res.code}`);
      ms[which] = res.ms;
    }
    e2e.run.push(ms.run);
    e2e.certify.push(ms.certify);
    e2e.ratio.push(ms.certify / ms.run);
  }
  certified = cases[0].applied;
  const endToEnd = {
    runMs: median(e2e.run),
    certifyMs: median(e2e.certify),
    certifyOverRun: median(e2e.ratio),
    certifiedPerSecondPerCore: certified / (median(e2e.certify) / 1000),
    samples: e2e,
  };
  console.log(
    `\nend to end (fresh processes): optcert run fixtures ${endToEnd.runMs.toFixed(0)} ms; ` +
      `optcert certify sample:superblock fixtures --jobs 1 ${endToEnd.certifyMs.toFixed(0)} ms ` +
      `(${endToEnd.certifyOverRun.toFixed(1)}x; ${endToEnd.certifiedPerSecondPerCore.toFixed(0)} fixtures certified/s on one worker)`,
  );

  const headline = cases[0];
  const within = {
    lockstepOverPlain: headline.lockstepOverPlain <= TARGETS.lockstepOverPlain,
    smallFixturesPerSecondPerCore: headline.smallFixturesPerSecondPerCore >= TARGETS.smallFixturesPerSecondPerCore,
  };
  const verdict = (ok) => (ok ? 'within target' : 'MISSES TARGET');
  console.log(`\nlockstep vs plain (superblock, in process):   ${headline.lockstepOverPlain.toFixed(1)}x (target <= ${TARGETS.lockstepOverPlain}x: ${verdict(within.lockstepOverPlain)})`);
  console.log(
    `small fixtures certified per second per core: ${headline.smallFixturesPerSecondPerCore.toFixed(0)} (target >= ${TARGETS.smallFixturesPerSecondPerCore}: ${verdict(within.smallFixturesPerSecondPerCore)})`,
  );
  report.certification = { smallSteps: SMALL_STEPS, targets: TARGETS, withinTargets: within, cases, endToEnd };
}

module.exports = { benchCertification };
