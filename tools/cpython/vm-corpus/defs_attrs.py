"""Attribute lookup on builtin values (spec/values.md#attribute-names, #methods-tuple-range, #methods-int)."""
T = ['attrs']
A = ['attribute-names', 'op-LOAD_ATTR']
KINDS = '''
def kinds():
    def gen():
        yield 1
    import math
    return [0, True, 1.5, "s", [1], (1,), {1: 2}, {1}, frozenset({2}), range(3), None, gen, len, gen(), iter([1]),
            iter("ab"), {1: 2}.keys(), {1: 2}.items(), enumerate([]), zip(), reversed([1]), map(abs, []), math,
            ValueError("v"), StopIteration(3), int, float, str, list, tuple, range, ValueError, [].append, list.append]
'''
FIX = [
dict(path='vm/attrs/duck-is-finite', desc="x.is_finite() on every kind of value: no CPython type has it, so each raises CPython's AttributeError message",
     spec=A + ['exception-match'], tags=T + ['exceptions'],
     src=KINDS + '''
def main():
    out = []
    for x in kinds():
        try:
            out.append(x.is_finite())
        except AttributeError as e:
            out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/attrs/duck-numeric', desc='statistics-style duck typing: as_integer_ratio on ints, bools and floats, AttributeError on the rest',
     spec=A + ['methods-int'], tags=T + ['float'],
     src='''
def exact_ratio(x):
    try:
        return x.as_integer_ratio()
    except (OverflowError, ValueError):
        return (x, None)
    except AttributeError:
        return ("no ratio", type(x).__name__)

def main():
    return [exact_ratio(x) for x in (7, True, 0.1, -2.5, 1e300, 5e-324, -0.0, float("inf"), float("nan"), "7", None, [1])]
''', entry='main()'),
dict(path='vm/attrs/hasattr-getattr', desc='hasattr and getattr with a default across kinds: methods, data attributes, names no kind has',
     spec=A + ['builtin-getattr'], tags=T + ['builtins'],
     src=KINDS + '''
def main():
    names = ["count", "index", "real", "start", "append", "keys", "send", "__name__", "value", "args", "hex", "mro", "nosuch", "sqrt"]
    return [[n for n in names if hasattr(x, n)] for x in kinds()], [getattr(x, "stop", -1) for x in kinds()][:12]
''', entry='main()'),
dict(path='vm/attrs/missing-messages', desc="AttributeError messages: instances, type objects (type object 'int' ...), the math module (module 'math' ...)",
     spec=A + ['module-objects'], tags=T + ['exceptions', 'math'],
     src=KINDS + '''
def main():
    out = []
    for x in kinds():
        try:
            x.frobnicate
        except AttributeError as e:
            out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/attrs/type-descriptors', desc='data attributes looked up on their type: getset and member descriptors, their repr, __name__, identity and type name',
     spec=A, tags=T,
     src='''
def main():
    ds = [int.real, int.imag, bool.numerator, float.real, range.start, range.step, StopIteration.value, ValueError.args, BaseException.__cause__]
    return [repr(d) for d in ds], [d.__name__ for d in ds], [type(d).__name__ for d in ds], int.real is int.real, bool.real is int.real
''', entry='main()'),
dict(path='vm/attrs/type-mro', desc='type.mro(): the type and its bases, for builtin and exception types; calling it with an argument is a TypeError',
     spec=A, tags=T + ['exceptions'],
     src='''
def main():
    out = [int.mro(), bool.mro(), ValueError.mro(), ZeroDivisionError.mro(), object.mro(), type.mro()]
    try:
        int.mro(1)
    except TypeError as e:
        out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/attrs/name-attribute', desc='__name__ of functions, builtins, bound methods, types, generators and the math module',
     spec=A, tags=T + ['generators', 'math'],
     src='''
def gen():
    yield 1

def main():
    import math
    g = gen()
    return gen.__name__, g.__name__, len.__name__, [].append.__name__, int.__name__, ValueError.__name__, math.__name__, math.sqrt.__name__
''', entry='main()'),
dict(path='vm/attrs/methods-on-types', desc='methods looked up on their type take the receiver first: tuple.count, range.index, float.hex, int.conjugate; a wrong receiver is a TypeError',
     spec=A + ['methods-tuple-range', 'methods-int'], tags=T,
     src='''
def main():
    out = [tuple.count((1, 2, 1), 1), tuple.index((5, 6), 6), range.index(range(10, 0, -2), 4), float.hex(0.5), int.conjugate(-3),
           float.fromhex("0x10"), (2.0).fromhex("0x1p-1")]
    for f, args in ((tuple.count, ([1], 1)), (float.hex, (1,)), (range.count, ((1,), 1))):
        try:
            f(*args)
        except TypeError as e:
            out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/attrs/tuple-count-index', desc='tuple.count and tuple.index with start/stop (negative, clamped), == equality (1 == 1.0 == True), not found and arity errors',
     spec=['methods-tuple-range', 'op-LOAD_ATTR'], tags=T + ['containers', 'exceptions'],
     src='''
def main():
    t = (1, 2.0, True, "a", (1,), 2, 1)
    out = [t.count(1), t.count(2), t.count("a"), t.count((1,)), t.count(9), t.index(2), t.index(1, 1), t.index(1, -1), t.index(2, -3, 100),
           ().count(None)]
    for args in ((9,), (1, 3, 5), (), ("a", "x")):
        try:
            out.append(t.index(*args))
        except (ValueError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    try:
        t.count()
    except TypeError as e:
        out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/attrs/range-attributes', desc='range start/stop/step (big ones too), count and index by arithmetic for ints and bools, by == for floats, errors',
     spec=['methods-tuple-range', 'builtin-range', 'op-LOAD_ATTR'], tags=T + ['bigint', 'exceptions'],
     src='''
def main():
    r = range(3, 40, 4)
    big = range(-2 ** 70, 2 ** 70, 3 ** 20)
    out = [(r.start, r.stop, r.step), (range(5).start, range(5).step), (big.start, big.stop, big.step), r.index(11), r.count(11), r.count(12),
           r.index(7.0), r.count(15.0), r.count(True), range(0, 2).index(True), big.index(-2 ** 70 + 3 ** 21), range(10, 0, -3).index(4)]
    for args in ((12,), (1.5,), ("a",), (1, 2), ()):
        try:
            out.append(r.index(*args))
        except (ValueError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/attrs/float-hex-fromhex', desc='float.hex of normals, subnormals, zeros and specials; float.fromhex round trips and rounds half to even; its errors',
     spec=['methods-int', 'op-LOAD_ATTR'], tags=T + ['float', 'exceptions'],
     src='''
def main():
    xs = [0.1, -2.5, 1.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.0, -0.0, float("inf"), float("-inf"), float("nan"), 3.0e-310]
    out = [x.hex() for x in xs]
    out.append(all(float.fromhex(x.hex()) == x for x in xs[:-5]))
    for s in ("0x1.8p1", " -0X.8P+2 ", "1", ".8", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "0x1p-1075", "0x1.8p-1075",
              "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000081p0", "infinity", "-Inf", "nan", "0x1p-2000",
              "0x", "1p", "0x1.2.3", "", "0x1p1024", "1_0", 5):
        try:
            out.append(float.fromhex(s))
        except (ValueError, OverflowError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/attrs/float-int-methods', desc='as_integer_ratio (exact, lowest terms) and conjugate of floats, ints, bools and big ints; the errors on inf and nan',
     spec=['methods-int', 'op-LOAD_ATTR'], tags=T + ['float', 'bigint'],
     src='''
def main():
    out = [x.as_integer_ratio() for x in (0.5, -0.75, 1e22, 1e-300, 5e-324, 0.0, 3, -2 ** 80, False)]
    out += [x.conjugate() for x in (2.5, -0.0, 7, True, 2 ** 70)]
    out += [type(True.conjugate()).__name__, (5).real, (5).imag, (2.5).imag, True.denominator]
    for x in (float("inf"), float("-inf"), float("nan")):
        try:
            x.as_integer_ratio()
        except (OverflowError, ValueError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/attrs/dict-view-isdisjoint', desc='dict_keys and dict_items isdisjoint with lists, sets, views and itself; an unhashable item in the iterated operand',
     spec=['methods-tuple-range', 'methods-dict', 'op-LOAD_ATTR'], tags=T + ['containers', 'sets'],
     src='''
def main():
    d = {1: "a", 2: "b"}
    e = {}
    out = [d.keys().isdisjoint([3, 4]), d.keys().isdisjoint({2}), d.keys().isdisjoint({5: 0}.keys()), d.items().isdisjoint([(1, "a")]),
           d.items().isdisjoint([(1, "b")]), e.keys().isdisjoint(e.keys()), d.keys().isdisjoint(d.keys()), d.keys().isdisjoint({9, 8, 7, 1})]
    try:
        d.keys().isdisjoint([[1]])
    except TypeError as e:
        out.append(str(e))
    out.append(d.keys().isdisjoint({frozenset(), 3, 4}))
    return out
''', entry='main()'),
dict(path='vm/attrs/generator-state', desc='gi_running, gi_suspended and gi_yieldfrom through a generator\'s life: created, suspended in a plain yield and in a yield from, running (seen from inside), finished; gi_code equals the function\'s code',
     spec=A + ['generator-delegation'], tags=T + ['generators'],
     src='''
def inner():
    yield 1
    yield 2

def outer(log):
    log.append(("inside", G[0].gi_running, G[0].gi_suspended))
    yield 0
    yield from inner()

G = []

def main():
    log = []
    g = outer(log)
    G.append(g)
    log.append(("created", g.gi_running, g.gi_suspended, g.gi_yieldfrom))
    next(g)
    log.append(("plain yield", g.gi_suspended, g.gi_yieldfrom))
    next(g)
    d = g.gi_yieldfrom
    log.append(("yield from", g.gi_suspended, d.__name__, d.gi_suspended, d.gi_yieldfrom))
    list(g)
    log.append(("done", g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_code == outer.__code__, g.gi_code.co_name))
    return log
''', entry='main()', module=True),
dict(path='vm/attrs/int-from-bytes', desc='int.from_bytes over iterables of ints (lists, ranges, generators, dict keys), both byte orders, signed, bool.from_bytes and True.from_bytes give bools, every error',
     spec=['methods-int', 'op-LOAD_ATTR'], tags=T + ['bigint', 'exceptions'],
     src='''
def main():
    out = [int.from_bytes([1, 2]), int.from_bytes([1, 2], "little"), int.from_bytes([255, 255], signed=True), int.from_bytes([255, 255], "little", signed=0),
           int.from_bytes(range(1, 12), byteorder="little"), int.from_bytes(x * 17 for x in range(9)), int.from_bytes({7: 0, 9: 1}), int.from_bytes([]),
           int.from_bytes([], signed=True), int.from_bytes([128] + [0] * 15, signed=True), bool.from_bytes([0, 0]), True.from_bytes([3]), (5).from_bytes([1]),
           int.from_bytes(bytes=[1, 0]), int.from_bytes([True, False])]
    for args, kw in ((("ab",), {}), (([256],), {}), ((["a"],), {}), (([1], "middle"), {}), (([1], 5), {}), ((5,), {}), ((), {}), (([1], "big", True), {}),
                     (([1],), {"foo": 1}), (([-1],), {}), (([2.0],), {})):
        try:
            out.append(int.from_bytes(*args, **kw))
        except (TypeError, ValueError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
]
