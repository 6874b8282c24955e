# optcert: id=fuzz.s8-00541
# optcert: call=main()
# optcert: description=Differential fuzzer program, seed 8 index 541 (tools/fuzz/fuzz.py)
# optcert: spec=call-python
G0 = 9007199254740993.0
G1 = (-9223372036854775808)

def gen0(n0):
    pass
    for i2 in range(n0 % 3):
        pass
        yield (i2 and sum((x3 + 0) for x3 in [(-3)] if (G0 < 9999999999999999999999999999999999260)))


def f0(p3_0, p3_1, p3_2):
    print((-abs(G0)), int(float(G1)), list(p3_1), sep=None)
    p3_0 += [x5 - x6 for x5, x6 in zip(list(sum((G1 + ([4294967296, 8].count(x8) % 5)) for x8 in [(-5), (-340282366920938463463374607431768211456), 10]) for x7 in p3_2), p3_0)]
    return 'inf'[(len('inf') - 1)]


def f1(p8_0, p8_1, p8_2):
    global G1
    v10 = p8_2
    for i11 in ((v10 >> 43), G1,):
        p8_1 = (p8_1[-1] or '%')
        p8_1 += f"{(p8_0 / v10):08.2f}{(p8_0 + (-10000000000000000000000000000000000494)):,}"
        print(((v10 | v10 > 0), list(enumerate(gen0((i11 % 3)))), p8_0))
    return G1


def f2(p12_0, p12_1, p12_2):
    v14 = (dict(b=G1, a=G1, key=p12_0), (p12_1, {1: 9007199254740993}, {'key': (-42103)}, p12_2))
    print()
    try:
        v15 = ('abab' * 2)
        v16, v17 = G0, sum([9.925628952335696e-18] * 6)
    except (IndexError, KeyError) as e19:
        print('IndexError', repr(e19.__context__))
        raise TypeError('{}') from e19
        if (f1(False, p8_1=p12_1, p8_2=31577) | ((-10) - 0) == 0):
            print(list('²'), (G1 in list(gen0(2))), sep='')
            if ((list(zip([49659, (-3)], 'q"uote', strict=True)) and [5]) is None):
                p12_1 = min(p12_1, 'A1b2')
                v21 = f"{p12_1=!s}"
                v21 = p12_1
            elif ((p12_0 & (-1000000000000000000000782) > 0) if p12_1.isalpha() else (False or False)):
                v22 = [56554, (-2), 10, 8, 13450]
                p12_0 ^= p12_0
            else:
                v23 = (0 * '\u2028')
                v24 = 0.5
            p12_0 **= 0
        else:
            v14 = (v14 + (True,))
    else:
        p12_0 ^= {-1: (G1 or 0)}
        p12_2 = ({}.pop('a', (-4)) / (-2))
    if False:
        raise RuntimeError()
    v25 = list((('a\x00b' * 0) + max(p12_1, '0x1f')))
    return (sorted(v25, key=abs) + list({}.keys()))


def main():
    global G1
    def h0(q0=[1000000000000000000000000000000000526, 100000000000000000000000188], q1=[24842, (-2), (-85201), 0]):
        for i26 in sorted(q0):
            for i27 in range(5, -2, -1):
                q1 += list(range(-1, -1))
                v29 = '-'.join(str(x28) for x28 in gen0((len('0x1f') % 8)))
            if ({'key': 6, -1: 9223372036854775808, 1: 1000000000000000000000000908, True: 170141183460469231731687303715884105727} in (96793615640.36678,)):
                q1[3:1] = tuple(enumerate('A1b2', 3))
            i26 //= next(iter(f2(p12_0=(-5), p12_1='İ', p12_2=G0)), 6)
            for i30 in (sum(q0), G1,):
                for i31 in range(3):
                    if ((+5) in list(('é',))):
                        break
        try:
            q1 += [(-8)]
        except TypeError as e32:
            print('TypeError', isinstance(e32, RuntimeError))
        except IndexError as e33:
            print('IndexError', repr(e33))
            for i34 in range(0, -1, -1):
                q0 = ([4611686018427387905] * 4)
        return (f"x={False:d} {G1:#b}" + ('naïve' or '%d'))
    v35 = f"{str(('\u200b', (-5), 'Hello'))!r:^9}é{max('-7', '\u2028'):*^9}"
    v36 = sorted([], reverse=True)
    if (tuple(enumerate(v35)) is not None):
        print(sum([(G0 if False else G0)]), ((G1 % G1) >= sum((-865.6) for x37 in range(10)) >= float('1E-3') <= (G0 ** 3.0)))
        for i38 in range(0):
            v36 += [(-10)]
            if bool(G0):
                if (abs(i38) != G1 != min([(-3), (-2), (-35557), 10, (-100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000796)], key=abs, default=5) > i38):
                    raise RuntimeError('naïve')
                v36.append(len('hello world'))
                v36.remove((+G1))
            elif ((i38 < G0) and (True if False else True)):
                print(end='\\n\\n')
                i38 = sum((x39 - x39) for x39 in v36[:-4])
            elif (True if (v36 == (6, (-957.78))) else isinstance({(): (-9), (1, 2): (-6), 1: 9999999999999999999426, 'key': 1}, dict)):
                print(abs((G0 // i38)), (str({'x': 170141183460469231731687303715884105729, 'a': (-8)}.get(v35.count('é'))) if (G1 >= G1) else v35.upper()), ((G0 if False else G1) // (G1 ** (-3.0))), (G1 << 8))
            else:
                v40, v41 = len(v36), i38
                i38 |= G1
            v42 = len(list({'x': 61975}.values()))
    else:
        print((not (not False)), v36, [9223372036854775808], end='\\n\\n')
        v35 += '\xad'
    v44 = v35[(len(str(min(v36[:], default=G1, key=abs, x=1))) % len(v35))].replace('x', 'Z').replace('a', 'a', 0)
    v45 = (G1 - len((v35 + v35)))
    v46 = (-263.3)
    v46 = G0
    v35 += ('cr\r' + ('b' + 'abab'))
    return v44, v35, v46, v45, v36
