'use strict';
// fannkuch.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind, pyTuple } = require('./lib.js');

function plain(n) {
  const perm1 = Array.from({ length: n }, (_, i) => i);
  const count = new Array(n).fill(0);
  const perm = new Array(n).fill(0);
  let maxFlips = 0;
  let checksum = 0;
  let permutation = 0;
  let r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r -= 1;
    }
    for (let k = 0; k < n; k++) perm[k] = perm1[k];
    let flips = 0;
    let first = perm[0];
    while (first !== 0) {
      for (let lo = 0, hi = first; lo < hi; lo++, hi--) {
        const t = perm[lo];
        perm[lo] = perm[hi];
        perm[hi] = t;
      }
      flips += 1;
      first = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permutation % 2 === 0 ? flips : -flips;
    for (;;) {
      if (r === n) return pyTuple(checksum, maxFlips);
      const p0 = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = p0;
      count[r] -= 1;
      if (count[r] > 0) break;
      r += 1;
    }
    permutation += 1;
  }
}

function helpers(vm, n) {
  const { binaryOp, compareOp, truthy, getItem, setItem, PyList, PyTuple, ADD, SUB, MUL, MOD, INPLACE, LT, NE, GT, EQ } = bind(vm);
  const perm1 = new PyList(Array.from({ length: n }, (_, i) => i));
  const count = binaryOp(MUL, new PyList([0]), n);
  const perm = binaryOp(MUL, new PyList([0]), n);
  let maxFlips = 0;
  let checksum = 0;
  let permutation = 0;
  let r = n;
  for (;;) {
    while (compareOp(NE, r, 1)) {
      setItem(count, binaryOp(SUB, r, 1), r);
      r = binaryOp(SUB + INPLACE, r, 1);
    }
    let k = 0;
    while (compareOp(LT, k, n)) {
      setItem(perm, k, getItem(perm1, k));
      k = binaryOp(ADD + INPLACE, k, 1);
    }
    let flips = 0;
    let first = getItem(perm, 0);
    while (compareOp(NE, first, 0)) {
      let lo = 0;
      let hi = first;
      while (compareOp(LT, lo, hi)) {
        const t = getItem(perm, lo);
        setItem(perm, lo, getItem(perm, hi));
        setItem(perm, hi, t);
        lo = binaryOp(ADD + INPLACE, lo, 1);
        hi = binaryOp(SUB + INPLACE, hi, 1);
      }
      flips = binaryOp(ADD + INPLACE, flips, 1);
      first = getItem(perm, 0);
    }
    if (compareOp(GT, flips, maxFlips)) maxFlips = flips;
    if (compareOp(EQ, binaryOp(MOD, permutation, 2), 0)) checksum = binaryOp(ADD + INPLACE, checksum, flips);
    else checksum = binaryOp(SUB + INPLACE, checksum, flips);
    for (;;) {
      if (compareOp(EQ, r, n)) return new PyTuple([checksum, maxFlips]);
      const p0 = getItem(perm1, 0);
      let i = 0;
      while (compareOp(LT, i, r)) {
        setItem(perm1, i, getItem(perm1, binaryOp(ADD, i, 1)));
        i = binaryOp(ADD + INPLACE, i, 1);
      }
      setItem(perm1, r, p0);
      setItem(count, r, binaryOp(SUB + INPLACE, getItem(count, r), 1));
      if (compareOp(GT, getItem(count, r), 0)) break;
      r = binaryOp(ADD + INPLACE, r, 1);
    }
    permutation = binaryOp(ADD + INPLACE, permutation, 1);
  }
}

module.exports = { plain, helpers };
