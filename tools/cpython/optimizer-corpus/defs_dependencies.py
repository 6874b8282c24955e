"""fixtures/optimizer/dependencies: executor dependencies and invalidation, on both profiles."""
from common import *  # noqa: F403

O = ['optimizer']
D = ['executor-dependencies', 'executor-invalidation', 'trace-events']
G = D + ['dependency-globals']
PROFILES = {
    'seed': EAGER,
    'cpython313': {'profile': 'cpython313', 'threshold': 0},
}
TRACE = ['installed', 'entered', 'invalidated', 'removed', 'fault']


def dep(advance, *deps, **kw):
    d = {'advance': advance, 'dependsOn': list(deps)}
    d.update(kw)
    return executor(BE, d)


def both(path, desc, src, optimizer, spec=G, entry='main(8)', trace=TRACE, **kw):
    out = []
    for profile, hot in PROFILES.items():
        d = dict(path=f'optimizer/dependencies/{path}-{profile}', desc=f'{desc} ({profile} profile)', spec=spec + (['invalidation-counters'] if 'invalidated' in trace and profile == 'cpython313' and 'invalidation-counters' not in spec else []),
                 tags=O, src=src, entry=entry, trace=trace, optimizer=optimizer, hotspot=hot)
        d.update(kw)
        out.append(d)
    return out


SCALE_LOOP = '''
def main(n):
    global SCALE
    SCALE = 1
    total = 0
    for i in range(n):
        total += SCALE
        if i == 3:
            SCALE = 10
    return total
'''

STORE_THEN_LOAD = '''
def main(n):
    global SCALE
    SCALE = 1
    total = 0
    for i in range(n):
        if i == 3:
            SCALE = 10
        total += SCALE
    return total
'''

SAME_VALUE = '''
def main(n):
    global SCALE
    SCALE = 1
    total = 0
    for i in range(n):
        total += SCALE
        SCALE = SCALE
    return total
'''

NEW_NAME = '''
def main(n):
    global created
    total = 0
    for i in range(n):
        total += i
        if i == 3:
            created = i
    return total
'''

SHADOW = '''
def fake_len(s):
    return 100

def shadow():
    global len
    len = fake_len

def main(n):
    total = 0
    for i in range(n):
        total += len('ab')
        if i == 3:
            shadow()
    return total
'''

FUNC_REBOUND = '''
def helper(x):
    return x + 1

def other(x):
    return x * 2

def rebind():
    global helper
    helper = other

def main(n):
    total = 0
    for i in range(n):
        total += helper(i)
        if i == 3:
            rebind()
    return total
'''

FUNC_EXPLICIT = '''
def helper(x):
    return x + 1

def main(n):
    total = 0
    for i in range(n):
        total += helper(i)
        if i == 3:
            _optcert.invalidate_executors(helper)
    return total
'''

CALLEE_STORES = '''
def bump():
    global COUNT
    COUNT += 1

def main(n):
    global COUNT
    COUNT = 0
    for i in range(n):
        bump()
    return COUNT
'''

TWO_LOOPS = '''
def reads(n):
    total = 0
    for i in range(n):
        total += LIMIT
    return total

def pure(n):
    total = 0
    for i in range(n):
        total += i
    return total

def main(n):
    global LIMIT
    LIMIT = 3
    a = reads(n)
    b = pure(n)
    LIMIT = 4
    return a, b, reads(n), pure(n)
'''

INVALIDATE_ALL = '''
def main(n):
    total = 0
    for i in range(n):
        total += i
        if i == 3:
            _optcert.invalidate_all()
    return total
'''

CODE_DEP = '''
def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

def main(n):
    a = f(n)
    _optcert.invalidate_executors(f.__code__)
    return a, f(n)
'''

