C = ['containers']
FIX = [
dict(path='vm/containers/list-ops', desc='List literal, indexing (negative too), item assignment, len, concatenation, repetition, equality',
     spec=['list-ops', 'sequence-index', 'op-STORE_SUBSCR', 'op-BINARY_SUBSCR', 'op-LIST_EXTEND'], tags=C,
     src='''
def main(x):
    xs = [1, 2, 3]
    xs[0] = x
    xs[-1] = xs[-2] * 10
    ys = xs + [x] * 2
    return xs, ys, len(ys), ys[-1], xs == [x, 2, 20], xs != ys
''', entry="main('a')"),
dict(path='vm/containers/list-methods', desc='list.append, pop(), pop(0), insert, extend, index and reverse mutate or query the list in place',
     spec=['methods-list', 'call-method', 'list-ops'], tags=C,
     src='''
def main(xs):
    xs.append(4)
    last = xs.pop()
    first = xs.pop(0)
    xs.insert(1, 'mid')
    xs.extend((7, 8))
    where = xs.index(7)
    xs.reverse()
    return xs, last, first, where
''', entry='main([1, 2, 3])'),
dict(path='vm/containers/list-aliasing', desc='Two names for one list see each other\'s mutations; a slice copy does not',
     spec=['list-ops', 'identity', 'slicing'], tags=C,
     src='''
def main(xs):
    alias = xs
    copy = xs[:]
    alias.append(99)
    return xs, copy, alias is xs, copy is xs, copy == xs[:-1]
''', entry='main([1, 2])'),
dict(path='vm/containers/list-index-out-of-range', desc='Reading past the end of a list raises IndexError: list index out of range',
     spec=['sequence-index', 'exception-message'], tags=C + ['exceptions'],
     src='''
def main(xs):
    return xs[len(xs)]
''', entry='main([1, 2])'),
dict(path='vm/containers/list-assign-out-of-range', desc='Assigning past the end of a list raises IndexError: list assignment index out of range',
     spec=['sequence-index', 'op-STORE_SUBSCR'], tags=C + ['exceptions'],
     src='''
def main(xs):
    xs[-3] = 0
    return xs
''', entry='main([1, 2])'),
dict(path='vm/containers/tuple-ops', desc='Tuples: building from locals, concatenation, indexing, len, nesting, comparison, (1,) repr',
     spec=['tuple-ops', 'op-BUILD_TUPLE', 'sequence-index'], tags=C,
     src='''
def main(a, b):
    t = (a, b)
    u = t + (a,)
    return u, u[-1], len(u), (t, ()), t < (a, b, 0), (a,), t == (1, 'x')
''', entry="main(1, 'x')"),
dict(path='vm/containers/unpack-sequence', desc='a, b, c = seq unpacks tuples, lists and strings; a, b = b, a swaps locals',
     spec=['tuple-ops', 'op-UNPACK_SEQUENCE', 'op-STORE_FAST_STORE_FAST'], tags=C,
     src='''
def main(t):
    a, b, c = t
    x, y = 'hi'
    p, q = [a, c]
    p, q = q, p
    return a, b, c, x, y, p, q
''', entry='main((1, 2, 3))'),
dict(path='vm/containers/unpack-too-many', desc='a, b = [1, 2, 3] raises ValueError: too many values to unpack (expected 2)',
     spec=['op-UNPACK_SEQUENCE', 'exception-message'], tags=C + ['exceptions'],
     src='''
def main(xs):
    a, b = xs
    return a
''', entry='main([1, 2, 3])'),
dict(path='vm/containers/unpack-too-few', desc='a, b, c = (1, 2) raises ValueError: not enough values to unpack (expected 3, got 2)',
     spec=['op-UNPACK_SEQUENCE', 'exception-message'], tags=C + ['exceptions'],
     src='''
def main(xs):
    a, b, c = xs
    return a
''', entry='main((1, 2))'),
dict(path='vm/containers/star-into-tuple', desc='(*xs, y) builds a list, extends it, and converts with CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE',
     spec=['tuple-ops', 'op-CALL_INTRINSIC_1', 'op-LIST_EXTEND', 'op-LIST_APPEND'], tags=C,
     src='''
def main(xs, y):
    return (*xs, y), [*xs, *xs]
''', entry="main([1, 2], 'z')"),
dict(path='vm/containers/dict-ops', desc='Dict literal with constant keys (BUILD_CONST_KEY_MAP) and computed keys (BUILD_MAP), get/set/del/in/len, insertion order',
     spec=['dict-ops', 'op-BUILD_CONST_KEY_MAP', 'op-BUILD_MAP', 'op-DELETE_SUBSCR'], tags=C,
     src='''
def main(k, v):
    d = {'a': v, 'b': v + 1}
    e = {k: v}
    d['c'] = 3
    d['a'] = 0
    del d['b']
    return d, e, 'c' in d, 'b' not in d, len(d), d['c'], e[k]
''', entry="main('key', 1)"),
dict(path='vm/containers/dict-key-equality', desc='1, 1.0 and True are one dict key: the first key object is kept, the last value wins',
     spec=['dict-key-equality', 'dict-ops', 'numeric-compare-mixed'], tags=C + ['compare'],
     src='''
def main(i, f, b):
    d = {}
    d[i] = 'int'
    d[f] = 'float'
    d[b] = 'bool'
    e = {b: 1, f: 2, 0: 'zero', False: 'false'}
    return d, len(d), e, d[1.0], 2 ** 64 in {18446744073709551616.0: 0}
''', entry='main(1, 1.0, True)'),
dict(path='vm/containers/dict-missing-key', desc="Reading a missing key raises KeyError whose str() is the key's repr",
     spec=['dict-ops', 'exception-message', 'exception-uncaught'], tags=C + ['exceptions'],
     src='''
def main(d):
    return d['missing']
''', entry="main({'present': 1})"),
dict(path='vm/containers/dict-methods', desc='dict.get with and without default, keys/values/items iteration, pop',
     spec=['methods-dict', 'call-method', 'dict-ops'], tags=C,
     src='''
def main(b):
    d = {'a': 1, 'b': b}
    out = [d.get('a'), d.get('zz'), d.get('zz', 0)]
    for k in d.keys():
        out.append(k)
    for v in d.values():
        out.append(v)
    for k, v in d.items():
        out.append((k, v))
    out.append(d.pop('a'))
    d['n'] = []
    return out, d, list(d.items())
''', entry='main(2)'),
dict(path='vm/containers/list-slicing', desc='List slicing with defaults, negative bounds and steps (BINARY_SLICE, BUILD_SLICE+BINARY_SUBSCR) and slice assignment (STORE_SLICE)',
     spec=['slicing', 'op-BINARY_SLICE', 'op-BUILD_SLICE', 'op-STORE_SLICE', 'list-ops'], tags=C,
     src='''
def main(xs, i, j):
    a = xs[i:j]
    b = xs[::-2]
    c = xs[-2:]
    d = xs[i:j:2]
    xs[i:j] = ['X']
    return a, b, c, d, xs, xs[100:], xs[-100:1]
''', entry='main([0, 1, 2, 3, 4, 5, 6], 1, 5)'),
dict(path='vm/containers/list-comprehension', desc='[x * x for x in xs if x % 2] inlined comprehension: LOAD_FAST_AND_CLEAR/SWAP/LIST_APPEND, the loop variable is restored',
     spec=['list-ops', 'op-LOAD_FAST_AND_CLEAR', 'op-LIST_APPEND', 'op-STORE_FAST_LOAD_FAST', 'op-SWAP'], tags=C + ['control-flow'],
     src='''
def main(n):
    x = 'kept'
    ys = [x * x for x in range(n) if x % 2]
    return ys, x
''', entry='main(8)'),
dict(path='vm/containers/dict-comprehension', desc='{k: v for k, v in pairs} builds a dict with MAP_ADD; later duplicate keys overwrite',
     spec=['dict-ops', 'op-MAP_ADD', 'op-UNPACK_SEQUENCE'], tags=C,
     src='''
def main(pairs):
    return {k: v * 2 for k, v in pairs}
''', entry="main([('a', 1), ('b', 2), ('a', 3)])"),
dict(path='vm/containers/identity', desc='is / is not: same object vs equal objects, None identity, bools',
     spec=['identity', 'op-IS_OP', 'value-none'], tags=C + ['compare'],
     src='''
def main(xs):
    ys = xs
    zs = list(xs)
    n = None
    return ys is xs, zs is xs, zs == xs, zs is not xs, n is None, xs is not None, (1 == 1) is True
''', entry='main([1])'),
dict(path='vm/containers/sequence-compare', desc='Lists and tuples compare lexicographically, element by element; a shorter prefix is smaller',
     spec=['list-ops', 'tuple-ops', 'op-COMPARE_OP'], tags=C + ['compare'],
     src='''
def main(a, b):
    return a < b, [1, 2] < [1, 2, 0], (2,) > (1, 9), a == [1, 2], [a] == [[1, 2]], (1, 'a') < (1, 'b'), [] < [0]
''', entry='main([1, 2], [1, 3])'),
dict(path='vm/containers/contains', desc='in / not in over lists, tuples, dict keys, and ranges; equality-based (1.0 in [1])',
     spec=['op-CONTAINS_OP', 'list-ops', 'dict-ops', 'numeric-compare-mixed'], tags=C,
     src='''
def main(xs, d):
    return 1.0 in xs, 'a' in d, 1 in d, 3 not in xs, (1, 2) in [(1, 2)], 5 in range(0, 10, 5), [] in [[]]
''', entry="main([1, 2], {'a': 1})"),
dict(path='vm/containers/subscript-type-error', desc="Indexing a list with a str raises TypeError: list indices must be integers or slices, not str",
     spec=['sequence-index', 'exception-message'], tags=C + ['exceptions'],
     src='''
def main(xs):
    return xs['0']
''', entry='main([1])'),
]
FIX.append(dict(path='vm/containers/dict-from-entry', desc='A dict literal passed as an entry argument arrives with its items, in order, and is a real mutable dict',
     spec=['dict-ops', 'builtin-len'], tags=['containers'],
     src='''
def main(d):
    d['new'] = None
    return d, len(d), d[2]
''', entry="main({'k': 1, 2: [3]})"))
