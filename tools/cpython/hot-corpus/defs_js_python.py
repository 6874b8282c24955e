"""Values on which JavaScript and Python disagree, each inside a hot loop whose operand types or
values change on a later iteration: what an executor that specialised on the first iterations
(or that computes with JS numbers and strings) gets wrong. Read by build.py; the expectation of
each comes from CPython 3.13."""

T = ['hot-types', 'cpython']

FIX = [
dict(path='hot/types/js-python-int-overflow', desc='An accumulator multiplied in a hot loop crosses 2**31, 2**53 and 2**64: exact ints throughout, never a rounded double or a wrapped int32',
     spec=['executor-edges', 'int-representation', 'int-bigint', 'op-BINARY_OP'], tags=T + ['bigint'],
     src='''
def main(n):
    x = 1
    seen = []
    for i in range(n):
        x = x * 3 + 1
        if i % 10 == 9:
            seen.append(x)
        y = x - 1
    return seen, x % 1000, y // 3 == x // 3, x & 0xFFFFFFFF, x >> 40
''', entry='main(60)'),
dict(path='hot/types/js-python-int-float-boundary', desc='ints against floats around 2**53 in a hot loop: == and < compare exactly (2**53 + 1 != float(2**53 + 1)), int / int rounds once',
     spec=['executor-edges', 'numeric-compare-mixed', 'float-truediv', 'op-COMPARE_OP'], tags=T + ['bigint', 'float'],
     src='''
def main(n):
    out = []
    base = 2**53 - 3
    for i in range(n):
        k = base + i
        fk = float(k)
        out.append((k == fk, k < fk, k > fk, k / 3, (k * 7) // 2, -k // 2))
    return out
''', entry='main(8)'),
dict(path='hot/types/js-python-negzero', desc='-0.0 in a hot loop over floats and ints: its repr, negation, sum with 0.0, equality with 0, as a dict key, truthiness, and division by it',
     spec=['executor-edges', 'float-special', 'float-repr', 'zero-division', 'op-UNARY_NEGATIVE'], tags=T + ['float'],
     src='''
def main(values):
    out = []
    d = {}
    for v in values:
        w = -v
        d[w] = repr(w)
        out.append((repr(w), repr(w + 0.0), repr(w * 1), w == 0, bool(w), repr(abs(w))))
        try:
            out.append(1 / w)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out, d
''', entry='main([0.0, 0, 1.5, 0.0, -0.0, 0, -0.0])'),
dict(path='hot/types/js-python-nan', desc='nan in a hot loop: never equal to itself yet found by identity in a list and as a dict key; a fresh nan is another key; comparisons all False; min/max keep the first',
     spec=['executor-edges', 'float-special', 'identity', 'dict-key-equality', 'op-IS_OP', 'op-CONTAINS_OP'], tags=T + ['float', 'compare'],
     src='''
def main(n):
    nan = float('nan')
    values = [1.0, nan, 2, nan, float('nan'), 0.0]
    out = []
    d = {}
    for i in range(n):
        for v in values:
            out.append((v == v, v is nan, v in [nan], v < 1, v != v))
            d[v] = i
    return out[:6], len(d), sorted([repr(k) for k in d]), min(nan, 1.0), max(1.0, nan)
''', entry='main(3)'),
dict(path='hot/types/js-python-float-repr', desc='float repr and str in a hot loop: shortest round-trip digits, exponent forms, integral floats keep .0, 1e16 switches to an exponent',
     spec=['executor-edges', 'float-repr', 'op-FORMAT_SIMPLE', 'op-CONVERT_VALUE'], tags=T + ['float', 'str'],
     src='''
def main(n):
    values = [0.1 + 0.2, 1e16, 1e15, 1e-5, 0.0001, 123456789012345678.0, 1 / 3, 5e-324, 2.0**53, -1.5e300 * 10, 100.0]
    out = []
    for i in range(n):
        for v in values:
            out.append(f'{v}|{v!r}|{str(v)}|{v * 10}')
    return out[:len(values)]
''', entry='main(2)'),
dict(path='hot/types/js-python-astral-str', desc='Strings with characters outside the BMP in a hot loop: one character each for len, indexing, slicing, ord, reversal and ordering (JS would count UTF-16 units)',
     spec=['executor-edges', 'str-ops', 'str-repr', 'sequence-index', 'op-BINARY_SUBSCR'], tags=T + ['str'],
     src='''
def main(n):
    words = ['ab', chr(128512) + 'x', 'y' + chr(65535), chr(66000) + chr(128512), '']
    out = []
    for i in range(n):
        for w in words:
            s = w * 2
            size = len(s)
            last = s[-1:]
            rw = repr(w)
            out.append((size, last, s[1:3], [ord(c) for c in s], s[::-1] == ''.join(reversed(s)), w > chr(65535), rw, len(rw)))
    return out[:len(words)], out[-1]
''', entry='main(2)'),
dict(path='hot/types/js-python-negative-modulo', desc='% and // with negative operands in a hot loop that switches from ints to floats and bigints: the result takes the divisor\'s sign and rounds toward negative infinity',
     spec=['executor-edges', 'int-floordiv', 'int-modulo', 'float-floordiv-modulo', 'op-BINARY_OP'], tags=T + ['arith'],
     src='''
def main(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append((a % b, a // b, divmod(a, b)))
        except ZeroDivisionError as e:
            out.append(str(e))
    return out
''', entry='main([(7, 3), (-7, 3), (7, -3), (-7, -3), (-7.5, 2), (7.5, -2), (-0.0, 5), (5, -0.0), (-18446744073709551617, 7), (18446744073709551617, -7), (-7, 18446744073709551616), (-1, 0.5), (-7, 3)])'),
dict(path='hot/types/js-python-bool-int', desc='bools as ints in a hot loop that mixes them with ints and floats: True + 1, True * str, ~True, True / 2, bool list indices, sum of bools, an accumulator that starts as False',
     spec=['executor-edges', 'value-bool', 'op-BINARY_OP', 'op-UNARY_INVERT'], tags=T + ['arith'],
     src='''
def main(values):
    acc = False
    out = []
    for v in values:
        acc += v
        out.append((v + 1, repr(v * 'ab'), ~v, -v, v / 2, [10, 20][v], v << 3, repr(v & True), repr(v | False)))
    return acc, repr(acc), out, sum(values), repr(True + True)
''', entry='main([True, False, True, 1, 0, True])'),
dict(path='hot/types/js-python-equal-keys', desc='1, 1.0 and True are one dict key (and 2**53 and 2.0**53, but not 2**53 + 1 and its float) in a hot loop: the first key inserted is kept, the last value wins; hash(-1) is -2',
     spec=['executor-edges', 'dict-key-equality', 'builtin-hash', 'op-STORE_SUBSCR'], tags=T + ['containers'],
     src='''
def main(n):
    keys = [1, 1.0, True, 0, 0.0, False, -0.0, 2**53, 2.0**53, 2**53 + 1, float(2**53 + 1), -1, -1.0]
    d = {}
    for i in range(n):
        for k in keys:
            d[k] = d.get(k, 0) + 1
    return repr(d), len(d), hash(-1), hash(2**61 - 1), hash(-(2**61) + 1), 1 == 1.0 == True
''', entry='main(2)'),
dict(path='hot/types/js-python-shifts', desc='Shifts and bitwise operators in a hot loop whose counts pass 31, 32 and 63: no int32 wrapping, arithmetic right shift of negatives, & | ^ ~ on negative bigints',
     spec=['executor-edges', 'int-shift', 'int-bitwise', 'op-BINARY_OP'], tags=T + ['bigint', 'arith'],
     src='''
def main(counts):
    out = []
    for k in counts:
        x = 1 << k
        y = 3 << k
        out.append((x, y, -x >> 3, (x - 1) & 0x5555555555555555, -x ^ 12345, ~x, (-x) | 7, x >> 32, y >> k))
    return out
''', entry='main([0, 1, 7, 30, 31, 32, 33, 52, 53, 54, 63, 64, 65, 31])'),
dict(path='hot/types/js-python-round-int', desc='round() and int() of floats in a hot loop: round half to even, int() truncates toward zero, // floors; large floats become exact bigints',
     spec=['executor-edges', 'builtin-round', 'builtin-int', 'float-floordiv-modulo'], tags=T + ['float', 'builtins'],
     src='''
def main(values):
    out = []
    for v in values:
        out.append((round(v), int(v), v // 1, round(v, 1)))
    return out
''', entry='main([0.5, 1.5, 2.5, -0.5, -1.5, 2.675, -2.9, 2.9, 100000000000000000.0, 1.2345e20, -7.5])'),
]

