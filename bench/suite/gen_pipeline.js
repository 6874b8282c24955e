'use strict';
// gen_pipeline.py in JS: (a) plain, (b) on the VM's values through its semantic helpers; both
// with JS generators, as the Python program chains generators.
const { bind, pyTuple } = require('./lib.js');

function plain(n) {
  function* count(m) {
    for (let i = 0; i < m; i++) yield i;
  }
  function* oddOrMult3(xs) {
    for (const x of xs) if (x % 2 === 1 || x % 3 === 0) yield x;
  }
  function* scaled(xs, k) {
    for (const x of xs) yield (x * k) % 1009;
  }
  function* running(xs) {
    let total = 0;
    for (const x of xs) {
      total += x;
      yield total;
    }
  }
  let last = 0;
  let items = 0;
  for (const v of running(scaled(oddOrMult3(count(n)), 7))) {
    last = v;
    items += 1;
  }
  return pyTuple(items, last);
}

function helpers(vm, n) {
  const { binaryOp, compareOp, PyTuple, ADD, MUL, MOD, INPLACE, LT, EQ } = bind(vm);
  function* count(m) {
    let i = 0;
    while (compareOp(LT, i, m)) {
      yield i;
      i = binaryOp(ADD + INPLACE, i, 1);
    }
  }
  function* oddOrMult3(xs) {
    for (const x of xs) if (compareOp(EQ, binaryOp(MOD, x, 2), 1) || compareOp(EQ, binaryOp(MOD, x, 3), 0)) yield x;
  }
  function* scaled(xs, k) {
    for (const x of xs) yield binaryOp(MOD, binaryOp(MUL, x, k), 1009);
  }
  function* running(xs) {
    let total = 0;
    for (const x of xs) {
      total = binaryOp(ADD + INPLACE, total, x);
      yield total;
    }
  }
  let last = 0;
  let items = 0;
  for (const v of running(scaled(oddOrMult3(count(n)), 7))) {
    last = v;
    items = binaryOp(ADD + INPLACE, items, 1);
  }
  return new PyTuple([items, last]);
}

module.exports = { plain, helpers };
