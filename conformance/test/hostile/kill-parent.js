// Tries: kill the certifier's process from compile, so the run ends with no report.
// expect: 1 compile.throws | kill
'use strict';
exports.createOptimizer = () => ({
  name: 'kill-parent',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile() {
    process.kill(process.pid, 'SIGKILL');
    return null;
  },
});
