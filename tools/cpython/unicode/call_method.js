// Calls a str method of the built reference VM (dist/) by name, for check_unicode.py.
const path = require('node:path');
const { loadMethod } = require(path.join(__dirname, '..', '..', '..', 'dist', 'reference', 'src', 'runtime', 'attrs.js'));
const { callNative } = require(path.join(__dirname, '..', '..', '..', 'dist', 'reference', 'src', 'runtime', 'call.js'));

exports.callMethod = (s, name) => {
  const m = loadMethod(s, name);
  return callNative(m.method, [m.self], null, { write() {}, resume() { throw new Error('no generators'); } });
};