FIX += [
dict(path='hot/types/js-python-float-sum', desc='Floats summed in a hot loop: += rounds at every step (0.1 ten times is 0.9999999999999999) while sum() compensates (3.12+: 1.0); int and float mixed, then a huge int that no double holds exactly',
     spec=['executor-edges', 'builtin-sum', 'float-repr', 'op-BINARY_OP'], tags=T + ['float', 'builtins'],
     src='''
def main(n):
    out = []
    for vals in [[0.1] * n, [1e100, 1.0, -1e100] * 3, [1, 0.5, 2**60, 0.25], [2**64 + 1, 1.0], [0.1, 0.2, 0.3, -0.6]]:
        t = 0
        for v in vals:
            t += v
        out.append((repr(t), repr(sum(vals)), repr(float(t))))
    return out
''', entry='main(10)'),
dict(path='hot/types/js-python-str-compare', desc='str ordering and equality in a hot loop over ASCII, BMP and non-BMP strings: code-point order (a surrogate pair sorts after U+FFFF), min/max/sorted agree',
     spec=['executor-edges', 'str-ops', 'builtin-sorted', 'op-COMPARE_OP'], tags=T + ['str', 'compare'],
     src='''
def main(n):
    words = ['b', 'a' * 2, chr(65535), chr(128512), chr(128512) + 'a', chr(57344), 'z', '']
    out = []
    for i in range(n):
        for a in words:
            row = 0
            for b in words:
                row = row * 3 + (a < b) + 2 * (a == b)
            out.append(row)
    return out[:len(words)], [ord(w[0]) if w else -1 for w in sorted(words)], max(words) == chr(128512) + 'a'
''', entry='main(2)'),
]

