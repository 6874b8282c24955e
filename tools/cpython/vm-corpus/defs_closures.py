"""Closures: cells, free variables, nonlocal, lambdas and generator expressions (spec/closures.md)."""
C = ['closures']
CELL_OPS = ['op-MAKE_CELL', 'op-COPY_FREE_VARS', 'op-LOAD_DEREF']
FIX = [
dict(path='vm/closures/nonlocal-counter', desc='A counter closure: nonlocal n lives in a cell that MAKE_CELL made in the factory frame; STORE_DEREF through the closure persists across calls, and two counters have two cells',
     spec=['closure-cells', 'closure-make-function', 'op-STORE_DEREF', 'op-SET_FUNCTION_ATTRIBUTE'] + CELL_OPS, tags=C + ['calls'],
     src='''
def make_counter(start):
    n = start
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def main():
    a = make_counter(0)
    b = make_counter(10)
    a()
    a()
    return a(), b(), a()
''', entry='main()'),
dict(path='vm/closures/genexpr-reads-local', desc='any(x > limit for x in xs): the generator expression is a real nested generator function whose free variable is the parameter cell of the enclosing frame (COPY_FREE_VARS before RETURN_GENERATOR)',
     spec=['closure-cells', 'generator-create', 'op-RETURN_GENERATOR'] + CELL_OPS, tags=C + ['generators', 'builtins'],
     src='''
def exceeds(xs, limit):
    return any(x > limit for x in xs), all(x < limit * 2 for x in xs), sum(x * limit for x in xs if x != limit)

def main():
    return exceeds([3, 8, 5], 5), exceeds([1, 2], 9)
''', entry='main()'),
dict(path='vm/closures/function-factory', desc='A factory returns a list of closures over its parameters and a local; each call of the factory makes fresh cells',
     spec=['closure-cells', 'closure-make-function'] + CELL_OPS, tags=C + ['calls'],
     src='''
def make_ops(k, label):
    scale = k * 10
    def add(x):
        return x + k
    def mul(x):
        return x * scale
    def name(x):
        return label + ':' + str(x)
    return [add, mul, name]

def main():
    first = make_ops(2, 'a')
    second = make_ops(3, 'b')
    return [f(5) for f in first], [f(1) for f in second]
''', entry='main()'),
dict(path='vm/closures/shared-cell', desc='A getter and a setter share one cell: a STORE_DEREF through the setter is seen by the getter and by the owning frame after the calls',
     spec=['closure-cells', 'op-STORE_DEREF'] + CELL_OPS, tags=C,
     src='''
def main():
    value = 'initial'
    def get():
        return value
    def set(v):
        nonlocal value
        value = v
    before = get()
    set('changed')
    seen = get()
    set(value + '!')
    return before, seen, value, get()
''', entry='main()'),
dict(path='vm/closures/generator-captures-cell', desc='A generator function with a free variable keeps its cell while suspended: writes to the cell between next() calls are seen by the next resumption',
     spec=['closure-cells', 'generator-resume', 'op-STORE_DEREF'] + CELL_OPS, tags=C + ['generators'],
     src='''
def main():
    step = 1
    def counter(n):
        i = 0
        while i < n:
            yield i
            i += step
    g = counter(10)
    out = [next(g), next(g)]
    step = 3
    out.append(next(g))
    out.append(next(g))
    step = 5
    out.extend(g)
    return out
''', entry='main()'),
dict(path='vm/closures/generator-own-cell', desc='A generator whose parameter is captured by a lambda it yields: MAKE_CELL runs before RETURN_GENERATOR, and each lambda reads the cell as the loop rebinds it',
     spec=['closure-cells', 'generator-create', 'op-RETURN_GENERATOR', 'op-STORE_DEREF'] + CELL_OPS, tags=C + ['generators'],
     src='''
def readers(base):
    k = 0
    while k < 3:
        yield lambda: base + k
        k += 1

def main():
    fs = list(readers(100))
    return [f() for f in fs]
''', entry='main()'),
dict(path='vm/closures/late-binding-loop', desc='Lambdas made in a loop (and in an inlined list comprehension, whose MAKE_CELL runs mid-function) all read the last value of the loop variable; a default argument binds early',
     spec=['closure-cells', 'op-STORE_DEREF', 'op-LOAD_FAST_AND_CLEAR'] + CELL_OPS, tags=C + ['control-flow'],
     src='''
def main():
    loop = []
    for i in range(3):
        loop.append(lambda: i * 10)
    comp = [lambda: j for j in range(4)]
    early = [lambda j=j: j for j in range(4)]
    return [f() for f in loop], [f() for f in comp], [f() for f in early]
''', entry='main()'),
dict(path='vm/closures/nested-three-levels', desc='A free variable passed through an intermediate function: the middle code has it as a free variable and LOAD_FAST pushes that cell into the inner closure tuple',
     spec=['closure-cells', 'closure-make-function', 'op-STORE_DEREF'] + CELL_OPS, tags=C,
     src='''
def outer(a):
    b = a * 2
    def middle(c):
        def inner(d):
            nonlocal b
            b += d
            return a + b + c + d
        return inner
    f = middle(100)
    first = f(1)
    second = f(1)
    return first, second, b

def main():
    return outer(1), outer(5)
''', entry='main()'),
dict(path='vm/closures/recursive-inner', desc='A nested function that calls itself reads its own name from a cell of the enclosing frame',
     spec=['closure-cells'] + CELL_OPS, tags=C + ['calls'],
     src='''
def main(n):
    memo = {}
    def fib(k):
        if k < 2:
            return k
        if k in memo:
            return memo[k]
        r = fib(k - 1) + fib(k - 2)
        memo[k] = r
        return r
    return fib(n), len(memo)
''', entry='main(40)'),
dict(path='vm/closures/lambda-sort-key', desc='sorted(key=lambda) and max(key=lambda) with lambdas that read a local of the caller',
     spec=['closure-cells', 'builtin-sorted'] + CELL_OPS, tags=C + ['builtins'],
     src='''
def closest(xs, pivot):
    return sorted(xs, key=lambda x: abs(x - pivot)), max(xs, key=lambda x: -abs(x - pivot))

def main():
    return closest([1, 9, 4, 7, 12], 8)
''', entry='main()'),
dict(path='vm/closures/free-variable-unbound', desc='Calling a closure before the enclosing frame assigned the captured variable: LOAD_DEREF of an empty free cell raises NameError naming the free variable',
     spec=['closure-unbound', 'exception-message'] + CELL_OPS, tags=C + ['exceptions'],
     src='''
def main():
    def show():
        return total
    first = show()
    total = 1
    return first
''', entry='main()'),
dict(path='vm/closures/cell-variable-unbound', desc='The owning frame reads its own cell variable before assigning it: LOAD_DEREF raises UnboundLocalError (a local, not a free variable)',
     spec=['closure-unbound', 'exception-message', 'op-MAKE_CELL', 'op-LOAD_DEREF'], tags=C + ['exceptions'],
     src='''
def main(flag):
    if flag:
        x = 'set'
    def get():
        return x
    return x, get()
''', entry='main(False)'),
dict(path='vm/closures/delete-deref', desc='del of a captured variable empties its cell (DELETE_DEREF): the closure then raises NameError for the free variable; caught, then the owner deletes it again and gets UnboundLocalError',
     spec=['closure-unbound', 'op-DELETE_DEREF', 'exception-message'] + CELL_OPS, tags=C + ['exceptions'],
     src='''
def main():
    x = 42
    def get():
        return x
    before = get()
    del x
    try:
        get()
    except NameError as e:
        print('closure:', e)
    try:
        del x
    except UnboundLocalError as e:
        print('owner:', e)
    x = 'again'
    return before, get()
''', entry='main()'),
dict(path='vm/closures/nonlocal-delete', desc='A closure deletes a nonlocal (DELETE_DEREF of a free variable), the owner then reads an empty cell and gets UnboundLocalError',
     spec=['closure-unbound', 'op-DELETE_DEREF', 'op-STORE_DEREF'] + CELL_OPS, tags=C + ['exceptions'],
     src='''
def main():
    state = [1, 2]
    def drop():
        nonlocal state
        del state
    def dropped_twice():
        nonlocal state
        del state
    drop()
    try:
        dropped_twice()
    except NameError as e:
        print(type(e).__name__, e)
    return state
''', entry='main()'),
dict(path='vm/closures/closure-attributes', desc="__closure__ holds the function's cells in free-variable order; cell_contents reads a cell and raises ValueError when it is empty; a function without free variables has __closure__ None",
     spec=['closure-attributes', 'closure-make-function'] + CELL_OPS, tags=C + ['exceptions'],
     src='''
def main():
    a = 1
    b = 'two'
    def both():
        return a, b
    def plain():
        return 0
    cells = both.__closure__
    out = [len(cells), cells[0].cell_contents, cells[1].cell_contents, plain.__closure__]
    b = 'changed'
    out.append(cells[1].cell_contents)
    del a
    try:
        cells[0].cell_contents
    except ValueError as e:
        out.append(str(e))
    return out
''', entry='main()'),
dict(path='vm/closures/closure-in-loop-hot', desc='A loop inside a closure reads and writes free variables on every iteration (LOAD_DEREF / STORE_DEREF at a back edge)',
     spec=['closure-cells', 'op-STORE_DEREF'] + CELL_OPS, tags=C + ['control-flow'],
     src='''
def main(n):
    total = 0
    count = 0
    def run(k):
        nonlocal total, count
        for i in range(k):
            total += i * i
            count += 1
        return total
    run(n)
    run(3)
    return total, count
''', entry='main(50)'),
dict(path='vm/closures/generator-closure-throw', desc='throw() into a created generator with a free variable escapes from its RETURN_GENERATOR (index 1, after COPY_FREE_VARS); into a suspended one it is caught and the handler reads the cell; close() of a generator expression',
     spec=['closure-cells', 'generator-throw', 'generator-close', 'op-RETURN_GENERATOR'] + CELL_OPS, tags=C + ['generators', 'exceptions'],
     src='''
def main():
    k = 3
    def gen():
        try:
            yield k
        except ValueError:
            yield -k
    g = gen()
    out = []
    try:
        g.throw(ValueError('x'))
    except ValueError as e:
        out.append('escaped ' + str(e))
    g2 = gen()
    out.append(next(g2))
    k = 4
    out.append(g2.throw(ValueError('y')))
    g3 = (x * k for x in range(3))
    out.append(next(g3))
    g3.close()
    return out
''', entry='main()'),
]

