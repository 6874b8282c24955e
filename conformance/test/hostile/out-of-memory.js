// Tries: run out of memory in compile (a runaway plan cache), taking the worker down.
// expect: 1 error | compile ran out of memory
'use strict';
exports.createOptimizer = () => ({
  name: 'out-of-memory',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile() {
    const plans = [];
    for (;;) plans.push(new Array(1 << 16).fill(plans.length));
  },
});
