# optcert: id=bench.loop.fannkuch
# optcert: call=main(8)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=arith,containers,control-flow
# optcert: description=Benchmark (loop suite): fannkuch-redux, every permutation of 0..n-1 in place (counting permutations), prefix reversals by index swapping; checksum and maximum flips
def main(n):
    perm1 = list(range(n))
    count = [0] * n
    perm = [0] * n
    max_flips = 0
    checksum = 0
    permutation = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        k = 0
        while k < n:
            perm[k] = perm1[k]
            k += 1
        flips = 0
        first = perm[0]
        while first != 0:
            lo = 0
            hi = first
            while lo < hi:
                t = perm[lo]
                perm[lo] = perm[hi]
                perm[hi] = t
                lo += 1
                hi -= 1
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        if permutation % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permutation += 1
