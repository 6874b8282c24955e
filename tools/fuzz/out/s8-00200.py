# optcert: id=fuzz.s8-00200
# optcert: call=main('nan')
# optcert: description=Differential fuzzer program, seed 8 index 200 (tools/fuzz/fuzz.py)
# optcert: spec=call-python
def rec0(n):
    if n <= 0:
        return abs(n)
    return rec0(n - 1) | (5 - n)


def main(a0):
    def h0(q0, q1='\x1c', q2=6):
        pass
        return str({str(x1): q2 for x1 in [8211, (-4), (-340282366920938463463374607431768211455)]}.get((q2 // 1000)))
    def h1(q0='\ufeff', q1=(-36944)):
        print(((q0 is not None) + [0, (-10000000000000000600)].index(q1)), (tuple(enumerate([(-41066)])) != ()[:]), str((((-9) % 3) ** 6)), tuple(zip(list(q0), str(5.210053465381062e-05))))
        if False:
            v2, v3 = q1, q0, 0
        elif ((list(zip([(-9)], q0, strict=True)) and [10000000000000000000000000000000000616]) != len(range(6, q1, -7))):
            assert ((q1 if False else q1) in ())
            try:
                q0 = q0
            except (KeyError, TypeError) as e4:
                print('KeyError', e4.args)
            except StopIteration as e5:
                print('StopIteration', f"{e5!r}")
        else:
            for i6 in ('tab\t' + q0):
                q1 >>= 35
        return abs((-65113))
    for i7 in f"x={(-4)!r:-<4}":
        v8 = ((5.315987714201404e-20 if True else (-3)) ** 2.0)
        a0 += 'back\\slash'
    else:
        v9 = ()
        v10 = list(range(4, 8, -2))
    a0 = a0
    w11 = 0
    while w11 < 1:
        w11 += 1
        v12 = repr(range(-3, 3, 1)[:((-9) | (-7)):-2])
        v12 += ', '.join([str(len('b'.split())) for x13 in ([2] * 4)])
        v14 = int((-556.367))
        if (v14 & v14 == 0):
            continue
    v15 = len(str(sorted([1000000000000000000000138, (-1)], kee=abs)))
    for i16 in range(5):
        a0 = a0
        v17 = (list(a0) + [(-40856)])
        v17.append(range(-3, 30, -2)[0])
    a0 = a0[0]
    return a0, v15
