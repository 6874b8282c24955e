"""import math and the math module (spec/modules.md#import-math, #math-module)."""
T = ['math']
IMP = ['import-math', 'op-IMPORT_NAME']
FIX = [
dict(path='vm/math/import-forms', desc='import math, import math as m and from math import sqrt, pi as PI bind the same module and functions',
     spec=['module-code', 'module-objects', 'op-IMPORT_FROM', 'op-STORE_NAME'] + IMP, tags=T + ['module'], module=True,
     src='''
import math
import math as m
from math import sqrt, pi as PI

def main():
    return m is math, sqrt is math.sqrt, PI == math.pi, type(math).__name__, sqrt(16)
''', entry='main()'),
dict(path='vm/math/import-in-function', desc='import math inside a function: IMPORT_NAME then STORE_FAST; the module is the same object each call',
     spec=IMP + ['module-objects'], tags=T,
     src='''
def get():
    import math
    return math

def main():
    from math import floor
    return get() is get(), floor(-2.5), get().ceil(-2.5)
''', entry='main()'),
dict(path='vm/math/import-missing-name', desc='from math import a name math lacks: ImportError from IMPORT_FROM, caught',
     spec=['op-IMPORT_FROM'] + IMP, tags=T + ['exceptions'],
     src='''
def main():
    try:
        from math import sqrt, nosuch
    except ImportError as e:
        # CPython names the module's file where math is a shared library: keep the part before it.
        return type(e).__name__, str(e).split(" (")[0]
''', entry='main()'),
dict(path='vm/math/attribute-missing', desc="math.nosuch: AttributeError: module 'math' has no attribute 'nosuch'",
     spec=['module-objects'] + IMP, tags=T + ['exceptions'],
     src='''
def main():
    import math
    return math.nosuch
''', entry='main()'),
dict(path='vm/math/constants', desc='pi, e, tau, inf, nan: their reprs, nan unequal to itself, inf beyond every float',
     spec=['math-module'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    return math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.nan == math.nan, math.inf > 1e308, math.isnan(math.nan)
''', entry='main()'),
dict(path='vm/math/rounding', desc='floor, ceil and trunc: ints unchanged, floats to exact ints (huge ones too), bools as ints, infinity and NaN errors',
     spec=['math-integers'] + IMP, tags=T + ['bigint'],
     src='''
def main():
    import math
    out = [math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-0.5), math.trunc(-2.9), math.floor(-0.0),
           math.floor(10 ** 30), math.ceil(True), math.floor(1e300) == int(1e300), math.trunc(2 ** 80 + 0.0)]
    for f, x in ((math.floor, math.inf), (math.ceil, math.nan), (math.floor, "a"), (math.trunc, "a")):
        try:
            f(x)
        except (OverflowError, ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/integer-functions', desc='gcd, lcm, isqrt, factorial, comb and perm: exact on big ints, with the errors of CPython',
     spec=['math-integers'] + IMP, tags=T + ['bigint'],
     src='''
def main():
    import math
    out = [math.gcd(), math.gcd(12, -18, 30), math.lcm(), math.lcm(4, 6, 10), math.lcm(0, 5), math.gcd(2 ** 100, 6 ** 40),
           math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 40 + 1), math.factorial(0), math.factorial(25),
           math.comb(52, 5), math.comb(5, 7), math.comb(10 ** 20, 3), math.perm(5), math.perm(10, 3), math.perm(3, 5), math.isqrt(True)]
    for call in (lambda: math.isqrt(-1), lambda: math.factorial(-1), lambda: math.factorial(2.0), lambda: math.comb(-1, 2),
                 lambda: math.comb(5, -1), lambda: math.perm(5, -1), lambda: math.gcd(2.0, 4), lambda: math.comb(5)):
        try:
            call()
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/fsum', desc='fsum: exact partials (sums plain sum gets wrong), the half-even fix-up, inf, overflow and inf - inf errors',
     spec=['math-fsum'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    out = [math.fsum([]), math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
           math.fsum([1e-16, 1, 1e16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum(range(10)), math.fsum([1, 2.5, True]),
           math.fsum([math.inf, 1.0]), math.fsum(x / 7 for x in range(50))]
    for xs in ([1e308, 1e308], [math.inf, -math.inf], [1, "a"]):
        try:
            math.fsum(xs)
        except (OverflowError, ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/hypot-dist', desc="hypot and dist follow CPython's vector_norm: correctly rounded on hard cases, subnormal and huge coordinates",
     spec=['math-hypot'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    out = [math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 1, 1, 1), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324),
           math.hypot(0.1, 0.2, 0.3), math.hypot(1e-200, 3e-200), math.hypot(math.inf, math.nan), math.hypot(2, math.nan),
           math.dist((1, 2, 3), (4, 6, 3)), math.dist([0.1, 0.7], (0.4, 0.3)), math.dist(iter([1.5]), (0,))]
    for call in (lambda: math.dist((1, 2), (1, 2, 3)), lambda: math.hypot("a"), lambda: math.dist(1, 2)):
        try:
            call()
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/float-parts', desc='frexp, ldexp, modf, fmod, copysign, fabs, degrees, radians and isclose on ordinary and special values',
     spec=['math-exactness', 'math-isclose'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    out = [math.frexp(0.0), math.frexp(-3.75), math.frexp(1e-310), math.frexp(math.inf), math.ldexp(0.75, 3), math.ldexp(1.0, -1074),
           math.ldexp(1.5, -1075), math.ldexp(3.0, -1076), math.ldexp(1.0, -10 ** 30), math.modf(-2.5), math.modf(3.0), math.modf(math.inf),
           math.fmod(-7, 3), math.fmod(7.5, -2), math.fmod(5, math.inf), math.copysign(3, -0.0), math.copysign(-2.5, 1), math.fabs(-3),
           math.degrees(1), math.radians(180), math.isclose(1, 1.0000000001), math.isclose(1, 1.001), math.isclose(0, 1e-10, abs_tol=1e-9),
           math.isclose(math.inf, math.inf), math.isclose(a=1.0, b=1.0 + 1e-12, rel_tol=1e-13)]
    for call in (lambda: math.ldexp(1.0, 2000), lambda: math.ldexp(1.0, 2.0), lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 1),
                 lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.isclose(1), lambda: math.isclose(1, 2, 3)):
        try:
            call()
        except (ValueError, TypeError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/pow-sqrt', desc='math.pow special values and errors, sqrt (correctly rounded) of ints and floats, sqrt of a negative',
     spec=['math-pow', 'math-exactness'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    out = [math.pow(2, 10), math.pow(2, 0.5), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-math.inf, 3), math.pow(-math.inf, -3),
           math.pow(0.5, math.inf), math.pow(-1, math.inf), math.pow(-8, 3), math.pow(-0.0, 3), math.pow(0, 0),
           math.sqrt(2), math.sqrt(10 ** 20), math.sqrt(True), math.sqrt(0.0), math.sqrt(1e-320), math.sqrt(math.inf)]
    for call in (lambda: math.pow(-8, 1 / 3), lambda: math.pow(0, -1), lambda: math.pow(10, 400), lambda: math.sqrt(-1),
                 lambda: math.sqrt(10 ** 400), lambda: math.sqrt("a"), lambda: math.sqrt(1, 2), lambda: math.pow(1)):
        try:
            call()
        except (ValueError, TypeError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/logs', desc='log of big ints beyond the float range, log with a base, log2 and log10 of powers, and their domain errors',
     spec=['math-log', 'math-libm'] + IMP, tags=T + ['float', 'bigint'],
     src='''
def main():
    import math
    out = [math.log(1), math.log(math.e), math.log(8, 2), math.log(10 ** 1000), math.log(2 ** 2000, 2), math.log2(1024), math.log2(2 ** 1500),
           math.log2(0.125), math.log10(1000), math.log10(10 ** 400), math.log(True), [math.log2(2.0 ** k) for k in range(-5, 6)],
           round(math.exp(1), 12), round(math.log(10), 12), math.exp(-1000), math.log(math.inf)]
    for call in (lambda: math.log(0), lambda: math.log(-1), lambda: math.log(-10 ** 400), lambda: math.log(10, 1), lambda: math.log2(0),
                 lambda: math.log10(-1.5), lambda: math.exp(1000), lambda: math.log(), lambda: math.log(1, 2, 3)):
        try:
            call()
        except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/trig', desc='Trigonometric functions on exact points (rounded to 12 places, spec/modules.md#math-libm), their domain errors, atan2 quadrants',
     spec=['math-libm'] + IMP, tags=T + ['float'],
     src='''
def main():
    import math
    r = lambda x: round(x, 12)
    out = [math.sin(0.0), math.cos(0.0), r(math.sin(math.pi / 6)), r(math.cos(math.pi / 3)), r(math.tan(math.pi / 4)), math.atan(math.inf),
           r(math.asin(1)), r(math.acos(0)), math.atan2(0.0, -0.0), math.atan2(-0.0, 0.0), math.atan2(1, 0), r(math.atan2(-1, -1)),
           math.sin(-0.0), math.atan(1e300)]
    for call in (lambda: math.sin(math.inf), lambda: math.acos(2), lambda: math.asin(-1.5), lambda: math.cos(x=1), lambda: math.atan2(1)):
        try:
            call()
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='vm/math/prod', desc='prod with and without start, over ints, floats, and a str times an int; its argument errors',
     spec=['math-prod'] + IMP, tags=T + ['builtins'],
     src='''
def main():
    import math
    out = [math.prod([]), math.prod(range(1, 11)), math.prod([1.5, 2, 4]), math.prod([2, 3], start=0.5), math.prod([3], start="ab"),
           math.prod(x for x in (2 ** 40, 2 ** 40)), math.prod((True, 5))]
    for call in (lambda: math.prod(5), lambda: math.prod("ab"), lambda: math.prod([1], 2), lambda: math.prod([1], x=2), lambda: math.prod()):
        try:
            call()
        except TypeError as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
''', entry='main()'),
dict(path='verifier/import-unsupported', desc='IMPORT_NAME of a module other than math: the program is refused when loaded (IMPORT_UNSUPPORTED, naming os) and never runs',
     spec=['import-math', 'op-IMPORT_NAME'], tags=['verifier', 'math'], asm={'main': '''RESUME 0
LOAD_CONST 0
LOAD_CONST None
IMPORT_NAME os
RETURN_VALUE
'''}, expect={'invalid': 'IMPORT_UNSUPPORTED'}),
]
