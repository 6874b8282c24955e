// Tries: from inside compile, replace Vm.prototype.step (the oracle's copy steps with it) so both VMs agree on a wrong result.
// expect: 1 compile.mutates | read only property 'step'
'use strict';
exports.createOptimizer = () => ({
  name: 'patch-vm-prototype',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile(code, offset, vm) {
    Object.getPrototypeOf(vm).step = function () { return true; };
    return null;
  },
});
