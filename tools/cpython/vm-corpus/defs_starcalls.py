# Calls as real code writes them (issue 11 deliverable 3): *args / **kwargs parameters, keyword-only
# and positional-only parameters, star calls (CALL_FUNCTION_EX, DICT_MERGE), ** in dict displays
# (DICT_UPDATE), starred assignment (UNPACK_EX), and their errors. Error fixtures whose message names
# the function use top-level functions: nested code objects are named PARENT.NAME here, not CPython's
# qualname (the programs in fixtures/programs/ cover nested ones).
CL = ['calls']
EX = CL + ['exceptions']
FIX = [
dict(path='vm/calls/star-args', desc='f(*xs) with a list, a tuple, a generator and a range; print(*out); a star call between plain arguments (LIST_EXTEND, LIST_APPEND, INTRINSIC_LIST_TO_TUPLE); a bound method called with *args',
     spec=['call-star', 'op-CALL_FUNCTION_EX', 'op-CALL_INTRINSIC_1', 'op-LIST_EXTEND', 'call-varargs'], tags=CL + ['output'],
     src='''
def add3(a, b, c):
    return a + b + c

def gen(n):
    for i in range(n):
        yield i * 10

def main():
    xs = [1, 2, 3]
    out = ['a', 'b', 'c']
    print(*out)
    print(*out, sep='-')
    r = [add3(*xs), add3(*(4, 5, 6)), add3(*gen(3)), add3(*range(3)), add3(1, *[2], 3), add3(*[1], *(2, 3))]
    acc = []
    acc.append(*[7])
    return r, acc
''', entry='main()'),
dict(path='vm/calls/star-kwargs', desc='f(**k), f(x=1, **k) and f(**k, y=2) build the keyword dict with BUILD_MAP and DICT_MERGE; builtins take ** too (dict(**k), print(**{"end": ...}))',
     spec=['call-star', 'op-CALL_FUNCTION_EX', 'op-DICT_MERGE', 'call-binding'], tags=CL + ['output'],
     src='''
def box(w, h, depth):
    return (w, h, depth)

def main():
    k = {'h': 2, 'depth': 3}
    print('no newline', **{'end': '|'})
    print(**{'sep': '+'})
    return box(**{'w': 1, 'h': 2, 'depth': 3}), box(1, **k), box(w=9, **{'h': 8}, depth=7), dict(**k), dict(k, z=1)
''', entry='main()'),
dict(path='vm/calls/varargs-params', desc='A *args parameter gets a new tuple of the extra positional arguments (never the caller\'s tuple); a **kwargs parameter a new dict of the unknown keywords, in call order',
     spec=['call-varargs', 'call-varkeywords', 'call-binding', 'code-params', 'assembly-params'], tags=CL,
     src='''
def collect(first, *rest):
    return first, rest

def options(**kw):
    kw['seen'] = True
    return kw

def both(a, *args, b, **kw):
    return a, args, b, kw

def main():
    t = (1, 2, 3)
    first, rest = collect(*t)
    d = {'x': 1}
    got = options(**d)
    return first, rest, rest is t, collect(0), d, got, got is d, both(1, 2, 3, b=4, z=5, y=6), both(*[1], b=2)
''', entry='main()'),
dict(path='vm/calls/keyword-only', desc='Keyword-only parameters (after * or *args) bind only by keyword; SET_FUNCTION_ATTRIBUTE kwdefaults supplies their defaults, evaluated once (a mutable one is shared)',
     spec=['call-kwdefaults', 'op-SET_FUNCTION_ATTRIBUTE', 'call-binding', 'op-MAKE_FUNCTION'], tags=CL,
     src='''
def main(scale):
    def fmt(value, *, width=4, fill='.', seen=[]):
        seen.append(value)
        return str(value * scale).rjust(width, fill), len(seen)
    def clamp(x, lo=0, *, hi):
        return max(lo, min(hi, x))
    return fmt(1), fmt(2, width=6), fmt(3, fill='*', width=2), clamp(15, hi=10), clamp(-5, hi=3), clamp(-5, -9, hi=3)
''', entry='main(7)'),
dict(path='vm/calls/positional-only', desc='Positional-only parameters (before /) cannot be passed by keyword; with **kwargs a keyword of the same name lands in the dict instead',
     spec=['call-binding', 'code-params', 'assembly-params', 'call-varkeywords'], tags=CL,
     src='''
def scaled(x, /, factor):
    return x * factor

def tagged(name, /, **attrs):
    return name, attrs

def main():
    return scaled(3, 4), scaled(3, factor=5), tagged('a', name='b', k=1)
''', entry='main()'),
dict(path='vm/calls/annotations', desc='An annotated def: CPython 3.13 builds the (name, value, ...) tuple and sets it with SET_FUNCTION_ATTRIBUTE annotations; the call is unaffected',
     spec=['op-SET_FUNCTION_ATTRIBUTE', 'call-kwdefaults'], tags=CL,
     src='''
def main(n):
    def step(x: int, *, by: int = 2) -> int:
        return x + by
    total = 0
    for i in range(n):
        total = step(total, by=i)
    return total, step(1)
''', entry='main(5)'),
dict(path='vm/calls/dict-display-unpack', desc='{**a, "k": v, **b} uses DICT_UPDATE: later keys replace values and keep the first position; [*a, *b] and (*a, x) extend a list',
     spec=['call-star', 'op-DICT_UPDATE', 'op-LIST_EXTEND', 'op-CALL_INTRINSIC_1'], tags=CL + ['containers'],
     src='''
def main():
    base = {'a': 1, 'b': 2}
    extra = {'b': 20, 'c': 30}
    merged = {**base, 'x': 0, **extra}
    first = {'b': -1, **base}
    xs, ys = [1, 2], (3, 4)
    return merged, first, {**{}}, [*xs, *ys, *'hi'], (*xs, 5), [*range(3), *{'k': 1}]
''', entry='main()'),
dict(path='vm/calls/unpack-star', desc='a, *rest = xs; *init, last = xs; first, *mid, last from a str, a generator and in a for loop (UNPACK_EX); the starred name always gets a new list',
     spec=['call-star', 'op-UNPACK_EX'], tags=CL + ['containers'],
     src='''
def gen():
    yield 'p'
    yield 'q'
    yield 'r'

def main():
    xs = [1, 2, 3, 4]
    a, *rest = xs
    *init, last = xs
    first, *mid, end = 'hello'
    g1, *g2 = gen()
    *empty, one = (9,)
    pairs = []
    for head, *tail in [(1, 2, 3), (4,), [5, 6]]:
        pairs.append((head, tail))
    t = (1, 2)
    *copy, = t
    return a, rest, init, last, first, mid, end, g1, g2, empty, one, pairs, copy
''', entry='main()'),
dict(path='vm/calls/builtin-keywords', desc='Builtins and methods take their keyword arguments as CPython 3.13 does: print(sep=, end=), sorted/list.sort(key=, reverse=), min/max(key=, default=), int(base=), dict(a=), enumerate(start=), sum(start=), round(ndigits=, number=), str.split/rsplit(sep=, maxsplit=), zip(strict=), str.format(x=)',
     spec=['call-builtin', 'call-keywords', 'op-CALL_KW'], tags=CL + ['builtins', 'output'],
     src=r'''
def main():
    out = []
    print(1, 2, sep=', ', end='!\n')
    out.append(sorted([3, 1, 2], key=lambda v: -v, reverse=True))
    out.append(min([3, 1, 2], key=lambda v: -v))
    out.append(max([], default=7))
    out.append(min([], key=abs, default=None))
    out.append(int('ff', base=16))
    out.append(int(x='12') if False else 0)
    out.append(dict(a=1, b=2))
    out.append(list(enumerate('ab', start=5)))
    out.append(sum([1, 2], start=10))
    out.append(round(2.675, ndigits=2))
    out.append(round(number=3.5))
    out.append('a b c'.split(sep=' ', maxsplit=1))
    out.append('a b c'.rsplit(maxsplit=1))
    xs = [3, 1, 2]
    xs.sort(key=lambda v: v % 3, reverse=True)
    out.append(xs)
    out.append(list(zip([1], [2], strict=True)))
    out.append('x'.join(['a', 'b']))
    out.append(str(object=5))
    out.append(sorted(['b', 'A'], key=str.lower))
    out.append({}.get('k', 'd'))
    out.append(' x '.strip())
    out.append('abc'.startswith(('a', 'z'), 0))
    out.append('a,b'.split(','))
    out.append(max(1, 2, key=lambda v: -v))
    out.append(divmod(7, 2))
    out.append(float('1.5'))
    out.append(list(map(lambda a, b: a + b, [1], [2])))
    out.append('{0}-{x}'.format(1, x=2))
    return out
''', entry='main()'),
dict(path='vm/calls/builtin-keyword-errors', desc='Keyword errors of builtins with CPython 3.13 messages: unexpected keyword (with Did you mean), takes no keyword arguments, takes at most N arguments, is an invalid keyword argument for enumerate(), sep/end type errors, a repeated ** keyword for dict()',
     spec=['call-builtin', 'call-keywords', 'call-star', 'call-function-str'], tags=EX + ['builtins'],
     src='''
def attempt(k):
    try:
        if k == 0: sorted([1], keyy=None)
        if k == 1: print(sepp=1)
        if k == 2: enumerate('a', strt=1)
        if k == 3: int('1', bse=2)
        if k == 4: round(1.5, nd=2)
        if k == 5: 'a'.split(sepp=',')
        if k == 6: min([1], defualt=0)
        if k == 7: sum([1], strt=0)
        if k == 8: [].sort(reversed=True)
        if k == 9: zip([1], strct=True)
        if k == 10: max([1], [2], default=0)
        if k == 11: sorted([1], None)
        if k == 12: sum([1], 2, start=3)
        if k == 13: enumerate('a', 1, start=2)
        if k == 14: int(5, base=10)
        if k == 15: range(1, step=2)
        if k == 16: len([], x=1)
        if k == 17: 'a'.split(',', 1, maxsplit=2)
        if k == 18: print('a', sep=1)
        if k == 19: print('a', end=2)
        if k == 20: dict([], **{'a': 1}, a=2)
        if k == 21: str(1, encoding='x')
        if k == 22: round(number=1.5, ndigits=1, x=2)
        if k == 23: list(iterable=[1])
        if k == 24: tuple([1], x=1)
        if k == 25: min(key=len)
        if k == 26: isinstance(obj=1, class_or_tuple=int)
        if k == 27: abs(x=1)
        if k == 28: [1].index(value=1)
        if k == 29: {}.get(key=1)
        return 'ok'
    except TypeError as e:
        return str(e)

def main():
    return [attempt(k) for k in range(30)]
''', entry='main()'),
dict(path='vm/calls/builtin-keywords-more', desc='More keyword parameters of builtins and methods: print(flush=), enumerate(iterable=, start=), pow(base=, exp=, mod=), str.replace(count=) (new in 3.13), splitlines(keepends=), expandtabs(tabsize=), dict.update(**kw), str(object=), round(ndigits=, number=) in any order',
     spec=['call-builtin', 'call-keywords', 'op-CALL_KW'], tags=CL + ['builtins', 'output'],
     src=r'''
def main():
    out = []
    print('a', 'b', flush=True)
    out.append(list(enumerate(iterable='xy', start=1)))
    out.append(pow(base=2, exp=10))
    out.append(pow(2, 10, mod=7))
    out.append('a-b-c'.replace('-', '+', count=1))
    out.append('a\nb\n'.splitlines(keepends=True))
    out.append('a\tb'.expandtabs(tabsize=4))
    d = {'x': 1}
    d.update(y=2, z=3)
    d.update({'w': 0}, v=9)
    out.append(d)
    out.append(max([1, 5, 3], key=lambda v: -v, default=0))
    out.append('{a}{b}'.format(**{'a': 1, 'b': 2}))
    out.append(str(object=[1]))
    out.append(sorted('bca', reverse=True))
    out.append(int('z', 36))
    out.append(round(ndigits=1, number=2.25))
    out.append(list(zip('ab', 'cd', strict=False)))
    out.append(dict.fromkeys('ab', 0))
    out.append(format(3.14159, '.2f'))
    return out
''', entry='main()'),
dict(path='vm/calls/builtin-keyword-errors-more', desc='Argument Clinic messages of builtins: missing required argument (pos 1), given by name and position, an invalid keyword argument for enumerate(), expected at most 1 argument, Did you mean for print(flush=)',
     spec=['call-builtin', 'call-keywords'], tags=EX + ['builtins'],
     src=r'''
def attempt(k):
    try:
        if k == 0: pow(bas=2, exp=3)
        if k == 1: 'a'.replace('a', 'b', cnt=1)
        if k == 2: print('x', flsh=True)
        if k == 3: {}.update(1)
        if k == 4: 'a'.splitlines(keep=True)
        if k == 5: 'a'.expandtabs(tabs=2)
        if k == 6: enumerate(iterable='a', iterable2='b')
        if k == 7: str(objet=1)
        if k == 8: sorted(iterable=[1])
        if k == 9: max(key=abs)
        if k == 10: pow(2, exp=3, base=2)
        if k == 11: enumerate()
        if k == 12: round()
        if k == 13: 'a'.split(',', sep=',')
        if k == 14: {}.update({}, {})
        return 'ok'
    except TypeError as e:
        return str(e)

def main():
    return [attempt(k) for k in range(15)]
''', entry='main()'),
# ---- errors
dict(path='vm/calls/star-list-extend-errors', desc='LIST_EXTEND of a non-iterable in [*v] and f(1, *v): TypeError Value after * must be an iterable, not int (found by the fuzzer, seed 4401); an error raised while iterating propagates unchanged; f(*5) is CALL_FUNCTION_EX\'s own message',
     spec=['call-star', 'op-LIST_EXTEND', 'call-function-str'], tags=EX + ['generators'],
     src='''
def gen():
    yield 1
    raise TypeError('inside')

def f(*a):
    return a

def main():
    out = []
    for v in [5, None, 2.5, gen()]:
        try:
            out.append([*v])
        except TypeError as e:
            out.append(str(e))
        try:
            out.append(f(1, *v))
        except TypeError as e:
            out.append(str(e))
    try:
        f(*5)
    except TypeError as e:
        out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/calls/star-not-iterable', desc='f(*1) raises TypeError: __optcert__.f() argument after * must be an iterable, not int',
     spec=['call-star', 'call-function-str', 'op-CALL_FUNCTION_EX', 'exception-message'], tags=EX,
     src='''
def f(*args):
    return args

def main(n):
    return f(*n)
''', entry='main(1)'),
dict(path='vm/calls/star-errors-builtins', desc='Star-call messages name builtins as print(), int() and list.append(); ** of a list is not a mapping; len(**k) takes no keyword arguments',
     spec=['call-star', 'call-function-str', 'call-builtin', 'op-DICT_MERGE'], tags=EX,
     src='''
def attempt(fn, arg):
    try:
        fn(arg)
    except TypeError as e:
        return str(e)
    return 'no error'

def star_print(v):
    print(*v)

def star_int(v):
    int(*v)

def star_append(v):
    [].append(*v)

def kw_print(v):
    print(**v)

def kw_len(v):
    len('x', **v)

def main():
    return [attempt(star_print, 5), attempt(star_int, None), attempt(star_append, 2.5),
            attempt(kw_print, [1]), attempt(kw_len, {'x': 1}), attempt(kw_print, {'sep': 1})]
''', entry='main()'),
dict(path='vm/calls/kwargs-not-mapping', desc='f(**[1]) raises TypeError at DICT_MERGE: __optcert__.f() argument after ** must be a mapping, not list',
     spec=['call-star', 'call-function-str', 'op-DICT_MERGE', 'exception-message'], tags=EX,
     src='''
def f(**kw):
    return kw

def main(v):
    return f(**v)
''', entry='main([1])'),
dict(path='vm/calls/kwargs-not-strings', desc='A ** dict with a non-str key raises TypeError: keywords must be strings',
     spec=['call-star', 'op-CALL_FUNCTION_EX', 'exception-message'], tags=EX,
     src='''
def f(**kw):
    return kw

def main():
    return f(**{'a': 1, 2: 'b'})
''', entry='main()'),
dict(path='vm/calls/kwargs-repeated-keyword', desc='f(x=1, **{"x": 2}): DICT_MERGE raises TypeError: __optcert__.f() got multiple values for keyword argument \'x\'',
     spec=['call-star', 'call-function-str', 'op-DICT_MERGE', 'exception-message'], tags=EX,
     src='''
def f(**kw):
    return kw

def main(k):
    return f(x=1, **k)
''', entry="main({'x': 2})"),
dict(path='vm/calls/kwargs-repeated-argument', desc='f(1, **{"a": 2}) binds a twice: TypeError f() got multiple values for argument \'a\' (a binding error: no module prefix)',
     spec=['call-binding', 'call-star', 'exception-message'], tags=EX,
     src='''
def f(a, b):
    return a + b

def main():
    return f(1, **{'a': 2, 'b': 0})
''', entry='main()'),
dict(path='vm/calls/missing-keyword-only', desc="A keyword-only parameter without a default left unbound: k() missing 2 required keyword-only arguments: 'lo' and 'hi'",
     spec=['call-binding', 'call-arity-error', 'exception-message'], tags=EX,
     src='''
def k(x, *, lo, hi):
    return lo <= x <= hi

def main():
    return k(5)
''', entry='main()'),
dict(path='vm/calls/too-many-with-keyword-only', desc='Too many positional arguments with a keyword-only one given: takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given',
     spec=['call-binding', 'call-arity-error', 'exception-message'], tags=EX,
     src='''
def k(x, *, c):
    return x + c

def main():
    return k(1, 2, c=3)
''', entry='main()'),
dict(path='vm/calls/positional-only-as-keyword', desc="Positional-only parameters passed by keyword: g() got some positional-only arguments passed as keyword arguments: 'a, b'",
     spec=['call-binding', 'exception-message'], tags=EX,
     src='''
def g(a, b, /, c):
    return a

def main():
    return g(a=1, b=2, c=3)
''', entry='main()'),
dict(path='vm/calls/binding-errors', desc='Binding errors caught in order: unexpected keyword with a keyword-only suggestion, keyword-only given positionally, missing positional before keyword-only, *args absorbing extras',
     spec=['call-binding', 'call-keywords', 'call-arity-error', 'call-varargs'], tags=EX,
     src='''
def k(a, *, limit, verbose):
    return a

def v(a, *rest, flag):
    return a, rest, flag

def p(a, b):
    return a

def attempt(case):
    try:
        if case == 0:
            return k(1, limt=2, verbose=3)
        if case == 1:
            return k(1, 2, 3)
        if case == 2:
            return k(limit=1, verbose=2)
        if case == 3:
            return v(1, 2, 3)
        if case == 4:
            return v(1, 2, 3, flag=4)
        if case == 5:
            return p(1, 2, 3, b=4)
        return p(*[1, 2, 3])
    except TypeError as e:
        return str(e)

def main():
    return [attempt(i) for i in range(7)]
''', entry='main()'),
dict(path='vm/calls/dict-update-not-mapping', desc="{**xs} with a list raises TypeError at DICT_UPDATE: 'list' object is not a mapping",
     spec=['call-star', 'op-DICT_UPDATE', 'exception-message'], tags=EX,
     src='''
def main(xs):
    return {'a': 1, **xs}
''', entry='main([(1, 2)])'),
dict(path='vm/calls/unpack-star-short', desc='a, *b, c = [1] raises ValueError: not enough values to unpack (expected at least 2, got 1)',
     spec=['call-star', 'op-UNPACK_EX', 'exception-message'], tags=EX,
     src='''
def main(xs):
    a, *b, c = xs
    return a, b, c
''', entry='main([1])'),
dict(path='vm/calls/unpack-star-errors', desc='UNPACK_EX on a non-iterable (TypeError: cannot unpack non-iterable int object) and running short before the star',
     spec=['call-star', 'op-UNPACK_EX'], tags=EX,
     src='''
def attempt(v):
    try:
        a, b, *c = v
        return a, b, c
    except (TypeError, ValueError) as e:
        return type(e).__name__ + ': ' + str(e)

def main():
    return [attempt(5), attempt([1]), attempt(''), attempt('xy'), attempt(range(4))]
''', entry='main()'),
dict(path='vm/calls/star-args-generator-raises', desc='An exception raised while CALL_FUNCTION_EX collects a generator into the argument tuple propagates from the call; the function is never entered',
     spec=['call-star', 'op-CALL_FUNCTION_EX', 'generator-builtin-consume'], tags=EX + ['generators', 'output'],
     src='''
def items(n):
    for i in range(n):
        if i == 2:
            raise ValueError('bad item')
        yield i

def show(*xs):
    print('entered', xs)

def main():
    try:
        show(*items(5))
    except ValueError as e:
        return 'caught ' + str(e)
''', entry='main()'),
]

# ---- verifier: the table's operand ranges and minimum depths for the new instructions
FIX += [
dict(path='verifier/bad-oparg-call-function-ex', desc='CALL_FUNCTION_EX takes oparg 0 (no keyword dict) or 1 (a dict on top); #2 is rejected',
     spec=['verify-bad-oparg', 'op-CALL_FUNCTION_EX', 'assembly-raw-operand'], tags=['verifier'], entry='main()',
     asm={'main': '''RESUME 0
LOAD_GLOBAL print + NULL
LOAD_CONST (1,)
BUILD_MAP 0
CALL_FUNCTION_EX #2
RETURN_VALUE
'''}, expect={'invalid': 'BAD_OPARG'}),
dict(path='verifier/stack-underflow-dict-merge', desc='DICT_MERGE 1 reads the callable 4 items below the mapping (callable, NULL, callargs, dict, mapping): a bare {**d} shape is too shallow',
     spec=['verify-stack-underflow', 'op-DICT_MERGE'], tags=['verifier'], entry='main()',
     asm={'main': '''RESUME 0
BUILD_MAP 0
LOAD_CONST 1
DICT_MERGE 1
RETURN_VALUE
'''}, expect={'invalid': 'STACK_UNDERFLOW'}),
dict(path='verifier/bad-oparg-dict-update', desc='DICT_UPDATE 0 would name the mapping itself as its target; opargs start at 1',
     spec=['verify-bad-oparg', 'op-DICT_UPDATE'], tags=['verifier'], entry='main()',
     asm={'main': '''RESUME 0
BUILD_MAP 0
DICT_UPDATE 0
RETURN_VALUE
'''}, expect={'invalid': 'BAD_OPARG'}),
]
