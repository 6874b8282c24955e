/** The `.params` directive in def syntax: counts, flags and varnames order, errors, and the disassembler's round trip. */
import { assemble } from './assembler';
import { CO_VARARGS, CO_VARKEYWORDS, type Code } from './code';
import { disassemble } from './disassembler';

function ok(text: string): Code {
  const r = assemble('f', text);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.code;
}

const body = '  RESUME 0\n  RETURN_CONST None\n';

describe('.params', () => {
  test('positional-only, *args, keyword-only and **kwargs in CPython varnames order', () => {
    const code = ok(`.params a / b *rest c d **kw\n${body}`);
    expect(code.varnames.slice(0, 6)).toEqual(['a', 'b', 'c', 'd', 'rest', 'kw']);
    expect([code.argcount, code.posonlyargcount, code.kwonlyargcount]).toEqual([2, 1, 2]);
    expect(code.flags & (CO_VARARGS | CO_VARKEYWORDS)).toBe(CO_VARARGS | CO_VARKEYWORDS);
  });

  test('a bare * starts keyword-only parameters without CO_VARARGS', () => {
    const code = ok(`.params x * lo hi\n${body}`);
    expect([code.argcount, code.kwonlyargcount ?? 0, code.flags & CO_VARARGS]).toEqual([1, 2, 0]);
  });

  test('plain parameters keep the old meaning and add no fields', () => {
    const code = ok(`.params a b\n${body}`);
    expect(code.argcount).toBe(2);
    expect(code.kwonlyargcount).toBeUndefined();
    expect(code.posonlyargcount).toBeUndefined();
  });

  test.each([
    ['.params / a', "'/' needs a parameter before it"],
    ['.params a / b /', "'/' must come once, before any '*'"],
    ['.params *a / b', "'/' must come once, before any '*'"],
    ['.params a *', "a bare '*' must be followed by a keyword-only parameter"],
    ['.params *a *b c', "only one '*' or '*name'"],
    ['.params **kw a', "'a' after **kw: **kwargs must come last"],
    ['.params a *a', 'duplicate name in .params'],
    ['.params **', "bad name '' after **"],
  ])('%s is ASM_BAD_DIRECTIVE', (line, message) => {
    const r = assemble('f', `${line}\n${body}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.message, r.error.line]).toEqual(['ASM_BAD_DIRECTIVE', message, 1]);
  });

  test.each(['a b', 'a / b', 'x *args', '*args', '**kw', 'a * k', 'a / b *r c **kw', 'a b / *r'])('disassembling .params %s reproduces it', (params) => {
    const code = ok(`.params ${params}\n${body}`);
    const text = disassemble(code);
    expect(text.split('\n')[0]).toBe(`.params ${params}`);
    const again = ok(text);
    expect([again.argcount, again.posonlyargcount, again.kwonlyargcount, again.flags, again.varnames]).toEqual([
      code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.varnames,
    ]);
  });
});
