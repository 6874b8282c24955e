BT = ['builtins']
FIX = [
dict(path='vm/builtins/range-len-sum', desc='range with 1, 2 and 3 arguments (negative step), len(range), sum(range) and list(range)',
     spec=['builtin-range', 'builtin-len', 'builtin-sum', 'builtin-list'], tags=BT,
     src='''
def main(n):
    return sum(range(n)), len(range(0, n, 3)), list(range(n, 0, -3)), list(range(2, 5)), len(range(5, 0)), sum([0.5, 1], 10)
''', entry='main(10)'),
dict(path='vm/builtins/min-max-abs', desc='min/max over arguments and over an iterable (first extreme wins on ties), abs of ints, floats and bigints',
     spec=['builtin-min', 'builtin-max', 'builtin-abs'], tags=BT,
     src='''
def main(xs):
    return min(xs), max(xs), min(3, 1.0, 1), max('abc'), abs(-5), abs(-2.5), abs(-18446744073709551616), max(xs[0], xs[-1])
''', entry='main([4, -2, 9, 1])'),
dict(path='vm/builtins/min-empty', desc='min() of an empty iterable raises ValueError: min() iterable argument is empty',
     spec=['builtin-min', 'exception-message'], tags=BT + ['exceptions'],
     src='''
def main(xs):
    return min(xs)
''', entry='main([])'),
dict(path='vm/builtins/enumerate-zip', desc='enumerate with a start, zip stopping at the shortest input, both consumed by list() and by for',
     spec=['builtin-enumerate', 'builtin-zip', 'builtin-list'], tags=BT,
     src='''
def main(xs, s):
    pairs = []
    for i, x in enumerate(xs):
        pairs.append(i * x)
    return list(enumerate(s, 1)), list(zip(xs, s)), pairs, list(zip())
''', entry="main([10, 20, 30], 'ab')"),
dict(path='vm/builtins/sorted-dict-tuple', desc='sorted() of ints, strings and tuples, with reverse=True (CALL_KW on a builtin); dict() and tuple() constructors',
     spec=['builtin-sorted', 'builtin-dict', 'builtin-tuple', 'call-keywords', 'call-builtin'], tags=BT,
     src='''
def main(xs):
    return sorted(xs), sorted(xs, reverse=True), sorted('cba'), sorted([(2, 'a'), (1, 'b')]), dict([('k', 1), ('j', 2)]), tuple(xs), tuple('ab'), dict(a=1), xs
''', entry='main([3, 1, 2])'),
dict(path='vm/builtins/iter-next', desc='iter() of a list, next() until exhaustion, then next(it, default) returns the default',
     spec=['builtin-iter', 'builtin-next'], tags=BT,
     src='''
def main(xs):
    it = iter(xs)
    a = next(it)
    b = next(it)
    c = next(it, 'done')
    d = next(it, 'still done')
    return a, b, c, d
''', entry='main([1, 2])'),
dict(path='vm/builtins/next-exhausted', desc='next() on an exhausted iterator raises StopIteration with an empty message',
     spec=['builtin-next', 'builtin-iter', 'exception-uncaught'], tags=BT + ['exceptions'],
     src='''
def main(xs):
    it = iter(xs)
    print(next(it))
    return next(it)
''', entry='main([1])'),
dict(path='vm/builtins/isinstance', desc='isinstance with a single type, a tuple of types, bool as a subclass of int, and exception classes',
     spec=['builtin-isinstance', 'value-bool', 'exception-types'], tags=BT,
     src='''
def main(x):
    return isinstance(x, int), isinstance(x, (str, float)), isinstance(True, int), isinstance(1.0, int), isinstance('s', str), isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(ValueError('v'), Exception), isinstance(x, bool)
''', entry='main(3)'),
dict(path='vm/builtins/repr-str', desc='repr() and str() of ints, floats, strings, None, bools, lists, tuples and dicts',
     spec=['builtin-repr', 'builtin-str', 'str-repr', 'float-repr'], tags=BT + ['str'],
     src='''
def main(x):
    return [repr(x), str(x), repr('q'), str('q'), repr(None), repr([1, 'a']), str([1, 'a']), repr((1,)), repr({1: 'x'}), str(2.0), repr(True)]
''', entry='main(1.5)'),
dict(path='vm/builtins/len-of-containers', desc='len() of list, tuple, dict, str and range, and TypeError for len(int)',
     spec=['builtin-len', 'exception-message'], tags=BT + ['exceptions'],
     src='''
def main(n):
    print(len([1, 2]), len((1,)), len({'a': 1}), len('abc'), len(range(n)))
    return len(n)
''', entry='main(7)'),
dict(path='vm/builtins/list-of-iterables', desc='list() of a tuple, str, dict (keys), range and another list (a copy)',
     spec=['builtin-list', 'builtin-tuple'], tags=BT + ['containers'],
     src='''
def main(xs):
    c = list(xs)
    c.append(0)
    return list((1, 2)), list('ab'), list({'k': 1, 'j': 2}), list(range(3)), c, xs, list(), tuple()
''', entry='main([9])'),
]

