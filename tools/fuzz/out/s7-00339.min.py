# optcert: id=fuzz.s7-00339-min
# optcert: call=main()
# optcert: description=Differential fuzzer program, seed 7 index 339 (tools/fuzz/fuzz.py), minimized
# optcert: spec=call-python
def gen0(n0):
    yield ((n0 or n0) + len([x5 + x6 * x7 for x5, (x6, x7) in enumerate(zip([10000000000000000000000000520, 4294967297, -6], [36893488147419103231, -45225, 8, -4611686018427387903, 170141183460469231731687303715884105728]))]))

def f0(p7_0, p7_1, p7_2):
    print(len(str(hash([]))), [], 1e+16 / -3, isinstance((p7_2, 276431.785757158), int), end='!\\n')

def main():
    print(f0(-2, sum(gen0(6 % 1000 % 9)), p7_2=f'{{{0.5:.1%} {1.0:>{9}}'))
