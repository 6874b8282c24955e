# optcert: id=bench.generator.arith
# optcert: call=main(400000)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,float,generators
# optcert: description=Benchmark (generator suite): a generator of a linear congruential sequence consumed by a for loop doing int and float arithmetic
def lcg(seed, n):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        yield x


def main(n):
    total = 0
    acc = 0.0
    for v in lcg(42, n):
        total = (total + v % 1000) % 1000003
        acc += (v % 97) * 0.5
    return total, acc
