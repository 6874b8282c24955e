'use strict';
// Shared by the suite's JS versions. (a) plain JS returns its result as CPython's repr text, so the
// harness can compare it with the fixture's `expect`; (b) binds the VM's semantic helpers once
// (destructured from the public entry, so that no call goes through a module getter).

/** CPython's repr of a float, for the values these programs produce (no exponent form needed). */
function pyFloat(x) {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e16 || (x !== 0 && Math.abs(x) < 1e-4)) throw new Error(`pyFloat: ${x} needs an exponent form`);
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

function pyStr(s) {
  if (/['\\\n\r\t]/.test(s) || /[^\x20-\x7e]/.test(s)) throw new Error(`pyStr: ${s} needs escapes`);
  return `'${s}'`;
}

const pyTuple = (...items) => `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;

/** The helpers a (b) version uses, taken from the VM's public entry (reference/src/index). */
function bind(vm) {
  const p = vm.python;
  return {
    binaryOp: vm.binaryOp,
    compareOp: vm.compareOp,
    truthy: vm.truthy,
    getItem: vm.getItem,
    setItem: vm.setItem,
    str: vm.str,
    loadMethod: vm.loadMethod,
    callNative: vm.callNative,
    PyFloat: vm.PyFloat,
    PyList: vm.PyList,
    PyTuple: vm.PyTuple,
    ADD: p.NB_ADD,
    SUB: p.NB_SUBTRACT,
    MUL: p.NB_MULTIPLY,
    TRUEDIV: p.NB_TRUE_DIVIDE,
    FLOORDIV: p.NB_FLOOR_DIVIDE,
    MOD: p.NB_REMAINDER,
    POW: p.NB_POWER,
    XOR: p.NB_XOR,
    INPLACE: p.NB_INPLACE,
    LT: p.LT,
    LE: p.LE,
    EQ: p.EQ,
    NE: p.NE,
    GT: p.GT,
    GE: p.GE,
  };
}

module.exports = { pyFloat, pyStr, pyTuple, bind };
