# optcert: id=fuzz.s8-00401
# optcert: call=main()
# optcert: description=Differential fuzzer program, seed 8 index 401 (tools/fuzz/fuzz.py)
# optcert: spec=call-python
G0 = 'ﬁ'
G1 = 81376

def gen0(n0):
    pass
    for i2 in range(n0 % 8):
        pass
        yield (int('12', 0) & sum([]))


def f0(p2_0, p2_1):
    global G1
    print(p2_1, len(str(tuple([x4 + x5 * x6 for x4, (x5, x6) in enumerate(zip([(-2), (-1)], [18446744073709551615, 39788, (-42752), 999999999999999999818, 999999999999999498]))], [x4 + x5 * x6 for x4, (x5, x6) in enumerate(zip([(-2), (-1)], [18446744073709551615, 39788, (-42752), 999999999999999999818, 999999999999999498]))]))), {-1: (-3)}.copy(), end=' ')
    v7 = list({'x': 6, -1: 3, 0: 4}.values())[-5:None:-2]
    return tuple(v7)


def main():
    try:
        v8, v9, v10 = max(G0, 'aaa'), 'q"uote', next(iter([(-8927), (-7), 999999999999999999999766]), (-4))
    except TypeError as e11:
        print('TypeError', e11)
    finally:
        v12 = sum([max((24022 / 4294967296), min([(-4), 7, (-2), 100000000000000245], default=(-39508))), 9, min(((-4503599627370497) / 84.0), (G1 - 3)), 357.3845575417848], (-2.25))
    try:
        v13 = 4.35
    except (TypeError, IndexError) as e14:
        print('TypeError', str(e14))
    except OverflowError as e15:
        print('OverflowError', repr(e15))
    v17 = [((-34769) - ((-2.25) % 7)), sum((x16 * len((':%e' % 2.0))) for x16 in ([1] if True else [])), G1, len((G1, [9, (-5), (-4)]))]
    del v17
    v19 = sum([272.1415] * 11)
    print(({1.0: 1}.get(next(iter([6, (-6), 10, 9, 88685]), 58973), 7), [1000000000000046 for x20 in [2147483647, 10, (-8)]], f"}}{G1:x}x={G1:,}"), dict(enumerate([x21 for x21 in gen0((max(G1, G1, G1) % 2)) if x21 % 2])), (not (not False)), G0)
    v23 = len(str(sorted([(-4085), (-9), 6][1:], kee=abs)))
    try:
        try:
            v24 = ()
        except IndexError as e25:
            print('IndexError', repr(e25))
        except IndexError as e26:
            print('IndexError', e26)
        v27 = next(iter([]), 9223372036854775808)
        w28 = 0
        while True:
            w28 += 1
            if w28 > 2 or (max(G1, G1, key=abs) < v19):
                break
            for i29, i30 in enumerate(sorted([], reverse=True)):
                v31 = G0.upper().find('a')
                i29 = sum([9, 3, (-4), 8])
                if ((v31 << 54) | G1 == 0):
                    break
            v23 = int('  9\n')
    except OverflowError:
        print('OverflowError')
    v32 = (G1 // abs(G1))
    return (list(zip(sorted([6, 29042]), G0, strict=True)) and [0])
