#!/usr/bin/env python3.13
"""Write reference/src/runtime/math-vectors.generated.json: math-module calls and CPython 3.13's
results (or exceptions), for reference/src/runtime/math.test.ts.

  PYENV_VERSION=3.13.0 python3.13 tools/cpython/math-vectors/gen.py

Values are encoded so that every float bit survives JSON: ["f", "<16 hex digits of the IEEE
bits>"], ["i", "<decimal>"], ["b", true], ["s", "text"], ["t", [...]] (tuple), ["l", [...]] (list).
The inputs are drawn from a fixed seed, plus special values; `exact` says whether CPython's result
must be matched bit for bit (spec/modules.md#math-exactness) or within one ulp (#math-libm).
"""
import json
import math
import os
import random
import struct

OUT = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'reference', 'src', 'runtime', 'math-vectors.generated.json')
# Not correctly rounded on the VM (V8's Math.log10 and Math.log2): within one ulp. exp, log and the
# trigonometric functions are correctly rounded on the VM (math-libm.ts) and match glibc on every vector here.
LIBM = {'log10'}
# glibc's versions of these are not correctly rounded (they differ from the correctly rounded
# result, which the VM computes, on 5% to 50% of arguments, spec/modules.md#math-libm).
LIBM |= {'expm1', 'log1p', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'erf', 'erfc', 'exp2'}
# CPython's own gamma calls glibc's pow and exp, which round wrong once in a few hundred of its arguments.
LIBM |= {'gamma'}


def enc(v):
    if type(v) is bool:
        return ['b', v]
    if type(v) is int:
        return ['i', str(v)]
    if type(v) is float:
        return ['f', struct.pack('>d', v).hex()]
    if type(v) is str:
        return ['s', v]
    if type(v) is tuple:
        return ['t', [enc(x) for x in v]]
    if type(v) is list:
        return ['l', [enc(x) for x in v]]
    raise TypeError(v)


