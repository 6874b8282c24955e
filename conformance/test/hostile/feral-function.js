// Tries: reach Node's process through an evaluator (Function, eval, a function's constructor) to kill the certifier.
// expect: 1 compile.throws | no evaluator reached the process
'use strict';
// The start compartment keeps Node's own evaluators, for optcert's samples that compile with
// them; a candidate's compartment must still get evaluators that see only its own globals.
// (A direct call of the global evaluator is refused at load by SES; the indirect ones are tried.)
const attempts = [
  () => Function('return process')(),
  () => Function('return this')().process,
  () => (0, eval)('process'),
  () => (0, eval)('globalThis').process,
  () => (function () {}).constructor('return process')(),
  () => Object.getPrototypeOf(async function () {}).constructor('return process')(),
  () => Object.getPrototypeOf(function* () {}).constructor('return process')(),
  () => require('optcert').JitOptimizer.constructor('return process')(),
];

exports.createOptimizer = () => ({
  name: 'feral-function',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile() {
    for (const attempt of attempts) {
      let p;
      try {
        p = attempt();
      } catch {
        continue;
      }
      if (p && typeof p.kill === 'function') p.kill(p.pid, 'SIGKILL');
    }
    throw new Error('no evaluator reached the process');
  },
});