FIX += [
dict(path='vm/builtins/ord-chr', desc='ord() and chr() round-trip over ASCII and BMP characters; chr(True); a Caesar shift built with both',
     spec=['builtin-ord', 'builtin-chr', 'str-ops'], tags=BT + ['str'],
     src='''
def main(text, k):
    out = ''
    for c in text:
        if 'a' <= c <= 'z':
            out += chr((ord(c) - ord('a') + k) % 26 + ord('a'))
        else:
            out += c
    return out, ord('A'), ord('\\u00e9'), chr(945), chr(True), ord(chr(0xffff)), [ord(c) for c in 'az']
''', entry="main('hello, world', 3)"),
dict(path='vm/builtins/ord-chr-errors', desc="ord() of a longer str or a non-str and chr() out of range or of a float raise with CPython's messages",
     spec=['builtin-ord', 'builtin-chr', 'exception-message'], tags=BT + ['exceptions'],
     src='''
def main():
    for f, x in ((ord, 'ab'), (ord, ''), (ord, 5), (chr, -1), (chr, 0x110000), (chr, 2 ** 70), (chr, 1.5), (chr, '7')):
        try:
            f(x)
        except (TypeError, ValueError) as e:
            print(isinstance(e, TypeError), e)
    return ord()
'''),
dict(path='vm/builtins/divmod-ints-floats', desc='divmod() of ints (floor semantics, bigints, bools) and floats (CPython float_divmod, signed zeros, mixed int/float)',
     spec=['builtin-divmod', 'int-floordiv', 'int-modulo', 'float-floordiv-modulo'], tags=BT + ['arith', 'float'],
     src='''
def main(a, b):
    return (divmod(a, b), divmod(-a, b), divmod(a, -b), divmod(2 ** 70, 7), divmod(-2 ** 70, 7), divmod(True, 2),
            divmod(-7.5, 2), divmod(7, 0.5), divmod(-0.0, 1.0), divmod(0.0, -1.0), divmod(1e308, 1e-308), divmod(5.5, -2))
''', entry='main(7, 2)'),
dict(path='vm/builtins/divmod-errors', desc='divmod() by an int zero, of a str, and with one argument, caught; then by a float zero escapes: ZeroDivisionError: float divmod()',
     spec=['builtin-divmod', 'zero-division', 'exception-message', 'exception-uncaught'], tags=BT + ['exceptions'],
     src='''
def main(n):
    try:
        divmod(n, 0)
    except ZeroDivisionError as e:
        print(e)
    try:
        divmod('a', n)
    except TypeError as e:
        print(e)
    try:
        divmod(n)
    except TypeError as e:
        print(e)
    return divmod(n, 0.0)
''', entry='main(3)'),
dict(path='vm/builtins/round-half-even', desc='round() of floats and ints: halfway cases to even, exact decimal rounding with ndigits, negative ndigits, signed zeros, huge ndigits',
     spec=['builtin-round', 'float-repr'], tags=BT + ['float', 'arith'],
     src='''
def main(x):
    return [round(2.5), round(3.5), round(-0.5), round(-1.5), round(0.49999999999999994), round(x), round(x, 1),
            round(0.125, 2), round(2.675, 2), round(-0.4, 0), round(1.5, None), round(123.456, -2), round(-123.456, -2),
            round(1e300, -400), round(-1e300, -400), round(1.23456, 400), round(5e-324, 400), round(1.0, 2 ** 70),
            round(15, -1), round(25, -1), round(-25, -1), round(2 ** 70 + 5, -1), round(7, 2), round(True), round(True, -1),
            round(0.1 + 0.2, 15), round(1234.5678, 2), round(-0.0), round(0.0, 3), round(float('inf'), 2)]
''', entry='main(7.45)'),
dict(path='vm/builtins/round-errors', desc="round() of a str, with a float ndigits, of inf and of nan raise with CPython's messages; keyword arguments work",
     spec=['builtin-round', 'float-special', 'exception-message', 'call-keywords'], tags=BT + ['exceptions', 'float'],
     src='''
def main():
    for args in (('a',), (1.5, 1.0), (float('inf'),), (float('nan'),), (float('-inf'),)):
        try:
            if len(args) == 1:
                round(args[0])
            else:
                round(args[0], args[1])
        except (TypeError, ValueError, OverflowError) as e:
            print(isinstance(e, TypeError), isinstance(e, ValueError), e)
    print(round(number=2.5), round(2.25, ndigits=1))
    return round()
'''),
dict(path='vm/builtins/any-all', desc='any() and all() stop at the first deciding item (a generator shows how many items were taken); empty iterables',
     spec=['builtin-any', 'builtin-all', 'generator-builtin-consume', 'truthiness'], tags=BT + ['generators', 'output'],
     src='''
def noisy(xs):
    for x in xs:
        print('take', x)
        yield x


def main():
    a = any(noisy([0, '', 3, 4]))
    b = all(noisy([1, 'x', 0, 5]))
    return a, b, any([]), all([]), any(x > 2 for x in range(5)), all(x < 5 for x in range(5)), any({}), all([[]])
'''),
dict(path='vm/builtins/reversed-seqs', desc='reversed() of lists, tuples, strs and ranges (positive, negative and empty steps); a list shrinking under its reverse iterator',
     spec=['builtin-reversed', 'builtin-list'], tags=BT + ['containers'],
     src='''
def main(xs):
    it = reversed(xs)
    first = next(it)
    xs.pop()
    xs.pop()
    rest = list(it)
    return (first, rest, list(reversed((1, 2, 3))), ''.join(reversed('stressed')), list(reversed(range(0, 10, 3))),
            list(reversed(range(5, 0, -2))), list(reversed(range(0))), [c for c in reversed('ab')], list(reversed([])))
''', entry='main([1, 2, 3, 4, 5])'),
dict(path='vm/builtins/reversed-errors', desc='reversed() of an int or a generator is not reversible; len() of a reverse iterator names its type',
     spec=['builtin-reversed', 'builtin-len', 'exception-message'], tags=BT + ['exceptions'],
     src='''
def main():
    for x in (5, (i for i in range(3))):
        try:
            reversed(x)
        except TypeError as e:
            print(e)
    for x in ([1], (1,), 'a', range(2)):
        try:
            len(reversed(x))
        except TypeError as e:
            print(e)
    return isinstance(reversed('a'), reversed), isinstance(reversed([]), reversed), reversed()
'''),
dict(path='vm/builtins/map-filter', desc='map() with a builtin, a lambda and two iterables (stops at the shortest); filter() with None and with a lambda; both lazy',
     spec=['builtin-map', 'builtin-filter', 'call-builtin', 'generator-builtin-consume'], tags=BT + ['generators', 'output'],
     src='''
def noisy(xs):
    for x in xs:
        print('take', x)
        yield x


def main(xs):
    m = map(lambda x: x * 10, noisy(xs))
    print('made')
    first = next(m)
    return (first, list(m), list(map(abs, [-1, 2, -3])), list(map(divmod, [7, 8, 9], [2, 3])),
            list(filter(None, [0, 1, '', 'a', [], [0]])), list(filter(lambda x: x % 2, range(10))),
            sum(map(len, ['ab', 'cde'])), isinstance(map(abs, []), map), isinstance(filter(None, []), filter))
''', entry='main([1, 2, 3])'),
dict(path='vm/builtins/map-filter-errors', desc='map() and filter() argument errors, a non-callable func failing at the first item, and an exception escaping from the mapped lambda',
     spec=['builtin-map', 'builtin-filter', 'call-not-callable', 'exception-message', 'exception-uncaught'], tags=BT + ['exceptions'],
     src='''
def main(xs):
    for make in (lambda: map(abs), lambda: filter(None), lambda: map(abs, 5), lambda: list(map(1, [1]))):
        try:
            make()
        except TypeError as e:
            print(e)
    return list(map(lambda x: 10 // x, xs))
''', entry='main([5, 2, 0, 1])'),
]

FIX += [
dict(path='vm/builtins/round-many', desc='round() over hundreds of floats with 0..6 digits and over exact binary ties (k / 8 to 2 digits, k + 0.5 to an int): every result as CPython rounds it',
     spec=['builtin-round', 'float-repr'], tags=BT + ['float'],
     src='''
def main(n):
    out = []
    x = 0.001
    for k in range(n):
        x = x * 1.37 + 0.013
        if x > 1000:
            x = x / 997
        out.append(round(x, k % 7))
        out.append(round(-x, (k + 3) % 7 - 2))
    ties = [round(k / 8, 2) for k in range(-40, 40)]
    halves = [round(k + 0.5) for k in range(-6, 6)]
    return out[-12:], sum(out), ties, halves
''', entry='main(300)'),
]
