"""fixtures/vm/regressions/: programs the differential fuzzer (tools/fuzz) found diverging from
CPython 3.13, minimized by hand. Each entry names the root cause it pins; expectations come from
CPython like every other `src` definition."""

R = ['regression']
FIX = [
dict(path='vm/regressions/hash-unhashable', desc='hash() of a list, a dict, a dict_keys view or a tuple holding a list raises '
     "CPython's TypeError 'unhashable type: ...' (the VM used to answer with its own refusal message)",
     spec=['builtin-hash', 'exception-message'], tags=R + ['builtins', 'exceptions'],
     src='''
def main():
    out = []
    for v in ([], {}, {1: 2}.keys(), {1: 2}.items(), (1, 'a', [2]), (1, ((2,), {})), [1]):
        try:
            hash(v)
        except TypeError as e:
            out.append(str(e))
    return out, hash(-1), hash(True)
'''),
]
FIX += [
dict(path='vm/regressions/keyword-suggestion', desc="An unexpected keyword argument gets CPython 3.13's "
     "\". Did you mean 'key'?\" suggestion, for builtins, methods and Python functions alike (the VM had none)",
     spec=['call-keywords', 'call-builtin', 'op-CALL_KW', 'exception-message'], tags=R + ['calls', 'exceptions'],
     src='''
def pick(key, reverse):
    return key

def main():
    out = []
    for i in range(8):
        try:
            if i == 0:
                sorted([2, 1], kee=abs)
            elif i == 1:
                print(1, sepp='')
            elif i == 2:
                max([1], defaul=0)
            elif i == 3:
                'a,b'.split(maxsplt=1)
            elif i == 4:
                pick(1, revers=True)
            elif i == 5:
                pick(1, REVERSE=True)
            elif i == 6:
                pick(1, x=True)
            else:
                str(objec=1)
        except TypeError as e:
            out.append(str(e))
    return out
'''),
dict(path='vm/regressions/too-many-keyword-arguments', desc='Builtins that parse keywords with getargs or Argument '
     'Clinic count the arguments before naming an unexpected keyword: "min() takes at most 2 keyword arguments (3 given)"',
     spec=['call-builtin', 'builtin-min', 'builtin-zip', 'builtin-int', 'methods-str', 'exception-message'],
     tags=R + ['builtins', 'exceptions'],
     src='''
def main():
    out = []
    for i in range(6):
        try:
            if i == 0:
                min([1], default=1, key=abs, x=1)
            elif i == 1:
                zip([1], strict=True, x=1)
            elif i == 2:
                int('1', base=2, x=1)
            elif i == 3:
                int(1, 2, 3)
            elif i == 4:
                'a b'.split(sep=' ', maxsplit=1, x=1)
            else:
                'a b'.split(' ', 1, x=1)
        except TypeError as e:
            out.append(str(e))
    return out
'''),
dict(path='vm/regressions/affix-tuple-first-match', desc='str.startswith/endswith with a tuple stop at the first '
     'matching item: a non-str item after it is never checked (the VM checked every item first)',
     spec=['methods-str'], tags=R + ['str'],
     src='''
def main(s):
    out = [s.endswith(('c', 1)), s.startswith(('a', None))]
    try:
        s.endswith((1, 'c'))
    except TypeError as e:
        out.append(str(e))
    return out
''', entry="main('abc')"),
]
FIX += [
dict(path='vm/regressions/print-partial-output', desc='When str() of a print argument raises (an int past 4300 digits), '
     'the arguments before it and their separators have already been written, as in CPython (the VM wrote nothing)',
     spec=['print-format', 'builtin-print', 'int-representation'], tags=R + ['output', 'exceptions'],
     src='''
def main(n):
    big = 7 ** n
    try:
        print('a', [1.5], big, 'never', sep='|')
    except ValueError:
        print('<- partial')
    print(1, 2, big, end='!')
''', entry='main(6000)'),
]
FIX += [
dict(path='vm/regressions/format-significant-digits', desc="'g' and 'e' with many significant digits of a double just "
     "below a power of ten: 1e-07 to 17 digits is 9.9999999999999995e-08 (the VM took the exponent from a rounded estimate "
     "and printed 1e-07)",
     spec=['str-format', 'float-repr', 'op-FORMAT_WITH_SPEC'], tags=R + ['float', 'str'],
     src='''
def main():
    out = []
    for x in (1e-07, 1e+23, -1e+23, 0.3, 1e-05, 1e+22):
        out.append(f'{x:.17g} {x:.20e} {x:.25g} {x:.16E}')
    return out
'''),
]
FIX += [
dict(path='vm/regressions/builtin-argument-check-order', desc="int(x, base) checks the base before the type of x, and "
     "sum(iterable, start) iterates before rejecting a str start, as CPython (the VM reported the other error first)",
     spec=['builtin-int', 'builtin-sum', 'exception-message'], tags=R + ['builtins', 'exceptions'],
     src='''
def main():
    out = []
    for i in range(5):
        try:
            if i == 0:
                int(5, 'x')
            elif i == 1:
                int([], 99)
            elif i == 2:
                int(5, 2)
            elif i == 3:
                sum(7, 'a')
            else:
                sum([1], 'a')
        except (TypeError, ValueError) as e:
            out.append(repr(e))
    return out
'''),
]
FIX += [
dict(path='vm/regressions/int-invalid-literal-long', desc="int() of a long invalid str quotes repr(s) cut to 200 characters "
     "(CPython's %.200R): the quotes depend on the whole string (the VM cut the string first, then quoted it)",
     spec=['builtin-int', 'str-repr', 'exception-message'], tags=R + ['builtins', 'str', 'exceptions'],
     src='''
def main(n):
    out = []
    for s in ('x' * n + "'", 'y' * n, '\\n' * 120 + 'a'):
        try:
            int(s)
        except ValueError as e:
            out.append(str(e))
    return out
''', entry='main(250)'),
]
FIX += [
dict(path='vm/regressions/method-argument-checks', desc="list.sort counts all its arguments before refusing positional "
     "ones ('sort() takes at most 2 arguments (3 given)'), and {}.pop(unhashable) is a KeyError because an empty dict "
     "never hashes the key (the VM reported the other errors)",
     spec=['methods-list', 'methods-dict', 'exception-message'], tags=R + ['containers', 'exceptions'],
     src='''
def main():
    out = []
    for i in range(5):
        try:
            if i == 0:
                [2, 1].sort(0, 1, 2)
            elif i == 1:
                [2, 1].sort(0)
            elif i == 2:
                {}.pop([])
            elif i == 3:
                out.append({}.pop({}, 'default'))
            else:
                {1: 2}.pop([])
        except (TypeError, KeyError) as e:
            out.append(repr(e))
    return out
'''),
]
FIX += [
dict(path='vm/regressions/bad-argument-none', desc="A str method given None where it needs a str says 'must be str, "
     "not None' (CPython's _PyArg_BadArgument names None itself; the VM said NoneType)",
     spec=['methods-str', 'exception-message'], tags=R + ['str', 'exceptions'],
     src='''
def main(s):
    out = []
    for i in range(4):
        try:
            if i == 0:
                s.replace('a', None)
            elif i == 1:
                s.find(None)
            elif i == 2:
                s.count(None)
            else:
                s.replace(1, 'b')
        except TypeError as e:
            out.append(str(e))
    return out
''', entry="main('abc')"),
]
FIX += [
dict(path='vm/regressions/dict-iteration-slots', desc="A loop that deletes and adds keys of the dict it walks sees "
     "exactly CPython's items: the iterator walks the entry array by index (a cleared dict starts a new one, a "
     "full one is compacted) and raises 'keys changed' past its length; the VM looped forever",
     spec=['dict-ops', 'op-FOR_ITER', 'exception-message'], tags=R + ['containers', 'control-flow'],
     src='''
def main():
    out = []
    d = {'a': 0}
    for k in d:
        out.append(k)
        d.clear()
        d['e'] = 1
    d = {'k0': 0, 'k1': 1}
    d[7.5] = 2
    try:
        for k in d:
            out.append(k)
            d.pop(k)
            d[str(k) + 'y'] = 0
    except RuntimeError as e:
        out.append(str(e))
    d = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4}
    try:
        for k in d:
            out.append(k)
            del d[k]
            d[k + 10] = k
    except RuntimeError as e:
        out.append(str(e))
    return out, d
''', entry='main()'),
dict(path='vm/regressions/math-hypot-top-of-range', desc='Fuzzer seed 4103 #216: hypot and frexp of floats at the top of the double range (frexp looped: 2 ** 1024 is not a double)',
     spec=['math-hypot', 'math-exactness', 'import-math', 'op-IMPORT_NAME'], tags=['regression', 'math', 'float'],
     src='''
def main():
    import math
    big = 1.7976931348623157e+308
    return math.hypot(big, 9223372036854775809), math.hypot(big, big), math.frexp(big), math.frexp(-big), math.dist((big,), (0.0,))
''', entry='main()'),
dict(path='vm/regressions/setattr-bool-data-attribute', desc="setattr of bool's real/imag/numerator/denominator names int, "
     "the type that defines them: attribute 'real' of 'int' objects is not writable (found by the construct probe of the fuzz pass; the VM said 'bool')",
     spec=['builtin-setattr', 'exception-message'], tags=R + ['builtins', 'exceptions'],
     src='''
def main(flag):
    out = []
    for name in ('real', 'imag', 'numerator', 'denominator', 'bit_length', 'x'):
        for v in (flag, 7, 2.5):
            try:
                setattr(v, name, 1)
            except AttributeError as e:
                out.append(str(e))
    return out
''', entry='main(True)'),
dict(path='vm/regressions/set-display-unhashable-item', desc="A set display with a list item ({[1], 2}: TypeError at run time) beside a "
     "frozenset constant (x in {1, 2, 3}): the importer used to crash hashing the display while ordering the constant",
     spec=['op-BUILD_SET', 'op-CONTAINS_OP', 'exception-message'], tags=R + ['sets', 'exceptions'],
     src='''
def main(x):
    out = []
    for item in ([1], {}, 3):
        try:
            out.append(len({item, 2}))
            out.append(len({[1], 2}))
        except TypeError as e:
            out.append(str(e))
    return out, x in {1, 2, 3}, x in {(1, 2), 'a'}
''', entry='main(3)'),
]
