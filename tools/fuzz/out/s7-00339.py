# optcert: id=fuzz.s7-00339
# optcert: call=main()
# optcert: description=Differential fuzzer program, seed 7 index 339 (tools/fuzz/fuzz.py)
# optcert: spec=call-python
def gen0(n0):
    v2 = ('\\n' * -1)
    v3 = '\\n'.join([v2, 'cr\r']).find(' ')
    for i4 in range(n0 % 7):
        if False:
            continue
        yield ((n0 or n0) + len([x5 + x6 * x7 for x5, (x6, x7) in enumerate(zip([10000000000000000000000000520, 4294967297, (-6)], [36893488147419103231, (-45225), 8, (-4611686018427387903), 170141183460469231731687303715884105728]))]))


def f0(p7_0, p7_1, p7_2):
    v9 = bool(([1, (-3), (-69111), 4] + [4, 5, (-3), (-55103)]))
    print(len(str(hash([]))), [], (1e16 / (-3)), isinstance((p7_2, 276431.785757158), int), end='!\\n')
    if (int(v9) | p7_1 == 0):
        w10 = 0
        while w10 < 3:
            w10 += 1
            if isinstance((3, False, '日本', 2.3226591335110668e-08), dict):
                p7_2 = str({True: 7, -1: 100000000000000000032, 'x': 2, 2: 0}.get(()))
            elif v9:
                v11, v12 = ', '.join(str(x13) for x13 in gen0(-4)), f"{175.402412=:>8}"
            else:
                v15 = (() + ({(1, 2): (-9), 'key': len((True,))},))
            w16 = 0
            while w16 < 0 and ({1: p7_0, 1.0: p7_1, 'x': p7_0, 'key': 9007199254740992} is None):
                w16 += 1
                v9 = (', '.join(str(x17) for x17 in [5, (-16821), 24264, 340282366920938463463374607431768211456]).count('c') is not None)
        v18 = str((abs(2.392642886844192e-06) ** 0.5))
    elif ((v9 or v9) <= len((75513, (-7), 2.0, 2147483648))):
        if ((v9 and v9) == abs(p7_0)):
            if ('back\\slash', 1.5, (-9), 0):
                it19 = gen0(p7_0)
                v20 = next(it19, (-7))
                print(sorted(list(p7_2), reverse=True), end=' ')
                print(v20, (([] + [170141183460469231731687303715884105729, (-7), (-5)]) if (v9 or v9) else list(p7_2)), (p7_1 * (-2)), v9, sep='')
            elif (([6] is not None) if False else v9):
                if ('Hello'.join([p7_2, 'MiXeD']) is not None):
                    return v9
                v21 = ('ǅ'.join([p7_2, 'inf']) if (p7_1 > p7_1) else str({}.get(1)))
            elif v9:
                print(v9, (max(4.756575144062818e-15, p7_1) ** (-1.0)), str((p7_1 ^ v9)), sep=' | ')
                p7_0 = 3
            else:
                print(p7_2.replace('é', '', 0), [3, (-95956), 170141183460469231731687303715884105728], dict(b=(p7_0 << 55), a=len([(-90143), 3])), v9, sep=' | ', end=' ')
        elif ((not False) if ([] is not None) else p7_2.startswith(('1', ''))):
            print()
    elif ((1.5 * p7_0) != p7_0):
        p7_2 += ('both\'"'.replace('b', 'c') + 'hello world')
        for i22 in range(-2, 1, 3):
            v23 = p7_1
            v24 = i22
    else:
        v25 = (True,)
    v26 = tuple(enumerate(p7_2, -2))
    print()
    return ((p7_0 + p7_0) in list(gen0(8)))


def f1():
    v28 = [(-10), 0]
    return float(dict(key=6).get(0, 4.35))


def main():
    def h0(q0, q1=340282366920938463463374607431768211457, q2=(-604.59089)):
        for i29 in range(0, 1):
            v31 = [sum(gen0((-72395))) for x30 in range(7)]
            for i32 in gen0(-4):
                print((((), False) + (((False,) + ((9.422961664355423e+17, (-67.701), (-928.0)),)),)), tuple(zip(v31, 'new\nline'[(i32 % len('new\nline'))])), (dict(zip('Ǆ', v31)) is None), dict(a=2))
        q2 -= 9007199254740991
        return [(-72597), (-3), 5]
    v33 = list('abab')
    v33 = (list(zip(v33, 'A1b2', strict=True)) and [(-2)])
    v33 += [(-9), (-3), 2, 80215, 2]
    print(f0((-2), sum(gen0(((6 % 1000) % 9))), p7_2=f"{{{0.5:.1%} {1.0:>{9}}"))
    print(list({-1: 82170, (1, 2): (-7), True: 5}.keys()), '€uro'[:].startswith(('', '')), v33, (len({-1: (-2147483647)}.keys()) ^ 7 == 0), end='!\\n')
    v33[-2] = (6309 * 5)
    return v33
