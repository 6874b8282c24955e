BT = ['builtins']
FIX = [
dict(path='vm/builtins/range-len-sum', desc='range with 1, 2 and 3 arguments (negative step), len(range), sum(range) and list(range)',
     spec=['builtin-range', 'builtin-len', 'builtin-sum', 'builtin-list'], tags=BT,
     src='''
def main(n):
    return sum(range(n)), len(range(0, n, 3)), list(range(n, 0, -3)), list(range(2, 5)), len(range(5, 0)), sum([0.5, 1], 10)
''', entry='main(10)'),
dict(path='vm/builtins/min-max-abs', desc='min/max over arguments and over an iterable (first extreme wins on ties), abs of ints, floats and bigints',
     spec=['builtin-min', 'builtin-max', 'builtin-abs'], tags=BT,
     src='''
def main(xs):
    return min(xs), max(xs), min(3, 1.0, 1), max('abc'), abs(-5), abs(-2.5), abs(-18446744073709551616), max(xs[0], xs[-1])
''', entry='main([4, -2, 9, 1])'),
dict(path='vm/builtins/min-empty', desc='min() of an empty iterable raises ValueError: min() iterable argument is empty',
     spec=['builtin-min', 'exception-message'], tags=BT + ['exceptions'],
     src='''
def main(xs):
    return min(xs)
''', entry='main([])'),
dict(path='vm/builtins/enumerate-zip', desc='enumerate with a start, zip stopping at the shortest input, both consumed by list() and by for',
     spec=['builtin-enumerate', 'builtin-zip', 'builtin-list'], tags=BT,
     src='''
def main(xs, s):
    pairs = []
    for i, x in enumerate(xs):
        pairs.append(i * x)
    return list(enumerate(s, 1)), list(zip(xs, s)), pairs, list(zip())
''', entry="main([10, 20, 30], 'ab')"),
dict(path='vm/builtins/sorted-dict-tuple', desc='sorted() of ints, strings and tuples, with reverse=True (CALL_KW on a builtin); dict() and tuple() constructors',
     spec=['builtin-sorted', 'builtin-dict', 'builtin-tuple', 'call-keywords', 'call-builtin'], tags=BT,
     src='''
def main(xs):
    return sorted(xs), sorted(xs, reverse=True), sorted('cba'), sorted([(2, 'a'), (1, 'b')]), dict([('k', 1), ('j', 2)]), tuple(xs), tuple('ab'), dict(a=1), xs
''', entry='main([3, 1, 2])'),
dict(path='vm/builtins/iter-next', desc='iter() of a list, next() until exhaustion, then next(it, default) returns the default',
     spec=['builtin-iter', 'builtin-next'], tags=BT,
     src='''
def main(xs):
    it = iter(xs)
    a = next(it)
    b = next(it)
    c = next(it, 'done')
    d = next(it, 'still done')
    return a, b, c, d
''', entry='main([1, 2])'),
dict(path='vm/builtins/next-exhausted', desc='next() on an exhausted iterator raises StopIteration with an empty message',
     spec=['builtin-next', 'builtin-iter', 'exception-uncaught'], tags=BT + ['exceptions'],
     src='''
def main(xs):
    it = iter(xs)
    print(next(it))
    return next(it)
''', entry='main([1])'),
dict(path='vm/builtins/isinstance', desc='isinstance with a single type, a tuple of types, bool as a subclass of int, and exception classes',
     spec=['builtin-isinstance', 'value-bool', 'exception-types'], tags=BT,
     src='''
def main(x):
    return isinstance(x, int), isinstance(x, (str, float)), isinstance(True, int), isinstance(1.0, int), isinstance('s', str), isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(ValueError('v'), Exception), isinstance(x, bool)
''', entry='main(3)'),
dict(path='vm/builtins/repr-str', desc='repr() and str() of ints, floats, strings, None, bools, lists, tuples and dicts',
     spec=['builtin-repr', 'builtin-str', 'str-repr', 'float-repr'], tags=BT + ['str'],
     src='''
def main(x):
    return [repr(x), str(x), repr('q'), str('q'), repr(None), repr([1, 'a']), str([1, 'a']), repr((1,)), repr({1: 'x'}), str(2.0), repr(True)]
''', entry='main(1.5)'),
dict(path='vm/builtins/len-of-containers', desc='len() of list, tuple, dict, str and range, and TypeError for len(int)',
     spec=['builtin-len', 'exception-message'], tags=BT + ['exceptions'],
     src='''
def main(n):
    print(len([1, 2]), len((1,)), len({'a': 1}), len('abc'), len(range(n)))
    return len(n)
''', entry='main(7)'),
dict(path='vm/builtins/list-of-iterables', desc='list() of a tuple, str, dict (keys), range and another list (a copy)',
     spec=['builtin-list', 'builtin-tuple'], tags=BT + ['containers'],
     src='''
def main(xs):
    c = list(xs)
    c.append(0)
    return list((1, 2)), list('ab'), list({'k': 1, 'j': 2}), list(range(3)), c, xs, list(), tuple()
''', entry='main([9])'),
]
