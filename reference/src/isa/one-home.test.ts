/**
 * The instruction table is the one home of instruction facts (spec/code-objects.md#isa-table): the
 * code that checks, reads, writes or documents programs names no individual instruction (no
 * `OP.NAME`, no instruction name in a string); what it needs to know about one comes from a field
 * of its row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BY_NAME } from './table';

const ROOT = join(__dirname, '..', '..', '..');

const TABLE_READERS = [
  'reference/src/isa/verifier.ts',
  'reference/src/isa/verify-closures.ts',
  'reference/src/isa/assembler.ts',
  'reference/src/isa/disassembler.ts',
  'reference/src/isa/operands.ts',
  'reference/src/isa/reference-doc.ts',
  'reference/src/isa/instruction-json.ts',
  'scripts/gen-instructions.js',
  'tools/cpython/check-programs.js',
];

/** Instruction names a source text mentions as `OP.NAME` or as a whole string literal. */
function namedInstructions(text: string): string[] {
  return [...text.matchAll(/\bOP\.([A-Z][A-Z0-9_]*)|['"`]([A-Z][A-Z0-9_]*)['"`]/g)].map((m) => (m[1] ?? m[2])!).filter((n) => BY_NAME.has(n));
}

describe('one home for instruction facts', () => {
  it.each(TABLE_READERS)('%s names no individual instruction', (file) => {
    expect(namedInstructions(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('the scan finds names written either way', () => {
    expect(namedInstructions("if (op === OP.FOR_ITER || def.name === 'RESUME' || x === `NOT_AN_OP`) {}")).toEqual(['FOR_ITER', 'RESUME']);
  });
});
