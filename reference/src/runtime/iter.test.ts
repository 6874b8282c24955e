/** Iteration, membership and generator consumption through the host. */
import type { Code } from '../isa/code';
import { BUILTINS } from './builtins';
import { callNative } from './call';
import { contains } from './contains';
import { dictDelete, dictSet } from './dict';
import { clearEntries } from './dicttable';
import { exceptionStr } from './exceptions';
import { collect, getIter, iterNext } from './iter';
import { repr } from './repr';
import {
  PyBuiltin, PyDict, PyDictView, PyException, PyFloat, PyGenerator, PyList, PyRange, PyTuple, PyType,
  type Host, type PyValue,
} from './values';

/** A host whose generators are JS generators; the return value becomes the final `done` value. */
function makeHost(): { host: Host; gen: (name: string, body: () => Generator<PyValue, PyValue>) => PyGenerator } {
  const bodies = new Map<PyGenerator, Generator<PyValue, PyValue>>();
  const host: Host = {
    write: () => {},
    resume: (g) => {
      const r = bodies.get(g)!.next();
      return r.done ? { done: true, value: r.value } : { done: false, value: r.value };
    },
  };
  const gen = (name: string, body: () => Generator<PyValue, PyValue>): PyGenerator => {
    const g = new PyGenerator(name, { code: { name } as Code });
    bodies.set(g, body());
    return g;
  };
  return { host, gen };
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

const { host, gen } = makeHost();
const call = (name: string, ...args: PyValue[]): PyValue =>
  callNative(BUILTINS.get(name) as PyBuiltin | PyType, args, null, host);

describe('iterators', () => {
  test('a list iterator sees items appended during iteration', () => {
    const l = new PyList([1]);
    const it = getIter(l);
    const seen: PyValue[] = [];
    for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) {
      seen.push(v);
      if (l.items.length < 3) l.items.push((v as number) + 1);
    }
    expect(seen).toEqual([1, 2, 3]);
    l.items.push(99);
    expect(iterNext(it, host)).toBeUndefined(); // exhausted iterators stay exhausted
  });

  test('str iterators step by code point', () => {
    expect(collect('a😀b', host)).toEqual(['a', '😀', 'b']);
    const it = getIter('😀x');
    expect(iterNext(it, host)).toBe('😀');
    expect(iterNext(it, host)).toBe('x');
  });

  test('dict iteration order, views, and size change', () => {
    const d = new PyDict();
    dictSet(d, 'a', 1);
    dictSet(d, 'b', 2);
    expect(collect(d, host)).toEqual(['a', 'b']);
    expect(repr(new PyList(collect(new PyDictView(d, 'items'), host)))).toBe("[('a', 1), ('b', 2)]");
    const it = getIter(d);
    expect(iterNext(it, host)).toBe('a');
    dictSet(d, 'c', 3);
    expect(error(() => iterNext(it, host))).toBe('RuntimeError: dictionary changed size during iteration');
    dictDelete(d, 'c'); // back to its size: CPython's iterator keeps raising all the same
    expect(error(() => iterNext(it, host))).toBe('RuntimeError: dictionary changed size during iteration');
  });

  test('a dict iterator walks the entry array: holes, cleared and compacted tables, keys changed', () => {
    const d = new PyDict();
    dictSet(d, 'a', 1);
    const it = getIter(d);
    expect(iterNext(it, host)).toBe('a');
    clearEntries(d);
    dictSet(d, 'e', 1); // slot 0 of a new table: behind the iterator
    expect(iterNext(it, host)).toBeUndefined();
    const g = new PyDict();
    for (const k of [0, 1]) dictSet(g, k, k);
    const it2 = getIter(g);
    expect(iterNext(it2, host)).toBe(0);
    dictDelete(g, 0);
    dictSet(g, 5, 5); // appended after a hole: ahead of the iterator
    expect(iterNext(it2, host)).toBe(1);
    expect(error(() => iterNext(it2, host))).toBe('RuntimeError: dictionary keys changed during iteration');
    expect(iterNext(it2, host)).toBeUndefined();
  });

  test('ranges, including bigint bounds and negative steps', () => {
    expect(collect(new PyRange(10, 0, -3), host)).toEqual([10, 7, 4, 1]);
    const it = getIter(new PyRange(2 ** 53 - 1, 2n ** 53n + 1n, 1));
    expect(iterNext(it, host)).toBe(2 ** 53 - 1);
    expect(iterNext(it, host)).toBe(2n ** 53n);
    expect(iterNext(it, host)).toBeUndefined();
    expect(error(() => collect(new PyRange(0, 2n ** 70n, 1), host))).toBe('OverflowError: Python int too large to convert to C ssize_t');
  });

  test('enumerate and zip', () => {
    expect(repr(call('list', call('enumerate', 'ab')))).toBe("[(0, 'a'), (1, 'b')]");
    const e = callNative(BUILTINS.get('enumerate') as PyType, ['ab'], new Map([['start', 2n ** 53n - 1n]]), host);
    expect(repr(call('list', e))).toBe("[(9007199254740991, 'a'), (9007199254740992, 'b')]");
    expect(repr(call('list', call('zip', 'abc', new PyList([1, 2]))))).toBe("[('a', 1), ('b', 2)]");
    expect(repr(call('list', call('zip')))).toBe('[]');
    const strict = callNative(BUILTINS.get('zip') as PyType, ['ab', 'abc'], new Map([['strict', true]]), host);
    expect(error(() => call('list', strict))).toBe('ValueError: zip() argument 2 is longer than argument 1');
  });

  test('errors', () => {
    expect(error(() => getIter(1))).toBe("TypeError: 'int' object is not iterable");
    expect(error(() => iterNext(new PyList([]), host))).toBe("TypeError: 'list' object is not an iterator");
    expect(error(() => call('next', new PyList([])))).toBe("TypeError: 'list' object is not an iterator");
  });
});

