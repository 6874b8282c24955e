// Tries: capabilities answer BACK_EDGE when fixtures are chosen and FUNCTION_ENTRY when the VM registers it, so no loop ever compiles.
// expect: 1 capabilities.stable
'use strict';
exports.createOptimizer = () => {
  let reads = 0;
  return {
    name: 'capabilities-getter',
    get capabilities() {
      return reads++ === 0 ? 4 : 1;
    },
    optimizationCost: 1,
    runCost: 1,
    compile: () => ({ execute: (f) => { f.stack.push(42); return f; } }),
  };
};
