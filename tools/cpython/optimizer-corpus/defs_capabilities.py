"""fixtures/optimizer/capabilities: which hotspot kinds are counted and offered."""
from common import *  # noqa: F403

O = ['optimizer']
K = ['capabilities', 'hotspot-sites', 'hotspot-kinds', 'hotspot-detection', 'trace-events']

CALLS = '''
def f(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main(k):
    s = 0
    for j in range(k):
        s += f(2)
    return s
'''

GEN = '''
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def main(n):
    t = 0
    for x in gen(n):
        t += x
    return t
'''


def k(path, desc, opt, src, entry, trace=None, spec=K, tags=(), hotspot=EAGER, **kw):
    d = dict(path='optimizer/capabilities/' + path, desc=desc, spec=spec, tags=O + list(tags), src=src, entry=entry,
             optimizer=opt, trace=trace or T_HOT)
    if hotspot is not None:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


FIX = [
k('back-edge-only', 'BACK_EDGE only, every tick hot (K=1, N=0, M=0), declining: only the two JUMP_BACKWARD sites are offered (each '
  'at its 1st execution, then after its doubled countdown); the RESUME 0 of main and f is never counted or offered',
  decliner(BE), CALLS, 'main(3)', tags=['calls']),
k('function-entry-only', 'FUNCTION_ENTRY only (K=1, N=0, M=0), declining: only the RESUME 0 at index 0 of main and of f is offered '
  '(f at its 1st and 3rd call after the doubled countdown); no back edge is counted or offered',
  decliner(FE), CALLS, 'main(3)', tags=['calls']),
k('all-kinds-back-edge-and-entry', 'Capabilities 5 (FUNCTION_ENTRY | BACK_EDGE): both kinds are offered, in execution order, with '
  'their kind named in the hotspot event', decliner(['FUNCTION_ENTRY', 'BACK_EDGE']), CALLS, 'main(2)', tags=['calls']),
k('function-entry-generator-index-2', 'FUNCTION_ENTRY on a generator: the function-entry site is the RESUME 0 at index 2 (after '
  'RETURN_GENERATOR, POP_TOP), executed when the generator first runs (the first FOR_ITER), after main\'s own entry; the '
  'RESUME 5 after each yield is not offered', decliner(FE), GEN, 'main(3)', tags=['generators']),
k('resume-after-yield-for-iter', 'RESUME_AFTER_YIELD only, generator driven by FOR_ITER: the RESUME 5 after YIELD_VALUE (oparg & 3 '
  '== 1) is offered at every resumption (K=1, N=0, M=0: 1st, then 3rd after the doubled countdown); the RESUME 0 at index 2 and '
  'main\'s RESUME 0 are not', decliner(RY), GEN, 'main(4)', tags=['generators']),
k('resume-after-yield-list', 'RESUME_AFTER_YIELD, generator drained by list() (the builtin resumes it in a nested run): the RESUME 5 '
  'site is counted and offered exactly as under FOR_ITER', decliner(RY), '''
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def main(n):
    return list(gen(n))
''', 'main(4)', tags=['generators', 'builtins']),
k('resume-after-yield-next', 'RESUME_AFTER_YIELD, generator resumed by explicit next() calls: each next() after the first resumes at '
  'the RESUME 5 site, which is counted and offered', decliner(RY), '''
def gen():
    yield 1
    yield 2
    yield 3

def main():
    g = gen()
    return next(g) + next(g) + next(g)
''', 'main()', tags=['generators', 'builtins']),
k('resume-after-yield-depth1', 'A yield inside try/except compiles to RESUME 1 (oparg & 3 == 1, no depth bit): it is a resume-after-'
  'yield site like RESUME 5', decliner(RY), '''
def gen(n):
    i = 0
    while i < n:
        try:
            yield i
        except ValueError:
            pass
        i += 1

def main(n):
    t = 0
    for x in gen(n):
        t += x
    return t
''', 'main(2)', tags=['generators', 'exceptions']),
k('withheld-resume-after-yield', 'FUNCTION_ENTRY | BACK_EDGE on a generator program: main\'s and gen\'s function entries and both '
  'back edges are offered, the RESUME 5 after the yield never', decliner(['FUNCTION_ENTRY', 'BACK_EDGE']), GEN, 'main(3)',
  tags=['generators']),
k('all-three-kinds', 'Capabilities 7 (all kinds) on a generator program, every tick hot: function_entry (main@0, gen@2), '
  'resume_after_yield (the RESUME 5) and back_edge sites are all offered, each with its kind', decliner(ALL), GEN, 'main(2)',
  trace=['hotspot', 'compile', 'declined'], tags=['generators']),
k('not-hotspots', 'Hand-written code with RESUME 3 (resume after await: oparg & 3 == 3) and a loop closed by '
  'JUMP_BACKWARD_NO_INTERRUPT: with every capability and every tick hot, neither is ever offered; main\'s RESUME 0 is, and so is '
  'the RESUME 2 in the loop (after a yield from\'s yield: a resume-after-yield site), at each tick the backoff lets through',
  decliner(ALL), None, 'main(3)', tags=['control-flow'],
  spec=K + ['op-JUMP_BACKWARD_NO_INTERRUPT', 'hotspot-resume-yield-from'],
  asm={'main': '''.params n
RESUME 0
LOAD_CONST 0
STORE_FAST i
L1:
RESUME 2
RESUME 3
LOAD_FAST i
LOAD_FAST n
COMPARE_OP bool(<)
POP_JUMP_IF_FALSE L2
LOAD_FAST i
LOAD_CONST 1
BINARY_OP +
STORE_FAST i
JUMP_BACKWARD_NO_INTERRUPT L1
L2:
LOAD_FAST i
RETURN_VALUE
'''}),
k('undeclared-kinds-not-counted', 'BACK_EDGE only, defaults: f\'s RESUME 0, executed once per iteration, is not ticked, so the '
  'global counter holds back-edge ticks only and the back edge is hot at its 64th execution (global 64), as in a loop without '
  'calls; compare seed/entry-and-back-edge-share-global', decliner(BE), '''
def f(x):
    return x + 1

def main(n):
    t = 0
    for i in range(n):
        t = f(t)
    return t
''', 'main(70)', spec=K + ['hotspot-no-optimizer', 'hotspot-seed'], tags=['calls'], hotspot=None),
]
for d in FIX:
    if d.get('src') is None:
        del d['src']
