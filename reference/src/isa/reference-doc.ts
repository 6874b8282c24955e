/**
 * Renders spec/instructions.md from the instruction table (`npm run build && npm run gen:spec`).
 * A test fails when the committed file differs from what this renders.
 * @spec #isa-table
 */
import {
  BINARY_OPS, COMPARE_MASKS, COMPARE_OPS, CONVERSIONS, FUNCTION_ATTRIBUTES, INSTRUCTIONS, INTRINSIC1,
  SUPPORTED_INTRINSIC1, type InstructionDef, type OperandKind,
} from './table';

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

/** Where the detailed semantics of an instruction live (spec chapters). */
const SEE_ALSO: Readonly<Record<string, readonly string[]>> = {
  RESUME: ['hotspot-kinds'],
  LOAD_FAST: ['locals-unbound'],
  LOAD_FAST_CHECK: ['locals-unbound'],
  LOAD_FAST_AND_CLEAR: ['locals-unbound'],
  LOAD_FAST_LOAD_FAST: ['locals-unbound'],
  STORE_FAST_LOAD_FAST: ['locals-unbound'],
  DELETE_FAST: ['locals-unbound'],
  LOAD_GLOBAL: ['globals-lookup'],
  STORE_GLOBAL: ['globals-lookup'],
  UNARY_NEGATIVE: ['int-representation', 'float-special'],
  UNARY_NOT: ['truthiness'],
  UNARY_INVERT: ['int-bitwise'],
  TO_BOOL: ['truthiness'],
  BINARY_OP: ['int-floordiv', 'int-modulo', 'int-power', 'int-shift', 'int-bitwise', 'float-truediv', 'float-floordiv-modulo', 'zero-division', 'str-ops', 'list-ops', 'tuple-ops'],
  COMPARE_OP: ['numeric-compare-mixed', 'str-ops', 'list-ops', 'tuple-ops'],
  IS_OP: ['identity'],
  CONTAINS_OP: ['str-ops', 'list-ops', 'dict-ops'],
  POP_JUMP_IF_FALSE: ['truthiness'],
  POP_JUMP_IF_TRUE: ['truthiness'],
  JUMP_BACKWARD: ['hotspot-kinds'],
  GET_ITER: ['builtin-iter'],
  FOR_ITER: ['generator-for-iter', 'verify-for-iter-target'],
  CALL: ['call-python', 'call-builtin', 'call-method', 'call-not-callable', 'call-arity-error'],
  CALL_KW: ['call-keywords'],
  CALL_INTRINSIC_1: ['generator-stopiteration-conversion'],
  SET_FUNCTION_ATTRIBUTE: ['call-defaults'],
  RETURN_VALUE: ['call-python', 'generator-return'],
  RETURN_CONST: ['call-python', 'generator-return'],
  RETURN_GENERATOR: ['generator-create', 'verify-generator-shape'],
  YIELD_VALUE: ['generator-resume'],
  BUILD_MAP: ['dict-key-equality'],
  BUILD_CONST_KEY_MAP: ['dict-key-equality'],
  BUILD_SLICE: ['slicing'],
  MAP_ADD: ['dict-key-equality'],
  BINARY_SUBSCR: ['sequence-index', 'dict-ops', 'slicing'],
  STORE_SUBSCR: ['sequence-index', 'dict-ops'],
  DELETE_SUBSCR: ['sequence-index', 'dict-ops'],
  BINARY_SLICE: ['slicing'],
  STORE_SLICE: ['slicing'],
  LOAD_ATTR: ['call-method'],
  FORMAT_SIMPLE: ['str-format'],
  FORMAT_WITH_SPEC: ['str-format'],
  CONVERT_VALUE: ['str-repr'],
  PUSH_EXC_INFO: ['exception-handled-state'],
  POP_EXCEPT: ['exception-handled-state'],
  CHECK_EXC_MATCH: ['exception-match'],
  RERAISE: ['exception-reraise', 'exception-table'],
  RAISE_VARARGS: ['exception-raise'],
  LOAD_ASSERTION_ERROR: ['exception-types'],
  ENTER_EXECUTOR: ['verify-enter-executor'],
};

