CF = ['control-flow']
FIX = [
dict(path='vm/control-flow/while-loop', desc='A counting while loop: condition at the bottom (POP_JUMP_IF_FALSE) and JUMP_BACKWARD to the body',
     spec=['op-JUMP_BACKWARD', 'op-POP_JUMP_IF_FALSE', 'op-COMPARE_OP'], tags=CF,
     src='''
def main(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total, i
''', entry='main(10)'),
dict(path='vm/control-flow/if-elif-else', desc='if/elif/else chains pick exactly one branch',
     spec=['op-POP_JUMP_IF_FALSE', 'op-COMPARE_OP', 'truthiness'], tags=CF,
     src='''
def sign(x):
    if x > 0:
        s = 'pos'
    elif x < 0:
        s = 'neg'
    else:
        s = 'zero'
    return s

def main():
    return sign(5), sign(-2), sign(0), sign(0.0), sign(-0.5)
''', entry='main()'),
dict(path='vm/control-flow/conditional-expression', desc='x if c else y evaluates only the chosen branch',
     spec=['op-JUMP_FORWARD', 'truthiness'], tags=CF,
     src='''
def main(xs):
    return ['odd' if x % 2 else 'even' for x in xs], (1 if xs else 2), (1 if [] else 2)
''', entry='main([1, 2, 3])'),
dict(path='vm/control-flow/break-continue', desc='Nested for loops with continue and break: break leaves only the inner loop (END_FOR/POP_TOP path skipped by the jump)',
     spec=['op-FOR_ITER', 'op-END_FOR', 'op-JUMP_BACKWARD', 'op-POP_TOP'], tags=CF,
     src='''
def main(n):
    out = []
    for i in range(n):
        if i == 1:
            continue
        for j in range(n):
            if j > i:
                break
            out.append((i, j))
    return out
''', entry='main(4)'),
dict(path='vm/control-flow/for-else', desc='for/else: the else block runs only when the loop was not left by break',
     spec=['op-FOR_ITER', 'op-END_FOR'], tags=CF,
     src='''
def find(xs, target):
    for x in xs:
        if x == target:
            r = 'found'
            break
    else:
        r = 'missing'
    return r

def main():
    return find([1, 2, 3], 2), find([1, 2, 3], 9), find([], 1)
''', entry='main()'),
dict(path='vm/control-flow/empty-iteration', desc='FOR_ITER on an empty iterable pops the iterator and skips END_FOR/POP_TOP at once; the loop variable stays unbound',
     spec=['op-FOR_ITER', 'locals-unbound', 'op-LOAD_FAST_CHECK'], tags=CF + ['exceptions'],
     src='''
def main(xs):
    for x in xs:
        print('never')
    print('after loop')
    return x
''', entry='main([])'),
dict(path='vm/control-flow/for-over-dict', desc='Iterating a dict yields keys in insertion order; items() pairs unpack into two loop variables',
     spec=['op-FOR_ITER', 'dict-ops', 'op-UNPACK_SEQUENCE', 'methods-dict'], tags=CF + ['containers'],
     src='''
def main(d):
    keys = []
    for k in d:
        keys.append(k)
    pairs = []
    for k, v in d.items():
        pairs.append(k + '=' + str(v))
    return keys, pairs
''', entry="main({'z': 1, 'a': 2, 'm': 3})"),
dict(path='vm/control-flow/while-true-break', desc='while True with break (NOP at the loop head, no condition test) and a return after the loop',
     spec=['op-NOP', 'op-JUMP_BACKWARD'], tags=CF,
     src='''
def main(n):
    steps = 0
    while True:
        if n == 1:
            break
        if n % 2:
            n = 3 * n + 1
        else:
            n = n // 2
        steps += 1
    return steps
''', entry='main(27)'),
dict(path='vm/control-flow/early-return-in-loop', desc='return from inside a for loop leaves the frame without running END_FOR (the iterator is simply dropped)',
     spec=['op-RETURN_VALUE', 'op-FOR_ITER', 'frames'], tags=CF,
     src='''
def first_negative(xs):
    for x in xs:
        if x < 0:
            return x
    return None

def main():
    return first_negative([3, -1, -2]), first_negative([1])
''', entry='main()'),
dict(path='vm/control-flow/unary-positive', desc='+x compiles to CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE; -x and ~x are their own instructions',
     spec=['op-CALL_INTRINSIC_1', 'op-UNARY_NEGATIVE', 'op-UNARY_INVERT', 'value-bool'], tags=['arith'],
     src='''
def main(a, f, b):
    return +a, +f, +b, -b, ~b, ~a
''', entry='main(-5, -0.0, True)'),
]
