/**
 * Assembly text -> code object. Errors are data with a stable ASM_* code and a 1-based
 * line and column within the text.
 * @spec #assembly-text
 */
import type { SourceError } from '../api';
import { PyFloat, PyTuple, type PyValue } from '../runtime/values';
import { PySet, setElements } from '../runtime/setobject';
import { CO_GENERATOR, type Code, type ExceptionEntry } from './code';
import { parseParams, type ParamSpec } from './params';
import { CodeRef, parseLiteral, parseWholeLiteral, type Literal } from './literal';
import { SYMBOLIC } from './operands';
import { BY_NAME, type InstructionDef } from './table';

/** A `<code NAME>` constant waiting for the program to supply the code object. */
export interface PendingCodeRef {
  readonly constIndex: number;
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

export type AsmResult =
  | {
      readonly ok: true;
      readonly code: Code;
      readonly codeRefs: readonly PendingCodeRef[];
      /** Source position (1-based line, column) of each instruction, for verifier messages. */
      readonly positions: readonly { readonly line: number; readonly column: number }[];
    }
  | { readonly ok: false; readonly error: SourceError };

class AsmFail {
  constructor(readonly code: string, readonly message: string, readonly line: number, readonly column: number) {}
}

interface Line {
  readonly no: number;
  /** Column (1-based) where `text` starts. */
  readonly col: number;
  readonly text: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOCAL_NAME = /^[A-Za-z_.<>][A-Za-z0-9_.<>]*$/;
const LABEL_DEF = /^([A-Za-z_][A-Za-z0-9_]*):\s*/;

/** Strip a `;` comment, respecting quotes. */
function stripComment(s: string): string {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ';') return s.slice(0, i);
  }
  return s;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const body = stripComment(raw.replace(/\r$/, '')).trimEnd();
    const lead = body.length - body.trimStart().length;
    if (body.trim() !== '') out.push({ no: i + 1, col: lead + 1, text: body.trim() });
  });
  return out;
}

/** Identity of a constant for `.consts` lookup: 1, 1.0 and True stay distinct. */
export function constKey(v: Literal): string {
  if (v === null) return 'N';
  if (v instanceof CodeRef) return `c:${v.name}`;
  switch (typeof v) {
    case 'boolean':
      return `b:${v}`;
    case 'number':
    case 'bigint':
      return `i:${v}`;
    case 'string':
      return `s:${JSON.stringify(v)}`;
  }
  if (v instanceof PyFloat) return `f:${Object.is(v.value, -0) ? '-0' : String(v.value)}`;
  if (v instanceof PyTuple) return `t(${v.items.map(constKey).join(',')})`;
  // As CPython's _PyCode_ConstantKey: equal frozensets are one constant, whatever their layout.
  if (v instanceof PySet) return `fs{${setElements(v).map(constKey).sort().join(',')}}`;
  if (typeof v === 'object' && 'code' in v) return `c:${(v as { code: Code }).code.name}`;
  return `o:${(v as { kind: string }).kind}`;
}

class Table<T> {
  readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly fixed: boolean, private readonly key: (t: T) => string) {}
  add(t: T): void {
    this.index.set(this.key(t), this.items.length);
    this.items.push(t);
  }
  lookup(t: T): number | undefined {
    return this.index.get(this.key(t));
  }
  /** The index of `t`, adding it unless the table was fixed by a directive. */
  find(t: T): number | undefined {
    const i = this.lookup(t);
    if (i !== undefined || this.fixed) return i;
    this.add(t);
    return this.items.length - 1;
  }
}

export function assemble(name: string, text: string): AsmResult {
  try {
    return new Assembler(name, splitLines(text)).run();
  } catch (e) {
    if (e instanceof AsmFail) {
      return { ok: false, error: { code: e.code, message: e.message, unit: name, line: e.line, column: e.column } };
    }
    throw e;
  }
}

class Assembler {
  private params: string[] = [];
  private paramSpec: ParamSpec | null = null;
  private locals = new Table<string>(false, (s) => s);
  private names = new Table<string>(false, (s) => s);
  private consts = new Table<Literal>(false, constKey);
  private flags = 0;
  private cellvars: string[] = [];
  private freevars: string[] = [];
  private readonly codeRefs: PendingCodeRef[] = [];
  private readonly labels = new Map<string, number>();

  constructor(readonly unit: string, readonly lines: Line[]) {}

  private fail(code: string, message: string, line: Line, offset = 0): never {
    throw new AsmFail(code, message, line.no, line.col + offset);
  }

