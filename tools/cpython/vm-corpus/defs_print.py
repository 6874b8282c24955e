P = ['output']
FIX = [
dict(path='vm/print/sep-end', desc="print with sep= and end= keywords (CALL_KW), print() with no arguments, end=''",
     spec=['print-format', 'builtin-print', 'call-keywords', 'op-CALL_KW'], tags=P + ['builtins'],
     src='''
def main(a, b):
    print(a, b, sep='-', end='!\\n')
    print()
    print(a, end='')
    print(b)
    print(a, b, 3, sep='')
''', entry="main('x', 'y')"),
dict(path='vm/print/str-of-values', desc='print uses str(): floats, bools, None, and containers print their items with repr (strings quoted)',
     spec=['print-format', 'builtin-print', 'float-repr', 'str-repr'], tags=P + ['float', 'containers'],
     src='''
def main(x):
    print(x, x / 10 + 0.2, True, None, -0.0, 1e16)
    print([1, 'a', "it's", 2.0, None], (1,), (), {'k': [None, False]})
    print('plain str', ['nested', ['deeper', 'q"uote']])
''', entry='main(1.0)'),
dict(path='vm/print/nested-string-escapes', desc="Strings inside containers print with repr escapes (\\n, \\\\, quotes); top-level strings print raw",
     spec=['print-format', 'str-repr'], tags=P + ['str'],
     src='''
def main(s):
    print(s)
    print([s])
    print((s, 'tab\\t'))
    return [s]
''', entry="main('a\\nb\\\\c\\'d')"),
dict(path='vm/print/multiple-calls-order', desc='Output of several prints, across frames, accumulates in call order',
     spec=['builtin-print', 'frames'], tags=P + ['calls'],
     src='''
def helper(n):
    print('helper', n)
    return n * 2

def main():
    print('start')
    r = helper(1) + helper(2)
    print('end', r)
    return r
''', entry='main()'),
]
