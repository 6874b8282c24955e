'use strict';
// ackermann.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind, pyTuple } = require('./lib.js');

function plain(n) {
  const ack = (m, k) => (m === 0 ? k + 1 : k === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, k - 1)));
  let total = 0;
  for (let k = 0; k < 20; k++) total += ack(2, k);
  let deep = 0;
  for (let r = 0; r < n; r++) deep += ack(3, 6);
  return pyTuple(total, deep);
}

function helpers(vm, n) {
  const { binaryOp, compareOp, PyTuple, ADD, SUB, INPLACE, EQ } = bind(vm);
  const ack = (m, k) => {
    if (compareOp(EQ, m, 0)) return binaryOp(ADD, k, 1);
    if (compareOp(EQ, k, 0)) return ack(binaryOp(SUB, m, 1), 1);
    return ack(binaryOp(SUB, m, 1), ack(m, binaryOp(SUB, k, 1)));
  };
  let total = 0;
  for (let k = 0; k < 20; k++) total = binaryOp(ADD + INPLACE, total, ack(2, k));
  let deep = 0;
  for (let r = 0; r < n; r++) deep = binaryOp(ADD + INPLACE, deep, ack(3, 6));
  return new PyTuple([total, deep]);
}

module.exports = { plain, helpers };
