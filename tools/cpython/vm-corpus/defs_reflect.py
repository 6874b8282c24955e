"""type(), getattr/hasattr/setattr, callable(), pow(), format(), int methods and numeric data
attributes, dict.popitem/fromkeys, list.sort/sorted keywords, and lone surrogates refused."""
B = ['builtins']
ERR = B + ['exceptions']
PROBE = '''
def probe(thunks):
    out = []
    for f in thunks:
        try:
            out.append(f())
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out
'''
FIX = [
dict(path='vm/reflect/type-of', desc='type(x) returns the class: identity with int/str/bool, __name__, repr <class ...> of builtin and iterator types, type(type), type errors',
     spec=['builtin-type', 'identity', 'print-format'], tags=ERR,
     src=PROBE + '''
def main(values):
    names = [type(v).__name__ for v in values]
    checks = [type(1) is int, type(True) is bool, type(True) is int, type('') is str, type(type) is type, type(int) is type,
              type([]) == list, type(None).__name__]
    return names, checks, repr(type(1.5)), str(type({})), [type(x) for x in (iter([]), iter(''), iter(range(2)), len, [].append)], probe([
        lambda: type(), lambda: type(1, 2), lambda: type(1, x=2), lambda: type(x=1)])
''', entry="main([1, 2.5, 'a', True, None, [], (), {}, 1208925819614629174706176])"),
dict(path='vm/reflect/getattr-hasattr', desc='getattr with 2 and 3 arguments (methods come back bound and callable), hasattr, and their errors: AttributeError messages, non-str names, argument counts',
     spec=['builtin-getattr', 'call-method', 'methods-int'], tags=ERR,
     src=PROBE + '''
def main(s, n):
    up = getattr(s, 'upper')
    app = getattr([], 'append', None)
    return (up(), getattr(n, 'real'), getattr(n, 'nope', 'dflt'), getattr(2.5, 'imag'), hasattr(s, 'split'), hasattr(s, 'nope'),
            hasattr(n, 'bit_length'), hasattr(None, 'x'), app is not None, getattr(int, '__name__'), probe([
                lambda: getattr(n, 'x'), lambda: getattr(s, 'x'), lambda: getattr(int, 'x'), lambda: getattr(n, 2), lambda: hasattr(n, 2),
                lambda: getattr(n), lambda: getattr(), lambda: getattr(n, 'x', 2, 3), lambda: hasattr(n), lambda: hasattr(n, 'x', 2)]))
''', entry="main('abc', 42)"),
dict(path='vm/reflect/setattr-errors', desc="setattr on builtin values always fails with CPython's message: new attribute (no __dict__), a method (read-only), a data attribute (not writable), an immutable type; argument errors",
     spec=['builtin-setattr', 'exception-message'], tags=ERR,
     src=PROBE + '''
def main(s, n):
    return probe([lambda: setattr(n, 'x', 2), lambda: setattr(n, 'real', 2), lambda: setattr(n, 'bit_length', 2),
                  lambda: setattr(s, 'upper', 1), lambda: setattr([], 'x', 1), lambda: setattr({}, 'get', 1),
                  lambda: setattr(len, 'x', 1), lambda: setattr(int, 'x', 1), lambda: setattr(None, 'x', 1),
                  lambda: setattr(n), lambda: setattr(n, 2, 3), lambda: setattr(n, 'x')])
''', entry="main('abc', 42)"),
dict(path='vm/reflect/callable', desc='callable() of builtins, types, Python functions, bound methods, lambdas and plain values; its argument count error',
     spec=['builtin-callable'], tags=ERR,
     src=PROBE + '''
def helper():
    return 1

def main(xs):
    return [callable(len), callable(int), callable(helper), callable(xs.append), callable(lambda: 0), callable(xs),
            callable(1), callable(None), callable('print'), callable(type(None))] + probe([lambda: callable(), lambda: callable(1, 2)])
''', entry='main([1])'),
dict(path='vm/reflect/pow-two-three', desc='pow with two arguments (int, negative exponent to float, float base, keywords base/exp/mod) and with a modulus: big results, negative modulus sign, modular inverse for negative exponents, mod 1',
     spec=['builtin-pow', 'int-power', 'call-keywords', 'int-bigint'], tags=B + ['arith', 'bigint'],
     src='''
def main(a, b, m):
    return [pow(a, b), pow(a, -2), pow(2.5, 2), pow(base=a, exp=3), pow(a, b, m), pow(a, b, mod=m), pow(10 ** 20, 3, 10 ** 9 + 7),
            pow(3, 4, -5), pow(5, 2, -7), pow(2, -1, 7), pow(7, -2, 10), pow(3, -1, 1), pow(0, 0, 1), pow(True, 2, 3),
            pow(-3, 3, 7), pow(12345678901234567890, 98765, 2 ** 61 - 1), pow(3, -5, 2 ** 70 + 1), pow(a, 0), pow(0, 0)]
''', entry='main(7, 13, 11)'),
dict(path='vm/reflect/pow-errors', desc='pow errors: zero modulus, non-invertible base, a float with a modulus, wrong types (the three-operand message), 0 to a negative power, argument counts',
     spec=['builtin-pow', 'exception-message', 'zero-division'], tags=ERR,
     src=PROBE + '''
def main(a):
    return probe([lambda: pow(a, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow(2, 3.0, 5), lambda: pow(2, 3, 2.0),
                  lambda: pow('a', 2), lambda: pow('a', 2, 3), lambda: pow(2, 3, 'x'), lambda: pow(0, -1), lambda: pow(0.0, -1),
                  lambda: pow(a), lambda: pow(a, 2, 3, 4), lambda: pow(), lambda: pow(a, 2, mod=None), lambda: pow(a, 2, None)])
''', entry='main(2)'),
dict(path='vm/reflect/bin-oct-hex-ascii', desc="bin/oct/hex of small, negative, zero, bool and big ints (the sign before the prefix); ascii() escapes non-ASCII characters; their TypeErrors",
     spec=['builtin-bin-oct-hex', 'builtin-ascii', 'int-bigint'], tags=ERR + ['bigint'],
     src=PROBE + '''
def main(xs, s):
    return [(bin(x), oct(x), hex(x)) for x in xs] + [ascii(s), ascii([s, 1]), ascii('plain')] + probe([
        lambda: hex(2.0), lambda: bin(), lambda: oct(1, 2), lambda: bin(x=1), lambda: ascii(), lambda: hex('a')])
''', entry="main([0, 5, -5, 255, True, -1180591620717411303424], 'caf\u00e9 \u2603')"),
dict(path='vm/reflect/issubclass-object', desc='issubclass over the builtin and exception hierarchies (tuples tried in order) and its errors; object() sentinels equal only to themselves, found with `is` in a lookup loop',
     spec=['builtin-issubclass', 'builtin-object', 'builtin-isinstance', 'identity'], tags=ERR,
     src=PROBE + '''
def find(items, key, missing):
    for k, v in items:
        if k == key:
            return v
    return missing

def main(pairs):
    missing = object()
    other = object()
    found = [find(pairs, k, missing) is missing for k in ('a', 'z', 'b')]
    checks = [issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, (ValueError, LookupError)), issubclass(int, object),
              issubclass(ZeroDivisionError, ArithmeticError), issubclass(int, (int, 1)), missing == other, missing == missing,
              isinstance(missing, object), type(missing) is object, isinstance(3, object)]
    return found, checks, probe([lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: issubclass(int, (str, 1)),
                                 lambda: issubclass(int), lambda: issubclass(int, x=1), lambda: object(1)])
''', entry="main([('a', 1), ('b', None)])"),
dict(path='vm/reflect/format-builtin', desc='format(value[, spec]) of ints, floats, strs, bools and other values; a non-str spec, keywords and argument counts raise TypeError',
     spec=['builtin-format', 'str-format'], tags=ERR + ['float'],
     src=PROBE + '''
def main(n, x):
    return [format(n), format(n, ','), format(n, '>10'), format(x, '.3e'), format('ab', '^6'), format(True), format(True, 'd'),
            format([1, 2]), format(None, ''), format(x, ''), format(n, 'b')] + probe([lambda: format(n, 2), lambda: format(),
            lambda: format(n, 'x', 'y'), lambda: format(None, 'x'), lambda: format(x, spec='x'), lambda: format(n, 'q')])
''', entry='main(1234567, 2.5)'),
dict(path='vm/reflect/int-methods', desc='int.bit_length and bit_count on small, negative, zero, bool and big ints; is_integer, as_integer_ratio; the data attributes real/imag/numerator/denominator; int.bit_length(5) through the type; argument errors',
     spec=['methods-int', 'call-method', 'op-LOAD_ATTR', 'int-bigint'], tags=ERR + ['bigint'],
     src=PROBE + '''
def main(xs):
    out = []
    for x in xs:
        out.append((x.bit_length(), x.bit_count(), x.is_integer(), x.as_integer_ratio(), x.real, x.imag, x.numerator, x.denominator))
    return out, int.bit_length(5), (2.0).is_integer(), (2.5).is_integer(), (1.5).real, (1.5).imag, True.real, probe([
        lambda: (5).bit_length(1), lambda: (5).bit_count(1), lambda: (5).nope, lambda: (1.5).numerator])
''', entry='main([0, 1, -1, 255, -256, 9007199254740992, -1180591620717411303423, True, 12345678901234567890])'),
dict(path='vm/reflect/dict-popitem-fromkeys', desc='dict.popitem takes the last item (LIFO), empty dict KeyError; dict.fromkeys from a str, a list and a range with and without a value (one shared value), through the type and an instance; update from a mapping, pairs and kwargs; setdefault and pop',
     spec=['methods-dict', 'call-keywords', 'dict-ops'], tags=ERR + ['containers'],
     src=PROBE + '''
def main(d):
    popped = [d.popitem(), d.popitem()]
    d['z'] = 26
    shared = dict.fromkeys(['a', 'b'], [])
    shared['a'].append(1)
    e = {}
    e.update({'x': 1}, y=2)
    e.update([('z', 3), ('x', 9)])
    e.update(w=0)
    r = [popped, d, dict.fromkeys('abc'), dict.fromkeys(range(3), 0), {}.fromkeys([1, 2], 'v'), shared, e, e.setdefault('q', 5),
         e.setdefault('x'), e.pop('q'), e.pop('nope', 'dflt'), e]
    return r + probe([lambda: {}.popitem(), lambda: d.popitem(1), lambda: dict.fromkeys(), lambda: dict.fromkeys(1),
                      lambda: dict.fromkeys([[]]), lambda: e.pop('nope'), lambda: e.update(1), lambda: e.update([(1, 2, 3)])])
''', entry="main({'a': 1, 'b': 2, 'c': 3})"),
dict(path='vm/reflect/popitem-iteration-order', desc='popitem leaves holes behind, later insertions go after them: a dict emptied by popitem and refilled keeps insertion order',
     spec=['methods-dict', 'dict-ops'], tags=B + ['containers'],
     src='''
def main(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    del d[2]
    out = []
    while len(d) > 3:
        out.append(d.popitem())
    for i in range(n, n + 4):
        d[i] = -i
    out.append(list(d.items()))
    return out
''', entry='main(9)'),
dict(path='vm/reflect/sort-keywords', desc='list.sort and sorted with every keyword: key (builtin, lambda, str.lower), reverse (stable: equal keys keep their order), both; keyword errors',
     spec=['builtin-sorted', 'methods-list', 'call-keywords'], tags=ERR + ['containers'],
     src=PROBE + '''
def main(words):
    xs = list(words)
    xs.sort(key=len)
    ys = list(words)
    ys.sort(key=len, reverse=True)
    zs = list(words)
    zs.sort(reverse=True)
    return [xs, ys, zs, sorted(words, key=str.lower), sorted(words, key=lambda w: w[-1], reverse=True), sorted(words, key=None, reverse=False),
            sorted([(1, 'b'), (0, 'a'), (1, 'a')], reverse=True), sorted([3, 1, 2], reverse=2)] + probe([
                lambda: sorted(), lambda: sorted(words, None), lambda: [].sort(1), lambda: [].sort(reverse=1, key=2, x=3),
                lambda: [1].sort(foo=1), lambda: sorted([1, 'a']), lambda: sorted(words, key=1)])
''', entry="main(['pear', 'Fig', 'apple', 'kiwi', 'date', 'Plum', 'fig'])"),
dict(path='vm/reflect/unbound-methods', desc="Methods looked up on their type (str.upper, int.bit_length, list.append) are one object each, check their receiver like CPython's method descriptors, and serve as key functions",
     spec=['call-method', 'methods-str', 'methods-int', 'builtin-sorted', 'exception-message'], tags=ERR,
     src=PROBE + '''
def main(words):
    xs = []
    list.append(xs, 3)
    return [str.upper('abc'), str.upper is str.upper, repr(str.upper), repr(int.bit_length), int.bit_length(True), xs,
            sorted(words, key=str.lower), list(map(str.title, words)), dict.get({'a': 1}, 'a'), str.format('{}-{}', 1, 2)] + probe([
        lambda: str.upper(), lambda: str.upper(5), lambda: list.append(1, 2), lambda: dict.get([], 1), lambda: int.bit_length(2.0),
        lambda: float.is_integer(1), lambda: str.format(), lambda: sorted([1, 2], key=str.lower), lambda: list.append([])])
''', entry="main(['b', 'A', 'c'])"),
dict(path='vm/reflect/surrogates-refused', desc="chr() of a surrogate code point raises optcert's ValueError (spec/values.md#str-code-points; CPython returns a lone surrogate): a documented difference, expectation written by hand",
     spec=['str-code-points', 'builtin-chr'], tags=ERR,
     src='''
def main(cp):
    return chr(cp)
''', entry='main(55357)',
     expect={'raises': 'ValueError', 'message': 'chr(): U+D83D is a surrogate code point, which optcert does not support (spec/values.md#str-code-points)'}),
]
