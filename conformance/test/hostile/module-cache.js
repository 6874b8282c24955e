// Tries: nothing hostile — a module-level cache. Broken only once it has seen three fixtures in one module instance, so its verdict would depend on how fixtures share workers.
// expect: 0 CERTIFIED
'use strict';
let fixturesSeen = 0;
exports.createOptimizer = () => {
  fixturesSeen++;
  return {
    name: 'module-cache',
    capabilities: 4,
    optimizationCost: 1,
    runCost: 1,
    compile: () => ({
      execute(frame, vm) {
        vm.step(frame);
        if (fixturesSeen > 3 && vm.frame === frame) frame.stack.push(null);
        return vm.frame;
      },
    }),
  };
};
