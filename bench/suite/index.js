'use strict';
// The performance suite (issue 13): each program is a Python source (NAME.py), its fixture compiled
// and judged by CPython 3.13 (NAME.yaml, `npm run gen:bench`), and two JS versions of the same work
// (NAME.js: `plain`, idiomatic JS; `helpers`, JS on the VM's own values through its semantic
// helpers). The harness checks every version's result against the fixture's `expect`.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

/** Program file names by suite. */
const SUITES = {
  loop: ['nbody', 'spectral_norm', 'sieve', 'fannkuch', 'nested_loop'],
  call: ['fib', 'ackermann', 'small_calls'],
  generator: ['gen_pipeline', 'gen_arith'],
  string: ['str_build'],
};

/** One program: its fixture's code, entry call and CPython's result, and its JS versions. */
function load(name) {
  const suite = Object.keys(SUITES).find((s) => SUITES[s].includes(name));
  if (!suite) throw new Error(`bench/suite: no program ${name} (programs: ${Object.values(SUITES).flat().join(', ')})`);
  const file = path.join(__dirname, `${name}.yaml`);
  const fixture = YAML.parse(fs.readFileSync(file, 'utf8'));
  const call = /^(\w+)\((\d+)\)$/.exec(fixture.entry);
  if (!call) throw new Error(`${file}: entry ${fixture.entry} is not NAME(INT)`);
  if (fixture.expect?.return === undefined) throw new Error(`${file}: no expected return value`);
  return {
    name,
    suite,
    id: fixture.id,
    program: fixture.program,
    entry: fixture.entry,
    main: call[1],
    n: Number(call[2]),
    expect: fixture.expect.return,
    js: require(path.join(__dirname, `${name}.js`)),
  };
}

const PROGRAMS = Object.values(SUITES).flat();

module.exports = { SUITES, PROGRAMS, load };
