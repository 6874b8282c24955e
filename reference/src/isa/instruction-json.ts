/**
 * Renders spec/instructions.json, the instruction table in a form the Python tools read
 * (`npm run build && npm run gen:spec`; a test fails when the committed file differs). Stack
 * effects are expressions in `oparg` that Python and JavaScript both evaluate (`oparg+2`,
 * `1+(oparg&1)`), checked against the table for opargs 0..15 by the test.
 * @spec #isa-table
 */
import { formula } from './reference-doc';
import {
  BINARY_OPS, COMPARE_MASKS, COMPARE_OPS, CONVERSIONS, FUNCTION_ATTRIBUTES, INSTRUCTIONS, INTRINSIC1,
  RESUME_HOTSPOTS, type InstructionDef,
} from './table';

function entry(d: InstructionDef): Record<string, unknown> {
  const f = (fn: (a: number) => number, what: string) => formula(fn, `${d.name} ${what}`);
  return {
    name: d.name,
    opcode: d.opcode,
    operand: d.operand,
    pops: f(d.pops, 'pops'),
    pushes: f(d.pushes, 'pushes'),
    minDepth: f(d.minDepth, 'minDepth'),
    jump: d.jumpEffect
      ? { effect: f(d.jumpEffect, 'jump effect'), direction: d.jumpDirection, targetSkip: d.targetSkip, targetShape: d.targetShape ?? [] }
      : null,
    terminator: d.terminator,
    raises: d.mayRaise,
    hotspot: d.hotspot,
    runtimeOnly: d.runtimeOnly ?? false,
    coveredByPresence: d.coveredByPresence ?? false,
    placement: d.placement,
    cellOperand: d.cellOperand ?? null,
    opargs: d.opargs,
    see: d.see,
    summary: d.summary,
  };
}

/** Symbol tables of the symbolic operand kinds: oparg (as a JSON key) -> symbol. */
function symbols(): Record<string, Record<string, string>> {
  const indexed = (xs: readonly string[]) => Object.fromEntries(xs.map((s, i) => [String(i), s]));
  return {
    binop: indexed(BINARY_OPS),
    intrinsic1: { ...INTRINSIC1 },
    convert: { ...CONVERSIONS },
    fnattr: { ...FUNCTION_ATTRIBUTES },
  };
}

/** The text of spec/instructions.json. */
export function renderInstructionJson(): string {
  const doc = {
    generated: 'from reference/src/isa/table.ts by `npm run build && npm run gen:spec`; do not edit',
    format: 1,
    compare: { operators: COMPARE_OPS, masks: COMPARE_MASKS },
    // The hotspot kind of a `resume` instruction (RESUME) by oparg & 3.
    resumeHotspots: RESUME_HOTSPOTS,
    symbols: symbols(),
    instructions: INSTRUCTIONS.map(entry),
  };
  // One line per instruction keeps a table change a one-line diff.
  const body = Object.entries(doc).map(([k, v]) =>
    Array.isArray(v) && k === 'instructions'
      ? ` ${JSON.stringify(k)}: [\n${v.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]`
      : ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${body.join(',\n')}\n}\n`;
}
