"""The rest of CPython 3.13's math module (spec/modules.md#math-cpython-own, #math-libm)."""
T = ['math']
IMP = ['import-math', 'op-IMPORT_NAME']
FIX = [
dict(path='vm/math/gamma-lgamma', desc="gamma and lgamma (CPython's Lanczos code): integers, halves, negatives (reflection), tiny and large arguments, exact to the bit",
     spec=['math-cpython-own'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    xs = [1, 5, 23, 24, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.7, 10.1, 0.001, 1e-21, -1e-21, 30.25, 99.9, 141.5, 171.6, -171.5, -180.3, -250.5, 1e-5 - 3]
    return [math.gamma(x) for x in xs], [math.lgamma(x) for x in xs + [1e10, 2.5e305, -1e10 - 0.5]]
''', entry='main()'),
dict(path='vm/math/gamma-errors', desc='gamma and lgamma errors: poles, -inf, overflow; lgamma of an infinity is inf',
     spec=['math-cpython-own'] + IMP, tags=T + ['exceptions'],
     src='''
def main():
    import math
    out = [math.lgamma(math.inf), math.lgamma(-math.inf), math.gamma(math.inf), math.gamma(-1e-300)]
    for f, x in ((math.gamma, 0), (math.gamma, -0.0), (math.gamma, -3), (math.gamma, -math.inf), (math.gamma, 171.7), (math.gamma, 5e-324),
                 (math.lgamma, 0), (math.lgamma, -7), (math.lgamma, 1.7e308), (math.gamma, "2")):
        try:
            out.append(f(x))
        except (ValueError, OverflowError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/math/remainder-fma', desc='remainder (nearest multiple, ties to even, exact) and fma (one rounding: sees the product error a*b - a*b hides), with their errors',
     spec=['math-cpython-own'] + IMP, tags=T + ['float', 'exceptions'],
     src='''
def main():
    import math
    out = [math.remainder(x, y) for x, y in ((10, 3), (11, 3), (-10, 3), (7.5, 2), (5, 2), (6, 4), (-0.0, 1), (1e308, 1e-308), (3, math.inf), (2 ** 60 + 1, 7))]
    a, b = 0.1, 10.0
    out += [a * b - 1.0, math.fma(a, b, -1.0), math.fma(1e308, 10.0, -math.inf), math.fma(2, 3, 4), math.fma(-0.0, 1.0, 0.0), math.fma(1e-300, 1e-300, 0.0)]
    for f, args in ((math.remainder, (1, 0)), (math.remainder, (math.inf, 2)), (math.fma, (math.inf, 0, 1)), (math.fma, (1e308, 10, 1)), (math.fma, (1, 2)), (math.remainder, (1,))):
        try:
            out.append(f(*args))
        except (ValueError, OverflowError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/math/nextafter-ulp', desc='nextafter with and without steps (across zero, clamped at y, huge step counts), ulp of normals, subnormals, the largest double; errors',
     spec=['math-cpython-own'] + IMP, tags=T + ['float', 'exceptions', 'bigint'],
     src='''
def main():
    import math
    out = [math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(-5e-324, 1.0, steps=3),
           math.nextafter(1.0, 1.0000000000000009, steps=10 ** 30), math.nextafter(1.0, 2.0, steps=0), math.nextafter(2.0, -2.0, steps=2 ** 62),
           math.nextafter(math.inf, 0.0), math.nextafter(1.0, 2.0, steps=True)]
    out += [math.ulp(x) for x in (1.0, -1.0, 0.0, 5e-324, 1e-310, 1e300, 1.7976931348623157e308, math.inf, 2 ** 52)]
    for args, kw in (((1.0, 2.0), {"steps": -1}), ((1.0, 2.0), {"steps": 1.5}), ((1.0,), {}), ((1.0, 2.0, 3), {}), ((1.0, 2.0), {"step": 1})):
        try:
            out.append(math.nextafter(*args, **kw))
        except (ValueError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/math/sumprod', desc="sumprod: exact ints (past a C long too), floats in triple length (0.1*0.1 ten times), float with int and bool, mixed and non-numeric items, unequal lengths",
     spec=['math-cpython-own'] + IMP, tags=T + ['float', 'bigint', 'exceptions'],
     src='''
def main():
    import math
    out = [math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([2 ** 62, 2 ** 62], [4, 4]), math.sumprod([0.1] * 10, [0.1] * 10), sum(x * x for x in [0.1] * 10),
           math.sumprod([1e308, 1e308, -1e308], [10.0, 1.0, 10.0]), math.sumprod([1.5, 2], [True, 0.25]), math.sumprod([1, 2.5, 3], [1, 2, 3]),
           math.sumprod([], []), math.sumprod(range(5), (x * 0.5 for x in range(5))), math.sumprod(["a", "b"], [2, 3]), math.sumprod([2 ** 64], [1.5]),
           math.sumprod([True, False], [True, True])]
    for p, q in (([1, 2], [3]), ([1], [2, 3]), ([1, "a"], [1, 2]), (1, [2])):
        try:
            out.append(math.sumprod(p, q))
        except (ValueError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
dict(path='vm/math/hyperbolic', desc='sinh, cosh, tanh and inverses, expm1, log1p, exp2, cbrt, erf, erfc: values to 12 digits (glibc is not correctly rounded), exact special values, errors as CPython',
     spec=['math-libm'] + IMP, tags=T + ['float', 'exceptions'],
     src='''
def main():
    import math
    fs = [math.sinh, math.cosh, math.tanh, math.asinh, math.expm1, math.exp2, math.cbrt, math.erf, math.erfc]
    xs = [0.5, -1.25, 3.0, 1e-8, -20.0]
    out = [[round(f(x), 12) for x in xs] for f in fs]
    out.append([round(f(x), 12) for f, x in ((math.acosh, 1.5), (math.atanh, 0.5), (math.log1p, 1e-10), (math.log1p, 3.0), (math.atanh, -0.999))])
    out.append([math.sinh(-0.0), math.tanh(50.0), math.tanh(-math.inf), math.cosh(0.0), math.acosh(1.0), math.expm1(-math.inf), math.exp2(-1074), math.exp2(10),
                math.log1p(-0.0), math.erf(math.inf), math.erfc(-math.inf), math.erfc(30.0), math.cbrt(-math.inf), math.atanh(0.0), math.expm1(1e-300)])
    for f, x in ((math.cosh, 1000), (math.sinh, -1000), (math.expm1, 710), (math.exp2, 1024), (math.acosh, 0.5), (math.atanh, 1), (math.atanh, -2),
                 (math.log1p, -1), (math.log1p, -2), (math.erf, "x")):
        try:
            out.append(f(x))
        except (ValueError, OverflowError, TypeError) as e:
            out.append((type(e).__name__, str(e)))
    return out
''', entry='main()'),
]
