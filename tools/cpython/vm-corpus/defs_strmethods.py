"""str methods beyond the first set (spec/values.md#methods-str-more and after): searching from the
right, partition, rsplit, splitlines, layout, case, the is* predicates, translate, str.format."""
S = ['str']
ERR = S + ['exceptions']
# Runs each thunk and records its result or its exception's type and message.
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
dict(path='vm/strmethods/rfind-rindex', desc='rfind/rindex find the last occurrence within [start:end] (negative and clamped bounds, empty sub at end); rindex raises ValueError when absent',
     spec=['methods-str-more', 'methods-str', 'call-method'], tags=S,
     src='''
def main(s):
    r = [s.rfind('a'), s.rfind('a', 0, 4), s.rfind('a', -3), s.rfind('zz'), s.rfind(''), s.rfind('', 2, 4),
         s.rfind('an', 1, 3), s.rfind('an', 1, 4), s.rindex('n'), s.rfind('a', 10), s.rfind('a', -100, -5)]
    try:
        s.rindex('q')
    except ValueError as e:
        r.append(str(e))
    return r
''', entry="main('banana')"),
dict(path='vm/strmethods/partition', desc='partition/rpartition split at the first/last separator, return the whole string in the right slot when absent, reject an empty or non-str separator',
     spec=['methods-str-more', 'op-UNPACK_SEQUENCE'], tags=ERR,
     src=PROBE + '''
def main(line):
    key, sep, value = line.partition('=')
    head, _, tail = line.rpartition('=')
    return key, sep, value, head, tail, 'abc'.partition('x'), 'abc'.rpartition('x'), probe([
        lambda: line.partition(''), lambda: line.rpartition(1), lambda: line.partition(), lambda: line.partition('a', 'b')])
''', entry="main('path=/usr/bin=x')"),
dict(path='vm/strmethods/rsplit', desc='rsplit with and without a separator and maxsplit (the remainder keeps its leading whitespace), keyword arguments, and its errors',
     spec=['methods-str-more', 'call-keywords'], tags=ERR,
     src=PROBE + '''
def main(s):
    return (s.rsplit(), s.rsplit(None, 1), s.rsplit(maxsplit=2), 'a,b,,c'.rsplit(','), 'a,b,,c'.rsplit(',', 2),
            'a--b--c'.rsplit('--', 1), ''.rsplit(), ''.rsplit(','), 'x'.rsplit('x'), probe([
                lambda: s.rsplit(''), lambda: s.rsplit(1), lambda: s.rsplit(maxsplit='a'), lambda: s.rsplit(',', 1, 2)]))
''', entry="main('  one two\\tthree  four ')"),
dict(path='vm/strmethods/splitlines', desc='splitlines on every line boundary CPython knows (\\r\\n as one, \\v, \\f, \\x1c-\\x1e, \\x85, \\u2028, \\u2029), keepends positional and by keyword, no empty last line',
     spec=['methods-str-more'], tags=S,
     src='''
def main(s):
    return s.splitlines(), s.splitlines(True), s.splitlines(keepends=1), ''.splitlines(), 'a\\n'.splitlines(), '\\n\\n'.splitlines(), 'x'.splitlines(0)
''', entry="main('one\\r\\ntwo\\rthree\\nfour\\x0bfive\\x0csix\\x1cseven\\x1d8\\x1e9\\x85ten\\u2028eleven\\u2029end')"),
dict(path='vm/strmethods/layout', desc='zfill (after a sign), center (CPython puts the odd fill left only for odd widths), ljust, rjust with fill characters, widths below the length',
     spec=['methods-str-more'], tags=S,
     src='''
def main(s, n):
    return [s.zfill(8), n.zfill(6), '+x'.zfill(4), ''.zfill(3), s.zfill(-1), s.center(9, '*'), s.center(10, '*'),
            'ab'.center(5, '-'), 'abc'.center(6), s.ljust(8, '.'), s.rjust(8), s.ljust(2), '|' + s.center(3) + '|']
''', entry="main('1234', '-42')"),
dict(path='vm/strmethods/layout-errors', desc='fill characters must be one character (TypeError messages), widths must be ints, center/zfill argument counts',
     spec=['methods-str-more', 'exception-message'], tags=ERR,
     src=PROBE + '''
def main(s):
    return probe([lambda: s.center(5, 'xy'), lambda: s.ljust(5, 1), lambda: s.rjust(5, ''), lambda: s.zfill('a'),
                  lambda: s.center(), lambda: s.center(1, 2, 3), lambda: s.ljust(x=1), lambda: s.zfill(), lambda: s.zfill(2.0),
                  lambda: s.ljust(2 ** 63)])
''', entry="main('ab')"),
dict(path='vm/strmethods/expandtabs', desc='expandtabs with the default and other tab sizes: columns restart after \\n and \\r, tab size 0 and negative delete tabs',
     spec=['methods-str-more', 'call-keywords'], tags=S,
     src='''
def main(s):
    return [s.expandtabs(), s.expandtabs(4), s.expandtabs(tabsize=2), s.expandtabs(0), s.expandtabs(-3), '\\t'.expandtabs(1), 'ab\\r\\tc'.expandtabs(4)]
''', entry="main('a\\tbc\\tdef\\tg\\n\\th')"),
dict(path='vm/strmethods/case', desc='capitalize, title and swapcase on ASCII and non-ASCII text: title case of digraphs (\\u01c6), final sigma, apostrophes start a new word, the German sharp s',
     spec=['methods-str-case', 'str-unicode-props'], tags=S,
     src='''
def main(a, b):
    return [a.capitalize(), a.title(), a.swapcase(), b.capitalize(), b.title(), b.swapcase(), b.upper(), b.lower(),
            "they're bill's friends".title(), 'HELLO wORLD'.capitalize(), '\\u01c6emal \\u01c4EMAL'.title(),
            '\\u03a3\\u0391\\u03a3 a\\u03a3'.swapcase(), '\\u00df'.title(), '1st 2ND'.title()]
''', entry="main('hello WORLD of python', 'stra\\u00dfe \\u00c9T\\u00c9 \\u039f\\u0394\\u039f\\u03a3 \\u0130x')"),
dict(path='vm/strmethods/casefold-format-map', desc='casefold (sharp s, final sigma, ligatures, micro sign) for caseless comparison; format_map with a dict, nested lookups, and its errors (positional fields, missing keys, a non-mapping)',
     spec=['methods-str-case', 'methods-str-format', 'str-unicode-props'], tags=ERR,
     src=PROBE + '''
def main(words, record):
    folded = [w.casefold() for w in words]
    same = [a for a in words for b in words if a < b and a.casefold() == b.casefold()]
    return folded, same, '{name} is {age} ({tags[0]})'.format_map(record), probe([
        lambda: '{}'.format_map({}), lambda: '{x}'.format_map(record), lambda: '{a}'.format_map(1), lambda: 'x'.format_map(),
        lambda: '{name!r:>8}|{age:03d}'.format_map(record)])
''', entry="main(['Stra\u00dfe', 'STRASSE', '\u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2', '\u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3', '\ufb01ne', 'FINE', '\u00b5m', '\u03bcm'], {'name': 'Ada', 'age': 36, 'tags': ['math']})"),
dict(path='vm/strmethods/predicates-ascii', desc='the is* predicates on ASCII strings, including the empty string (only isprintable and isascii are true)',
     spec=['methods-str-predicates'], tags=S,
     src='''
def main(words):
    out = []
    for w in words:
        out.append((w, w.isalpha(), w.isdecimal(), w.isdigit(), w.isnumeric(), w.isalnum(), w.isspace(), w.isupper(),
                    w.islower(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii()))
    return out
''', entry="main(['', 'abc', 'ABC', 'Abc Def', 'abc1', '123', ' \\t\\n', '_x1', '1x', 'a b', 'A1B', 'Ab1 C', 'tab\\t', 'ABC def'])"),
dict(path='vm/strmethods/predicates-unicode', desc='the is* predicates on non-ASCII characters: superscript digits, circled and CJK numerals, fractions, title-case digraphs, non-ASCII identifiers, non-printable and Unicode spaces',
     spec=['methods-str-predicates', 'str-unicode-props'], tags=S,
     src='''
def main(chars):
    out = []
    for c in chars:
        bits = ''
        for f in (c.isalpha, c.isdecimal, c.isdigit, c.isnumeric, c.isalnum, c.isspace, c.isupper, c.islower, c.istitle,
                  c.isidentifier, c.isprintable, c.isascii):
            bits += '1' if f() else '0'
        out.append(bits)
    return out
''', entry="main(['\\u00b2', '\\u2460', '\\u4e00', '\\u00bd', '\\u0663', '\\u01c5', '\\u01c5a', '\\u01c5A', '\\u00e9t\\u00e9', '\\u0394\\u03b5', '\\u00a0', '\\u2028', '\\u200b', '\\u00ad', '\\u3000', '\\u2167', '\\u0130', '\\u02b0', '\\u1d2c', '\\u00aa', 'x\\u0301', '\\u00b7', '\\U0001d7d8', '\\U0001f600', '\\ufeff', '\\u0378'])"),
dict(path='vm/strmethods/predicates-args', desc='is* methods and case methods take no arguments: TypeError str.isupper() takes no arguments (1 given)',
     spec=['methods-str-predicates', 'methods-str-case', 'exception-message'], tags=ERR,
     src=PROBE + '''
def main(s):
    return probe([lambda: s.isupper(1), lambda: s.title(1), lambda: s.isdigit(x=1), lambda: s.swapcase(None)])
''', entry="main('ab')"),
dict(path='vm/strmethods/removeprefix-suffix', desc='removeprefix/removesuffix remove one occurrence only when present; a non-str argument raises TypeError',
     spec=['methods-str-more'], tags=ERR,
     src=PROBE + '''
def main(s):
    return [s.removeprefix('test_'), s.removesuffix('.py'), s.removeprefix('x'), s.removesuffix(''), 'aaa'.removeprefix('a')] + probe([
        lambda: s.removeprefix(1), lambda: s.removesuffix()])
''', entry="main('test_main.py')"),
dict(path='vm/strmethods/translate', desc='str.maketrans with one dict, two strings and a deletion string; translate with None deletion, str and int replacements, a list as table, characters missing from the table kept',
     spec=['methods-str-translate', 'call-method', 'op-LOAD_ATTR'], tags=S,
     src='''
def main(s):
    t1 = str.maketrans('abc', 'xyz', 'd')
    t2 = str.maketrans({'a': None, 'b': 'BB', 99: 100})
    t3 = s.maketrans('l', 'L')
    return t1, t2, s.translate(t1), s.translate(t2), s.translate(t3), s.translate({}), 'abc'.translate(['x', None, 'yy'] * 40), s.translate({ord('e'): ord('E'), ord(' '): '_'})
''', entry="main('abcd deal label')"),
dict(path='vm/strmethods/translate-errors', desc='maketrans and translate errors: unequal lengths, long string keys, bad key types, a single non-dict argument, bad mapping values and ranges',
     spec=['methods-str-translate', 'exception-message'], tags=ERR,
     src=PROBE + '''
def main(s):
    return probe([lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans({1.5: 1}),
                  lambda: str.maketrans(1), lambda: str.maketrans('a', 1), lambda: str.maketrans('a', 'b', 1),
                  lambda: str.maketrans(), lambda: s.translate({97: 1.5}), lambda: s.translate({97: 0x110000}),
                  lambda: s.translate({97: -1}), lambda: s.translate(1), lambda: s.translate()])
''', entry="main('ab')"),
dict(path='vm/strmethods/format-fields', desc='str.format: automatic and explicit positional fields, keyword fields, {{ }} escapes, repeated arguments, !r !s !a conversions, item and attribute lookups ({0[1]}, {p[x]}, {n.real})',
     spec=['methods-str-format', 'call-keywords', 'str-repr'], tags=S,
     src='''
def main(xs, d, name):
    return ['{} + {} = {}'.format(1, 2, 3), '{1}{0}{1}'.format('a', 'b'), '{name}: {n}'.format(name=name, n=5),
            '{{literal}} {}'.format(7), '{0[1]} {0[0]}'.format(xs), '{p[x]} {p[y]}'.format(p=d), '{0.real} {0.imag}'.format(5),
            '{!r} {!s} {!a}'.format(name, name, name), '{0[0][1]}'.format([xs]), '{:}'.format(1.5), '{}'.format(True),
            '{0}'.format(None), 'no fields'.format(1, x=2), '{00}'.format(7)]
''', entry="main(['first', 'second'], {'x': 10, 'y': 20}, 'caf\\u00e9')"),
dict(path='vm/strmethods/format-specs', desc='str.format specs: width, fill and alignment, sign, grouping, precision, types, and nested {:{width}} / {:{fill}{align}{width}} specs',
     spec=['methods-str-format', 'str-format'], tags=S + ['float'],
     src='''
def main(x, n, s):
    return ['{:>10}|{:<6}|{:^7}'.format(s, s, s), '{:08.3f}'.format(x), '{:+,}'.format(n), '{:_x}'.format(n), '{:#o}'.format(n),
            '{:.2%}'.format(x / 10), '{:e}'.format(x), '{0:{1}}'.format(s, 8) + '|', '{:{}{}{}}'.format(n, '*', '^', 12),
            '{0:>{w}.{p}f}'.format(x, w=10, p=2), '{:d}'.format(True), '{!r:>8}'.format(s), '{:,.2f}'.format(1234567.891),
            '{:c}'.format(97), '{:5}|{:<5}|'.format(1, 2), '{:z.1f}'.format(-0.04)]
''', entry="main(3.14159, 1234567, 'abc')"),
dict(path='vm/strmethods/format-errors', desc='str.format errors with CPython messages: missing positional (IndexError) and keyword (KeyError), switching numbering modes, single braces, unknown conversions, empty attributes, bad specs, recursion depth',
     spec=['methods-str-format', 'exception-message'], tags=ERR,
     src=PROBE + '''
def main(xs):
    return probe([lambda: '{} {}'.format(1), lambda: '{0} {}'.format(1, 2), lambda: '{} {0}'.format(1, 2), lambda: '{'.format(),
                  lambda: '}'.format(), lambda: 'x}y'.format(), lambda: '{a}'.format(), lambda: '{!x}'.format(1),
                  lambda: '{!r'.format(1), lambda: '{0]'.format(1), lambda: '{0[}'.format(1), lambda: '{0.}'.format(1),
                  lambda: '{0[0]x}'.format(xs), lambda: '{0!}'.format(1), lambda: '{0!rr}'.format(1), lambda: '{0:}}'.format(1),
                  lambda: '{:d}'.format('a'), lambda: '{0[-1]}'.format(xs), lambda: '{0[5]}'.format(xs),
                  lambda: '{a.b}'.format(a=1), lambda: '{:{:{}}}'.format(1, 2, 3), lambda: '{0[]}'.format(xs),
                  lambda: '{ }'.format(1), lambda: '{:>5}'.format(None), lambda: '{x{}'.format(1), lambda: '{!'.format(1),
                  lambda: '{:s}'.format(5), lambda: '{:,s}'.format('a')])
''', entry='main([1, 2])'),
]
