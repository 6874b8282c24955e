"""Sets and frozensets (spec/values.md#set-ops and the sections after it): displays, comprehensions,
operators, methods, errors, and CPython's iteration order (ints with negatives and collisions, strs
under PYTHONHASHSEED=0, after removals and resizes). Expectations from CPython 3.13."""
S = ['sets']
E = ['sets', 'exceptions']
FIX = [
dict(path='vm/sets/display', desc='A set display of locals (BUILD_SET) keeps the first of equal elements: 1, 1.0 and True are one',
     spec=['op-BUILD_SET', 'set-ops', 'set-repr'], tags=S,
     src='''
def main(a, b, c):
    s = {a, b, c, 1.0, True}
    return s, len(s), {a}, {c, b, a}
''', entry="main(1, 'x', (2, 3))"),
dict(path='vm/sets/comprehension', desc='A set comprehension adds each value with SET_ADD; duplicates collapse',
     spec=['op-SET_ADD', 'set-ops', 'set-order'], tags=S,
     src='''
def main(n):
    squares = {i * i % 10 for i in range(n)}
    evens = {x for x in range(n) if x % 2 == 0}
    return squares, evens, len(squares)
''', entry='main(20)'),
dict(path='vm/sets/unpack', desc='{*a, *b} updates a new set from each iterable (SET_UPDATE): a list, a str, a dict\'s keys, a range',
     spec=['op-SET_UPDATE', 'set-ops', 'set-order'], tags=S,
     src='''
def main(xs, text, d):
    return {*xs, *text}, {*d, *range(3)}, {*xs}
''', entry="main([3, 1, 3], 'abca', {'k': 1, 'j': 2})"),
dict(path='vm/sets/constant-display', desc='A set display of constants is BUILD_SET 0 + SET_UPDATE of a frozenset constant',
     spec=['op-SET_UPDATE', 'assembly-set-literals', 'set-order'], tags=S,
     src='''
def main():
    s = {5, 3, 1, 'b', 'a'}
    s.add(4)
    return s
''', entry='main()'),
dict(path='vm/sets/frozenset-constant-in', desc='`x in {1, 2, 3}` tests membership in a frozenset constant; a set element is looked up as a frozenset',
     spec=['assembly-set-literals', 'set-ops', 'op-CONTAINS_OP'], tags=S,
     src='''
def main(xs):
    hits = [x for x in xs if x in {1, 2.0, 'three', (4, 5)}]
    misses = [x for x in xs if x not in {1, 2.0, 'three', (4, 5)}]
    nested = {frozenset({1, 2}), 3}
    return hits, misses, {2, 1} in nested, frozenset() in nested
''', entry="main([1, 2, 3, 'three', (4, 5), True, 2.5])"),
dict(path='vm/sets/frozenset-constant-for', desc='`for x in {7, 15}` iterates a frozenset constant in CPython\'s table order (15 wraps from slot 7 to 4)',
     spec=['assembly-set-literals', 'set-order'], tags=S,
     src='''
def main():
    out = []
    for x in {7, 15}:
        out.append(x)
    for x in {15, 7, 23, 31}:
        out.append(x)
    for w in {'red', 'green', 'blue'}:
        out.append(w)
    return out
''', entry='main()'),
dict(path='vm/sets/order-ints', desc='Iteration order of int sets: hash & mask, negatives, multiples of 8 colliding, then linear probes and perturbation',
     spec=['set-order', 'set-hash', 'set-repr'], tags=S,
     src='''
def main():
    a = set()
    for x in [8, 16, 24, 1, 9, -1, -8, 2 ** 40, -(2 ** 61), 2 ** 61 - 1, 100]:
        a.add(x)
    b = set(range(40, 0, -3))
    c = set()
    for k in range(12):
        c.add(k * 32)
    return a, b, c, list(c)
''', entry='main()'),
dict(path='vm/sets/order-strings', desc='Iteration order of str sets follows CPython\'s siphash13 under PYTHONHASHSEED=0 (1-, 2- and 4-byte code points)',
     spec=['set-order', 'set-hash'], tags=S + ['str'],
     src='''
def main(words):
    s = set(words)
    t = set('abcdefghijklmnop')
    u = {'\\u20ac', '\\xe9', '', 'longer than eight bytes', '\\u20ac\\u20ac'}
    return s, t, u, sorted(s) == sorted(words)
''', entry="main(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'])"),
dict(path='vm/sets/order-mixed', desc='Floats, None, bools, tuples and frozensets in one set: each placed by its CPython hash',
     spec=['set-order', 'set-hash'], tags=S,
     src='''
def main():
    s = {0.5, -2.25, None, False, (1, 2), ('a',), frozenset({1}), frozenset(), 1e300, float('inf'), 3.0}
    return s, len(s)
''', entry='main()'),
dict(path='vm/sets/order-after-removals', desc='Removed elements leave dummies: a later add reuses one on its probe path, a resize drops them',
     spec=['set-order', 'set-methods'], tags=S,
     src='''
def main():
    s = {1, 2, 3}
    s.remove(1)
    s.discard(2)
    s.add(9)
    s.add(17)
    t = set(range(12))
    t.difference_update(range(10))
    t.add(100)
    t.add(36)
    u = set(range(20))
    for k in range(16):
        u.discard(k)
    u.add(52)
    u.add(4)
    return s, t, u
''', entry='main()'),
dict(path='vm/sets/order-last-dummy', desc='An add that passes several dummies in its run of linear probes takes the last one (CPython 3.13\'s set_add_entry)',
     spec=['set-order'], tags=S,
     src='''
def main():
    s = {1, 2, 3, 4, 5}
    s.discard(2)
    s.discard(3)
    s.add(33)
    s.add(65)
    return list(s)
''', entry='main()'),
dict(path='vm/sets/pop-order', desc='set.pop() takes from a finger that moves past the slot it emptied, wrapping around',
     spec=['set-methods', 'set-order'], tags=S,
     src='''
def main():
    s = {5, 13, 21, 2, 10}
    first = [s.pop(), s.pop()]
    s.add(29)
    s.add(1)
    rest = []
    while s:
        rest.append(s.pop())
    return first, rest
''', entry='main()'),
dict(path='vm/sets/operators', desc='| & - ^ between sets and frozensets: the left operand\'s type, elements in CPython\'s order',
     spec=['set-ops', 'set-order', 'op-BINARY_OP'], tags=S,
     src='''
def main(xs, ys):
    a, b = set(xs), set(ys)
    fa = frozenset(a)
    return a | b, a & b, a - b, b - a, a ^ b, fa | b, b | fa, fa & b, fa - b, fa ^ b
''', entry="main([1, 2, 3, 'x', 40], [3, 4, 'x', 'y', 8])"),
dict(path='vm/sets/inplace-operators', desc='|= &= -= ^= change a set in place (aliases see it); on a frozenset they bind a new frozenset',
     spec=['set-ops', 'op-BINARY_OP', 'identity'], tags=S,
     src='''
def main():
    s = {1, 2, 3}
    alias = s
    s |= {4, 5}
    s &= {1, 2, 4, 5, 6}
    s -= {2}
    s ^= {5, 7}
    f = frozenset({1})
    g = f
    f |= {2}
    return s, alias is s, alias, f, g, f is g
''', entry='main()'),
dict(path='vm/sets/comparisons', desc='<= < >= > test subsets and supersets; == compares elements across set and frozenset; sets have no total order',
     spec=['set-ops', 'op-COMPARE_OP'], tags=S + ['compare'],
     src='''
def main(xs, ys):
    a, b = set(xs), set(ys)
    f = frozenset(a)
    return (a <= b, a < b, b >= a, b > a, a < a, a <= a, a == f, f == a, a != b, {1} == {1.0}, {1} == [1],
            sorted([{1, 2}, {1}, set()], key=len), max({3}, {1, 2}))
''', entry='main([1, 2], [1, 2, 3])'),
dict(path='vm/sets/methods-mutating', desc='add, discard, remove, pop, clear, update, intersection_update, difference_update, symmetric_difference_update',
     spec=['set-methods', 'call-method'], tags=S,
     src='''
def main():
    s = set()
    s.add(3)
    s.add(3)
    s.update([1, 2], (5,), 'ab', {'k': 0})
    s.discard(99)
    s.remove('a')
    s.intersection_update(range(10), [1, 2, 3, 5, 'b'])
    before = set(s)
    s.difference_update({1}, [5])
    s.symmetric_difference_update([2, 7, 8])
    t = {1, 2}
    t.clear()
    return before, s, t, s.add(1), len(s)
''', entry='main()'),
dict(path='vm/sets/methods-algebra', desc='union, intersection, difference, symmetric_difference with several iterables; copy; frozenset results stay frozen',
     spec=['set-methods', 'set-ops'], tags=S,
     src='''
def main():
    s = {1, 2, 3, 4}
    f = frozenset('abc')
    c = s.copy()
    c.add(0)
    return (s.union([5], (6, 7)), s.intersection([2, 3, 9], {3, 2}), s.difference([1], {4}),
            s.symmetric_difference([4, 5]), f.union('cd'), f.intersection('bcz'), f.copy() is f, c, s,
            s.union(), s.intersection(), s.difference())
''', entry='main()'),
dict(path='vm/sets/methods-predicates', desc='issubset, issuperset, isdisjoint against sets, lists, strs and generators',
     spec=['set-methods'], tags=S,
     src='''
def main():
    s = {1, 2}
    g = (x for x in range(5))
    return (s.issubset([1, 2, 3]), s.issubset({1}), s.issuperset([1]), s.issuperset(g), s.isdisjoint([3, 4]),
            s.isdisjoint({2}), set().isdisjoint(set()), s.issubset(s), frozenset('ab').issuperset('a'))
''', entry='main()'),
dict(path='vm/sets/constructors', desc='set() and frozenset() from lists, strs, dicts, ranges, generators and sets; frozenset(f) is f',
     spec=['set-constructors', 'set-order'], tags=S + ['builtins'],
     src='''
def main():
    f = frozenset([3, 1])
    gen = set(x * x for x in range(-3, 4))
    return (set(), frozenset(), set([4, 4, 2]), set('hello'), set({'b': 1, 'a': 2}), frozenset(range(5)), gen,
            frozenset(f) is f, set(f) == f, set(f) is f, isinstance(f, frozenset), isinstance(gen, set))
''', entry='main()'),
dict(path='vm/sets/builtins', desc='len, sorted, list, tuple, sum, min, max, any, all, enumerate, str and print over sets',
     spec=['set-order', 'set-repr', 'builtin-sorted', 'builtin-len'], tags=S + ['builtins', 'output'],
     src='''
def main(xs):
    s = set(xs)
    print(s, frozenset(s), set(), sep=' | ')
    return (len(s), sorted(s), list(s), tuple(s), sum(s), min(s), max(s), any(x > 30 for x in s),
            all(s), list(enumerate(s)), str(s), bool(set()), bool(s))
''', entry='main([31, 7, 64, 3])'),
dict(path='vm/sets/hash-and-dict-keys', desc='hash() of frozensets, strs, floats, tuples and None is CPython\'s; frozensets are dict keys and set elements',
     spec=['set-hash', 'builtin-hash', 'dict-key-equality'], tags=S,
     src='''
def main():
    d = {frozenset({1, 2}): 'a', frozenset(): 'empty'}
    d[frozenset([2, 1])] = 'b'
    nested = {frozenset({'x'}), frozenset({'y', 'x'}), frozenset({'x'})}
    return (d, nested, hash(frozenset({1, 2})), hash(frozenset()), hash('abc'), hash(''), hash(1.5), hash(-0.25),
            hash((1, 'a', None)), hash(None), hash(frozenset({frozenset({1})})))
''', entry='main()'),
dict(path='vm/sets/iteration-changes-size', desc='Adding to a set while iterating it raises RuntimeError: Set changed size during iteration',
     spec=['set-order', 'exception-message'], tags=E,
     src='''
def main():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
    return s
''', entry='main()'),
dict(path='vm/sets/iteration-discard-add', desc='Removing one element and adding another keeps the size: the iterator goes on over the changed table',
     spec=['set-order'], tags=S,
     src='''
def main():
    s = {1, 2, 3, 4}
    seen = []
    for x in s:
        seen.append(x)
        if x == 2:
            s.discard(4)
            s.add(12)
    return seen, s
''', entry='main()'),
dict(path='vm/sets/remove-missing', desc='set.remove of a missing element raises KeyError with the element',
     spec=['set-methods', 'exception-message'], tags=E,
     src='''
def main(x):
    s = {x}
    s.remove((x, 'a'))
''', entry='main(1)'),
dict(path='vm/sets/pop-empty', desc='set.pop() of an empty set raises KeyError: pop from an empty set',
     spec=['set-methods', 'exception-message'], tags=E,
     src='''
def main():
    s = {1}
    s.pop()
    return s.pop()
''', entry='main()'),
dict(path='vm/sets/unhashable-element', desc='A list in a set display raises TypeError: unhashable type: \'list\'',
     spec=['op-BUILD_SET', 'set-ops', 'exception-message'], tags=E,
     src='''
def main(x):
    return {1, x}
''', entry='main([2])'),
dict(path='vm/sets/unhashable-set', desc='A set as a set element or dict key raises TypeError: unhashable type: \'set\'',
     spec=['set-hash', 'exception-message'], tags=E,
     src='''
def main():
    out = []
    try:
        hash({1})
    except TypeError as e:
        out.append(str(e))
    try:
        {1: 2}[{1}] = 3
    except TypeError as e:
        out.append(str(e))
    s = {x for x in [[1]][0]}
    s.add({2})
    return out
''', entry='main()'),
dict(path='vm/sets/operator-errors', desc='A set with a list under | raises TypeError: unsupported operand type(s); < against a list is not supported',
     spec=['set-ops', 'exception-message'], tags=E,
     src='''
def main(x):
    s = {x}
    out = []
    for f in (lambda_or, lambda_lt, lambda_ior, lambda_add):
        try:
            f(s)
        except TypeError as e:
            out.append(str(e))
    return out

def lambda_or(s):
    return s | [1]

def lambda_lt(s):
    return s < [1]

def lambda_ior(s):
    s |= [1]
    return s

def lambda_add(s):
    return s + s
''', entry='main(1)'),
dict(path='vm/sets/method-errors', desc='Argument errors of set methods and constructors, and a frozenset\'s missing add, as CPython words them',
     spec=['set-methods', 'set-constructors', 'exception-message'], tags=E,
     src='''
def main():
    out = []
    s = {1}
    f = frozenset()
    for call in (0, 1, 2, 3, 4, 5, 6):
        try:
            if call == 0:
                s.add()
            elif call == 1:
                s.pop(1)
            elif call == 2:
                s.update(5)
            elif call == 3:
                set(1, 2)
            elif call == 4:
                frozenset([], [])
            elif call == 5:
                f.add(1)
            else:
                s.isdisjoint()
        except (TypeError, AttributeError) as e:
            out.append(type(e).__name__ + ': ' + str(e))
    return out
''', entry='main()'),
]
