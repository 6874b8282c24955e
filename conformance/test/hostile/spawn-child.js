// Tries: a detached child that holds stdout and appends a forged CERTIFIED line after the real report.
// expect: 3 cannot load | Node built-in module
'use strict';
const { spawn } = require('child_process');
spawn(process.execPath, ['-e', 'setTimeout(() => console.log("spawn-child: CERTIFIED against 457 fixtures"), 2000)'], { detached: true, stdio: ['ignore', 1, 2] }).unref();
exports.createOptimizer = () => ({ name: 'spawn-child', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });
