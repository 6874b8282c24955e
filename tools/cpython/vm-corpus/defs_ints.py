A = ['arith']
B = ['arith', 'bigint']
FIX = [
dict(path='vm/ints/add-small', desc='Small-int addition and subtraction stay exact ints (JS-number fast path)',
     spec=['int-representation', 'op-BINARY_OP', 'op-LOAD_FAST_LOAD_FAST'], tags=A,
     src='''
def main(a, b):
    return a + b, a - b, b - a
''', entry='main(40, 2)'),
dict(path='vm/ints/bigint-2pow53-plus-1', desc='2**53 + 1 is exact (not rounded to 2**53 as a double would be)',
     spec=['int-bigint', 'int-power', 'int-representation'], tags=B,
     src='''
def main(base, exp):
    big = base ** exp + 1
    return big, big - 1, big + 1
''', entry='main(2, 53)'),
dict(path='vm/ints/bigint-product-2pow64', desc='Products that overflow 64 bits: 2**32 * 2**32 and (2**64)**2 are exact',
     spec=['int-bigint', 'op-BINARY_OP'], tags=B,
     src='''
def main(x):
    y = x * x
    return y, y * y, y * y - 1
''', entry='main(4294967296)'),
dict(path='vm/ints/factorial-growth', desc='Iterated multiplication 1*2*...*30 grows past 2**53 and 2**64 without losing digits',
     spec=['int-bigint', 'int-representation', 'op-FOR_ITER'], tags=B,
     src='''
def main(n):
    acc = 1
    for i in range(1, n + 1):
        acc = acc * i
    return acc
''', entry='main(30)'),
dict(path='vm/ints/bigint-shrinks-back', desc='A bigint result that fits again compares and prints like a small int',
     spec=['int-representation', 'int-bigint'], tags=B,
     src='''
def main(a):
    big = a * a
    small = big - a * a + 5
    return small, small == 5, small + 1
''', entry='main(10000000000000000000)'),
dict(path='vm/ints/floordiv-negative', desc='-7 // 2 rounds toward negative infinity (-4), and 7 // -2 too',
     spec=['int-floordiv', 'op-BINARY_OP'], tags=A,
     src='''
def main(a, b):
    return a // b, -a // -b, -a // b
''', entry='main(-7, 2)'),
dict(path='vm/ints/modulo-sign', desc='int % takes the sign of the divisor: -7 % 2 == 1, 7 % -2 == -1, -7 % -2 == -1',
     spec=['int-modulo', 'op-BINARY_OP'], tags=A,
     src='''
def main(a, b):
    return a % b, -a % -b, a % -b, -a % b
''', entry='main(-7, 2)'),
dict(path='vm/ints/bigint-floordiv-modulo', desc='Floor division and modulo of a negative bigint keep Python floor semantics',
     spec=['int-bigint', 'int-floordiv', 'int-modulo'], tags=B,
     src='''
def main(a, b):
    q = a // b
    r = a % b
    return q, r, q * b + r == a
''', entry='main(-1000000000000000000000000000000, 7)'),
dict(path='vm/ints/floordiv-by-zero', desc='1 // 0 raises ZeroDivisionError with the int floor-division message',
     spec=['zero-division', 'exception-uncaught', 'exception-message'], tags=['arith', 'exceptions'],
     src='''
def main(a, b):
    return a // b
''', entry='main(1, 0)'),
dict(path='vm/ints/modulo-by-zero', desc='1 % 0 raises ZeroDivisionError: integer modulo by zero',
     spec=['zero-division', 'int-modulo'], tags=['arith', 'exceptions'],
     src='''
def main(a, b):
    return a % b
''', entry='main(1, 0)'),
dict(path='vm/ints/truediv-by-zero', desc='1 / 0 raises ZeroDivisionError: division by zero',
     spec=['zero-division', 'float-truediv'], tags=['arith', 'exceptions'],
     src='''
def main(a, b):
    return a / b
''', entry='main(1, 0)'),
dict(path='vm/ints/shift', desc='<< grows into a bigint; >> of a negative int rounds toward negative infinity',
     spec=['int-shift', 'int-bigint'], tags=B,
     src='''
def main(a, n):
    return a << n, -9 >> a, (a << n) >> (n - 1), -a >> n
''', entry='main(1, 70)'),
dict(path='vm/ints/shift-negative-count', desc='A negative shift count raises ValueError',
     spec=['int-shift', 'exception-message'], tags=['arith', 'exceptions'],
     src='''
def main(a, n):
    return a << n
''', entry='main(1, -1)'),
dict(path='vm/ints/bitwise', desc='&, |, ^ and ~ on negative and bigint operands (two\'s complement semantics)',
     spec=['int-bitwise', 'op-UNARY_INVERT'], tags=A,
     src='''
def main(a, b):
    return a & b, a | b, a ^ b, ~a, ~b, (a << 64) & -1, (-1 << 64) | b
''', entry='main(-6, 13)'),
dict(path='vm/ints/power', desc='int ** non-negative int is an int (bigint when large); int ** negative int is a float',
     spec=['int-power', 'int-bigint'], tags=B,
     src='''
def main(a, b):
    return a ** b, a ** -b, (-a) ** 3, a ** 0, 10 ** b
''', entry='main(2, 100)'),
dict(path='vm/ints/unary-negative', desc='Unary minus across the bigint boundary: -(2**63), -(-(2**63)), -(2**126), and -(0) is 0',
     spec=['op-UNARY_NEGATIVE', 'int-representation', 'int-bigint'], tags=B,
     src='''
def main(a):
    m = -a
    return m, -m, -(a * a), -(a - a)
''', entry='main(9223372036854775808)'),
dict(path='vm/ints/inplace-operators', desc='Every in-place BINARY_OP (+= -= *= //= %= **= <<= >>= &= |= ^=) on ints',
     spec=['op-BINARY_OP', 'int-floordiv', 'int-modulo', 'int-bitwise', 'int-shift'], tags=A,
     src='''
def main(x):
    out = []
    x += 5
    out.append(x)
    x -= 20
    out.append(x)
    x *= 3
    out.append(x)
    x //= 4
    out.append(x)
    x %= 7
    out.append(x)
    x **= 3
    out.append(x)
    x <<= 2
    out.append(x)
    x >>= 1
    out.append(x)
    x &= 100
    out.append(x)
    x |= 3
    out.append(x)
    x ^= 255
    out.append(x)
    return out
''', entry='main(10)'),
dict(path='vm/ints/float-division-of-ints', desc='int / int is true division: 7 / 2 == 3.5, 6 / 3 == 2.0, and (2**64+1) / 2 rounds',
     spec=['float-truediv', 'float-repr', 'int-bigint'], tags=['arith', 'float'],
     src='''
def main(a, b, c):
    return a / b, c / 3, (c * c + 1) / b
''', entry='main(7, 2, 6)'),
]
FIX += [
dict(path='vm/ints/modulo-sign-loop', desc='int % with negative operands inside loops (ring-buffer indices, weekdays before an epoch, digits of a negative number): the result takes the sign of the divisor',
     spec=['int-modulo', 'int-floordiv', 'op-BINARY_OP'], tags=A + ['control-flow'],
     src='''
def main(size, days):
    ring = [0] * size
    for step in range(-50, 50):
        ring[step % size] += step
    weekdays = [0] * 7
    for d in range(-days, days):
        weekdays[d % 7] += 1
    digits = []
    n = -987654
    while n:
        digits.append(n % -10)
        n = -(n // -10) if n < 0 and n % -10 == 0 else (n - n % -10) // 10
    mixed = [a % b for a in range(-9, 10, 3) for b in (4, -4)]
    return ring, weekdays, digits, mixed
''', entry="main(7, 45)"),
]
