# `yield from` and the generator methods send / throw / close (spec/generators.md#generator-delegation).
G = ['generators']
DELEG = ['generator-delegation', 'op-GET_YIELD_FROM_ITER', 'op-SEND', 'op-END_SEND']
FIX = [
dict(path='vm/yieldfrom/return-value', desc='x = yield from g: the items of g pass through; its return value is the value of the expression',
     spec=DELEG + ['generator-return', 'op-YIELD_VALUE'], tags=G + ['output'],
     src='''
def inner(n):
    for i in range(n):
        yield i
    return n * 10

def outer():
    total = yield from inner(3)
    print('inner returned', total)
    yield total

def main():
    return list(outer())
''', entry='main()'),
dict(path='vm/yieldfrom/builtin-iterables', desc='yield from a list, a range, a str, a tuple, a dict and an iterator: SEND calls next() on them; the value of the expression is None',
     spec=DELEG, tags=G,
     src='''
def gen(d):
    r = yield from [1, 2]
    yield r
    yield from range(3, 5)
    yield from 'ab'
    yield from (None, True)
    yield from d
    yield from iter([7, 8])
    yield from enumerate('z')

def main():
    return list(gen({'k': 1, 'j': 2}))
''', entry='main()'),
dict(path='vm/yieldfrom/not-iterable', desc='yield from an int: GET_YIELD_FROM_ITER raises TypeError',
     spec=['op-GET_YIELD_FROM_ITER', 'generator-delegation'], tags=G + ['exceptions'],
     src='''
def gen(x):
    yield from x

def main():
    return next(gen(5))
''', entry='main()'),
dict(path='vm/yieldfrom/send-through', desc='send() on a delegating generator reaches the inner one, whose yield expression receives it; the first next() sends None',
     spec=DELEG + ['generator-send', 'generator-methods', 'generator-resume'], tags=G + ['output'],
     src='''
def averager():
    total = 0
    count = 0
    while True:
        x = yield (total / count if count else None)
        if x is None:
            return count
        total += x
        count += 1

def outer():
    n = yield from averager()
    print('averaged', n, 'values')
    yield 'done'

def main():
    g = outer()
    print(next(g))
    print(g.send(10))
    print(g.send(20))
    print(g.send(60))
    return g.send(None)
''', entry='main()'),
dict(path='vm/yieldfrom/send-to-list', desc="send(v) with v not None to a generator delegating to a list iterator: AttributeError from SEND ('list_iterator' has no send)",
     spec=DELEG + ['generator-send'], tags=G + ['exceptions'],
     src='''
def gen():
    yield from [1, 2, 3]

def main():
    g = gen()
    next(g)
    return g.send(5)
''', entry='main()'),
dict(path='vm/yieldfrom/send-just-started', desc="send() of a non-None value to a generator that has not started raises TypeError; send(None) starts it",
     spec=['generator-send', 'generator-methods'], tags=G + ['exceptions'],
     src='''
def gen():
    x = yield 1
    yield x

def main():
    g = gen()
    try:
        g.send(3)
    except TypeError as e:
        print(e)
    print(g.send(None))
    print(g.send('v'))
    return g.send(None)
''', entry='main()'),
dict(path='vm/yieldfrom/throw-caught-inner', desc='throw() into a delegating generator reaches the inner one; the inner handler yields, and that value is what throw() returns',
     spec=DELEG + ['generator-throw', 'generator-methods'], tags=G + ['exceptions', 'output'],
     src='''
def inner():
    while True:
        try:
            yield 'working'
        except ValueError as e:
            print('inner caught', e)
            yield 'recovered'

def outer():
    yield from inner()

def main():
    g = outer()
    print(next(g))
    print(g.throw(ValueError('bad')))
    print(next(g))
    return g.throw(ValueError)
''', entry='main()'),
dict(path='vm/yieldfrom/throw-inner-returns', desc='throw() into a delegating generator whose inner one returns from its handler: CLEANUP_THROW turns the StopIteration into the value of yield from',
     spec=DELEG + ['generator-throw', 'op-CLEANUP_THROW'], tags=G + ['exceptions', 'output'],
     src='''
def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        return 'stopped early'
    return 'finished'

def outer():
    r = yield from inner()
    print('outer got', r)
    yield r

def main():
    g = outer()
    print(next(g))
    print(g.throw(KeyError('k')))
    return list(g)
''', entry='main()'),
dict(path='vm/yieldfrom/throw-uncaught-inner', desc='An exception thrown in and not caught by the inner generator closes it and propagates out of the yield from, where the outer one catches it',
     spec=DELEG + ['generator-throw', 'op-CLEANUP_THROW', 'exception-unwind'], tags=G + ['exceptions', 'output'],
     src='''
def inner():
    yield 1
    yield 2

def outer():
    it = inner()
    try:
        yield from it
    except ZeroDivisionError as e:
        print('outer caught', repr(e))
        yield 'after'
    yield list(it)

def main():
    g = outer()
    print(next(g))
    print(g.throw(ZeroDivisionError))
    return list(g)
''', entry='main()'),
dict(path='vm/yieldfrom/throw-list-delegate', desc='throw() into a generator delegating to a list iterator (which has no throw): raised at the yield, CLEANUP_THROW re-raises it',
     spec=DELEG + ['generator-throw', 'op-CLEANUP_THROW'], tags=G + ['exceptions'],
     src='''
def gen():
    try:
        yield from [1, 2, 3]
    except IndexError as e:
        yield 'caught ' + str(e)

def main():
    g = gen()
    first = next(g)
    second = g.throw(IndexError('boom'))
    try:
        g.throw(IndexError)
    except IndexError as e:
        return first, second, repr(e)
''', entry='main()'),
dict(path='vm/yieldfrom/throw-not-started', desc='throw() into a generator that has not started raises the exception at once (not converted) and closes it; throw() into a closed one raises it too',
     spec=['generator-throw', 'generator-stopiteration-conversion'], tags=G + ['exceptions', 'output'],
     src='''
def gen():
    yield 1

def main():
    g = gen()
    try:
        g.throw(StopIteration('early'))
    except StopIteration as e:
        print('StopIteration', e)
    print(list(g))
    try:
        g.throw(KeyError('late'))
    except KeyError as e:
        print('KeyError', e)
    try:
        g.throw(3)
    except TypeError as e:
        print(e)
    h = gen()
    next(h)
    return h.throw(StopIteration)
''', entry='main()'),
dict(path='vm/yieldfrom/close', desc="close(): a created generator just closes; a suspended one runs its finally (GeneratorExit); a return during close is close()'s value; a yield is RuntimeError",
     spec=['generator-close', 'generator-methods'], tags=G + ['exceptions', 'output'],
     src='''
def plain():
    yield 1
    yield 2

def guarded():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')

def returning():
    try:
        yield 1
    except GeneratorExit:
        return 'closed with value'

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('ignoring')
    yield 2

def main():
    g = plain()
    print(g.close(), list(g))
    g = plain()
    next(g)
    print(g.close(), list(g), g.close())
    g = guarded()
    next(g)
    print(g.close())
    g = returning()
    next(g)
    print(g.close())
    g = stubborn()
    next(g)
    try:
        g.close()
    except RuntimeError as e:
        print(repr(e))
    return next(g, 'exhausted')
''', entry='main()'),
dict(path='vm/yieldfrom/close-delegation', desc='close() on a delegating generator closes the inner one first (its finally runs), then the outer one',
     spec=DELEG + ['generator-close', 'generator-delegate'], tags=G + ['output'],
     src='''
def inner():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('inner closed')

def outer():
    try:
        yield from inner()
    finally:
        print('outer closed')

def main():
    g = outer()
    print(next(g))
    print(g.close())
    h = outer()
    print(next(h))
    try:
        h.throw(GeneratorExit)
    except GeneratorExit as e:
        print('GeneratorExit', repr(e))
    return list(h)
''', entry='main()'),
dict(path='vm/yieldfrom/chain', desc='A chain of three delegating generators: items, sent values and a thrown exception reach the innermost; return values climb back',
     spec=DELEG + ['generator-send', 'generator-throw', 'op-CLEANUP_THROW'], tags=G + ['output'],
     src='''
def leaf(tag):
    got = []
    try:
        while True:
            x = yield tag + str(len(got))
            got.append(x)
    except LookupError:
        return got

def middle():
    r = yield from leaf('m')
    return ('middle', r)

def top():
    r = yield from middle()
    print('top got', r)
    yield 'end'

def main():
    g = top()
    print(next(g))
    print(g.send(1))
    print(g.send(2))
    return g.throw(IndexError)
''', entry='main()'),
dict(path='vm/yieldfrom/already-executing', desc='The inner generator resumes its own delegating generator: ValueError generator already executing (the outer one is running while it delegates)',
     spec=['generator-delegation', 'generator-resume', 'op-SEND'], tags=G + ['exceptions'],
     src='''
def inner(holder):
    yield 1
    next(holder[0])

def outer(holder):
    yield from inner(holder)

def main():
    holder = []
    g = outer(holder)
    holder.append(g)
    next(g)
    return next(g)
''', entry='main()'),
dict(path='vm/yieldfrom/stopiteration-inside', desc='StopIteration raised inside the inner generator becomes RuntimeError there (PEP 479) and propagates through the yield from',
     spec=DELEG + ['generator-stopiteration-conversion'], tags=G + ['exceptions'],
     src='''
def inner():
    yield 1
    raise StopIteration('inner')

def outer():
    try:
        yield from inner()
    except RuntimeError as e:
        yield str(e) + ' / ' + repr(e.__cause__)

def main():
    return list(outer())
''', entry='main()'),
dict(path='vm/yieldfrom/for-loop-inner-error', desc='An exception raised by the inner generator while a for loop drives the outer one propagates out of both, closing them',
     spec=DELEG + ['generator-for-iter', 'exception-unwind'], tags=G + ['exceptions', 'output'],
     src='''
def inner(xs):
    for x in xs:
        yield 10 // x

def outer(xs):
    yield from inner(xs)
    yield 'unreached'

def main():
    g = outer([5, 2, 0, 1])
    out = []
    try:
        for v in g:
            out.append(v)
    except ZeroDivisionError as e:
        print(out, e)
    return list(g)
''', entry='main()'),
dict(path='vm/yieldfrom/exhausted-delegate', desc='yield from an already finished generator returns None at once; yield from the same generator twice resumes where it stopped',
     spec=DELEG + ['generator-return'], tags=G,
     src='''
def inner():
    yield 1
    yield 2
    return 'r'

def outer(it):
    a = yield from it
    b = yield from it
    yield (a, b)

def main():
    it = inner()
    next(it)
    return list(outer(it))
''', entry='main()'),
dict(path='vm/yieldfrom/yield-from-self', desc='A generator delegating to itself: SEND finds it running and raises ValueError',
     spec=['op-SEND', 'generator-delegation'], tags=G + ['exceptions'],
     src='''
def gen(holder):
    yield 0
    yield from holder[0]

def main():
    holder = []
    g = gen(holder)
    holder.append(g)
    return list(g)
''', entry='main()'),
]
FIX += [
dict(path='vm/yieldfrom/empty-delegates', desc='yield from in a loop over delegates that are often empty: the first SEND finds the receiver exhausted and jumps straight to END_SEND, which pops it',
     spec=DELEG, tags=G + ['control-flow'],
     src='''
def concat(groups):
    n = 0
    for g in groups:
        r = yield from g
        if r is None:
            n += 1
    return n

def main():
    out = []
    gen = concat([[], [1], '', (), range(0), [2, 3], {}, 'ab', []])
    for x in gen:
        out.append(x)
    return out, list(concat([[]] * 5))
''', entry='main()'),
]
FIX += [
dict(path='vm/yieldfrom/budget-in-delegate', desc='An endless generator behind a yield from, driven by a for loop: every instruction of the delegate counts a step, and the budget runs out with the delegate on top of the delegating frame',
     spec=['generator-delegation', 'step-budget'], tags=G + ['budget', 'output'],
     src='''
def naturals():
    i = 0
    while True:
        yield i
        i += 1

def relay():
    yield from naturals()

def main():
    print('start')
    total = 0
    for x in relay():
        total += x
    return total
''', entry='main()', budget=5000, expect={'exhausted': True, 'output': 'start\n'}),
dict(path='vm/yieldfrom/budget-in-send', desc='The same endless delegation driven by send() in a loop: each send is a nested run inside one CALL, and the budget runs out inside it',
     spec=['generator-delegation', 'generator-send', 'step-budget', 'generator-builtin-consume'], tags=G + ['budget', 'output'],
     src='''
def echo():
    got = None
    while True:
        got = yield got

def relay():
    yield from echo()

def main():
    g = relay()
    next(g)
    print('primed')
    n = 0
    while True:
        n = g.send(n + 1)
''', entry='main()', budget=5000, expect={'exhausted': True, 'output': 'primed\n'}),
]
