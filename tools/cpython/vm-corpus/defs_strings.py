S = ['str']
FIX = [
dict(path='vm/strings/concat-repeat', desc="str + str concatenates, str * int and int * str repeat, str * 0 is ''",
     spec=['str-ops', 'op-BINARY_OP'], tags=S,
     src='''
def main(a, b, n):
    return a + b, a * n, n * b, a * 0, (a + b) * -1
''', entry="main('ab', 'cd', 3)"),
dict(path='vm/strings/repr-quotes', desc="repr() of strings picks quotes like CPython: 'it\\'s' uses double quotes, both kinds force \\' escapes, \\n and \\t are escaped",
     spec=['str-repr', 'builtin-repr'], tags=S,
     src='''
def main(a, b, c, d):
    return repr(a), repr(b), repr(c), repr(d), [a, b, c, d]
''', entry='main("it\'s", \'say "hi"\', \'both \\\' and "\', \'tab\\there\\nnewline\\\\\')'),
dict(path='vm/strings/index-and-slice', desc='String indexing (negative too) and slicing (steps, reversal, clamped bounds)',
     spec=['sequence-index', 'slicing', 'op-BINARY_SLICE', 'op-BUILD_SLICE'], tags=S + ['containers'],
     src='''
def main(s):
    return s[0], s[-1], s[1:4], s[::-1], s[::2], s[4:100], s[-3:], s[10:2]
''', entry="main('abcdefg')"),
dict(path='vm/strings/index-out-of-range', desc='Indexing past the end of a str raises IndexError: string index out of range',
     spec=['sequence-index', 'exception-message'], tags=S + ['exceptions'],
     src='''
def main(s):
    return s[5]
''', entry="main('abc')"),
dict(path='vm/strings/methods', desc='str methods called through LOAD_ATTR method form: upper, split, join, replace, strip, startswith',
     spec=['methods-str', 'call-method', 'op-LOAD_ATTR'], tags=S,
     src='''
def main(s):
    words = s.strip().split(' ')
    return s.upper(), words, '-'.join(words), s.replace('b', 'B'), s.startswith('  a'), s.strip()
''', entry="main('  a bb c  ')"),
dict(path='vm/strings/fstring-format-specs', desc="f-string format specs through FORMAT_WITH_SPEC: '>8', '<6', '^7', '.3f', ',', '08.2f', 'x', '05d', '+d', '.2e'",
     spec=['str-format', 'op-FORMAT_WITH_SPEC', 'op-BUILD_STRING'], tags=S + ['float'],
     src='''
def main(n, x, s):
    return [f'{n:>8}', f'{s:<6}|', f'{s:^7}', f'{x:.3f}', f'{n * 1000:,}', f'{x:08.2f}', f'{n:x}', f'{n:05d}', f'{n:+d}', f'{x:.2e}']
''', entry="main(255, 3.14159, 'ab')"),
dict(path='vm/strings/fstring-conversions', desc="f-string !r, !s and !a conversions (CONVERT_VALUE) and plain fields (FORMAT_SIMPLE) of str, float, list, None",
     spec=['str-format', 'str-repr', 'op-CONVERT_VALUE', 'op-FORMAT_SIMPLE'], tags=S,
     src='''
def main(s, f, xs):
    return f'{s!r} {s!s} {s!a} {f} {xs} {None} {f!r:>6}'
''', entry="main('caf\\u00e9', 2.5, [1, 'x'])"),
dict(path='vm/strings/compare-and-contains', desc='String ordering is lexicographic by code point; in / not in test substrings',
     spec=['str-ops', 'op-CONTAINS_OP', 'op-COMPARE_OP'], tags=S + ['compare'],
     src='''
def main(a, b):
    return a < b, 'Z' < 'a', a + b == 'applebanana', 'nan' in b, 'x' not in a, '' in a, 'apple' <= a
''', entry="main('apple', 'banana')"),
dict(path='vm/strings/len-str-int', desc='len() of a str counts code points; str() of ints and None; int() parses signed, padded decimals',
     spec=['builtin-len', 'builtin-str', 'builtin-int'], tags=S + ['builtins'],
     src='''
def main(s):
    return len(s), len(''), str(42), str(-7), str(None), str(True), int('-17'), int(' 12 '), int('0')
''', entry="main('h\\u00e9llo')"),
dict(path='vm/strings/int-parse-error', desc="int('abc') raises ValueError: invalid literal for int() with base 10: 'abc'",
     spec=['builtin-int', 'exception-message', 'exception-uncaught'], tags=S + ['exceptions'],
     src='''
def main(s):
    return int(s)
''', entry="main('abc')"),
dict(path='vm/strings/concat-type-error', desc='str + int raises TypeError: can only concatenate str (not "int") to str',
     spec=['str-ops', 'exception-message'], tags=S + ['exceptions'],
     src='''
def main(s, n):
    return s + n
''', entry="main('a', 1)"),
dict(path='vm/strings/iterate-chars', desc='for over a str yields one-character strings; building a reversed copy by concatenation',
     spec=['str-ops', 'op-FOR_ITER', 'op-GET_ITER'], tags=S + ['control-flow'],
     src='''
def main(s):
    out = ''
    for ch in s:
        out = ch + out
    return out
''', entry="main('stressed')"),
]

FIX += [
dict(path='vm/strings/index-method', desc='str.index finds like str.find (start and end bounds, code-point indices) but raises ValueError: substring not found',
     spec=['methods-str', 'exception-message'], tags=S + ['exceptions'],
     src='''
def main(s):
    print(s.index('c'), s.index('c', 3), s.index('', 2), 'h\\u00e9llo'.index('l'))
    for sub, start, end in (('z', 0, 6), ('c', 0, 2), ('', 9, 9)):
        try:
            s.index(sub, start, end)
        except ValueError as e:
            print(e)
    return s.index(1)
''', entry="main('abcabc')"),
]
