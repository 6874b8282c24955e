'use strict';
// small_calls.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind, pyTuple } = require('./lib.js');

function plain(n) {
  const square = (x) => x * x;
  const add = (a, b) => a + b;
  const clamp = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x);
  const mix = (a, b) => add(square(a), b) % 9973;
  const step = (state, i) => clamp(mix(state, i), 10, 9000);
  let state = 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    state = step(state, i);
    total = add(total, state);
  }
  return pyTuple(state, total);
}

function helpers(vm, n) {
  const { binaryOp, compareOp, PyTuple, ADD, MUL, MOD, LT, GT } = bind(vm);
  const square = (x) => binaryOp(MUL, x, x);
  const add = (a, b) => binaryOp(ADD, a, b);
  const clamp = (x, lo, hi) => (compareOp(LT, x, lo) ? lo : compareOp(GT, x, hi) ? hi : x);
  const mix = (a, b) => binaryOp(MOD, add(square(a), b), 9973);
  const step = (state, i) => clamp(mix(state, i), 10, 9000);
  let state = 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    state = step(state, i);
    total = add(total, state);
  }
  return new PyTuple([state, total]);
}

module.exports = { plain, helpers };
