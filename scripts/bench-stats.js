'use strict';
// The benchmark's statistics over samples from fresh processes.

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Largest over smallest: how far apart the processes were. */
function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length - 1] / s[0];
}

const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const sum = (xs) => xs.reduce((a, x) => a + x, 0);

module.exports = { median, spread, geomean, sum };
