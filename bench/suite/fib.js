'use strict';
// fib.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind } = require('./lib.js');

function plain(n) {
  const fib = (k) => (k < 2 ? k : fib(k - 1) + fib(k - 2));
  return String(fib(n));
}

function helpers(vm, n) {
  const { binaryOp, compareOp, ADD, SUB, LT } = bind(vm);
  const fib = (k) => (compareOp(LT, k, 2) ? k : binaryOp(ADD, fib(binaryOp(SUB, k, 1)), fib(binaryOp(SUB, k, 2))));
  return fib(n);
}

module.exports = { plain, helpers };