  run(): AsmResult {
    let i = 0;
    for (; i < this.lines.length && this.lines[i]!.text.startsWith('.'); i++) this.directive(this.lines[i]!);
    if (!this.locals.fixed) for (const p of this.params) if (this.locals.find(p) === undefined) this.locals.add(p);
    const body: { line: Line; def: InstructionDef; operand: string; operandCol: number }[] = [];
    let tableAt = this.lines.length;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.text === 'ExceptionTable:') {
        tableAt = i + 1;
        break;
      }
      if (line.text.startsWith('.')) this.fail('ASM_BAD_DIRECTIVE', 'directives must come before the first instruction', line);
      let rest = line.text;
      let offset = 0;
      const m = LABEL_DEF.exec(rest);
      if (m) {
        const label = m[1]!;
        if (this.labels.has(label)) this.fail('ASM_DUPLICATE_LABEL', `label '${label}' is defined twice`, line);
        this.labels.set(label, body.length);
        offset = m[0].length;
        rest = rest.slice(offset);
        if (rest === '') continue;
      }
      const sp = /^(\S+)\s*(.*)$/.exec(rest)!;
      const opname = sp[1]!;
      const def = BY_NAME.get(opname);
      if (!def) this.fail('ASM_UNKNOWN_INSTRUCTION', `unknown instruction '${opname}'`, line, offset);
      body.push({ line, def, operand: sp[2]!, operandCol: offset + rest.length - sp[2]!.length });
    }
    const ops = new Uint8Array(body.length);
    const args = new Int32Array(body.length);
    body.forEach((b, k) => {
      ops[k] = b.def.opcode;
      args[k] = this.operand(b.def, b.operand, b.line, b.operandCol);
    });
    const exceptionTable: ExceptionEntry[] = [];
    for (let t = tableAt; t < this.lines.length; t++) exceptionTable.push(this.entry(this.lines[t]!));
    const code: Code = {
      name: this.unit,
      argcount: this.paramSpec?.argcount ?? 0,
      ...(this.paramSpec?.posonlyargcount ? { posonlyargcount: this.paramSpec.posonlyargcount } : {}),
      ...(this.paramSpec?.kwonlyargcount ? { kwonlyargcount: this.paramSpec.kwonlyargcount } : {}),
      varnames: this.locals.items,
      names: this.names.items,
      consts: this.consts.items,
      ops,
      args,
      exceptionTable,
      flags: this.flags,
      ...(this.cellvars.length ? { cellvars: this.cellvars } : {}),
      ...(this.freevars.length ? { freevars: this.freevars } : {}),
    };
    return { ok: true, code, codeRefs: this.codeRefs, positions: body.map((b) => ({ line: b.line.no, column: b.line.col })) };
  }

  private directive(line: Line): void {
    const m = /^(\.[a-z]+)\s*(.*)$/.exec(line.text);
    const [, dir, rest] = m ?? [];
    const words = (rest ?? '').split(/\s+/).filter(Boolean);
    const checkNames = (pattern: RegExp) => {
      for (const w of words) if (!pattern.test(w)) this.fail('ASM_BAD_DIRECTIVE', `bad name '${w}' in ${dir}`, line);
      if (new Set(words).size !== words.length) this.fail('ASM_BAD_DIRECTIVE', `duplicate name in ${dir}`, line);
    };
    switch (dir) {
      case '.params': {
        const spec = parseParams(words, (w) => LOCAL_NAME.test(w));
        if ('error' in spec) return this.fail('ASM_BAD_DIRECTIVE', spec.error, line);
        this.params = [...spec.locals];
        this.paramSpec = spec;
        this.flags |= spec.flags;
        return;
      }
      case '.locals':
        checkNames(LOCAL_NAME);
        this.locals = new Table<string>(true, (s) => s);
        words.forEach((w) => this.locals.add(w));
        if (this.params.some((p, k) => words[k] !== p)) this.fail('ASM_BAD_DIRECTIVE', '.locals must start with the .params in order', line);
        return;
      case '.names':
        checkNames(IDENT);
        this.names = new Table<string>(true, (s) => s);
        words.forEach((w) => this.names.add(w));
        return;
      case '.consts': {
        this.consts = new Table<Literal>(true, constKey);
        const text = rest ?? '';
        let at = 0;
        while (at < text.length) {
          const r = parseLiteral(text, at, { codeRefs: true });
          if (!r.ok) this.fail('ASM_BAD_LITERAL', r.error.message, line, (m?.[1]?.length ?? 0) + 1 + r.error.offset);
          this.addConst(r.value, line, (m?.[1]?.length ?? 0) + 1 + at);
          at = r.end;
        }
        return;
      }
      case '.cells':
      case '.freevars':
        checkNames(LOCAL_NAME);
        this.closureDirective(dir, words, line);
        return;
      case '.generator':
        if (words.length) this.fail('ASM_BAD_DIRECTIVE', '.generator takes no value', line);
        this.flags |= CO_GENERATOR;
        return;
      default:
        this.fail('ASM_BAD_DIRECTIVE', `unknown directive '${dir ?? line.text}'`, line);
    }
  }

  /** `.cells` and `.freevars` name locals already listed by `.locals`. @spec #code-cells */
  private closureDirective(dir: '.cells' | '.freevars', words: string[], line: Line): void {
    if (!this.locals.fixed) this.fail('ASM_BAD_DIRECTIVE', `${dir} needs a .locals directive before it`, line);
    for (const w of words) if (this.locals.lookup(w) === undefined) this.fail('ASM_BAD_DIRECTIVE', `${dir}: '${w}' is not in .locals`, line);
    const other = dir === '.cells' ? this.freevars : this.cellvars;
    for (const w of words) if (other.includes(w)) this.fail('ASM_BAD_DIRECTIVE', `'${w}' cannot be both a cell and a free variable`, line);
    if (dir === '.cells') {
      this.cellvars = words;
      return;
    }
    const tail = this.locals.items.slice(this.locals.items.length - words.length);
    if (words.some((w, k) => tail[k] !== w)) this.fail('ASM_BAD_DIRECTIVE', '.freevars must be the last names of .locals, in order', line);
    this.freevars = words;
  }

  private addConst(v: Literal, line: Line, offset: number): number {
    if (this.consts.lookup(v) !== undefined) this.fail('ASM_BAD_DIRECTIVE', 'duplicate constant in .consts', line, offset);
    this.consts.add(v);
    const idx = this.consts.items.length - 1;
    if (v instanceof CodeRef) this.codeRefs.push({ constIndex: idx, name: v.name, line: line.no, column: line.col + offset });
    return idx;
  }

  private raw(text: string): number | null {
    const m = /^#(-?\d+)$/.exec(text);
    return m ? Number(m[1]) : null;
  }

  private operand(def: InstructionDef, text: string, line: Line, col: number): number {
    const at: (msg: string, code?: string) => never = (msg, code = 'ASM_BAD_OPERAND') => this.fail(code, `${def.name}: ${msg}`, line, col);
    if (def.operand === 'none') {
      if (text !== '') at(`takes no operand, got '${text}'`, 'ASM_UNEXPECTED_OPERAND');
      return 0;
    }
    if (text === '') at('missing operand', 'ASM_MISSING_OPERAND');
    const raw = this.raw(text);
    if (raw !== null) return raw;
    switch (def.operand) {
      case 'uint':
        if (!/^\d+$/.test(text)) at(`expected a non-negative integer, got '${text}'`);
        return Number(text);
      case 'const': {
        const r = parseWholeLiteral(text, { codeRefs: true });
        if (!r.ok) return this.fail('ASM_BAD_LITERAL', `${def.name}: ${r.error.message}`, line, col + r.error.offset);
        const known = this.consts.lookup(r.value);
        if (known !== undefined) return known;
        if (this.consts.fixed) at(`constant ${text} is not in .consts`, 'ASM_UNKNOWN_NAME');
        return this.addConst(r.value, line, col);
      }
      case 'local':
        return this.local(text, at);
      case 'local_pair': {
        const parts = text.split(',').map((s) => s.trim());
        if (parts.length !== 2) at(`expected 'a, b', got '${text}'`);
        const [a, b] = parts.map((p) => this.local(p, at)) as [number, number];
        if (a > 15 || b > 15) at('local_pair indices must be below 16', 'ASM_LOCAL_PAIR_RANGE');
        return (a << 4) | b;
      }
      case 'name':
        return this.name(text, at);
      case 'global': {
        const m = /^(\S+?)(\s*\+\s*NULL)?$/.exec(text);
        return (this.name(m?.[1] ?? text, at) << 1) | (m?.[2] ? 1 : 0);
      }
      case 'attr': {
        const m = /^(\S+?)(\s*\+\s*NULL\|self)?$/.exec(text);
        return (this.name(m?.[1] ?? text, at) << 1) | (m?.[2] ? 1 : 0);
      }
      case 'jump': {
        if (!IDENT.test(text)) at(`expected a label, got '${text}'`);
        const target = this.labels.get(text);
        if (target === undefined) at(`unknown label '${text}'`, 'ASM_UNKNOWN_LABEL');
        return target;
      }
      default: {
        const v = SYMBOLIC[def.operand]!.encode(text.trim());
        if (v === null) at(`bad ${def.operand} operand '${text}'`);
        return v;
      }
    }
  }

  private local(text: string, at: (m: string, c?: string) => never): number {
    if (!LOCAL_NAME.test(text)) at(`bad local name '${text}'`);
    const i = this.locals.find(text);
    if (i === undefined) at(`local '${text}' is not in .locals`, 'ASM_UNKNOWN_NAME');
    return i;
  }

  private name(text: string, at: (m: string, c?: string) => never): number {
    if (!IDENT.test(text)) at(`bad name '${text}'`);
    const i = this.names.find(text);
    if (i === undefined) at(`name '${text}' is not in .names`, 'ASM_UNKNOWN_NAME');
    return i;
  }

  private entry(line: Line): ExceptionEntry {
    const m = /^(\w+)\s+to\s+(\w+)\s*->\s*(\w+)\s*\[(\d+)\](\s+lasti)?$/.exec(line.text);
    if (!m) this.fail('ASM_BAD_EXCEPTION_ENTRY', `expected 'L1 to L2 -> L3 [depth] [lasti]', got '${line.text}'`, line);
    const label = (l: string) => {
      const v = this.raw(l) ?? this.labels.get(l);
      return v ?? this.fail('ASM_UNKNOWN_LABEL', `unknown label '${l}'`, line, line.text.indexOf(l));
    };
    return { start: label(m[1]!), end: label(m[2]!), target: label(m[3]!), depth: Number(m[4]), lasti: Boolean(m[5]) };
  }
}

export type { PyValue };
