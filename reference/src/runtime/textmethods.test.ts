/**
 * The str methods of methods_str_text.ts, str.format, translate, the reflection builtins and the
 * surrogate refusal. Expected values are CPython 3.13's (checked with python3.13); the vm corpus
 * (fixtures/vm/strmethods, fixtures/vm/reflect) covers the same ground end to end.
 */
import { parseWholeLiteral } from '../isa/literal';
import { loadMethod } from './attrs';
import { BUILTINS } from './builtins';
import { callNative } from './call';
import { exceptionStr } from './exceptions';
import { repr } from './repr';
import { charFlags, DIGIT, NUMERIC, UNASSIGNED } from './unicode_props';
import { UNICODE_VERSION } from './unicode_props.generated';
import { dictSet } from './dict';
import { PyBuiltin, PyDict, PyException, PyFloat, PyList, PyTuple, PyType, type Host, type PyValue } from './values';
import { intType } from './types';

const host: Host = {
  write: () => {},
  resume: () => {
    throw new Error('no generators in this test');
  },
};

function m(obj: PyValue, name: string, args: PyValue[] = [], kwargs: Record<string, PyValue> = {}): PyValue {
  const kw = Object.keys(kwargs).length ? new Map(Object.entries(kwargs)) : null;
  const found = loadMethod(obj, name);
  if ('method' in found) return callNative(found.method, [found.self, ...args], kw, host);
  return callNative(found.attr as PyBuiltin, args, kw, host);
}

function b(name: string, args: PyValue[], kwargs: Record<string, PyValue> = {}): PyValue {
  const kw = Object.keys(kwargs).length ? new Map(Object.entries(kwargs)) : null;
  return callNative(BUILTINS.get(name) as PyBuiltin | PyType, args, kw, host);
}

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('Unicode properties come from CPython 3.13, not from the engine', () => {
  test('the table is Unicode 15.1', () => {
    expect(UNICODE_VERSION).toBe('15.1.0');
  });
  test('digits and numerics that JS regexes cannot tell apart', () => {
    expect(charFlags(0xb2) & DIGIT).toBeTruthy(); // superscript two: isdigit, not isdecimal
    expect(charFlags(0x4e00) & DIGIT).toBe(0); // CJK one: isnumeric only
    expect(charFlags(0x4e00) & NUMERIC).toBeTruthy();
  });
  test('a character Unicode 16 assigned is unassigned here and keeps its case', () => {
    expect(charFlags(0x1c89) & UNASSIGNED).toBeTruthy(); // CYRILLIC CAPITAL LETTER TJE (Unicode 16)
    expect(m('\u1c89', 'lower')).toBe('\u1c89');
    expect(m('\u019b', 'upper')).toBe('\u019b'); // Unicode 16 gave it the upper case U+A7DC
  });
  test('predicates and case mappings', () => {
    expect([m('\u01c5', 'istitle'), m('\u01c5a', 'istitle'), m('\u00bd', 'isnumeric'), m('\u00bd', 'isdigit')]).toEqual([true, true, true, false]);
    expect([m('', 'isprintable'), m('', 'isascii'), m('', 'isalpha'), m('\u200b', 'isprintable')]).toEqual([true, true, false, false]);
    expect(m('\u01c6emal', 'capitalize')).toBe('\u01c5emal');
    expect(m("they're", 'title')).toBe("They'Re");
    expect(m('\u03a3\u0391\u03a3 a\u03a3', 'swapcase')).toBe('\u03c3\u03b1\u03c2 A\u03c2');
    expect(m('\u039f\u0394\u039f\u03a3 \u03a3', 'lower')).toBe('\u03bf\u03b4\u03bf\u03c2 \u03c3');
  });
});

describe('layout and splitting', () => {
  test('center puts the odd fill left only for odd widths', () => {
    expect([m('abc', 'center', [6, '*']), m('ab', 'center', [5, '*']), m('-42', 'zfill', [6])]).toEqual(['*abc**', '**ab*', '-00042']);
  });
  test('rsplit keeps the remainder with its leading whitespace', () => {
    expect(repr(m(' a b  c ', 'rsplit', [null, 1]))).toBe("[' a b', 'c']");
    expect(repr(m('\r\n a\x1c\x1db\x85c', 'splitlines', [true]))).toBe("['\\r\\n', ' a\\x1c', '\\x1d', 'b\\x85', 'c']");
  });
  test('a width that would need gigabytes is a MemoryError, not a hang', () => {
    expect(error(() => m('a', 'ljust', [2 ** 40]))).toBe('MemoryError: ');
  });
});

