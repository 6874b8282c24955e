#!/usr/bin/env node
// Writes spec/instructions.md from the instruction table. Run `npm run build` first.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { renderInstructionReference } = require('../dist/reference/src/isa/reference-doc.js');
const out = join(__dirname, '..', 'spec', 'instructions.md');
writeFileSync(out, renderInstructionReference());
console.log(`wrote ${out}`);