/** The spec file that defines each anchor SEE_ALSO may name. */
const ANCHOR_FILE: Readonly<Record<string, string>> = (() => {
  const files: Record<string, readonly string[]> = {
    'code-objects.md': ['hotspot-kinds'],
    'state.md': ['locals-unbound', 'globals-lookup'],
    'values.md': [
      'int-representation', 'float-special', 'truthiness', 'int-bitwise', 'int-floordiv', 'int-modulo', 'int-power',
      'int-shift', 'float-truediv', 'float-floordiv-modulo', 'zero-division', 'str-ops', 'list-ops', 'tuple-ops',
      'numeric-compare-mixed', 'identity', 'dict-ops', 'builtin-iter', 'dict-key-equality', 'slicing',
      'sequence-index', 'str-format', 'str-repr',
    ],
    'calls.md': ['call-python', 'call-builtin', 'call-method', 'call-not-callable', 'call-arity-error', 'call-keywords', 'call-defaults'],
    'generators.md': ['generator-for-iter', 'generator-stopiteration-conversion', 'generator-return', 'generator-create', 'generator-resume'],
    'verifier.md': ['verify-for-iter-target', 'verify-generator-shape', 'verify-enter-executor'],
    'exceptions.md': ['exception-handled-state', 'exception-match', 'exception-reraise', 'exception-table', 'exception-raise', 'exception-types'],
  };
  const out: Record<string, string> = {};
  for (const [file, anchors] of Object.entries(files)) for (const a of anchors) out[a] = file;
  return out;
})();

function seeAlso(name: string): string | null {
  const anchors = SEE_ALSO[name];
  if (!anchors || anchors.length === 0) return null;
  return anchors
    .map((a) => {
      const file = ANCHOR_FILE[a];
      if (!file) throw new Error(`internal: no spec file recorded for anchor ${a}`);
      return `[${a}](${file}#${a})`;
    })
    .join(', ');
}

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
        BINARY_OPS.map((s, i) => [i, code(s), s === '@' || s === '@=' ? 'rejected by the verifier (BAD_OPARG)' : '']),
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
          (SUPPORTED_INTRINSIC1 as readonly number[]).includes(Number(k)) ? 'supported' : 'rejected by the verifier (BAD_OPARG)',
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

function section(def: InstructionDef): string[] {
  const flags: string[] = [];
  if (def.terminator) flags.push('terminator (no fall-through)');
  if (def.mayRaise) flags.push('may raise');
  if (def.hotspot === 'back_edge') flags.push('hotspot: back edge');
  if (def.hotspot === 'resume') flags.push('hotspot: function entry (oparg & 3 == 0) / resume after yield (oparg & 3 == 1)');
  if (def.runtimeOnly) flags.push('run time only (invalid in a program)');
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
  if (def.jumpEffect) {
    const j = formula(def.jumpEffect, `${def.name} jump effect`);
    const delta = /^-?\d+$/.test(j) ? (Number(j) > 0 ? `+${j}` : Number(j) === 0 ? '+0' : j) : j;
    const where = def.name === 'FOR_ITER' ? 'target + 2' : 'the target';
    lines.push(`- taken jump: continues at ${where} with the depth changed by ${delta}`);
  }
  lines.push(`- flags: ${flags.length ? flags.join(', ') : 'none'}`);
  const also = seeAlso(def.name);
  if (also) lines.push(`- see also: ${also}`);
  const table = opargTable(def);
  if (table.length) lines.push('', ...table);
  lines.push('');
  return lines;
}

/** The markdown of spec/instructions.md. */
export function renderInstructionReference(): string {
  const out = [
    '<!-- Generated from reference/src/isa/table.ts by `npm run build && npm run gen:spec`. Do not edit. -->',
    '# Instruction reference',
    '',
    'This file is generated from the instruction table (`reference/src/isa/table.ts`) and must not be',
    'edited by hand. Each section is the normative definition of one instruction: the stack effect',
    '(values popped) -> (values pushed on fall-through), as a function of `oparg`; on a taken jump the',
    'depth change is relative to the depth before the instruction. Operand kinds are defined in',
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
  for (const d of INSTRUCTIONS) out.push(...section(d));
  return out.join('\n');
}
