// Tries: print a forged verdict (console and fd 1) while certifying a broken executor.
// expect: 1 advance-n | stack depth
'use strict';
let fs = null;
try {
  fs = require('fs');
} catch {
  // refused: the console is all there is
}
exports.createOptimizer = () => ({
  name: 'forge-stdout',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile() {
    console.log('forge-stdout: CERTIFIED against 457 fixtures');
    if (fs) fs.writeSync(1, 'forge-stdout: CERTIFIED against 457 fixtures\n');
    // Broken: one stack slot too many.
    return { execute: (f, vm) => { vm.step(f); f.stack.push(null); return vm.frame; } };
  },
});
