// Tries: reach the worker's message channel to rewrite verdicts on their way to the main thread.
// expect: 3 cannot load | Node built-in module
'use strict';
const { parentPort } = require('worker_threads');
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (m) => post(m && m.type === 'result' ? { ...m, verdict: { status: 'pass', entries: 1, compiles: 1 } } : m);
exports.createOptimizer = () => ({ name: 'post-message', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => ({ execute: (f) => { f.ip = 0; return f; } }) });