describe('generators run through host.resume', () => {
  test('list(), sum(), in, and next() with the return value', () => {
    expect(repr(call('list', gen('g', function* () {
      yield 1;
      yield 2;
      return null;
    })))).toBe('[1, 2]');
    expect(call('sum', gen('g', function* () {
      yield new PyFloat(0.5);
      yield 1;
      return null;
    }))).toEqual(new PyFloat(1.5));
    const g = gen('g', function* () {
      yield 1;
      yield 2;
      return 'done';
    });
    expect(contains(g, 1, host)).toBe(true);
    expect(call('next', g)).toBe(2);
    const stop = (() => {
      try {
        call('next', g);
      } catch (e) {
        return e as PyException;
      }
      throw new Error('expected StopIteration');
    })();
    expect(stop.type.name).toBe('StopIteration');
    expect(stop.value).toBe('done');
    expect(repr(stop)).toBe("StopIteration('done')");
    expect(call('next', g, 'default')).toBe('default');
    expect(repr(gen('name', function* () {
      return null;
    }))).toBe('<generator object name>');
  });
});

describe('contains', () => {
  test('sequences, strings, dicts, ranges', () => {
    expect(contains(new PyList([1, 2]), new PyFloat(2), host)).toBe(true);
    expect(contains('hello', 'ell', host)).toBe(true);
    expect(contains('hello', '', host)).toBe(true);
    expect(contains(new PyRange(0, 10, 2), 4, host)).toBe(true);
    expect(contains(new PyRange(0, 10, 2), 5, host)).toBe(false);
    expect(contains(new PyRange(0, 10, 2), new PyFloat(4), host)).toBe(true);
    expect(contains(new PyRange(0, 2n ** 70n, 1), 2n ** 69n, host)).toBe(true);
    const d = new PyDict();
    dictSet(d, 1, 'a');
    expect(contains(d, true, host)).toBe(true);
    expect(contains(new PyDictView(d, 'values'), 'a', host)).toBe(true);
    expect(contains(new PyDictView(d, 'items'), new PyTuple([1, 'a']), host)).toBe(true);
    expect(error(() => contains(5, 1, host))).toBe("TypeError: argument of type 'int' is not iterable");
    expect(error(() => contains('a', 1, host))).toBe("TypeError: 'in <string>' requires string as left operand, not int");
    expect(error(() => contains(d, new PyList([]), host))).toBe("TypeError: unhashable type: 'list'");
  });
});
