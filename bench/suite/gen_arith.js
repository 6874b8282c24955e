'use strict';
// gen_arith.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind, pyFloat, pyTuple } = require('./lib.js');

function plain(n) {
  // x * 1103515245 exceeds 2**53; modulo 2**31 only its low 31 bits matter, which Math.imul keeps.
  function* lcg(seed, m) {
    let x = seed;
    for (let i = 0; i < m; i++) {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      yield x;
    }
  }
  let total = 0;
  let acc = 0.0;
  for (const v of lcg(42, n)) {
    total = (total + (v % 1000)) % 1000003;
    acc += (v % 97) * 0.5;
  }
  return pyTuple(total, pyFloat(acc));
}

function helpers(vm, n) {
  const { binaryOp, PyFloat, PyTuple, ADD, MUL, MOD, INPLACE } = bind(vm);
  const HALF = new PyFloat(0.5);
  function* lcg(seed, m) {
    let x = seed;
    for (let i = 0; i < m; i++) {
      x = binaryOp(MOD, binaryOp(ADD, binaryOp(MUL, x, 1103515245), 12345), 2147483648);
      yield x;
    }
  }
  let total = 0;
  let acc = new PyFloat(0.0);
  for (const v of lcg(42, n)) {
    total = binaryOp(MOD, binaryOp(ADD, total, binaryOp(MOD, v, 1000)), 1000003);
    acc = binaryOp(ADD + INPLACE, acc, binaryOp(MUL, binaryOp(MOD, v, 97), HALF));
  }
  return new PyTuple([total, acc]);
}

module.exports = { plain, helpers };
