// Tries: after a correct step, leave an equal copy of the frame as the innermost frame.
// expect: 1 advance-n | frames[0] (identity)
'use strict';
exports.createOptimizer = () => ({
  name: 'substitute-frame',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile: () => ({
    execute(frame, vm) {
      vm.step(frame);
      if (vm.frame !== frame) return vm.frame;
      const twin = Object.create(Object.getPrototypeOf(frame));
      Object.assign(twin, frame, { locals: frame.locals.slice(), stack: frame.stack.slice() });
      vm.frame = twin;
      return twin;
    },
  }),
});
