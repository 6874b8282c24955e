F = ['float']
FA = ['arith', 'float']
FIX = [
dict(path='vm/floats/repr-point-one-plus-point-two', desc='0.1 + 0.2 prints and reprs as 0.30000000000000004 (shortest round-trip repr)',
     spec=['float-repr', 'print-format', 'builtin-print'], tags=FA + ['output'],
     src='''
def main(a, b):
    c = a + b
    print(c, c == 0.3)
    return c
''', entry='main(0.1, 0.2)'),
dict(path='vm/floats/repr-exponents', desc='Float repr switches to exponent form at 1e16 and below 1e-4: 1e+16, 1e-05; 1/3; subnormal 2.5e-310',
     spec=['float-repr', 'float-truediv'], tags=F,
     src='''
def main(ten, one):
    big = ten ** 16 * one
    return big, big / ten, one / ten ** 5, one / 3, 2.5e-310, 123456789.0 * ten ** 7, one / 10000
''', entry='main(10, 1.0)'),
dict(path='vm/floats/str-of-floats', desc='print/str of floats: integral floats keep .0, exponent form uses e+NN/e-NN',
     spec=['float-repr', 'print-format', 'builtin-str'], tags=FA + ['output'],
     src='''
def main(x):
    print(x, x * 1e15, x * 1e16, x / 1e5, str(x / 4), -x)
    return str(x * 1e100)
''', entry='main(1.0)'),
dict(path='vm/floats/special-inf-nan', desc="float('inf'), -inf and nan: repr, arithmetic (inf - inf is nan), nan != nan, overflow of * to inf",
     spec=['float-special', 'builtin-float', 'float-repr'], tags=F,
     src='''
def main(big):
    inf = float('inf')
    nan = inf - inf
    return inf, -inf, nan, nan == nan, nan != nan, big * 10.0, float('-inf') < -big, inf == inf
''', entry='main(1e308)'),
dict(path='vm/floats/negative-zero', desc='-0.0 reprs as -0.0, equals 0.0, and comes from 0.0 * -1 and -(0.0)',
     spec=['float-special', 'float-repr', 'op-UNARY_NEGATIVE'], tags=F,
     src='''
def main(z):
    n = -z
    return n, z * -1, n == z, str(n), -n, 0 * -1.0
''', entry='main(0.0)'),
dict(path='vm/floats/floordiv-modulo-negative', desc='-7.5 // 2 == -4.0, -7.5 % 2 == 0.5, 7.5 % -2 == -0.5, 7.5 // -2 == -4.0',
     spec=['float-floordiv-modulo', 'op-BINARY_OP'], tags=FA,
     src='''
def main(a, b):
    return a // b, a % b, -a % -b, -a // -b, -a % b
''', entry='main(-7.5, 2)'),
dict(path='vm/floats/modulo-by-zero', desc='1.0 % 0 raises ZeroDivisionError: float modulo by zero',
     spec=['zero-division', 'float-floordiv-modulo'], tags=FA + ['exceptions'],
     src='''
def main(a, b):
    return a % b
''', entry='main(1.0, 0)'),
dict(path='vm/floats/floordiv-by-zero', desc='1.0 // 0.0 raises ZeroDivisionError: float floor division by zero',
     spec=['zero-division', 'float-floordiv-modulo'], tags=FA + ['exceptions'],
     src='''
def main(a, b):
    return a // b
''', entry='main(1.0, 0.0)'),
dict(path='vm/floats/truediv-by-zero', desc='1.0 / 0 raises ZeroDivisionError: float division by zero',
     spec=['zero-division', 'float-truediv'], tags=FA + ['exceptions'],
     src='''
def main(a, b):
    return a / b
''', entry='main(1.0, 0)'),
dict(path='vm/floats/mixed-compare-2pow53', desc='int/float comparison is exact: 2**53 + 1 > float(2**53), and 2**53 + 1 != float(2**53 + 1)',
     spec=['numeric-compare-mixed', 'int-bigint', 'builtin-float'], tags=['compare', 'bigint', 'float'],
     src='''
def main(n):
    f = float(n)
    return n + 1 > f, n + 1 == float(n + 1), n == f, f < n + 1, n + 1 >= f + 1.0, 2 ** 1000 > 1e300
''', entry='main(9007199254740992)'),
dict(path='vm/floats/int-float-equality', desc='1 == 1.0 == True; 0.5 < 1; mixed ordering of ints, floats and bools',
     spec=['numeric-compare-mixed', 'value-bool', 'op-COMPARE_OP'], tags=['compare', 'float'],
     src='''
def main(i, f, b):
    return i == f, f == b, i == b, b < 2.5, 0.5 < i, i != f, -1 < False
''', entry='main(1, 1.0, True)'),
dict(path='vm/floats/int-float-conversions', desc='float() of ints and strings, int() truncates floats toward zero, float(2**64) rounds',
     spec=['builtin-int', 'builtin-float', 'int-bigint'], tags=['float', 'builtins'],
     src='''
def main(x):
    return int(x), int(-x), float(3), float('1.5'), float(2 ** 64), int(1e20), int(True), float('-inf')
''', entry='main(3.7)'),
dict(path='vm/floats/mixed-arithmetic', desc='int op float gives a float; bool participates as an int; abs and ** on floats',
     spec=['float-repr', 'value-bool', 'builtin-abs'], tags=FA,
     src='''
def main(i, f):
    return i + f, i * f, i - f, f ** 2, i ** 0.5, True + f, abs(-f), f // 1, i / 4
''', entry='main(2, 1.5)'),
]
