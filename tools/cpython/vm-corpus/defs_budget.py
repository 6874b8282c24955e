BU = ['budget']
FIX = [
dict(path='vm/budget/infinite-loop', desc='while True: pass never finishes: with budget 1000 the run is exhausted with no output',
     spec=['step-budget'], tags=BU + ['control-flow'],
     src='''
def main():
    while True:
        pass
''', entry='main()', budget=1000, expect={'exhausted': True, 'output': ''}),
dict(path='vm/budget/output-kept', desc='Output printed before the budget runs out is kept in the exhausted outcome',
     spec=['step-budget', 'builtin-print'], tags=BU + ['output'],
     src='''
def main():
    for i in range(3):
        print('tick', i)
    while True:
        pass
''', entry='main()', budget=1000, expect={'exhausted': True, 'output': 'tick 0\ntick 1\ntick 2\n'}),
dict(path='vm/budget/print-loop-cutoff', desc='A loop printing forever: 8 steps before the loop and 9 per iteration, the print CALL being the 3rd; budget 104 allows exactly 11 prints (the 11th CALL is step 101, the 12th would be step 110)',
     spec=['step-budget', 'builtin-print'], tags=BU + ['output'],
     src='''
def main():
    print('start')
    i = 0
    while True:
        print(i)
        i += 1
''', entry='main()', budget=104, expect={'exhausted': True, 'output': 'start\n' + ''.join('%d\n' % k for k in range(11))}),
dict(path='vm/budget/exact-fit', desc='def main(): return 1 executes exactly 2 instructions (RESUME, RETURN_CONST): budget 2 is enough',
     spec=['step-budget'], tags=BU,
     src='''
def main():
    return 1
''', entry='main()', budget=2),
dict(path='vm/budget/one-short', desc='The same 2-instruction function with budget 1 is exhausted before RETURN_CONST',
     spec=['step-budget'], tags=BU,
     src='''
def main():
    return 1
''', entry='main()', budget=1, expect={'exhausted': True, 'output': ''}),
dict(path='vm/budget/counts-callee-frames', desc='Steps of called frames count: main (RESUME, LOAD_GLOBAL, CALL, RETURN_VALUE) + f (RESUME, RETURN_CONST) = 6 steps fit budget 6',
     spec=['step-budget', 'frames'], tags=BU + ['calls'],
     src='''
def f():
    return 7

def main():
    return f()
''', entry='main()', budget=6),
dict(path='vm/budget/callee-frames-one-short', desc='The same 6-step call with budget 5 is exhausted in the caller\'s RETURN_VALUE',
     spec=['step-budget', 'frames'], tags=BU + ['calls'],
     src='''
def f():
    return 7

def main():
    return f()
''', entry='main()', budget=5, expect={'exhausted': True, 'output': ''}),
dict(path='vm/budget/counts-generator-frames', desc='Steps of a generator frame run by list() count: main 6 (incl. both CALLs) + RETURN_GENERATOR 1 + first resume 4 (POP_TOP, RESUME, LOAD_CONST, YIELD_VALUE) + second resume 3 (RESUME, POP_TOP, RETURN_CONST) = 14 steps fit budget 14',
     spec=['step-budget', 'generator-builtin-consume'], tags=BU + ['generators'],
     src='''
def gen():
    yield 1

def main():
    return list(gen())
''', entry='main()', budget=14),
dict(path='vm/budget/generator-frames-one-short', desc='The same 14-step program with budget 13 is exhausted: the generator frame\'s steps run by list() count against the budget',
     spec=['step-budget', 'generator-builtin-consume'], tags=BU + ['generators'],
     src='''
def gen():
    yield 1

def main():
    return list(gen())
''', entry='main()', budget=13, expect={'exhausted': True, 'output': ''}),
dict(path='vm/budget/infinite-recursion-vs-budget', desc='Unbounded recursion under a small budget is exhausted long before the recursion limit is reached',
     spec=['step-budget', 'recursion-limit'], tags=BU + ['calls'],
     src='''
def down(n):
    return down(n + 1)

def main():
    return down(0)
''', entry='main()', budget=500, expect={'exhausted': True, 'output': ''}),
]
