G = ['generators']
FIX = [
dict(path='vm/generators/lifecycle-next', desc='Calling a generator function runs nothing (RETURN_GENERATOR); each next() resumes after the last YIELD_VALUE; the final next() raises StopIteration',
     spec=['generator-create', 'generator-resume', 'generator-next', 'op-RETURN_GENERATOR', 'op-YIELD_VALUE', 'op-RESUME'], tags=G + ['output'],
     src='''
def gen():
    print('started')
    yield 1
    print('resumed')
    yield 2
    print('finishing')

def main():
    g = gen()
    print('created')
    a = next(g)
    print('got', a)
    b = next(g)
    print('got', b)
    return next(g)
''', entry='main()'),
dict(path='vm/generators/return-value', desc="A generator's return value becomes the StopIteration raised by next(); str(StopIteration(42)) is '42'",
     spec=['generator-return', 'generator-next', 'exception-message'], tags=G + ['exceptions'],
     src='''
def gen():
    yield 'only'
    return 42

def main():
    g = gen()
    print(next(g))
    return next(g)
''', entry='main()'),
dict(path='vm/generators/for-loop', desc='FOR_ITER drives a generator to exhaustion; its locals persist across yields; the return value is discarded',
     spec=['generator-for-iter', 'generator-resume', 'op-FOR_ITER', 'op-END_FOR'], tags=G + ['control-flow'],
     src='''
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return 'ignored'

def main(n):
    out = []
    for x in countdown(n):
        out.append(x)
    return out
''', entry='main(4)'),
dict(path='vm/generators/consumed-by-builtins', desc='list(), sum(), max(), tuple(), sorted() and enumerate() run generator frames to completion',
     spec=['generator-builtin-consume', 'builtin-list', 'builtin-sum', 'builtin-max', 'builtin-sorted'], tags=G + ['builtins'],
     src='''
def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1

def main(n):
    return list(squares(n)), sum(squares(n)), max(squares(n)), tuple(squares(2)), sorted(squares(3), reverse=True), list(enumerate(squares(2)))
''', entry='main(5)'),
dict(path='vm/generators/stopiteration-to-runtimeerror', desc='StopIteration escaping a generator body is converted to RuntimeError by the CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR handler',
     spec=['generator-stopiteration-conversion', 'op-CALL_INTRINSIC_1', 'op-RERAISE', 'exception-table', 'assembly-exception-table'], tags=G + ['exceptions'],
     src='''
def bad():
    yield 1
    next(iter([]))
    yield 2

def main():
    return list(bad())
''', entry='main()'),
dict(path='vm/generators/stopiteration-conversion-caught', desc='The RuntimeError from a StopIteration inside a generator can be caught by the consumer; values yielded before it were seen',
     spec=['generator-stopiteration-conversion', 'generator-for-iter', 'exception-match'], tags=G + ['exceptions'],
     src='''
def inner():
    yield 'a'

def outer():
    it = inner()
    while True:
        yield next(it)

def main():
    seen = []
    try:
        for x in outer():
            seen.append(x)
    except RuntimeError as e:
        seen.append(str(e))
    return seen
''', entry='main()'),
dict(path='vm/generators/sent-value-none', desc='next() resumes a generator with None: the value of the yield expression is None',
     spec=['generator-resume', 'op-YIELD_VALUE'], tags=G + ['output'],
     src='''
def echo():
    got = yield 'first'
    print('got', got)
    got = yield 'second'
    print('got', got)

def main():
    g = echo()
    return next(g), next(g), next(g, 'end')
''', entry='main()'),
dict(path='vm/generators/genexpr', desc='A generator expression is a separate code object (.0 parameter) made with MAKE_FUNCTION and called with the iterator',
     spec=['generator-create', 'generator-builtin-consume', 'op-MAKE_FUNCTION', 'op-RETURN_GENERATOR'], tags=G,
     src='''
def main(xs):
    return sum(x * x for x in xs), list(x for x in xs if x > 1)
''', entry='main([1, 2, 3])'),
dict(path='vm/generators/exhausted-stays-exhausted', desc='An exhausted generator keeps raising StopIteration: next(g, d) gives d and list(g) is empty',
     spec=['generator-next', 'generator-return', 'builtin-next'], tags=G,
     src='''
def one():
    yield 1

def main():
    g = one()
    first = list(g)
    return first, next(g, 'd'), list(g), next(g, 'again')
''', entry='main()'),
dict(path='vm/generators/exception-propagates', desc='An exception raised inside a generator propagates out of FOR_ITER to the consumer\'s handler; the generator is then finished',
     spec=['exception-unwind', 'generator-for-iter', 'exception-match'], tags=G + ['exceptions'],
     src='''
def gen():
    yield 1
    raise ValueError('from gen')

def main():
    out = []
    g = gen()
    try:
        for x in g:
            out.append(x)
    except ValueError as e:
        out.append(str(e))
    out.append(next(g, 'finished'))
    return out
''', entry='main()'),
dict(path='vm/generators/interleaved', desc='Two live generators keep separate frames; zip() advances them alternately',
     spec=['generator-resume', 'builtin-zip', 'generator-builtin-consume'], tags=G,
     src='''
def count(start):
    while True:
        yield start
        start += 1

def letters(s):
    for ch in s:
        yield ch

def main():
    return list(zip(count(10), letters('abc'))), list(zip(letters('xy'), letters('pqr')))
''', entry='main()'),
dict(path='vm/generators/try-finally-in-generator', desc='A finally block inside a generator runs when the generator is driven to completion',
     spec=['exception-finally', 'generator-builtin-consume'], tags=G + ['exceptions', 'output'],
     src='''
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')

def main():
    r = list(gen())
    print('after')
    return r
''', entry='main()'),
dict(path='vm/generators/uncaught-in-generator', desc='An exception raised in a generator frame resumed by next() and not caught anywhere escapes the entry call',
     spec=['exception-uncaught', 'exception-unwind', 'generator-next'], tags=G + ['exceptions'],
     src='''
def gen(d):
    yield d['a']
    yield d['b']

def main():
    g = gen({'a': 1})
    print(next(g))
    return next(g)
''', entry='main()'),
]
