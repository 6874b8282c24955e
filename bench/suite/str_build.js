'use strict';
// str_build.py in JS: (a) plain, (b) on the VM's values through its semantic helpers (str
// methods looked up and called as CALL does: loadMethod, then callNative with the receiver first).
const { bind, pyStr, pyTuple } = require('./lib.js');

function plain(n) {
  const render = (i) => `item-${i}:${(i * 7) % 100}|${i % 2 ? 'odd' : 'even'}`;
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(render(i));
  const text = parts.join(';');
  let checksum = 0;
  let odd = 0;
  for (const part of text.split(';')) {
    const up = part.toUpperCase();
    if (up.indexOf('ODD') >= 0) odd += 1;
    const fixed = up.replace('ITEM-', '#');
    checksum = (checksum + fixed.length * 31 + fixed.indexOf(':')) % 1000003;
  }
  let label = '';
  for (let i = 0; i < Math.floor(n / 10); i++) label += String(i % 10);
  return pyTuple(text.length, odd, checksum, pyStr(label.slice(-12)));
}

function helpers(vm, n) {
  const { binaryOp, compareOp, truthy, getItem, str, loadMethod, callNative, PyTuple, PyList, ADD, MUL, MOD, FLOORDIV, INPLACE, GE } = bind(vm);
  const host = null;
  const call = (obj, name, ...args) => {
    const m = loadMethod(obj, name);
    return callNative(m.method, [m.self, ...args], null, host);
  };
  const len = vm.python.strLen;
  const render = (i) => 'item-' + str(i) + ':' + str(binaryOp(MOD, binaryOp(MUL, i, 7), 100)) + '|' + (truthy(binaryOp(MOD, i, 2)) ? 'odd' : 'even');
  const parts = new PyList([]);
  for (let i = 0; i < n; i++) call(parts, 'append', render(i));
  const text = call(';', 'join', parts);
  let checksum = 0;
  let odd = 0;
  for (const part of call(text, 'split', ';').items) {
    const up = call(part, 'upper');
    if (compareOp(GE, call(up, 'find', 'ODD'), 0)) odd = binaryOp(ADD + INPLACE, odd, 1);
    const fixed = call(up, 'replace', 'ITEM-', '#');
    checksum = binaryOp(MOD, binaryOp(ADD, binaryOp(ADD, checksum, binaryOp(MUL, len(fixed), 31)), call(fixed, 'find', ':')), 1000003);
  }
  let label = '';
  const tenth = binaryOp(FLOORDIV, n, 10);
  for (let i = 0; i < tenth; i++) label = binaryOp(ADD + INPLACE, label, str(binaryOp(MOD, i, 10)));
  const tail = getItem(label, new vm.PySlice(-12, null, null));
  return new PyTuple([len(text), odd, checksum, tail]);
}

module.exports = { plain, helpers };
