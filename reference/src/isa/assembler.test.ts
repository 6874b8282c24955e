import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { assemble } from './assembler';
import type { Code } from './code';
import { disassemble } from './disassembler';
import { OP } from './table';

function ok(name: string, text: string): Code {
  const r = assemble(name, text);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} at ${r.error.line}:${r.error.column}`);
  return r.code;
}

function err(text: string) {
  const r = assemble('f', text);
  if (r.ok) throw new Error('expected an assembler error');
  return r.error;
}

/** Comparable form of a code object: constants by their disassembly, code objects by name. */
function shape(code: Code) {
  return {
    name: code.name,
    argcount: code.argcount,
    varnames: code.varnames,
    names: code.names,
    consts: disassemble(code).split('\n').find((l) => l.startsWith('.consts')),
    ops: Array.from(code.ops),
    args: Array.from(code.args),
    exceptionTable: code.exceptionTable,
    flags: code.flags,
  };
}

function corpusUnits(): [string, string, string][] {
  const out: [string, string, string][] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml') && e.name !== 'tags.yaml') {
        const f = parse(fs.readFileSync(p, 'utf8'));
        if (f?.expect && ('malformed' in f.expect)) continue;
        for (const section of ['functions', 'code']) {
          for (const [name, text] of Object.entries(f?.program?.[section] ?? {})) out.push([p, name, String(text)]);
        }
      }
    }
  };
  walk(path.join(__dirname, '../../../fixtures'));
  return out;
}

describe('assembler', () => {
  test('encodes operands the way CPython 3.13 does', () => {
    const code = ok('f', `.params n
      RESUME 0
      LOAD_GLOBAL print + NULL
      LOAD_FAST_LOAD_FAST n, n
      COMPARE_OP bool(<)
      COMPARE_OP ==
      BINARY_OP +=
      LOAD_ATTR append + NULL|self
      RETURN_CONST None`);
    expect(Array.from(code.args)).toEqual([0, 1, 0, 18, 72, 13, 3, 0]);
    expect(code.names).toEqual(['print', 'append']);
    expect(code.ops[1]).toBe(OP.LOAD_GLOBAL);
  });

  test('labels resolve to absolute instruction indices, including one past the end', () => {
    const code = ok('f', `L0: RESUME 0
      L1:
      JUMP_FORWARD L2
      JUMP_BACKWARD L1
      L2:
      RETURN_CONST None
      L3:
      ExceptionTable:
        L1 to L3 -> L2 [0] lasti`);
    expect(Array.from(code.args).slice(1, 3)).toEqual([3, 1]);
    expect(code.exceptionTable).toEqual([{ start: 1, end: 4, target: 3, depth: 0, lasti: true }]);
  });

  test('raw operands and explicit tables', () => {
    const code = ok('f', `.params a
      .locals a b
      .consts None 7 7.0 True (1, 'x')
      .names g
      RESUME 0
      LOAD_CONST #2
      LOAD_CONST 7
      LOAD_CONST True
      LOAD_CONST (1, 'x')
      RETURN_CONST None`);
    expect(Array.from(code.args)).toEqual([0, 2, 1, 3, 4, 0]);
    expect(code.varnames).toEqual(['a', 'b']);
  });

  test.each([
    ['FOO 1', 'ASM_UNKNOWN_INSTRUCTION', 1, 1],
    ['RESUME', 'ASM_MISSING_OPERAND', 1, 7],
    ['  POP_TOP 3', 'ASM_UNEXPECTED_OPERAND', 1, 11],
    ['RESUME x', 'ASM_BAD_OPERAND', 1, 8],
    ['LOAD_CONST 1.2.3', 'ASM_BAD_LITERAL', 1, 15],
    ['JUMP_FORWARD nowhere', 'ASM_UNKNOWN_LABEL', 1, 14],
    ['L1: NOP\nL1: NOP', 'ASM_DUPLICATE_LABEL', 2, 1],
    ['.locals a\nLOAD_FAST b', 'ASM_UNKNOWN_NAME', 2, 11],
    ['.frobnicate', 'ASM_BAD_DIRECTIVE', 1, 1],
    ['NOP\nExceptionTable:\n  L1 -> L2', 'ASM_BAD_EXCEPTION_ENTRY', 3, 3],
    ['.locals a b c d e f g h i j k l m n o p q\nLOAD_FAST_LOAD_FAST a, q', 'ASM_LOCAL_PAIR_RANGE', 2, 21],
  ])('%j is rejected with %s at %i:%i', (text, code, line, column) => {
    expect(err(text)).toMatchObject({ code, line, column });
  });

  test('comments and strings containing ";" survive', () => {
    const code = ok('f', `RESUME 0 ; start
      LOAD_CONST 'a;b' ; the constant has a semicolon
      RETURN_VALUE`);
    expect(code.consts).toEqual(['a;b']);
  });
});

describe('assemble(disassemble(x)) == x over the whole corpus', () => {
  const units = corpusUnits();
  test('the corpus has code objects to round-trip', () => expect(units.length).toBeGreaterThan(200));
  test.each(units)('%s %s', (_file, name, text) => {
    const first = assemble(name, text);
    if (!first.ok) return; // negative fixtures of the verifier still assemble; malformed ones are skipped above
    const again = ok(name, disassemble(first.code));
    expect(shape(again)).toEqual(shape(first.code));
    expect(disassemble(again)).toBe(disassemble(first.code));
  });
});
