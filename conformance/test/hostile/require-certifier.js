// Tries: require the certifier's own built module and replace the per-fixture certification function.
// expect: 3 cannot load | is inside optcert
'use strict';
const certify = require(__dirname + '/../../../dist/conformance/src/certify/certify-fixture.js');
certify.certifyFixture = () => ({ status: 'pass', entries: 1, compiles: 1 });
exports.createOptimizer = () => ({ name: 'require-certifier', capabilities: 4, optimizationCost: 1, runCost: 1, compile: () => null });
