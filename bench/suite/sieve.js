'use strict';
// sieve.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind } = require('./lib.js');
const { pyTuple } = require('./lib.js');

function plain(n) {
  let count = 0;
  let total = 0;
  for (let round = 0; round < 3; round++) {
    const flags = new Array(n + 1).fill(true);
    flags[0] = false;
    flags[1] = false;
    for (let i = 2; i * i <= n; i++) if (flags[i]) for (let j = i * i; j <= n; j += i) flags[j] = false;
    count = 0;
    total = 0;
    for (let k = 0; k <= n; k++) {
      if (flags[k]) {
        count += 1;
        total += k;
      }
    }
  }
  return pyTuple(count, total);
}

function helpers(vm, n) {
  const { binaryOp, compareOp, truthy, getItem, setItem, PyList, PyTuple, ADD, MUL, INPLACE, LE } = bind(vm);
  const sieve = (n) => {
    const flags = binaryOp(MUL, new PyList([true]), binaryOp(ADD, n, 1));
    setItem(flags, 0, false);
    setItem(flags, 1, false);
    let i = 2;
    while (compareOp(LE, binaryOp(MUL, i, i), n)) {
      if (truthy(getItem(flags, i))) {
        let j = binaryOp(MUL, i, i);
        while (compareOp(LE, j, n)) {
          setItem(flags, j, false);
          j = binaryOp(ADD + INPLACE, j, i);
        }
      }
      i = binaryOp(ADD + INPLACE, i, 1);
    }
    return flags;
  };
  let count = 0;
  let total = 0;
  for (let round = 0; round < 3; round++) {
    const flags = sieve(n);
    count = 0;
    total = 0;
    let k = 0;
    while (compareOp(LE, k, n)) {
      if (truthy(getItem(flags, k))) {
        count = binaryOp(ADD + INPLACE, count, 1);
        total = binaryOp(ADD + INPLACE, total, k);
      }
      k = binaryOp(ADD + INPLACE, k, 1);
    }
  }
  return new PyTuple([count, total]);
}

module.exports = { plain, helpers };
