/**
 * Argument binding (CPython 3.13's initialize_locals): the expected messages are CPython 3.13.0's,
 * recorded from the same signatures and calls.
 */
import { assemble } from '../isa/assembler';
import { Vm } from '../interp/vm';
import { exceptionStr } from './exceptions';
import { repr } from './repr';
import { PyDict, PyException, PyFunction, PyList, PyTuple, type PyValue } from './values';
import { dictSet } from './dict';

function fn(params: string, defaults: PyValue[] = [], kwdefaults: Record<string, PyValue> = {}): PyFunction {
  const r = assemble('f', `.params ${params}\n  RESUME 0\n  RETURN_CONST None\n`);
  if (!r.ok) throw new Error(r.error.message);
  const f = new PyFunction(r.code, new Map(), 'f');
  if (defaults.length) f.defaults = new PyTuple(defaults);
  if (Object.keys(kwdefaults).length) {
    f.kwdefaults = new PyDict();
    for (const [k, v] of Object.entries(kwdefaults)) dictSet(f.kwdefaults, k, v);
  }
  return f;
}

/** The bound parameters, by name, as reprs. */
function bind(f: PyFunction, args: PyValue[], kw: Record<string, PyValue> = {}): Record<string, string> {
  const names = Object.keys(kw);
  const frame = new Vm(1000).makeFrame(f, [...args, ...Object.values(kw)], names.length ? names : null);
  const out: Record<string, string> = {};
  f.code.varnames.forEach((n, i) => {
    if (frame.locals[i] !== undefined) out[n] = repr(frame.locals[i] as PyValue);
  });
  return out;
}

function error(f: PyFunction, args: PyValue[], kw: Record<string, PyValue> = {}): string {
  try {
    bind(f, args, kw);
  } catch (e) {
    if (e instanceof PyException) return `${e.type.name}: ${exceptionStr(e)}`;
    throw e;
  }
  throw new Error('expected a Python exception');
}

describe('binding', () => {
  const full = () => fn('a b *args c d **kw', [1], { d: 2 });

  test('*args takes the extra positional arguments, **kwargs the unknown keywords in call order', () => {
    expect(bind(full(), [10, 20, 30, 40], { c: 5, z: 6, y: 7 })).toEqual({
      a: '10', b: '20', c: '5', d: '2', args: '(30, 40)', kw: "{'z': 6, 'y': 7}",
    });
    expect(bind(full(), [10], { c: 5 })).toEqual({ a: '10', b: '1', c: '5', d: '2', args: '()', kw: '{}' });
  });

  test('a mutable default and keyword-only default are the function\'s own objects', () => {
    const shared = new PyList([]);
    const f = fn('x acc * seen', [shared], { seen: shared });
    const frame = new Vm(1000).makeFrame(f, [1], null);
    expect(frame.locals[1]).toBe(shared);
    expect(frame.locals[2]).toBe(shared);
  });

  test('*args is a new tuple', () => {
    const f = fn('*args');
    const frame = new Vm(1000).makeFrame(f, [1, 2], null);
    expect(frame.locals[0]).toBeInstanceOf(PyTuple);
    expect(repr(frame.locals[0] as PyValue)).toBe('(1, 2)');
  });

  test('a positional-only name given by keyword goes to **kwargs', () => {
    expect(bind(fn('a / **kw'), [1], { a: 2 })).toEqual({ a: '1', kw: "{'a': 2}" });
  });

  test.each<[string, string, PyValue[], Record<string, PyValue>, PyValue[], Record<string, PyValue>]>([
    ['a b *args c d **kw', "TypeError: f() got multiple values for argument 'a'", [1], { a: 2 }, [1], { d: 2 }],
    ['a b *args c d **kw', "TypeError: f() missing 1 required keyword-only argument: 'c'", [1], {}, [1], { d: 2 }],
    ['* c', 'TypeError: f() takes 0 positional arguments but 1 was given', [1], {}, [], {}],
    ['* c', "TypeError: f() missing 1 required keyword-only argument: 'c'", [], {}, [], {}],
    ['a / b * c', "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'", [], { a: 1, b: 2, c: 3 }, [], {}],
    ['a b / c', "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a, b'", [], { a: 1, b: 2, c: 3 }, [], {}],
    ['a / b * c', 'TypeError: f() takes 2 positional arguments but 3 were given', [1, 2, 3], {}, [], {}],
    ['* c', 'TypeError: f() takes 0 positional arguments but 1 positional argument (and 1 keyword-only argument) were given', [1], { c: 2 }, [], {}],
    ['* c', 'TypeError: f() takes 0 positional arguments but 2 positional arguments (and 1 keyword-only argument) were given', [1, 2], { c: 2 }, [], {}],
    ['a b *args c d **kw', "TypeError: f() got multiple values for argument 'a'", [1, 2, 3], { c: 1, d: 2, a: 3 }, [1], { d: 2 }],
    ['a * b c d', "TypeError: f() missing 2 required keyword-only arguments: 'b' and 'c'", [1], {}, [], { d: 1 }],
    ['a * limit verbose', "TypeError: f() got an unexpected keyword argument 'limt'. Did you mean 'limit'?", [1], { limt: 2, verbose: 3 }, [], {}],
    ['a * limit verbose', 'TypeError: f() takes 1 positional argument but 3 were given', [1, 2, 3], {}, [], {}],
    ['a * limit verbose', "TypeError: f() missing 1 required positional argument: 'a'", [], { limit: 1, verbose: 2 }, [], {}],
    ['a *rest flag', "TypeError: f() missing 1 required keyword-only argument: 'flag'", [1, 2, 3], {}, [], {}],
    ['a b', "TypeError: f() got multiple values for argument 'b'", [1, 2, 3], { b: 4 }, [], {}],
  ])('def f(%s): %s', (params, message, args, kw, defaults, kwdefaults) => {
    expect(error(fn(params, defaults, kwdefaults), args, kw)).toBe(message);
  });
});
