#!/usr/bin/env node
'use strict';
// The optcert command: runs the compiled CLI (dist/conformance/src/cli.js) and wires it to the
// process: output, the terminal's progress bar, progress lines on a log, colour, Ctrl-C.
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'conformance', 'src', 'cli.js');
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';

function internal(e) {
  process.stderr.write('internal error: ' + String(e && e.message ? e.message : e).split('\n')[0] + '\n');
  return 3;
}

/** A status line on a terminal's stderr, rewritten in place (cursor hidden while shown); nothing when stderr is not a TTY. */
function progress() {
  if (!process.stderr.isTTY) return undefined;
  let shown = false;
  const bar = (text) => {
    if (text === null) {
      if (shown) process.stderr.write('\r\x1b[K' + SHOW_CURSOR);
      shown = false;
      return;
    }
    process.stderr.write((shown ? '' : HIDE_CURSOR) + '\r\x1b[K' + text);
    shown = true;
  };
  // However the process ends, the terminal gets its cursor back.
  process.on('exit', () => bar(null));
  return bar;
}

/** Progress lines at a steady pace for a log that is not a terminal (CI). */
function every(ms, tick) {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Ctrl-C: the first one goes to the command's handler (it stops its workers and reports what
 * ran, exit 130), after the progress bar is cleared; a second one ends the process at once.
 */
function interrupts(bar) {
  return (handler) => {
    let pressed = false;
    const onSigint = () => {
      if (bar) bar(null); // clears the line and shows the cursor again
      if (pressed) process.exit(130);
      pressed = true;
      process.stderr.write('optcert: interrupted: stopping the workers (Ctrl-C again to quit at once)\n');
      handler();
    };
    process.on('SIGINT', onSigint);
    return () => process.removeListener('SIGINT', onSigint);
  };
}

if (!fs.existsSync(compiled)) {
  process.stderr.write('optcert: not built yet: run `npm install` (or `npm run build`) in ' + path.join(__dirname, '..') + '\n');
  process.exitCode = 2;
} else {
  let code;
  try {
    const { main } = require(compiled);
    const { wantsColor } = require(path.join(__dirname, '..', 'dist', 'conformance', 'src', 'report', 'console-style.js'));
    const bar = progress();
    code = main(process.argv.slice(2), {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
      cwd: process.cwd(),
      color: wantsColor(process.env, process.stdout.isTTY === true),
      onInterrupt: interrupts(bar),
      ...(bar ? { progress: bar } : { every, now: () => performance.now() }),
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
