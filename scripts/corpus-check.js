#!/usr/bin/env node
'use strict';
// npm run corpus:check: re-import fixtures/programs/*.py with CPython 3.13 and compare with the
// committed fixtures (conformance/src/import/corpus-check.ts). Skips, exit 0, without CPython 3.13.
const path = require('node:path');

const root = path.join(__dirname, '..');
const { corpusCheck } = require(path.join(root, 'dist', 'conformance', 'src', 'import', 'corpus-check.js'));
const { referenceVm } = require(path.join(root, 'dist', 'conformance', 'src', 'run', 'reference-vm.js'));
let code;
try {
  code = corpusCheck(
    root,
    {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
      cwd: process.cwd(),
    },
    referenceVm,
  );
} catch (e) {
  process.stderr.write('internal error: ' + String(e && e.message ? e.message : e).split('\n')[0] + '\n');
  code = 3;
}
process.exitCode = code;
