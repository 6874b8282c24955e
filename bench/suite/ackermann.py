# optcert: id=bench.call.ackermann
# optcert: call=main(3)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,calls
# optcert: description=Benchmark (call suite): Ackermann's function, A(3, 6) (recursion 500 frames deep) n times and A(2, k), deep non-tail recursion
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def main(n):
    total = 0
    for k in range(20):
        total += ack(2, k)
    deep = 0
    for _ in range(n):
        deep += ack(3, 6)
    return total, deep