describe('str.format', () => {
  test('fields, conversions, nested specs', () => {
    expect(m('{0:>{w}.{p}f}|{1!r}|{1[0]}', 'format', [new PyFloat(3.14159), 'ab'], { w: 8, p: 2 })).toBe("    3.14|'ab'|a");
    expect(m('{:{}{}{}}', 'format', [5, '*', '^', 7])).toBe('***5***');
  });
  test('errors', () => {
    expect(error(() => m('{0}|{}', 'format', [1, 2]))).toBe('ValueError: cannot switch from manual field specification to automatic field numbering');
    expect(error(() => m('{} {}', 'format', [1]))).toBe('IndexError: Replacement index 1 out of range for positional args tuple');
    expect(error(() => m('{:{:{}}}', 'format', [1, 2, 3]))).toBe('ValueError: Max string recursion exceeded');
    expect(error(() => m('{a}', 'format'))).toBe("KeyError: 'a'");
  });
});

describe('builtins', () => {
  test('type(x) is the class; the class-creating form is refused', () => {
    expect(b('type', [1])).toBe(intType);
    expect(repr(b('type', [new PyList([])]))).toBe("<class 'list'>");
    expect(error(() => b('type', ['A', new PyTuple([]), null]))).toBe(
      'TypeError: type() with 3 arguments creates a class, which optcert does not support',
    );
  });
  test('pow with a modulus', () => {
    expect([b('pow', [2, -1, 7]), b('pow', [3, 4, -5]), b('pow', [3, -1, 1]), b('pow', [7, -2, 10])]).toEqual([4, -4, 0, 9]);
    expect(error(() => b('pow', [2, -1, 4]))).toBe('ValueError: base is not invertible for the given modulus');
    expect(error(() => b('pow', [new PyFloat(2), 3, 5]))).toBe('TypeError: pow() 3rd argument not allowed unless all arguments are integers');
  });
  test('setattr on builtin values fails with CPython messages', () => {
    expect(error(() => b('setattr', [1, 'real', 2]))).toBe("AttributeError: attribute 'real' of 'int' objects is not writable");
    const f = BUILTINS.get('len')!;
    expect(error(() => b('setattr', [f, 'x', 1]))).toBe(
      "AttributeError: 'builtin_function_or_method' object has no attribute 'x' and no __dict__ for setting new attributes",
    );
  });
});

describe('casefold, format_map, bin/oct/hex, issubclass', () => {
  test('results', () => {
    expect([m('Stra\u00dfe', 'casefold'), m('\ufb01', 'casefold'), m('\u03a3', 'casefold')]).toEqual(['strasse', 'fi', '\u03c3']);
    const d = new PyDict();
    dictSet(d, 'a', 1);
    expect(m('{a}-{a!r}', 'format_map', [d])).toBe('1-1');
    expect(error(() => m('{}', 'format_map', [d]))).toBe('ValueError: Format string contains positional fields');
    expect([b('bin', [-5]), b('oct', [8]), b('hex', [true])]).toEqual(['-0b101', '0o10', '0x1']);
    expect(b('issubclass', [BUILTINS.get('bool')!, new PyTuple([BUILTINS.get('str')!, intType])])).toBe(true);
    expect(error(() => b('issubclass', [1, intType]))).toBe('TypeError: issubclass() arg 1 must be a class');
  });
});

describe('lone surrogates are refused (spec/values.md#str-code-points)', () => {
  test('chr, format c and translate', () => {
    const msg = (who: string) => `ValueError: ${who}: U+D83D is a surrogate code point, which optcert does not support (spec/values.md#str-code-points)`;
    expect(error(() => b('chr', [0xd83d]))).toBe(msg('chr()'));
    expect(error(() => b('format', [0xd83d, 'c']))).toBe(msg("format(x, 'c')"));
    const table = new PyDict();
    dictSet(table, 97, 0xd83d);
    expect(error(() => m('a', 'translate', [table]))).toBe(msg('str.translate()'));
    expect(b('chr', [0x1f600])).toBe('\u{1f600}');
  });
  test('the assembler refuses a surrogate escape', () => {
    const r = parseWholeLiteral("'\\ud83d'");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('surrogate code point \\ud83d is not supported');
  });
});
