# optcert: id=bench.loop.spectral-norm
# optcert: call=main(110)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,float,containers
# optcert: description=Benchmark (loop suite): spectral norm of the infinite matrix A(i, j) = 1/((i+j)(i+j+1)/2+i+1) by power iteration over float lists
def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += v[j] / ((i + j) * (i + j + 1) // 2 + i + 1)
        out[i] = s


def mul_atv(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += v[j] / ((j + i) * (j + i + 1) // 2 + j + 1)
        out[i] = s


def main(n):
    u = [1.0] * n
    v = [0.0] * n
    t = [0.0] * n
    for _ in range(10):
        mul_av(u, t)
        mul_atv(t, v)
        mul_av(v, t)
        mul_atv(t, u)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vbv / vv) ** 0.5, eval_a(3, 4)
