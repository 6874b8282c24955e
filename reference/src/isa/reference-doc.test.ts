import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formula, renderInstructionReference } from './reference-doc';
import { INSTRUCTIONS } from './table';

const FILE = join(__dirname, '..', '..', '..', 'spec', 'instructions.md');

describe('spec/instructions.md', () => {
  it('is exactly what renderInstructionReference() produces', () => {
    const committed = readFileSync(FILE, 'utf8');
    if (committed !== renderInstructionReference()) {
      throw new Error('spec/instructions.md is out of date with reference/src/isa/table.ts: run `npm run build && npm run gen:spec`');
    }
  });

  it('has one op-NAME anchor per instruction, in table order', () => {
    const ids = [...renderInstructionReference().matchAll(/<a id="(op-[A-Z_0-9]+)"><\/a>/g)].map((m) => m[1]);
    expect(ids).toEqual(INSTRUCTIONS.map((d) => `op-${d.name}`));
  });
});

describe('formula', () => {
  it('writes constants, linear and low-bit stack effects', () => {
    expect(formula(() => 2, 'c')).toBe('2');
    expect(formula((a) => a, 'id')).toBe('oparg');
    expect(formula((a) => a + 2, 'lin')).toBe('oparg+2');
    expect(formula((a) => 2 * a, 'dbl')).toBe('2*oparg');
    expect(formula((a) => 1 + (a & 1), 'bit')).toBe('1+(oparg&1)');
  });

  it('refuses a shape it cannot write', () => {
    expect(() => formula((a) => a * a, 'sq')).toThrow(/no recognised formula/);
  });
});
