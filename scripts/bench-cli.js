'use strict';
// Run the optcert CLI from the benchmark's private build, its output discarded; print the exit
// code as JSON. The parent times the whole process: what a user waits for.
//
//   node bench-cli.js <optcert arguments...>
const path = require('node:path');
const { BUILD } = require('./bench-baseline.js');

const { main } = require(path.join(BUILD, 'conformance', 'src', 'cli.js'));
const io = { out: () => {}, err: () => {}, cwd: path.join(__dirname, '..') };
Promise.resolve(main(process.argv.slice(2), io)).then((code) => {
  process.stdout.write(JSON.stringify({ code }) + '\n');
});
