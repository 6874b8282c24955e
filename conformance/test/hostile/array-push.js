// Tries: patch Array.prototype.push, which the certifier uses to collect violations.
// expect: 3 cannot load | read only | are frozen
'use strict';
Array.prototype.push = function () { return this.length; };
exports.createOptimizer = () => ({ name: 'array-push', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });
