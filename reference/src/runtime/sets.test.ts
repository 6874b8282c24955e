/**
 * The set table and hashes against CPython 3.13 (values recorded with PYTHONHASHSEED=0:
 * `hash(v)`, `print(set(xs))`), so a drift from CPython's algorithms fails here first.
 */
import { NO_HOST } from './nohost';
import { repr } from './repr';
import { exactHash } from './sethash';
import { popEntry, PySet, setAdd } from './setobject';
import { newSet, setBinary, setDifferenceUpdate } from './setops';
import { PyFloat, PyList, PyTuple, type PyValue } from './values';

const set = (...xs: PyValue[]): PySet => newSet(false, new PyList(xs), NO_HOST);

describe('exact hashes (CPython 3.13, PYTHONHASHSEED=0)', () => {
  const cases: [string, PyValue, string][] = [
    ["'a'", 'a', '4644417185603328019'],
    ["'abcdefghij'", 'abcdefghij', '-829746140550000655'],
    ["'é' (UCS1)", 'é', '6047309291227476195'],
    ["'€' (UCS2)", '€', '-5529981157763016009'],
    ["'\\U0001F600x' (UCS4)", '\u{1F600}x', '-8926728262118538918'],
    ["''", '', '0'],
    ["'hello world!'", 'hello world!', '839851713330019024'],
    ['None', null, '4238894112'],
    ['1.5', new PyFloat(1.5), '1152921504606846977'],
    ['-0.1', new PyFloat(-0.1), '-230584300921369408'],
    ['1e300', new PyFloat(1e300), '1224995262755759164'],
    ['(1, 2)', new PyTuple([1, 2]), '-3550055125485641917'],
    ['()', new PyTuple([]), '5740354900026072187'],
    ["('a', None, 2.5)", new PyTuple(['a', null, new PyFloat(2.5)]), '8514818991524587862'],
    ['-1', -1, '-2'],
    ['2**70', 2n ** 70n, '512'],
    ['-(2**64)', -(2n ** 64n), '-8'],
  ];
  test.each(cases)('hash(%s)', (_name, v, expected) => {
    expect(String(exactHash(v))).toBe(expected);
  });

  test('frozenset hashes', () => {
    expect(String(exactHash(newSet(true, new PyList([1, 2]), NO_HOST)))).toBe('-1826646154956904602');
    expect(String(exactHash(newSet(true, new PyList(['a', 'b', 3]), NO_HOST)))).toBe('1176604219475937907');
    expect(String(exactHash(newSet(true, new PyList([]), NO_HOST)))).toBe('133146708735736');
  });

  test('-0.0 hashes as the int 0 (never a JS -0), and keeps its first key', () => {
    expect(Object.is(exactHash(new PyFloat(-0)), 0)).toBe(true);
    expect(repr(set(new PyFloat(-0), 0))).toBe('{-0.0}');
  });

  test('a set is unhashable', () => {
    expect(() => exactHash(set(1))).toThrow();
  });
});

describe('iteration order is the table order', () => {
  test('strings and ints, across resizes', () => {
    const s = set('apple', 'banana', 'cherry', 'date', 'elder', 'fig', 'grape', 'x', -1, -2, 8, 16, 100);
    expect(repr(s)).toBe("{'x', 'banana', 'apple', 'cherry', 'fig', 8, 100, 'date', 16, 'elder', -2, 'grape', -1}");
  });

  test('colliding ints probe linearly, then perturb', () => {
    const s = set(1, 9, 17, 25, 33, 41, 49, 57, 65, 73, 81, 89, 97, 105, 2, 10);
    expect(repr(s)).toBe('{89, 1, 33, 65, 97, 2, 9, 41, 73, 105, 10, 17, 49, 81, 25, 57}');
  });

  test('pop walks from the finger; an add reuses a dummy on its probe path', () => {
    const s = set(1, 2, 3);
    expect(popEntry(s)).toBe(1);
    expect(popEntry(s)).toBe(2);
    setAdd(s, 9);
    expect(repr(s)).toBe('{9, 3}');
    setAdd(s, 17);
    expect(repr(s)).toBe('{9, 3, 17}');
  });

  test('difference_update rebuilds a table that is more than a quarter dummies', () => {
    // CPython: sys.getsizeof(set(range(12))) is 728 (32 slots); after difference_update(range(10)), 472 (16).
    const s = set(...Array.from({ length: 12 }, (_, i) => i));
    expect(s.mask).toBe(31);
    setDifferenceUpdate(s, new PyList(Array.from({ length: 10 }, (_, i) => i)), NO_HOST);
    expect([s.mask, s.fill, s.used]).toEqual([15, 2, 2]);
    expect(repr(s)).toBe('{10, 11}');
  });

  test('a quarter of dummies or fewer stay', () => {
    const s = set(...Array.from({ length: 20 }, (_, i) => i));
    setDifferenceUpdate(s, set(...Array.from({ length: 16 }, (_, i) => i)), NO_HOST);
    expect([s.mask, s.fill, s.used]).toEqual([127, 20, 4]);
    setAdd(s, 100);
    setAdd(s, 36);
    expect(repr(s)).toBe('{16, 17, 18, 19, 36, 100}');
  });

  test('operators keep the left operand type', () => {
    const f = newSet(true, new PyList([1, 2]), NO_HOST);
    expect(repr(setBinary('|', false, f, set(3), NO_HOST)!)).toBe('frozenset({1, 2, 3})');
    expect(repr(setBinary('-', false, set(1, 2), f, NO_HOST)!)).toBe('set()');
  });
});

describe('frozenset literals', () => {
  const { parseWholeLiteral } = require('../isa/literal') as typeof import('../isa/literal');
  const { constText } = require('../isa/disassembler') as typeof import('../isa/disassembler');
  const parse = (text: string, mutable = false): PyValue => {
    const r = parseWholeLiteral(text, { mutable });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as PyValue;
  };

  test('items are added in the written order', () => {
    // CPython: list(frozenset([15, 7])) == [7, 15]; list(frozenset([7, 15])) == [15, 7] (15 wraps from slot 7 to 4).
    expect(repr(parse('frozenset({15, 7})'))).toBe('frozenset({7, 15})');
    expect(repr(parse('frozenset({7, 15})'))).toBe('frozenset({15, 7})');
    expect(repr(parse('frozenset()'))).toBe('frozenset()');
  });

  test('the disassembler writes an order that reproduces the iteration order', () => {
    for (const text of ['frozenset({15, 7})', 'frozenset({7, 15})', "frozenset({'a', 1, None, (2, 3)})"]) {
      const f = parse(text);
      expect(repr(parse(constText(f)))).toBe(repr(f));
    }
  });

  test('sets only where mutable values are allowed; unhashable items refused', () => {
    expect(repr(parse('{3, 1, 2}', true))).toBe('{1, 2, 3}');
    expect(repr(parse('set()', true))).toBe('set()');
    expect(() => parse('set()')).toThrow('sets are not allowed here');
    expect(() => parse('frozenset({[1]})', true)).toThrow('set element is not hashable');
    expect(() => parse('frozenset([1])')).toThrow("expected '{' or ')'");
  });
});