def main():
    r = random.Random(20261207)
    specials = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, math.inf, -math.inf, math.nan, 5e-324, 1e-310, 1e308, -1e308, 2.5, -2.5,
                1.7976931348623157e+308, -1.7976931348623157e+308, 2.2250738585072014e-308, 8.98846567431158e+307]
    cases = []

    def add(fn, *args, **kwargs):
        try:
            res = {'return': enc(getattr(math, fn)(*args, **kwargs))}
        except Exception as e:  # noqa: BLE001 - the outcome to record
            res = {'raises': type(e).__name__, 'message': str(e)}
        row = {'fn': fn, 'args': [enc(a) for a in args], 'exact': fn not in LIBM and not (fn == 'log2' and args and not _pow2(args[0]))}
        if kwargs:
            row['kwargs'] = {k: enc(v) for k, v in kwargs.items()}
        row.update(res)
        cases.append(row)

    def floats(n, lo, hi, log=False):
        return [10 ** r.uniform(lo, hi) * r.choice([1, -1]) if log else r.uniform(lo, hi) for _ in range(n)]

    for fn in ('sqrt', 'exp', 'log', 'log2', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'fabs', 'floor', 'ceil', 'trunc',
               'isfinite', 'isinf', 'isnan', 'modf', 'frexp', 'degrees', 'radians'):
        for x in specials + floats(40, -300, 300, log=True) + floats(40, -10, 10) + [r.randint(-10 ** 6, 10 ** 6) for _ in range(10)] + [10 ** 30, -(2 ** 70), True]:
            add(fn, x)
    for fn in ('atan2', 'copysign', 'fmod', 'pow', 'hypot', 'isclose'):
        pool = specials + floats(20, -5, 5) + floats(10, -300, 300, log=True) + [3, -7, 0]
        for _ in range(250):
            add(fn, r.choice(pool), r.choice(pool))
    for k in range(-1100, 1030, 37):
        add('log2', 2.0 ** k)
        add('ldexp', r.uniform(-2, 2), k)
    for _ in range(200):
        add('ldexp', r.choice(specials + floats(5, -300, 300, log=True)), r.randint(-1200, 1200))
    for _ in range(150):
        n = r.randint(0, 12)
        xs = [r.choice([r.uniform(-1e10, 1e10) * 10 ** r.randint(-30, 30), r.randint(-10 ** 20, 10 ** 20), r.choice(specials)]) for _ in range(n)]
        add('fsum', xs)
        add('hypot', *[x for x in xs if type(x) is float][:6])
        add('dist', tuple(xs[: n // 2]), tuple(xs[n // 2: 2 * (n // 2)]))
        add('prod', xs[:4])
    for _ in range(120):
        a, b = r.randint(-10 ** 30, 10 ** 30), r.randint(-10 ** 12, 10 ** 12)
        add('gcd', a, b)
        add('lcm', a % 10 ** 9, b)
        add('isqrt', abs(a))
        add('comb', r.randint(0, 200), r.randint(0, 60))
        add('perm', r.randint(0, 100), r.randint(0, 30))
        add('factorial', r.randint(0, 120))
        add('log', r.choice([a, 10 ** r.randint(300, 400), 2 ** r.randint(1, 1500)]), r.choice([2, 10, 7.5, math.e]))
    wide = lambda: specials + floats(60, -20, 2.9, log=True) + floats(60, -5, 5) + [r.randint(-30, 30) for _ in range(5)] + [True]  # noqa: E731
    for fn in ('expm1', 'log1p', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'exp2', 'cbrt', 'erf', 'erfc', 'gamma', 'lgamma', 'ulp'):
        for x in wide():
            add(fn, x)
    for x in floats(40, -1, 1) + [1 - 10 ** -r.uniform(1, 15) for _ in range(20)]:
        add('atanh', x)
        add('log1p', abs(x) - 0.9999)
        add('acosh', 1 + abs(x))
    for x in floats(50, -180, 180) + [r.randint(-200, 200) + r.choice([0.5, 0.25, 1e-9]) for _ in range(40)] + [171.5, 171.7, -170.5, 1e-21, -1e-21, 1e-320]:
        add('gamma', x)
        add('lgamma', x)
        add('lgamma', x * 1e5)
    for x in floats(40, 0, 30) + floats(20, -30, 0):
        add('erfc', x)
        add('erf', x / 5)
    pool = specials + floats(20, -5, 5) + floats(10, -300, 300, log=True) + [3, -7, 0, 1e-310, 2 ** 52 + 0.5]
    for _ in range(300):
        add('remainder', r.choice(pool), r.choice(pool))
        add('fma', r.choice(pool), r.choice(pool), r.choice(pool))
        add('nextafter', r.choice(pool), r.choice(pool))
    for _ in range(100):
        a, b, c = r.uniform(-1e10, 1e10), r.uniform(-1e10, 1e10), r.uniform(-1e-5, 1e-5)
        add('fma', a, b, -(a * b))  # the product's rounding error, which only an exact fma sees
        add('fma', a, c, r.uniform(-1, 1))
    for _ in range(40):
        add('ulp', r.choice(pool))
    for v in (-1, 0, 1, 2, 1000, 2 ** 62, 2 ** 64, 2 ** 70):
        add('nextafter', r.choice(pool), r.choice(pool), steps=v)
    add('nextafter', 0.0, -1.0, steps=3)
    add('nextafter', -5e-324, 5e-324, steps=1)
    add('nextafter', 1.0, 2.0, steps=1.5)
    for _ in range(150):
        n = r.randint(0, 8)
        kinds = r.choice(['int', 'float', 'mixed', 'big', 'bool'])
        def item():
            k = kinds if kinds != 'mixed' else r.choice(['int', 'float', 'bool', 'big'])
            if k == 'int':
                return r.randint(-10 ** 6, 10 ** 6)
            if k == 'big':
                return r.choice([2 ** 62, -(2 ** 63), 3 ** 40, r.randint(-10 ** 20, 10 ** 20)])
            if k == 'bool':
                return r.choice([True, False])
            return r.choice([r.uniform(-1e10, 1e10) * 10 ** r.randint(-30, 30), r.choice(specials)])
        add('sumprod', [item() for _ in range(n)], [item() for _ in range(n)])
    add('sumprod', [1, 2], [3])
    add('sumprod', [1e308, 1e308, -1e308], [10.0, 1.0, 10.0])
    add('sumprod', [0.1] * 10, [0.1] * 10)
    for v in (-1, -2.0, 'a', 10 ** 400):
        for fn in ('sqrt', 'isqrt', 'factorial', 'floor', 'log', 'exp', 'frexp', 'erf', 'gamma', 'lgamma', 'cbrt', 'ulp', 'expm1'):
            add(fn, v)
    with open(OUT, 'w', encoding='utf-8', newline='\n') as f:
        json.dump({'generated': 'by tools/cpython/math-vectors/gen.py with CPython 3.13; do not edit by hand', 'cases': cases}, f, separators=(',', ':'))
        f.write('\n')
    print(f'{os.path.relpath(OUT)}: {len(cases)} cases')


def _pow2(x):
    return type(x) is float and x > 0 and math.frexp(x)[0] == 0.5


if __name__ == '__main__':
    main()
