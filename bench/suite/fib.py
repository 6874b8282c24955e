# optcert: id=bench.call.fib
# optcert: call=main(27)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,calls
# optcert: description=Benchmark (call suite): naive recursive Fibonacci
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n):
    return fib(n)
