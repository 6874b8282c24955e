'use strict';
// spectral_norm.py in JS: (a) plain, (b) on the VM's values through its semantic helpers.
const { bind, pyFloat, pyTuple } = require('./lib.js');

function plain(n) {
  const mulAv = (v, out) => {
    for (let i = 0; i < n; i++) {
      let s = 0.0;
      for (let j = 0; j < n; j++) s += v[j] / (Math.floor(((i + j) * (i + j + 1)) / 2) + i + 1);
      out[i] = s;
    }
  };
  const mulAtv = (v, out) => {
    for (let i = 0; i < n; i++) {
      let s = 0.0;
      for (let j = 0; j < n; j++) s += v[j] / (Math.floor(((j + i) * (j + i + 1)) / 2) + j + 1);
      out[i] = s;
    }
  };
  const u = new Array(n).fill(1.0);
  const v = new Array(n).fill(0.0);
  const t = new Array(n).fill(0.0);
  for (let k = 0; k < 10; k++) {
    mulAv(u, t);
    mulAtv(t, v);
    mulAv(v, t);
    mulAtv(t, u);
  }
  let vbv = 0.0;
  let vv = 0.0;
  for (let i = 0; i < n; i++) {
    vbv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  const evalA = (i, j) => 1.0 / (Math.floor(((i + j) * (i + j + 1)) / 2) + i + 1);
  return pyTuple(pyFloat(Math.pow(vbv / vv, 0.5)), pyFloat(evalA(3, 4)));
}

function helpers(vm, n) {
  const { binaryOp, getItem, setItem, PyFloat, PyList, PyTuple, ADD, MUL, TRUEDIV, FLOORDIV, POW, INPLACE } = bind(vm);
  const ZERO = new PyFloat(0.0);
  const ONE = new PyFloat(1.0);
  const HALF = new PyFloat(0.5);
  const len = (l) => l.items.length;
  const mulAv = (v, out) => {
    const m = len(v);
    for (let i = 0; i < m; i++) {
      let s = ZERO;
      for (let j = 0; j < m; j++) {
        const ij = binaryOp(ADD, i, j);
        const d = binaryOp(ADD, binaryOp(ADD, binaryOp(FLOORDIV, binaryOp(MUL, ij, binaryOp(ADD, ij, 1)), 2), i), 1);
        s = binaryOp(ADD + INPLACE, s, binaryOp(TRUEDIV, getItem(v, j), d));
      }
      setItem(out, i, s);
    }
  };
  const mulAtv = (v, out) => {
    const m = len(v);
    for (let i = 0; i < m; i++) {
      let s = ZERO;
      for (let j = 0; j < m; j++) {
        const ji = binaryOp(ADD, j, i);
        const d = binaryOp(ADD, binaryOp(ADD, binaryOp(FLOORDIV, binaryOp(MUL, ji, binaryOp(ADD, ji, 1)), 2), j), 1);
        s = binaryOp(ADD + INPLACE, s, binaryOp(TRUEDIV, getItem(v, j), d));
      }
      setItem(out, i, s);
    }
  };
  const u = binaryOp(MUL, new PyList([ONE]), n);
  const v = binaryOp(MUL, new PyList([ZERO]), n);
  const t = binaryOp(MUL, new PyList([ZERO]), n);
  for (let k = 0; k < 10; k++) {
    mulAv(u, t);
    mulAtv(t, v);
    mulAv(v, t);
    mulAtv(t, u);
  }
  let vbv = ZERO;
  let vv = ZERO;
  for (let i = 0; i < n; i++) {
    vbv = binaryOp(ADD + INPLACE, vbv, binaryOp(MUL, getItem(u, i), getItem(v, i)));
    vv = binaryOp(ADD + INPLACE, vv, binaryOp(MUL, getItem(v, i), getItem(v, i)));
  }
  const evalA = (i, j) => binaryOp(TRUEDIV, ONE, binaryOp(ADD, binaryOp(ADD, binaryOp(FLOORDIV, binaryOp(MUL, binaryOp(ADD, i, j), binaryOp(ADD, binaryOp(ADD, i, j), 1)), 2), i), 1));
  return new PyTuple([binaryOp(POW, binaryOp(TRUEDIV, vbv, vv), HALF), evalA(3, 4)]);
}

module.exports = { plain, helpers };
