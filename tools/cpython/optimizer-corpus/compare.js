#!/usr/bin/env node
/*
 * Compare predict.py's hotspot events with the blessed fixtures' expect.trace (hotspot events only).
 * Usage: python3.13 predict.py | node compare.js      (exit 1 on any difference)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const repo = path.resolve(__dirname, '..', '..', '..');
let bad = 0;
let n = 0;
for (const line of fs.readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
  const p = JSON.parse(line);
  const fx = YAML.parse(fs.readFileSync(path.join(repo, 'fixtures', p.path + '.yaml'), 'utf8'));
  const trace = fx.expect && fx.expect.trace;
  if (!trace) {
    console.log(`${p.id}: no blessed trace`);
    bad++;
    continue;
  }
  if (fx.trace !== 'full' && !fx.trace.includes('hotspot')) continue;
  n++;
  const got = JSON.stringify(trace.filter((e) => e.kind === 'hotspot'));
  const want = JSON.stringify(p.events);
  if (got !== want) {
    bad++;
    console.log(`${p.id}: blessed hotspot events differ from the prediction\n  blessed:   ${got}\n  predicted: ${want}`);
  }
}
console.log(`${n} fixtures compared, ${bad} differ`);
process.exit(bad ? 1 : 0);
