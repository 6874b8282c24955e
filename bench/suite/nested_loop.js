'use strict';
// nested_loop.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind } = require('./lib.js');

function plain(n) {
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total = (total + ((i * j) ^ (i + j))) % 1000003;
  return String(total);
}

function helpers(vm, n) {
  const { binaryOp, compareOp, ADD, MUL, XOR, MOD, INPLACE, LT } = bind(vm);
  let total = 0;
  let i = 0;
  while (compareOp(LT, i, n)) {
    let j = 0;
    while (compareOp(LT, j, n)) {
      total = binaryOp(MOD, binaryOp(ADD, total, binaryOp(XOR, binaryOp(MUL, i, j), binaryOp(ADD, i, j))), 1000003);
      j = binaryOp(ADD + INPLACE, j, 1);
    }
    i = binaryOp(ADD + INPLACE, i, 1);
  }
  return total;
}

module.exports = { plain, helpers };
