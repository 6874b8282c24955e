CMP = ['compare']
FIX = [
dict(path='vm/compare/truthiness-if', desc='if v: (TO_BOOL + POP_JUMP_IF_FALSE) over zero/non-zero ints, floats, -0.0, bigints, strings, lists, tuples, dicts, None and bools',
     spec=['truthiness', 'op-TO_BOOL', 'op-POP_JUMP_IF_FALSE'], tags=CMP + ['control-flow'],
     src='''
def main(values):
    out = []
    for v in values:
        if v:
            out.append(1)
        else:
            out.append(0)
    return out
''', entry="main([0, 1, -1, 0.0, -0.0, 0.5, 18446744073709551616, '', 'a', ' ', [], [0], (), (0,), {}, {0: 0}, None, True, False])"),
dict(path='vm/compare/truthiness-bool-not', desc='bool() and not of every value kind, including ranges, nan, inf and functions',
     spec=['truthiness', 'builtin-bool', 'op-UNARY_NOT', 'float-special'], tags=CMP + ['builtins'],
     src='''
def main(z):
    nan = float('nan')
    return [bool(z), bool(z + 1), bool(range(0)), bool(range(3)), bool(nan), bool(float('inf')), bool(main), not z, not [z], not '', not None, bool(z * 18446744073709551616), bool()]
''', entry='main(0)'),
dict(path='vm/compare/chained', desc='a < b < c compiles to SWAP/COPY/COMPARE_OP/TO_BOOL; the middle operand is evaluated once and short-circuits',
     spec=['op-COPY', 'op-SWAP', 'op-COMPARE_OP', 'op-POP_JUMP_IF_FALSE'], tags=CMP,
     src='''
def main(a, b, c):
    return a < b < c, c < b < a, a < b > a, a == a < b <= b
''', entry='main(1, 2, 3)'),
dict(path='vm/compare/none-checks', desc='is None / is not None in conditions compile to POP_JUMP_IF_NOT_NONE / POP_JUMP_IF_NONE',
     spec=['value-none', 'op-POP_JUMP_IF_NONE', 'op-POP_JUMP_IF_NOT_NONE', 'identity'], tags=CMP + ['control-flow'],
     src='''
def classify(x):
    if x is None:
        return 'none'
    if x is not None:
        return 'some'

def main(a, b):
    return classify(a), classify(b), classify(0), classify(False), classify('')
''', entry='main(None, 1)'),
dict(path='vm/compare/bool-is-int', desc='True and False are ints: arithmetic, isinstance(True, int), repr, and comparison with 1/0',
     spec=['value-bool', 'builtin-isinstance', 'op-POP_JUMP_IF_TRUE'], tags=CMP + ['arith'],
     src='''
def main(t, f):
    total = t + t + f
    if t or f:
        total = total * 10
    return total, t * 3, -t, t == 1, f == 0, isinstance(t, int), isinstance(1, bool), t & f, t | f, str(t)
''', entry='main(True, False)'),
dict(path='vm/compare/incomparable-types', desc="Ordering an int against a str raises TypeError: '<' not supported between instances of 'int' and 'str'",
     spec=['op-COMPARE_OP', 'exception-message', 'exception-types'], tags=CMP + ['exceptions'],
     src='''
def main(a, b):
    return a < b
''', entry="main(1, 'a')"),
dict(path='vm/compare/equality-across-types', desc='== between unrelated types is False, never an error; None == None; [] == () is False',
     spec=['op-COMPARE_OP', 'value-none', 'numeric-compare-mixed'], tags=CMP,
     src='''
def main(a, b):
    return a == b, a != b, None == None, [] == (), '1' == 1, 1 == 1.0 == True, 0 == -0.0
''', entry="main(1, '1')"),
dict(path='vm/compare/bool-short-circuit', desc='and / or return one of their operands (not a bool) and short-circuit evaluation (COPY + TO_BOOL + POP_JUMP_IF_*)',
     spec=['truthiness', 'op-COPY', 'op-POP_JUMP_IF_TRUE', 'op-POP_JUMP_IF_FALSE'], tags=CMP + ['control-flow'],
     src='''
def noisy(v):
    print('eval', v)
    return v

def main(a, b):
    r1 = a and noisy(b)
    r2 = a or noisy(b)
    r3 = b or noisy('')
    r4 = b and noisy([])
    return r1, r2, r3, r4
''', entry="main(0, 'x')"),
]
FIX += [
dict(path='vm/compare/truthiness-float-loop', desc='Branching on floats inside loops, as optimizers see it: if x: over readings with 0.0 and -0.0, and while x: counting a float down to exactly 0.0',
     spec=['truthiness', 'op-TO_BOOL', 'op-POP_JUMP_IF_FALSE'], tags=CMP + ['control-flow', 'float'],
     src='''
def main(readings):
    nonzero = 0
    total = 0.0
    for _ in range(40):
        for x in readings:
            if x:
                nonzero += 1
                total += x
    ticks = 0
    level = 12.0
    while level:
        level -= 0.5
        ticks += 1
    return nonzero, total, ticks
''', entry="main([0.0, 1.5, -0.0, -2.25, 0.0, 3.0, 0.125, -0.0])"),
dict(path='vm/compare/truthiness-blank-string-loop', desc='Branching on strings inside a loop: a blank string (spaces, a tab) is true, only the empty string is false; strip() makes it empty',
     spec=['truthiness', 'op-TO_BOOL', 'methods-str'], tags=CMP + ['control-flow', 'str'],
     src='''
def main(lines):
    kept = []
    blank = 0
    for _ in range(30):
        for line in lines:
            if line:
                if line.strip():
                    kept.append(line.strip())
                else:
                    blank += 1
    return len(kept), blank, kept[:5]
''', entry="main(['alpha', ' ', '', '\\t', 'beta ', '  ', 'gamma'])"),
]
