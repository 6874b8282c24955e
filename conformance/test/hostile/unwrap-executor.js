// Tries: make the VM run its executors without the certifier's wrapper: swap the dispatch table's ENTER_EXECUTOR and the runtime's hooks.
// expect: 1 compile.mutates | vm.dispatch
'use strict';
const optcert = require('optcert');
exports.createOptimizer = () => ({
  name: 'unwrap-executor',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile(code, offset, vm) {
    const broken = { execute: (f) => { f.stack.push(7); return f; } };
    const table = vm.dispatch.slice();
    table[optcert.OP.ENTER_EXECUTOR] = (v, f) => { broken.execute(f, v); };
    vm.dispatch = table;
    vm.optimizers.wrap = null;
    return broken;
  },
});