FIX += [
dict(path='hot/types/js-python-int-pow', desc='int ** int in a hot loop over signs and sizes: a negative exponent always gives a float ((-1) ** -3 is -1.0), 0 ** -1 raises, results pass 2**53 exactly',
     spec=['executor-edges', 'int-power', 'zero-division', 'op-BINARY_OP'], tags=T + ['arith', 'bigint'],
     src='''
def main(bases, exps):
    out = []
    for b in bases:
        for e in exps:
            try:
                r = b ** e
                out.append(repr(r))
            except ZeroDivisionError as err:
                out.append(str(err))
    return out
''', entry='main([-1, 1, 2, -2, 0, 3, 10], [-3, -1, 0, 1, 2, 31, 53, 64])'),
dict(path='hot/types/js-python-blank-str', desc='Truthiness and len of strings in a hot loop: whitespace-only strings are true, only the empty string is false; non-BMP characters count one',
     spec=['executor-edges', 'truthiness', 'builtin-len', 'op-TO_BOOL'], tags=T + ['str', 'compare'],
     src='''
def main(words):
    out = []
    for w in words:
        t = not w
        n = len(w)
        out.append((t, n, bool(w), w or 'empty'))
    return out
''', entry="main(['a', ' ', '', '\\t', '\\n  ', '0', 'ab', ''])"),
]
