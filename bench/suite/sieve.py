# optcert: id=bench.loop.sieve
# optcert: call=main(200000)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,containers,control-flow
# optcert: description=Benchmark (loop suite): the sieve of Eratosthenes over a list of bools, while loops and list indexing; count and sum of the primes
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    return flags


def main(n):
    count = 0
    total = 0
    for _ in range(3):
        flags = sieve(n)
        count = 0
        total = 0
        k = 0
        while k <= n:
            if flags[k]:
                count += 1
                total += k
            k += 1
    return count, total
