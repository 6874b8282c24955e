import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderInstructionJson } from './instruction-json';
import { describeOpargs, formula, renderInstructionReference } from './reference-doc';
import { specAnchorFiles } from './spec-anchor-files';
import { INSTRUCTIONS, opargAllowed, type OpargSet } from './table';

const SPEC = join(__dirname, '..', '..', '..', 'spec');
const REGEN = 'run `npm run build && npm run gen:spec`';

describe('spec/instructions.md', () => {
  const render = () => renderInstructionReference(specAnchorFiles(SPEC));

  it('is exactly what renderInstructionReference() produces', () => {
    if (readFileSync(join(SPEC, 'instructions.md'), 'utf8') !== render()) {
      throw new Error(`spec/instructions.md is out of date with reference/src/isa/table.ts: ${REGEN}`);
    }
  });

  it('has one op-NAME anchor per instruction, in table order', () => {
    const ids = [...render().matchAll(/<a id="(op-[A-Z_0-9]+)"><\/a>/g)].map((m) => m[1]);
    expect(ids).toEqual(INSTRUCTIONS.map((d) => `op-${d.name}`));
  });

  it('refuses a see-also anchor that no spec file defines', () => {
    expect(() => renderInstructionReference(new Map())).toThrow(/sees anchor .* which no spec\/\*\.md file defines/);
  });
});

interface JsonInstruction {
  name: string;
  opcode: number;
  operand: string;
  pops: string;
  pushes: string;
  minDepth: string;
  jump: { effect: string; direction: string; targetSkip: number; targetShape: string[] } | null;
  terminator: boolean;
  raises: boolean;
  hotspot: string | null;
  runtimeOnly: boolean;
  placement: string;
  opargs: OpargSet | null;
}

/** Evaluates a stack-effect expression of the JSON the way a Python tool does (the grammar is shared). */
function evaluate(expr: string, oparg: number): number {
  if (!/^[0-9oparg+\-*&()]+$/.test(expr)) throw new Error(`not a stack-effect expression: ${expr}`);
  return Number(new Function('oparg', `return ${expr};`)(oparg));
}

describe('spec/instructions.json', () => {
  const text = renderInstructionJson();
  const json = JSON.parse(text) as { instructions: JsonInstruction[] };

  it('is exactly what renderInstructionJson() produces', () => {
    if (readFileSync(join(SPEC, 'instructions.json'), 'utf8') !== text) {
      throw new Error(`spec/instructions.json is out of date with reference/src/isa/table.ts: ${REGEN}`);
    }
  });

  it('says for every instruction what the table says, stack effects evaluated for opargs 0..15', () => {
    expect(json.instructions.map((j) => j.name)).toEqual(INSTRUCTIONS.map((d) => d.name));
    for (const [k, d] of INSTRUCTIONS.entries()) {
      const j = json.instructions[k]!;
      expect([j.opcode, j.operand, j.terminator, j.raises, j.hotspot, j.runtimeOnly, j.placement]).toEqual([
        d.opcode, d.operand, d.terminator, d.mayRaise, d.hotspot, d.runtimeOnly ?? false, d.placement,
      ]);
      for (let a = 0; a < 16; a++) {
        const got = [evaluate(j.pops, a), evaluate(j.pushes, a), evaluate(j.minDepth, a), j.jump && evaluate(j.jump.effect, a)];
        expect({ name: d.name, oparg: a, effects: got }).toEqual({
          name: d.name, oparg: a, effects: [d.pops(a), d.pushes(a), d.minDepth(a), d.jumpEffect ? d.jumpEffect(a) : null],
        });
        expect(j.opargs === null || opargAllowed(j.opargs, a)).toBe(opargAllowed(d.opargs, a));
      }
      expect(j.jump && [j.jump.direction, j.jump.targetSkip, j.jump.targetShape]).toEqual(
        d.jumpEffect ? [d.jumpDirection, d.targetSkip, d.targetShape ?? []] : null,
      );
    }
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

describe('describeOpargs', () => {
  it('writes ranges, open ranges and lists with runs collapsed', () => {
    expect(describeOpargs({ min: 0, max: 7 })).toBe('0–7');
    expect(describeOpargs({ min: 1 })).toBe('≥ 1');
    expect(describeOpargs({ oneOf: [2, 3] })).toBe('2, 3');
    expect(describeOpargs({ oneOf: [0, 1, 2, 3, 5, 6, 7, 8, 10] })).toBe('0–3, 5–8, 10');
  });
});
