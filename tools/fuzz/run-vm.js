#!/usr/bin/env node
'use strict';
/*
 * The reference-VM side of the differential fuzzer (tools/fuzz/fuzz.py starts it).
 *
 * Reads JSON lines `{"id": ..., "yaml": <fixture text>}` from stdin and answers each with one JSON
 * line `{"id", "status", "difference"?, "observed"?}` on stdout, where status is
 *   pass       the reference VM's outcome equals the fixture's expectation (CPython's),
 *   fail       it differs (difference: the first difference, as `optcert run` reports it),
 *   bad-input  the fixture is not valid (schema, assembler or verifier rejection, bad entry),
 *   crash      the VM threw a JavaScript error (an internal bug; difference: the stack).
 * The fixture is parsed and judged exactly as `optcert run` does it (dist/conformance), so a
 * divergence reproduces with `node bin/optcert.js run FILE.yaml`. Needs `npm run build`.
 */
const path = require('node:path');
const fs = require('node:fs');
const readline = require('node:readline');

const dist = path.join(__dirname, '..', '..', 'dist', 'conformance', 'src');
if (!fs.existsSync(path.join(dist, 'cli.js'))) {
  process.stderr.write('run-vm: dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}
const { parseFixture } = require(path.join(dist, 'fixtures', 'load.js'));
const { runFixture } = require(path.join(dist, 'run', 'run-fixture.js'));
const { referenceVm } = require(path.join(dist, 'run', 'reference-vm.js'));

function observedView(o) {
  if (!o) return undefined;
  switch (o.kind) {
    case 'return':
      return { kind: 'return', repr: o.repr, output: o.output, steps: o.steps };
    case 'raise':
      return { kind: 'raise', type: o.type, message: o.message, output: o.output, steps: o.steps };
    case 'exhausted':
      return { kind: 'exhausted', output: o.output, steps: o.steps };
    default:
      return { kind: o.kind, code: o.code ?? o.rule, message: o.message };
  }
}

function judge(req) {
  const file = `${req.id}.yaml`;
  const parsed = parseFixture(file, req.yaml);
  if (!parsed.ok) return { status: 'bad-input', difference: `${parsed.diagnostic.code}: ${parsed.diagnostic.message}` };
  let run;
  try {
    run = runFixture(referenceVm, parsed.fixture);
  } catch (e) {
    return { status: 'crash', difference: String((e && e.stack) || e) };
  }
  if (run.status === 'pass') return { status: 'pass', observed: observedView(run.observed) };
  if (run.status === 'fail') return { status: 'fail', difference: run.difference, observed: observedView(run.observed) };
  return { status: 'bad-input', difference: `${run.diagnostic.code}: ${run.diagnostic.message}` };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    process.stdout.write(JSON.stringify({ id: null, status: 'bad-input', difference: `not JSON: ${e.message}` }) + '\n');
    return;
  }
  let answer;
  try {
    answer = judge(req);
  } catch (e) {
    answer = { status: 'crash', difference: String((e && e.stack) || e) };
  }
  process.stdout.write(JSON.stringify({ id: req.id, ...answer }) + '\n');
});
