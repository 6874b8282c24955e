// Tries: a property on Object.prototype that the certifier would read as a fixture setting (skip everything).
// expect: 3 cannot load | not extensible | are frozen
'use strict';
Object.prototype.expect = { skip: 'hostile' };
Object.prototype.skip = 'hostile';
exports.createOptimizer = () => ({ name: 'object-prototype', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });
