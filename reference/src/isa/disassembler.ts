/**
 * Code object -> assembly text. Always prints the directives, so that
 * assemble(disassemble(code)) reproduces the code object exactly.
 * @spec #assembly-text
 */
import { repr } from '../runtime/repr';
import { PySet } from '../runtime/setobject';
import { frozensetLiteral } from '../runtime/setliteral';
import type { PyValue } from '../runtime/values';
import { originalCode } from './code-view';
import { isGeneratorCode, PyCode, type Code } from './code';
import { CodeRef } from './literal';
import { paramsText } from './params';
import { SYMBOLIC } from './operands';
import { BY_OPCODE } from './table';

export function constText(v: PyValue): string {
  if (v instanceof PyCode) return `<code ${v.code.name}>`;
  if (v instanceof CodeRef) return `<code ${v.name}>`;
  if (v instanceof PySet) return frozensetLiteral(v, constText);
  return repr(v);
}

function labelTargets(code: Code): Map<number, string> {
  const targets = new Set<number>();
  for (let i = 0; i < code.ops.length; i++) {
    if (BY_OPCODE.get(code.ops[i]!)?.operand === 'jump') targets.add(code.args[i]!);
  }
  for (const e of code.exceptionTable) [e.start, e.end, e.target].forEach((t) => targets.add(t));
  const sorted = [...targets].filter((t) => t >= 0 && t <= code.ops.length).sort((a, b) => a - b);
  return new Map(sorted.map((t, k) => [t, `L${k + 1}`]));
}

export function operandText(code: Code, index: number, labels: ReadonlyMap<number, string>): string {
  const def = BY_OPCODE.get(code.ops[index]!);
  const arg = code.args[index]!;
  if (!def) return `#${arg}`;
  const local = (i: number) => code.varnames[i];
  const name = (i: number) => code.names[i];
  let text: string | undefined | null;
  switch (def.operand) {
    case 'none':
      return '';
    case 'uint':
      return arg >= 0 ? String(arg) : `#${arg}`;
    case 'const':
      text = arg >= 0 && arg < code.consts.length ? constText(code.consts[arg] as PyValue) : undefined;
      break;
    case 'local':
      text = local(arg);
      break;
    case 'local_pair': {
      const a = local(arg >> 4);
      const b = local(arg & 15);
      text = a !== undefined && b !== undefined && arg >= 0 && arg < 256 ? `${a}, ${b}` : undefined;
      break;
    }
    case 'name':
      text = name(arg);
      break;
    case 'global':
      text = arg >= 0 && name(arg >> 1) !== undefined ? name(arg >> 1) + (arg & 1 ? ' + NULL' : '') : undefined;
      break;
    case 'attr':
      text = arg >= 0 && name(arg >> 1) !== undefined ? name(arg >> 1) + (arg & 1 ? ' + NULL|self' : '') : undefined;
      break;
    case 'jump':
      text = labels.get(arg);
      break;
    default:
      text = SYMBOLIC[def.operand]!.decode(arg);
  }
  return text ?? `#${arg}`;
}

/** Installed executors are seen through: the original instructions are printed. */
export function disassemble(live: Code): string {
  const code = originalCode(live);
  const labels = labelTargets(code);
  const out: string[] = [
    `.params ${paramsText(code)}`.trimEnd(),
    `.locals ${code.varnames.join(' ')}`.trimEnd(),
    `.consts ${code.consts.map((c) => constText(c)).join(' ')}`.trimEnd(),
    `.names ${code.names.join(' ')}`.trimEnd(),
  ];
  if (code.cellvars?.length) out.push(`.cells ${code.cellvars.join(' ')}`);
  if (code.freevars?.length) out.push(`.freevars ${code.freevars.join(' ')}`);
  if (isGeneratorCode(code)) out.push('.generator');
  for (let i = 0; i <= code.ops.length; i++) {
    const label = labels.get(i);
    if (label) out.push(`${label}:`);
    if (i === code.ops.length) break;
    const name = BY_OPCODE.get(code.ops[i]!)?.name ?? `#${code.ops[i]}`;
    out.push(`  ${name} ${operandText(code, i, labels)}`.trimEnd());
  }
  if (code.exceptionTable.length) {
    out.push('ExceptionTable:');
    for (const e of code.exceptionTable) {
      const l = (t: number) => labels.get(t) ?? `#${t}`;
      out.push(`  ${l(e.start)} to ${l(e.end)} -> ${l(e.target)} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