# Hand-written: what CPython's compiler never emits (asm, expectation from the spec).
def inv(path, code, desc, spec, asm, extra_code=None):
    d = dict(path='verifier/' + path, desc=desc, spec=spec, tags=['verifier', 'closures'], asm={'main': asm}, expect={'invalid': code})
    if extra_code:
        d['code'] = extra_code
    return d

def mal(path, desc, asm, also=()):
    return dict(path='malformed/' + path, desc=desc, spec=['assembly-malformed', 'assembly-directives', *also], tags=['malformed', 'closures'],
                asm={'main': asm}, expect={'malformed': 'ASM_BAD_DIRECTIVE'})

FIX += [
inv('cell-operand-load-deref-plain-local', 'CELL_OPERAND', 'LOAD_DEREF of a local that is neither in .cells nor in .freevars',
    ['verify-cells', 'code-cells', 'op-LOAD_DEREF'], '''.locals x
RESUME 0
LOAD_DEREF x
RETURN_VALUE
'''),
inv('cell-operand-make-cell-not-a-cell', 'CELL_OPERAND', 'MAKE_CELL of a local that .cells does not list',
    ['verify-cells', 'code-cells', 'op-MAKE_CELL'], '''.locals x y
.cells x
MAKE_CELL y
RESUME 0
RETURN_CONST None
'''),
inv('cell-operand-copy-free-vars-count', 'CELL_OPERAND', 'COPY_FREE_VARS 2 in a code object with one free variable',
    ['verify-cells', 'code-cells', 'op-COPY_FREE_VARS'], '''RESUME 0
LOAD_CONST 1
RETURN_VALUE
''', extra_code={'inner': '''.locals a
.freevars a
COPY_FREE_VARS 2
RESUME 0
LOAD_DEREF a
RETURN_VALUE
'''}),
inv('generator-shape-after-closure-prologue', 'GENERATOR_SHAPE', 'A .generator code object whose closure prologue (COPY_FREE_VARS) is followed by a NOP before RETURN_GENERATOR',
    ['verify-generator-shape', 'verify-cells', 'op-COPY_FREE_VARS', 'op-RETURN_GENERATOR'], '''RESUME 0
RETURN_CONST None
''', extra_code={'gen': '''.locals a
.freevars a
.generator
COPY_FREE_VARS 1
NOP
RETURN_GENERATOR
POP_TOP
RESUME 0
RETURN_CONST None
'''}),
mal('cells-without-locals', '.cells needs an explicit .locals before it (cells are named locals of a fixed localsplus order)', '''.cells x
RESUME 0
RETURN_CONST None
''', also=['code-cells']),
mal('freevars-not-last', '.freevars must name the last locals in order', '''.locals a b c
.freevars a
RESUME 0
RETURN_CONST None
''', also=['code-cells']),
mal('cell-and-free', 'A local cannot be both in .cells and in .freevars', '''.locals a b
.cells b
.freevars b
RESUME 0
RETURN_CONST None
''', also=['code-cells']),
dict(path='vm/closures/deref-without-cell', desc='A hand-written program whose LOAD_DEREF names a cell variable that MAKE_CELL never made: TypeError (CPython never emits this)',
     spec=['closure-cells', 'op-LOAD_DEREF', 'code-cells'], tags=C + ['exceptions'],
     asm={'main': '''.locals x
.cells x
RESUME 0
LOAD_DEREF x
RETURN_VALUE
'''}, expect={'raises': 'TypeError'}),
dict(path='vm/closures/copy-free-vars-without-closure', desc='MAKE_FUNCTION without SET_FUNCTION_ATTRIBUTE closure for a code object with a free variable: COPY_FREE_VARS raises TypeError when the function is called',
     spec=['closure-make-function', 'op-COPY_FREE_VARS', 'op-MAKE_FUNCTION'], tags=C + ['exceptions'],
     asm={'main': '''RESUME 0
LOAD_CONST <code inner>
MAKE_FUNCTION
PUSH_NULL
CALL 0
RETURN_VALUE
'''}, code={'inner': '''.locals a
.freevars a
COPY_FREE_VARS 1
RESUME 0
LOAD_DEREF a
RETURN_VALUE
'''}, expect={'raises': 'TypeError'}),
dict(path='vm/closures/closure-not-cells', desc='SET_FUNCTION_ATTRIBUTE closure with a tuple that holds a plain int instead of a cell raises TypeError',
     spec=['closure-make-function', 'op-SET_FUNCTION_ATTRIBUTE'], tags=C + ['exceptions'],
     asm={'main': '''RESUME 0
LOAD_CONST 1
BUILD_TUPLE 1
LOAD_CONST <code inner>
MAKE_FUNCTION
SET_FUNCTION_ATTRIBUTE closure
RETURN_VALUE
'''}, code={'inner': '''.locals a
.freevars a
COPY_FREE_VARS 1
RESUME 0
LOAD_DEREF a
RETURN_VALUE
'''}, expect={'raises': 'TypeError'}),
]
