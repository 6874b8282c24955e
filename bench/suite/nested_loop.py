# optcert: id=bench.loop.nested
# optcert: call=main(1100)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,control-flow
# optcert: description=Benchmark (loop suite): a plain nested while loop over small ints (multiply, xor, modulo)
def main(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < n:
            total = (total + (i * j ^ (i + j))) % 1000003
            j += 1
        i += 1
    return total
