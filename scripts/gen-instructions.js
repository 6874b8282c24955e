#!/usr/bin/env node
// Writes spec/instructions.md and spec/instructions.json from the instruction table. Run `npm run build` first.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { renderInstructionReference } = require('../dist/reference/src/isa/reference-doc.js');
const { renderInstructionJson } = require('../dist/reference/src/isa/instruction-json.js');
const { specAnchorFiles } = require('../dist/reference/src/isa/spec-anchor-files.js');
const spec = join(__dirname, '..', 'spec');
for (const [file, text] of [
  ['instructions.md', renderInstructionReference(specAnchorFiles(spec))],
  ['instructions.json', renderInstructionJson()],
]) {
  writeFileSync(join(spec, file), text);
  console.log(`wrote ${join(spec, file)}`);
}
