#!/usr/bin/env node
// Writes spec/vm-attrs.json: the attribute names the VM's LOAD_ATTR finds, per kind of value, for the
// importer (tools/cpython/py2fixture.py). Run `npm run build` first; reads spec/cpython-attrs.generated.json.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { vmAttrsJson } = require('../dist/reference/src/runtime/attrnames.js');
const spec = join(__dirname, '..', 'spec');
const cpython = JSON.parse(readFileSync(join(spec, 'cpython-attrs.generated.json'), 'utf8'));
const out = join(spec, 'vm-attrs.json');
writeFileSync(out, vmAttrsJson(cpython.kinds));
console.log(`wrote ${out}`);
