# optcert: id=bench.generator.pipeline
# optcert: call=main(450000)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,generators
# optcert: description=Benchmark (generator suite): a pipeline of four generators (count, filter, map, running sum) drained by a for loop
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def odd_or_mult3(xs):
    for x in xs:
        if x % 2 == 1 or x % 3 == 0:
            yield x


def scaled(xs, k):
    for x in xs:
        yield x * k % 1009


def running(xs):
    total = 0
    for x in xs:
        total += x
        yield total


def main(n):
    last = 0
    items = 0
    for v in running(scaled(odd_or_mult3(count(n)), 7)):
        last = v
        items += 1
    return items, last
