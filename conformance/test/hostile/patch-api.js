// Tries: replace the semantic helpers and the handler table the oracle shares with the VM.
// expect: 3 cannot load | read only | are frozen
'use strict';
const optcert = require('optcert');
optcert.python.binaryOp = () => 0;
optcert.HANDLERS.BINARY_OP = () => undefined;
exports.createOptimizer = () => ({ name: 'patch-api', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });
