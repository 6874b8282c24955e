CL = ['calls']
FIX = [
dict(path='vm/calls/positional', desc='Python-to-Python calls with positional arguments through LOAD_GLOBAL f + NULL and CALL n; each call gets fresh locals',
     spec=['call-python', 'frames', 'op-CALL', 'op-LOAD_GLOBAL'], tags=CL,
     src='''
def area(w, h):
    return w * h

def describe(name, w, h):
    a = area(w, h)
    return name + '=' + str(a)

def main():
    return describe('sq', 3, 3), describe('rect', 2, 5), area(area(2, 3), 4)
''', entry='main()'),
dict(path='vm/calls/keywords', desc='CALL_KW binds keyword arguments by name to Python parameters in any order',
     spec=['call-keywords', 'op-CALL_KW', 'call-python'], tags=CL,
     src='''
def f(a, b, c):
    return (a, b, c)

def main():
    return f(1, c=3, b=2), f(c='z', a='x', b='y'), f(1, 2, c=3)
''', entry='main()'),
dict(path='vm/calls/defaults', desc='Defaults come from SET_FUNCTION_ATTRIBUTE defaults on a MAKE_FUNCTION\'d code object; positional and keyword arguments override them',
     spec=['call-defaults', 'op-MAKE_FUNCTION', 'op-SET_FUNCTION_ATTRIBUTE', 'call-keywords'], tags=CL,
     src='''
def main(base):
    def f(a, b=base, c=[]):
        c.append(a)
        return (a, b, len(c))
    return f(1), f(1, 20), f(1, c=[]), f(a=5, b=6), f(0)
''', entry='main(10)'),
dict(path='vm/calls/nested-function', desc='A nested def without defaults (MAKE_FUNCTION only) stored in a local and called with PUSH_NULL',
     spec=['op-MAKE_FUNCTION', 'op-PUSH_NULL', 'call-python'], tags=CL,
     src='''
def main(n):
    def square(x):
        return x * x
    total = 0
    for i in range(n):
        total += square(i)
    return total
''', entry='main(5)'),
dict(path='vm/calls/too-many-positional', desc='Passing 2 positional arguments to a 1-parameter function raises TypeError',
     spec=['call-arity-error', 'exception-message'], tags=CL + ['exceptions'],
     src='''
def f(a):
    return a

def main():
    return f(1, 2)
''', entry='main()'),
dict(path='vm/calls/missing-positional', desc='Omitting a required argument raises TypeError naming the missing parameter',
     spec=['call-arity-error', 'exception-message'], tags=CL + ['exceptions'],
     src='''
def f(a, b):
    return a

def main():
    return f(1)
''', entry='main()'),
dict(path='vm/calls/missing-two-positional', desc="Omitting two required arguments names both: missing 2 required positional arguments: 'b' and 'c'",
     spec=['call-arity-error', 'exception-message'], tags=CL + ['exceptions'],
     src='''
def f(a, b, c):
    return a

def main():
    return f(1)
''', entry='main()'),
dict(path='vm/calls/unexpected-keyword', desc='A keyword that names no parameter raises TypeError: got an unexpected keyword argument',
     spec=['call-arity-error', 'call-keywords', 'exception-message'], tags=CL + ['exceptions'],
     src='''
def f(a):
    return a

def main():
    return f(1, z=2)
''', entry='main()'),
dict(path='vm/calls/multiple-values', desc='A parameter given both positionally and by keyword raises TypeError: got multiple values for argument',
     spec=['call-arity-error', 'call-keywords'], tags=CL + ['exceptions'],
     src='''
def f(a, b):
    return a

def main():
    return f(1, 2, a=3)
''', entry='main()'),
dict(path='vm/calls/not-callable', desc="Calling an int raises TypeError: 'int' object is not callable",
     spec=['call-not-callable', 'exception-message', 'op-PUSH_NULL'], tags=CL + ['exceptions'],
     src='''
def main(x):
    return x()
''', entry='main(1)'),
dict(path='vm/calls/not-callable-global', desc="Calling a global bound to a list raises TypeError: 'list' object is not callable",
     spec=['call-not-callable', 'globals-lookup'], tags=CL + ['exceptions'],
     globals={'items': '[1, 2]'},
     src='''
def main():
    return items(0)
''', entry='main()'),
dict(path='vm/calls/recursion-limit', desc='Unbounded recursion raises RecursionError: maximum recursion depth exceeded (default limit 1000 frames)',
     spec=['recursion-limit', 'frames', 'exception-uncaught'], tags=CL + ['exceptions'],
     src='''
def down(n):
    return down(n + 1)

def main():
    return down(0)
''', entry='main()'),
dict(path='vm/calls/recursion-caught-and-recovered', desc='RecursionError is catchable; after unwinding, the full depth is available again',
     spec=['recursion-limit', 'exception-unwind', 'exception-match'], tags=CL + ['exceptions'],
     src='''
def down(n):
    return down(n + 1)

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

def main():
    try:
        down(0)
    except RecursionError as e:
        print('caught', e)
    return depth(500)
''', entry='main()'),
dict(path='vm/calls/deep-recursion-ok', desc='Recursion 900 frames deep stays under the default limit and returns normally',
     spec=['recursion-limit', 'frames', 'call-python'], tags=CL,
     src='''
def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)

def main(n):
    return total(n)
''', entry='main(900)'),
dict(path='vm/calls/method-call', desc='LOAD_ATTR m + NULL|self pushes the method then self; CALL passes self as the first argument',
     spec=['call-method', 'op-LOAD_ATTR', 'methods-list', 'methods-str', 'operand-kinds'], tags=CL + ['containers'],
     src='''
def main(xs, s):
    xs.append(s.upper())
    xs.append(s.lower())
    return xs, xs.index('AB'), ','.join(xs)
''', entry="main([], 'aB')"),
dict(path='vm/calls/bound-method-value', desc='LOAD_ATTR without the method bit pushes a bound method; calling it later (PUSH_NULL, CALL) still appends to the list',
     spec=['call-method', 'op-LOAD_ATTR', 'op-PUSH_NULL', 'operand-kinds'], tags=CL + ['containers'],
     src='''
def main(xs):
    add = xs.append
    add(1)
    add(2)
    return xs
''', entry='main([])'),
dict(path='vm/calls/builtin-calls', desc='Builtins are found after globals (LOAD_GLOBAL falls back to builtins) and called with CALL like Python functions',
     spec=['call-builtin', 'globals-lookup', 'builtin-len', 'builtin-abs'], tags=CL + ['builtins'],
     src='''
def main(xs):
    f = len
    return f(xs), abs(-len(xs)), max(len(xs), 1), str(len(xs))
''', entry='main([1, 2, 3])'),
dict(path='vm/calls/global-shadows-builtin', desc='A program global named like a builtin (len) shadows the builtin',
     spec=['globals-lookup', 'call-python'], tags=CL,
     src='''
def len(x):
    return 'shadowed'

def main(xs):
    return len(xs)
''', entry='main([1])'),
dict(path='vm/calls/store-global', desc='STORE_GLOBAL updates a program global seen by later LOAD_GLOBALs in other frames',
     spec=['globals-lookup', 'op-STORE_GLOBAL', 'frames'], tags=CL,
     globals={'counter': '0'},
     src='''
def bump(by):
    global counter
    counter = counter + by

def main():
    bump(1)
    bump(10)
    return counter
''', entry='main()'),
dict(path='vm/calls/name-error', desc="Loading an undefined global raises NameError: name '...' is not defined",
     spec=['globals-lookup', 'exception-message', 'exception-uncaught'], tags=CL + ['exceptions'],
     src='''
def main():
    return undefined_name
''', entry='main()'),
dict(path='vm/calls/unbound-local', desc='LOAD_FAST_CHECK of a local not assigned on this path raises UnboundLocalError',
     spec=['locals-unbound', 'op-LOAD_FAST_CHECK', 'exception-message'], tags=CL + ['exceptions'],
     src='''
def main(c):
    if c:
        x = 1
    return x
''', entry='main(False)'),
dict(path='vm/calls/bound-local-check', desc='LOAD_FAST_CHECK of a local that is assigned on this path just loads it',
     spec=['locals-unbound', 'op-LOAD_FAST_CHECK'], tags=CL,
     src='''
def main(c):
    if c:
        x = 'bound'
    return x
''', entry='main(True)'),
dict(path='vm/calls/delete-fast', desc='del x (DELETE_FAST) unbinds a local; a later read raises UnboundLocalError',
     spec=['locals-unbound', 'op-DELETE_FAST', 'op-LOAD_FAST_CHECK'], tags=CL + ['exceptions'],
     src='''
def main(v):
    x = v
    print(x)
    del x
    return x
''', entry="main('here')"),
]
