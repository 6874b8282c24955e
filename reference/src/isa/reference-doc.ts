/**
 * Renders spec/instructions.md from the instruction table (`npm run build && npm run gen:spec`).
 * A test fails when the committed file differs from what this renders.
 * @spec #isa-table
 */
import {
  BINARY_OPS, COMPARE_MASKS, COMPARE_OPS, CONVERSIONS, FUNCTION_ATTRIBUTES, INSTRUCTIONS, INTRINSIC1,
  opargAllowed, RESUME_HOTSPOTS, type CellOperand, type InstructionDef, type OpargSet, type OperandKind,
} from './table';

/** The spec file (e.g. `values.md`) that defines each anchor a "see also" may name. */
export type AnchorFiles = ReadonlyMap<string, string>;

/** Opargs probed to recover a stack-effect formula. */
const PROBES = Array.from({ length: 16 }, (_, i) => i);

/**
 * A stack-effect function written as a formula of `oparg`: a constant, `m*oparg+b`, or
 * `b+(oparg&1)`. Throws for any other shape, so a new table entry cannot render wrongly.
 */
export function formula(f: (arg: number) => number, what: string): string {
  const v = PROBES.map(f);
  if (v.every((x) => x === v[0])) return String(v[0]);
  const b = v[0]!;
  const m = v[1]! - b;
  if (v.every((x, a) => x === m * a + b)) {
    const term = m === 1 ? 'oparg' : `${m}*oparg`;
    return b === 0 ? term : `${term}${b > 0 ? '+' : '-'}${Math.abs(b)}`;
  }
  if (v.every((x, a) => x === b + m * (a & 1))) {
    const bit = m === 1 ? '(oparg&1)' : `${m}*(oparg&1)`;
    return b === 0 ? bit : `${b}+${bit}`;
  }
  throw new Error(`internal: ${what} has no recognised formula (${v.join(', ')})`);
}

const OPERAND_TEXT: Record<OperandKind, string> = {
  none: 'none (oparg 0)',
  uint: 'uint (a plain non-negative integer)',
  const: 'const (index into `co_consts`)',
  local: 'local (index into `co_varnames`)',
  local_pair: 'local_pair (`first << 4 | second`, both below 16)',
  name: 'name (index into `co_names`)',
  global: 'global (`names index << 1 | push NULL`)',
  attr: 'attr (`names index << 1 | method form`)',
  jump: 'jump (absolute target instruction index)',
  binop: 'binop (`NB_*` operator number)',
  compare: 'compare (`operator << 5 | 16 if to-bool | mask`)',
  is: 'is (0 `is`, 1 `is not`)',
  contains: 'contains (0 `in`, 1 `not in`)',
  intrinsic1: 'intrinsic1 (intrinsic function number)',
  convert: 'convert (1 `str`, 2 `repr`, 3 `ascii`)',
  fnattr: 'fnattr (function attribute flag)',
};

function seeAlso(def: InstructionDef, files: AnchorFiles): string | null {
  if (def.see.length === 0) return null;
  return def.see
    .map((a) => {
      const file = files.get(a);
      if (!file) throw new Error(`reference/src/isa/table.ts: ${def.name} sees anchor ${a}, which no spec/*.md file defines`);
      return `[${a}](${file}#${a})`;
    })
    .join(', ');
}

/** An oparg set as text: `0–7`, `≥ 1`, `2, 3`, runs of a list collapsed (`0–3, 5–16`). */
export function describeOpargs(set: OpargSet): string {
  if ('min' in set && set.max === undefined) return `≥ ${set.min}`;
  if ('min' in set) return set.max! - set.min <= 1 ? [...new Set([set.min, set.max!])].join(', ') : `${set.min}–${set.max}`;
  const runs: string[] = [];
  const sorted = [...set.oneOf].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; ) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j - k >= 2 ? `${sorted[k]}–${sorted[j]}` : sorted.slice(k, j + 1).join(', '));
    k = j + 1;
  }
  return runs.join(', ') || 'none';
}

const CELL_OPERAND_TEXT: Record<CellOperand, string> = {
  cell: 'a cell variable (`.cells`)',
  'cell-or-free': 'a cell variable (`.cells`) or a free variable (`.freevars`)',
  'free-count': 'the number of free variables (`.freevars`)',
};

/** Oparg tables derived from table.ts, for instructions whose operand is symbolic. */
function opargTable(def: InstructionDef): string[] {
  const rows = (pairs: [number | string, string, string?][], head: [string, string, string?]): string[] => {
    const three = head[2] !== undefined;
    const out = [three ? `| ${head[0]} | ${head[1]} | ${head[2]} |` : `| ${head[0]} | ${head[1]} |`, three ? '|---|---|---|' : '|---|---|'];
    for (const [a, b, c] of pairs) out.push(three ? `| ${a} | ${b} | ${c ?? ''} |` : `| ${a} | ${b} |`);
    return out;
  };
  const code = (s: string) => '`' + s.replace(/\|/g, '\\|') + '`';
  switch (def.operand) {
    case 'binop':
      return rows(
        BINARY_OPS.map((s, i) => [i, code(s), opargAllowed(def.opargs, i) ? '' : 'rejected by the verifier (BAD_OPARG)']),
        ['oparg', 'operator', 'note'],
      );
    case 'compare':
      return rows(
        COMPARE_OPS.map((s, i) => [code(s), String((i << 5) | COMPARE_MASKS[i]), String((i << 5) | 16 | COMPARE_MASKS[i])]),
        ['operator', 'oparg', 'oparg with to-bool (`bool(op)`)'],
      );
    case 'intrinsic1':
      return rows(
        Object.entries(INTRINSIC1).map(([k, v]) => [
          Number(k),
          code(v),
          opargAllowed(def.opargs, Number(k)) ? 'supported' : 'rejected by the verifier (BAD_OPARG)',
        ]),
        ['oparg', 'intrinsic', 'status'],
      );
    case 'convert':
      return rows(Object.entries(CONVERSIONS).map(([k, v]) => [Number(k), code(v)]), ['oparg', 'conversion']);
    case 'fnattr':
      return rows(Object.entries(FUNCTION_ATTRIBUTES).map(([k, v]) => [Number(k), code(v)]), ['oparg', 'attribute']);
    default:
      return [];
  }
}

