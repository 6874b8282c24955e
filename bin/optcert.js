#!/usr/bin/env node
'use strict';
// The optcert command: runs the compiled CLI (dist/conformance/src/cli.js).
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'conformance', 'src', 'cli.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('optcert: not built yet: run `npm install` (or `npm run build`) in ' + path.join(__dirname, '..') + '\n');
  process.exitCode = 2;
} else {
  let code;
  try {
    const { main } = require(compiled);
    code = main(process.argv.slice(2), {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
      cwd: process.cwd(),
    });
  } catch (e) {
    process.stderr.write('internal error: ' + String(e && e.message ? e.message : e).split('\n')[0] + '\n');
    code = 3;
  }
  process.exitCode = code;
}