FIX = [
*both('global-rebound-between-entries', 'A loop reads global SCALE and rebinds it (STORE_GLOBAL) in its 4th iteration; the executor at the back '
      'edge advances 1 instruction and depends on the globals: the store invalidates it before it takes effect (cause globals, '
      'the JUMP_BACKWARD restored), the next back edge compiles and installs a new executor, which is entered from then on',
      SCALE_LOOP, dep(1, 'globals')),
*both('global-rebound-inside-executor', 'The executor advances 8 instructions per entry, so its own vm.step runs the STORE_GLOBAL that '
      'rebinds SCALE: it is invalidated while it runs, stops stepping at once (it checks isExecutorValid after each step) and '
      'returns; the VM never enters it again and compiles a new one at a later back edge',
      SCALE_LOOP, dep(8, 'globals')),
*both('store-then-load-inside-executor', 'Within one iteration the loop rebinds SCALE and then reads it; the executor advances up to '
      '16 instructions per entry, so in the 4th iteration its own run executes the STORE_GLOBAL: it is invalidated there and stops '
      'before the LOAD_GLOBAL that follows (an executor that folded SCALE and went on would read the old value)',
      STORE_THEN_LOAD, dep(16, 'globals'), spec=G + ['executor-validity']),
*both('same-value-store-no-invalidation', 'Storing the object a global is already bound to (SCALE = SCALE) is no change to the '
      'namespace: the executor that depends on the globals is never invalidated', SAME_VALUE, dep(1, 'globals')),
*both('new-global-invalidates', 'Binding a global name that did not exist is a change to the namespace: the executor depending on '
      'the globals is invalidated', NEW_NAME, dep(1, 'globals')),
*both('builtin-shadowed', 'A function called from the loop binds a global named len, shadowing the builtin the loop calls: the '
      'executor that depends on the globals and the builtins is invalidated by the globals change (cause globals); the loop then '
      'calls the global len', SHADOW, dep(1, 'globals', 'builtins')),
*both('builtins-dependency-not-invalidated', 'The same shadowing, but the executor declared only the builtins: the builtins do not '
      'change, so nothing is invalidated (the VM invalidates by exactly what was declared; a folding executor that declared this '
      'would be stale, which advance-n catches)', SHADOW, dep(1, 'builtins')),
*both('function-rebound-by-name', 'The loop calls helper; a call rebinds the global helper to another function: a change of the '
      'globals, which invalidates the executor that depends on them', FUNC_REBOUND, dep(1, 'globals')),
*both('function-dependency-not-fired-by-rebinding', 'The executor depends on the function object helper, not on the globals: '
      'rebinding the name helper changes the globals, not the function, so nothing is invalidated',
      FUNC_REBOUND, dep(1, 'function:helper')),
*both('function-dependency-invalidated', 'The executor depends on the function helper; _optcert.invalidate_executors(helper) in '
      'the 4th iteration invalidates it (cause dependency)', FUNC_EXPLICIT, dep(1, 'function:helper'),
      spec=D + ['invalidate-dependency', 'optimizer-internals']),
*both('invalidated-in-callee', 'The loop calls bump, which rebinds the global COUNT; the executor advances 6 instructions, so the '
      'STORE_GLOBAL runs inside its run, in the callee frame: it is invalidated there, stops, and returns the callee frame (the '
      'innermost), where the interpreter continues', CALLEE_STORES, dep(6, 'globals'), entry='main(5)'),
*both('only-dependents-invalidated', 'Two loops: reads depends on the globals through its executor, pure declares nothing; '
      'rebinding LIMIT invalidates reads\'s executor only, and the second call of reads compiles a new one',
      TWO_LOOPS, executor(BE, at={'reads@JUMP_BACKWARD': {'advance': 1, 'dependsOn': ['globals']}, 'pure@JUMP_BACKWARD': {'advance': 1}}),
      entry='main(3)'),
*both('invalidate-all-mid-loop', '_optcert.invalidate_all() in the 4th iteration invalidates the executor that declared nothing '
      '(cause all); the next back edge compiles again', INVALIDATE_ALL, executor(BE, {'advance': 1}),
      spec=D + ['invalidate-all', 'optimizer-internals']),
*both('code-dependency', 'test_opt.py test_uop_optimizer_invalidation: the executor depends on its code object; '
      '_optcert.invalidate_executors(f.__code__) invalidates it, and the next call of f compiles a new one',
      CODE_DEP, dep(1, 'code'), spec=D + ['invalidate-dependency', 'optimizer-internals'], entry='main(3)'),
]
