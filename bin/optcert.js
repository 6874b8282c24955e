#!/usr/bin/env node
'use strict';
// The optcert command: runs the compiled CLI (dist/conformance/src/cli.js).
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'conformance', 'src', 'cli.js');

function internal(e) {
  process.stderr.write('internal error: ' + String(e && e.message ? e.message : e).split('\n')[0] + '\n');
  return 3;
}

/** A status line on a terminal's stderr, rewritten in place; nothing when stderr is not a TTY. */
function progress() {
  if (!process.stderr.isTTY) return undefined;
  let shown = false;
  return (text) => {
    if (text === null) {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
      return;
    }
    process.stderr.write('\r\x1b[K' + text);
    shown = true;
  };
}

if (!fs.existsSync(compiled)) {
  process.stderr.write('optcert: not built yet: run `npm install` (or `npm run build`) in ' + path.join(__dirname, '..') + '\n');
  process.exitCode = 2;
} else {
  let code;
  try {
    const { main } = require(compiled);
    const bar = progress();
    code = main(process.argv.slice(2), {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
      cwd: process.cwd(),
      ...(bar ? { progress: bar } : {}),
    });
  } catch (e) {
    code = internal(e);
  }
  if (typeof code === 'number') process.exitCode = code;
  else {
    Promise.resolve(code).then(
      (c) => {
        process.exitCode = c;
      },
      (e) => {
        process.exitCode = internal(e);
      },
    );
  }
}
