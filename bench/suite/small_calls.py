# optcert: id=bench.call.small-functions
# optcert: call=main(150000)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,calls
# optcert: description=Benchmark (call suite): many small functions (one to three arguments, nested calls) called from a loop
def square(x):
    return x * x


def add(a, b):
    return a + b


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def mix(a, b):
    return add(square(a), b) % 9973


def step(state, i):
    return clamp(mix(state, i), 10, 9000)


def main(n):
    state = 1
    total = 0
    for i in range(n):
        state = step(state, i)
        total = add(total, state)
    return state, total
