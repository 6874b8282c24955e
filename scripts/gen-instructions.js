#!/usr/bin/env node
// Writes spec/instructions.md and spec/instructions.json from the instruction table. Run `npm run build` first.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { renderInstructionReference } = require('../dist/reference/src/isa/reference-doc.js');
const { renderInstructionJson } = require('../dist/reference/src/isa/instruction-json.js');
const { specAnchorFiles } = require('../dist/reference/src/isa/spec-anchor-files.js');
const spec = join(__dirname, '..', 'spec');
// The JSON first: it needs no spec anchors, so the Python tools see a new row even while the
// markdown still refuses an anchor that no spec file defines yet.
for (const [file, render] of [
  ['instructions.json', () => renderInstructionJson()],
  ['instructions.md', () => renderInstructionReference(specAnchorFiles(spec))],
]) {
  writeFileSync(join(spec, file), render());
  console.log(`wrote ${join(spec, file)}`);
}
