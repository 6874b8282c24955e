// Tries: capabilities answer BACK_EDGE when fixtures are chosen and FUNCTION_ENTRY when the VM registers it, so no loop ever compiles.
// expect: 1 capabilities.stable | became 1
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
    // A correct executor: the only thing wrong is the changing declaration.
    compile: () => ({
      execute(frame, vm) {
        for (let i = 0; i < 8 && vm.frame === frame; i++) vm.step(frame);
        return vm.frame;
      },
    }),
  };
};