function section(def: InstructionDef, files: AnchorFiles): string[] {
  const flags: string[] = [];
  if (def.terminator) flags.push('terminator (no fall-through)');
  if (def.mayRaise) flags.push('may raise');
  if (def.hotspot === 'back_edge') flags.push('hotspot: back edge');
  if (def.hotspot === 'resume') flags.push(`hotspot by oparg & 3: ${RESUME_HOTSPOTS.map((k, where) => `${where} ${k ?? 'none'}`).join(', ')}`);
  if (def.runtimeOnly) flags.push('run time only (invalid in a program)');
  if (def.placement === 'generator') flags.push('only in a generator code object');
  if (def.placement === 'generator-entry') flags.push('starts every generator code object, and nothing else');
  if (def.placement === 'prologue') flags.push('closure prologue (a run of these may precede a generator\'s first instruction)');
  const pops = formula(def.pops, `${def.name} pops`);
  const pushes = formula(def.pushes, `${def.name} pushes`);
  const lines = [
    `<a id="op-${def.name}"></a>`,
    `## ${def.name}`,
    '',
    def.summary,
    '',
    `- opcode: ${def.opcode}`,
    `- operand: ${OPERAND_TEXT[def.operand]}`,
    def.terminator ? `- stack effect: (${pops}) -> (${pushes}) — no fall-through` : `- stack effect: (${pops}) -> (${pushes})`,
  ];
  const minDepth = formula(def.minDepth, `${def.name} minDepth`);
  if (minDepth !== pops) lines.push(`- needs stack depth: ${minDepth} (it reads below what it pops)`);
  if (def.jumpEffect) {
    const j = formula(def.jumpEffect, `${def.name} jump effect`);
    const delta = /^-?\d+$/.test(j) ? (Number(j) > 0 ? `+${j}` : Number(j) === 0 ? '+0' : j) : j;
    const where = def.targetSkip ? `target + ${def.targetSkip}` : 'the target';
    const shape = def.targetShape ? ` (the target must hold ${def.targetShape.map((t) => `\`${t}\``).join(', ')})` : '';
    lines.push(`- taken jump: ${def.jumpDirection}; continues at ${where} with the depth changed by ${delta}${shape}`);
  }
  if (def.opargs && def.operand !== 'none') lines.push(`- valid opargs: ${describeOpargs(def.opargs)}`);
  if (def.cellOperand) lines.push(`- operand must be: ${CELL_OPERAND_TEXT[def.cellOperand]} ([verify-cells](verifier.md#verify-cells))`);
  lines.push(`- flags: ${flags.length ? flags.join(', ') : 'none'}`);
  const also = seeAlso(def, files);
  if (also) lines.push(`- see also: ${also}`);
  const table = opargTable(def);
  if (table.length) lines.push('', ...table);
  lines.push('');
  return lines;
}

/** The markdown of spec/instructions.md; `files` from specAnchorFiles (spec-anchor-files.ts). */
export function renderInstructionReference(files: AnchorFiles): string {
  const out = [
    '<!-- Generated from reference/src/isa/table.ts by `npm run build && npm run gen:spec`. Do not edit. -->',
    '# Instruction reference',
    '',
    'This file is generated from the instruction table (`reference/src/isa/table.ts`) and must not be',
    'edited by hand. Each section is the normative definition of one instruction: the stack effect',
    '(values popped) -> (values pushed on fall-through), as a function of `oparg`; on a taken jump the',
    'depth change is relative to the depth before the instruction. "Valid opargs" are those the verifier',
    'accepts ([verify-bad-oparg](verifier.md#verify-bad-oparg)); "needs stack depth" is the depth below',
    'which it rejects the instruction ([verify-stack-underflow](verifier.md#verify-stack-underflow)).',
    'The same table, machine-readable, is [instructions.json](instructions.json). Operand kinds are defined in',
    '[code-objects.md](code-objects.md#operand-kinds); CPython opcode numbers are those of 3.13',
    '(`opcode.opmap`). Chapters linked under "see also" give the value-level semantics.',
    '',
    '| instruction | opcode | operand | stack effect |',
    '|---|---|---|---|',
    ...INSTRUCTIONS.map(
      (d) => `| [${d.name}](#op-${d.name}) | ${d.opcode} | ${d.operand} | (${formula(d.pops, d.name)}) -> (${formula(d.pushes, d.name)}) |`,
    ),
    '',
  ];
  for (const d of INSTRUCTIONS) out.push(...section(d, files));
  return out.join('\n');
}
