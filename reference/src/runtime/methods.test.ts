/** Attribute lookup and list/dict/str methods (CPython 3.13 results and messages). */
import { loadAttr, loadMethod } from './attrs';
import { BUILTINS } from './builtins';
import { callNative } from './call';
import { dictSet } from './dict';
import { exceptionStr, newException } from './exceptions';
import { repr } from './repr';
import { StopIteration, ValueError } from './types';
import { PyBoundMethod, PyBuiltin, PyDict, PyException, PyFloat, PyList, PyTuple, type Host, type PyValue } from './values';

const host: Host = {
  write: () => {},
  resume: () => {
    throw new Error('no generators in this test');
  },
};

/** obj.name(*args, **kwargs) the way the interpreter does it: LOAD_ATTR method bit, then CALL. */
function m(obj: PyValue, name: string, args: PyValue[] = [], kwargs: Record<string, PyValue> = {}): PyValue {
  const kw = Object.keys(kwargs).length ? new Map(Object.entries(kwargs)) : null;
  const found = loadMethod(obj, name);
  if ('method' in found) return callNative(found.method, [found.self, ...args], kw, host);
  return callNative(found.attr as PyBuiltin, args, kw, host);
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

const list = (...items: PyValue[]): PyList => new PyList(items);

describe('attribute lookup', () => {
  test('loadMethod gives the unbound method and self; loadAttr binds it', () => {
    const l = list();
    const found = loadMethod(l, 'append');
    expect('method' in found && found.self === l).toBe(true);
    const bound = loadAttr(l, 'append');
    expect(bound).toBeInstanceOf(PyBoundMethod);
    callNative(bound as PyBoundMethod, [5], null, host);
    expect(repr(l)).toBe('[5]');
  });

  test('data attributes come back as {attr}', () => {
    const e = newException(StopIteration, 7);
    expect(loadMethod(e, 'value')).toEqual({ attr: 7 });
    expect(repr(loadAttr(newException(ValueError, 'x', 1), 'args'))).toBe("('x', 1)");
    expect(loadAttr(BUILTINS.get('int')!, '__name__')).toBe('int');
  });

  test('AttributeError messages', () => {
    expect(error(() => loadAttr(list(), 'foo'))).toBe("AttributeError: 'list' object has no attribute 'foo'");
    expect(error(() => loadMethod(null, 'foo'))).toBe("AttributeError: 'NoneType' object has no attribute 'foo'");
    expect(error(() => loadAttr(BUILTINS.get('int')!, 'foo'))).toBe("AttributeError: type object 'int' has no attribute 'foo'");
    expect(error(() => loadAttr(newException(ValueError), 'value'))).toBe("AttributeError: 'ValueError' object has no attribute 'value'");
  });

  test('methods reached through the type take the receiver first', () => {
    const append = loadAttr(BUILTINS.get('list')!, 'append') as PyBuiltin;
    const l = list();
    callNative(append, [l, 1], null, host);
    expect(repr(l)).toBe('[1]');
    expect(m(',', 'join', [list('a', 'b')])).toBe('a,b');
  });
});

describe('list methods', () => {
  test('mutators', () => {
    const l = list(1, 2, 3);
    expect(m(l, 'pop')).toBe(3);
    expect(m(l, 'pop', [0])).toBe(1);
    m(l, 'insert', [-10, 0]);
    m(l, 'insert', [10, 9]);
    m(l, 'extend', ['ab']);
    expect(repr(l)).toBe("[0, 2, 9, 'a', 'b']");
    m(l, 'remove', ['a']);
    m(l, 'reverse');
    expect(repr(l)).toBe("['b', 9, 2, 0]");
    m(l, 'clear');
    expect(repr(l)).toBe('[]');
  });

  test('queries', () => {
    const l = list(1, 2, 1);
    expect(m(l, 'index', [1, 1])).toBe(2);
    expect(m(l, 'index', [2, -100, 100])).toBe(1);
    expect(m(list(1, new PyFloat(1), true, 2), 'count', [1])).toBe(3);
    expect(m(l, 'copy')).not.toBe(l);
  });

  test('sort with reverse, stable', () => {
    const l = list(new PyTuple([2, 'b']), new PyTuple([1, 'z']), new PyTuple([2, 'a']));
    expect(m(l, 'sort')).toBeNull();
    expect(repr(l)).toBe("[(1, 'z'), (2, 'a'), (2, 'b')]");
    const r = list(1, new PyFloat(1), true);
    m(r, 'sort', [], { reverse: true });
    expect(repr(r)).toBe('[1, 1.0, True]');
  });

  test('errors', () => {
    expect(error(() => m(list(), 'pop'))).toBe('IndexError: pop from empty list');
    expect(error(() => m(list(1), 'pop', [5]))).toBe('IndexError: pop index out of range');
    expect(error(() => m(list(1), 'pop', ['a']))).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(error(() => m(list(1), 'pop', [1, 2]))).toBe('TypeError: pop expected at most 1 argument, got 2');
    expect(error(() => m(list(), 'pop', [], { x: 1 }))).toBe('TypeError: list.pop() takes no keyword arguments');
    expect(error(() => m(list(), 'append'))).toBe('TypeError: list.append() takes exactly one argument (0 given)');
    expect(error(() => m(list(), 'insert', [1]))).toBe('TypeError: insert expected 2 arguments, got 1');
    expect(error(() => m(list(1), 'insert', [10n ** 30n, 5]))).toBe('OverflowError: Python int too large to convert to C ssize_t');
    expect(error(() => m(list(), 'index', [1]))).toBe('ValueError: 1 is not in list');
    expect(error(() => m(list(1), 'index', [1, 'a']))).toBe('TypeError: slice indices must be integers or have an __index__ method');
    expect(error(() => m(list(), 'remove', [1]))).toBe('ValueError: list.remove(x): x not in list');
    expect(error(() => m(list(), 'reverse', [1]))).toBe('TypeError: list.reverse() takes no arguments (1 given)');
    expect(error(() => m(list(), 'sort', [1]))).toBe('TypeError: sort() takes no positional arguments');
    expect(error(() => m(list(), 'sort', [], { reverse: 1, key: null, x: 1 }))).toBe('TypeError: sort() takes at most 2 keyword arguments (3 given)');
    expect(error(() => m(list(1, 'a', 2), 'sort'))).toBe("TypeError: '<' not supported between instances of 'str' and 'int'");
  });
});

describe('dict methods', () => {
  const make = (): PyDict => {
    const d = new PyDict();
    dictSet(d, 1, 2);
    return d;
  };

  test('get, setdefault, pop, update, views', () => {
    const d = make();
    expect(m(d, 'get', [true])).toBe(2);
    expect(m(d, 'get', [3])).toBeNull();
    expect(m(d, 'get', [3, 4])).toBe(4);
    expect(m(d, 'setdefault', [5])).toBeNull();
    expect(m(d, 'setdefault', [5, 6])).toBeNull();
    expect(m(d, 'pop', [5])).toBeNull();
    expect(m(d, 'pop', [5, 'dflt'])).toBe('dflt');
    m(d, 'update', [list(new PyTuple([1, 5]))], { a: 1 });
    expect(repr(d)).toBe("{1: 5, 'a': 1}");
    expect(repr(m(d, 'keys'))).toBe("dict_keys([1, 'a'])");
    expect(repr(m(d, 'items'))).toBe("dict_items([(1, 5), ('a', 1)])");
    const c = m(d, 'copy');
    m(d, 'clear');
    expect(repr(c)).toBe("{1: 5, 'a': 1}");
    expect(repr(d)).toBe('{}');
  });

  test('errors', () => {
    expect(error(() => m(make(), 'pop', [9]))).toBe('KeyError: 9');
    expect(error(() => m(make(), 'get'))).toBe('TypeError: get expected at least 1 argument, got 0');
    expect(error(() => m(make(), 'get', [list()]))).toBe("TypeError: unhashable type: 'list'");
    expect(error(() => m(make(), 'get', [], { x: 1 }))).toBe('TypeError: dict.get() takes no keyword arguments');
    expect(error(() => m(make(), 'keys', [1]))).toBe('TypeError: dict.keys() takes no arguments (1 given)');
    expect(error(() => m(make(), 'update', [1, 2]))).toBe('TypeError: update expected at most 1 argument, got 2');
    expect(error(() => m(make(), 'update', [list(1)]))).toBe('TypeError: cannot convert dictionary update sequence element #0 to a sequence');
  });
});

describe('str methods', () => {
  test.each<[string, string, PyValue[], Record<string, PyValue>, string]>([
    [' a  b ', 'split', [], {}, "['a', 'b']"],
    ['a,b,,c', 'split', [','], {}, "['a', 'b', '', 'c']"],
    ['  a  b  ', 'split', [null, 1], {}, "['a', 'b  ']"],
    ['a b c', 'split', [], { maxsplit: 1 }, "['a', 'b c']"],
    ['a\u3000b\x1cc\x85d\ufeffe', 'split', [], {}, "['a', 'b', 'c', 'd\\ufeffe']"],
    ['aBc', 'upper', [], {}, "'ABC'"],
    ['ß', 'upper', [], {}, "'SS'"],
    ['aBc', 'lower', [], {}, "'abc'"],
    ['xaxyx', 'strip', ['xy'], {}, "'a'"],
    ['\u3000a\x1c', 'strip', [], {}, "'a'"],
    ['  a  ', 'lstrip', [], {}, "'a  '"],
    ['  a  ', 'rstrip', [], {}, "'  a'"],
    ['abc', 'startswith', [new PyTuple(['x', 'a'])], {}, 'True'],
    ['abc', 'startswith', ['', 5], {}, 'False'],
    ['abc', 'endswith', ['b', 0, 2], {}, 'True'],
    ['aaa', 'replace', ['a', 'b', 2], {}, "'bba'"],
    ['aaa', 'replace', ['a', 'b'], { count: 1 }, "'baa'"],
    ['abc', 'replace', ['', '-'], {}, "'-a-b-c-'"],
    ['abc', 'replace', ['', '-', 2], {}, "'-a-bc'"],
    ['abcb', 'find', ['b', 2], {}, '3'],
    ['abc', 'find', ['', 5], {}, '-1'],
    ['a😀b', 'find', ['b'], {}, '2'],
    ['aaa', 'count', [''], {}, '4'],
    ['abcabc', 'count', ['bc', 2, 6], {}, '1'],
    ['١٢', 'isdigit', [], {}, 'True'],
    ['²', 'isdigit', [], {}, 'True'],
    ['', 'isdigit', [], {}, 'False'],
    ['é', 'isalpha', [], {}, 'True'],
    ['a1', 'isalpha', [], {}, 'False'],
  ])('%j.%s(%j, %j) == %s', (s, name, args, kwargs, expected) => {
    expect(repr(m(s, name, args, kwargs))).toBe(expected);
  });

  test('errors', () => {
    expect(error(() => m(',', 'join', [list(1)]))).toBe('TypeError: sequence item 0: expected str instance, int found');
    expect(error(() => m(',', 'join', [1]))).toBe('TypeError: can only join an iterable');
    expect(error(() => m('a', 'split', ['']))).toBe('ValueError: empty separator');
    expect(error(() => m('a', 'split', [1]))).toBe('TypeError: must be str or None, not int');
    expect(error(() => m('a', 'split', ['a', 1, 2]))).toBe('TypeError: split() takes at most 2 arguments (3 given)');
    expect(error(() => m('a', 'strip', [1]))).toBe('TypeError: strip arg must be None or str');
    expect(error(() => m('a', 'strip', [], { chars: 'a' }))).toBe('TypeError: str.strip() takes no keyword arguments');
    expect(error(() => m('a', 'startswith', [1]))).toBe('TypeError: startswith first arg must be str or a tuple of str, not int');
    expect(error(() => m('a', 'replace', ['a']))).toBe('TypeError: replace() takes at least 2 positional arguments (1 given)');
    expect(error(() => m('a', 'find', [1]))).toBe('TypeError: find() argument 1 must be str, not int');
    expect(error(() => m('a', 'upper', [1]))).toBe('TypeError: str.upper() takes no arguments (1 given)');
    expect(error(() => m('a', 'foo'))).toBe("AttributeError: 'str' object has no attribute 'foo'");
  });
});
