"""fixtures/optimizer/executor: ENTER_EXECUTOR, the executor contract, N = 0, frames, exceptions."""
from common import *  # noqa: F403

O = ['optimizer']
X = ['enter-executor', 'executor-contract', 'trace-events']

CALL_LOOP = '''
def f(x):
    return x * 2

def main(n):
    t = 0
    for i in range(n):
        t += f(i)
    return t
'''

FACT = '''
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def main(n):
    return fact(n)
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


def x(path, desc, opt, src=FOR_LOOP, entry='main(3)', trace='full', spec=X, tags=(), hotspot=EAGER, **kw):
    d = dict(path='optimizer/executor/' + path, desc=desc, spec=spec, tags=O + list(tags), src=src, entry=entry,
             optimizer=opt, trace=trace)
    if hotspot is not None:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


FIX = [
x('advance-zero-back-edge', 'An executor at the back edge that advances 0 instructions (N = 0): each entry returns the frame still '
  'at the hotspot, exited says progressed false, and the VM executes the original JUMP_BACKWARD itself, so the loop runs normally '
  '(3 entries for 3 iterations, one installation)', executor(BE, {'advance': 0}), spec=X + ['n-zero-progress', 'enter-at-once']),
x('advance-zero-function-entry', 'A function-entry executor that advances 0: every call of f enters it at RESUME 0 and it exits '
  'at f@0 with progressed false; the VM runs the RESUME and f proceeds', executor(FE, at={'f@RESUME': {'advance': 0}}), src=CALL_LOOP,
  spec=X + ['n-zero-progress', 'hotspot-sites'], tags=['calls']),
x('advance-one', 'An executor that advances exactly 1 instruction (the JUMP_BACKWARD, through vm.step): it exits at the loop head '
  '(the FOR_ITER, ip 7) with progressed true; installed at the first back edge and entered at once', executor(BE, {'advance': 1}),
  spec=X + ['enter-at-once']),
x('advance-three', 'An executor that advances 3 instructions (JUMP_BACKWARD, FOR_ITER, STORE_FAST): it exits in the middle of the '
  'next iteration (ip 9), where the interpreter continues; on the last entry FOR_ITER is exhausted (it skips END_FOR and '
  'POP_TOP) and the third step is the LOAD_FAST after the loop: exited at ip 16', executor(BE, {'advance': 3})),
x('back-around-to-hotspot', 'An executor that advances one whole iteration (6 instructions) comes back to its own hotspot: that '
  'counts as no progress (progressed false) and the VM executes the JUMP_BACKWARD before continuing, so it cannot loop on '
  'itself; on its last entry the steps run off the end of main (at null)', executor(BE, {'advance': 6}), entry='main(3)',
  spec=X + ['n-zero-progress']),
x('runs-to-completion', 'An executor whose steps finish the entry call (advance 100000, stopping when no frame is left) returns null: '
  'exited at null, progressed true, and the run ends with main\'s return value', executor(BE, {'advance': 100000}), entry='main(5)'),
x('call-inside', 'A back-edge executor whose 7 steps end with a CALL: it returns the callee\'s new frame (exited at f, ip 0), which '
  'is the innermost frame, and the interpreter continues there', executor(BE, {'advance': 7}), src=CALL_LOOP, tags=['calls']),
x('return-inside', 'A function-entry executor on f that advances 5 instructions, the last one f\'s RETURN_VALUE: it returns the '
  'caller\'s frame (exited at main, just after the CALL), since f\'s frame is gone', executor(FE, at={'f@RESUME': {'advance': 5}}),
  src=CALL_LOOP, tags=['calls']),
x('call-and-return-inside', 'A back-edge executor whose 12 steps go into f and back (7 steps up to the CALL, then f\'s five '
  'instructions, the last its RETURN_VALUE): it exits in main\'s frame at the BINARY_OP after the CALL (ip 13)',
  executor(BE, {'advance': 12}), src=CALL_LOOP, tags=['calls']),
x('recursion-function-entry', 'A function-entry executor on recursive fact advancing 12 instructions: entered at fact(5), its steps '
  'reach the recursive CALL and the callee\'s RESUME (stepped through, not entered), exiting at fact ip 1 one level deeper; '
  'fact(4) runs in the interpreter and its call fact(3) enters it again (exited in fact(2) at ip 1); fact(1) enters it a third '
  'time and its 12 steps return from fact(1), fact(2), fact(3) and fact(4): exited in fact(5)\'s frame at its BINARY_OP (ip 12)',
  executor(FE, at={'fact@RESUME': {'advance': 12}}), src=FACT, entry='main(5)', tags=['calls'], spec=X + ['hotspot-sites']),
x('function-entry-kept-on-code', 'A function-entry executor is kept on the code object: after it is installed at f\'s first call, '
  'every later call of f (a new frame) enters it, with no further hotspot or compile', executor(FE, at={'f@RESUME': {'advance': 1}}),
  src=CALL_LOOP, entry='main(4)', trace=['hotspot', 'installed', 'entered'], tags=['calls'], spec=X + ['hotspot-sites']),
x('generator-resume-crosses-yield', 'A resume-after-yield executor advancing 12 instructions from the RESUME 5: it runs the rest of '
  'the generator\'s iteration and its YIELD_VALUE, so it returns the consumer\'s frame (exited at main ip 8, after the FOR_ITER); '
  'on the last resumption the generator returns, main continues past its loop within the same 12 steps and returns: at null', executor(RY, {'advance': 12}),
  src=GEN, entry='main(3)', tags=['generators'], spec=X + ['hotspot-sites']),
x('generator-function-entry', 'A function-entry executor in a generator sits at the RESUME 0 at index 2: it is entered when the '
  'generator starts, with the generator\'s frame, and advancing 1 exits at gen ip 3', executor(FE, at={'gen@RESUME 0': {'advance': 1}}),
  src=GEN, entry='main(2)', tags=['generators'], spec=X + ['hotspot-sites']),
x('generator-list-executor', 'A resume-after-yield executor in a generator drained by list() (a builtin resuming it in a nested '
  'run): entered with the generator\'s frame at each resumption after the first; its 3 steps (RESUME, POP_TOP, LOAD_FAST) stay '
  'in that frame (exited at gen ip 13) and list() collects every value', executor(RY, {'advance': 3}), src='''
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def main(n):
    return list(gen(n))
''', entry='main(3)', tags=['generators', 'builtins']),
x('exception-handled-in-executor', 'A back-edge executor (12 steps) whose 10th step executes 10 // (i - 1) with i = 1: vm.step '
  'routes the ZeroDivisionError to the handler of the same frame as the interpreter would, the executor keeps stepping in the '
  'handler (PUSH_EXC_INFO, LOAD_GLOBAL) and exits there (ip 25); the handler\'s own back edge gets executor 2; the last entry '
  'of executor 1 runs a whole iteration back to its own hotspot (progressed false); the result is the interpreter\'s', executor(BE, {'advance': 12}), src='''
def main(n):
    t = 0
    for i in range(n):
        try:
            t += 10 // (i - 1)
        except ZeroDivisionError:
            t += 100
    return t
''', entry='main(4)', tags=['exceptions'], spec=X + ['executor-exceptions']),
x('exception-escapes-executor', 'A back-edge executor whose steps raise a ZeroDivisionError that no frame handles: vm.step carries it '
  'out of every frame and throws it, the executor lets it propagate; exited at null (progressed true) and the run ends with '
  'the exception, as without the optimizer', executor(BE, {'advance': 100}), src='''
def main(n):
    t = 0
    for i in range(n):
        t += 10 // (2 - i)
    return t
''', entry='main(4)', tags=['exceptions'], spec=X + ['executor-exceptions']),
x('exception-to-caller-handler', 'A function-entry executor on f (6 steps): in f(0) the 4th step raises ZeroDivisionError, which '
  'unwinds f\'s frame and is routed to main\'s handler, all within vm.step; the executor takes two more steps there and exits in '
  'main\'s handler (ip 23); for f(1) and f(2) its steps return normally and it exits in main after the CALL (ip 15)', executor(FE, at={'f@RESUME': {'advance': 6}}),
  src='''
def f(x):
    return 10 // x

def main(n):
    t = 0
    for i in range(n):
        try:
            t += f(i)
        except ZeroDivisionError:
            t -= 1
    return t
''', entry='main(3)', tags=['exceptions', 'calls'], spec=X + ['executor-exceptions']),

x('budget-counts-executor-steps', 'Budget steps count ENTER_EXECUTOR and every vm.step: an executor advancing 1 (the JUMP_BACKWARD) '
  'at each of the 3 back edges costs one step more per entry than the plain loop (28 steps): at the first entry the counted '
  'JUMP_BACKWARD plus the executor\'s step, later ENTER_EXECUTOR plus the step; the run needs exactly 31 and completes with '
  'budget 31', executor(BE, {'advance': 1}), budget=31, trace=['entered', 'exited'], tags=['budget']),
x('budget-one-short-in-executor', 'The same run with budget 27: the 27th step is the ENTER_EXECUTOR of the last entry and the budget '
  'runs out in the executor\'s vm.step (what would be the 28th step); the outcome is exhaustion, as for any step '
  '(spec/budget.md#step-budget), and the trace ends with that entry\'s entered event',
  executor(BE, {'advance': 1}), budget=27, trace=['entered', 'exited', 'fault'], tags=['budget'], spec=X + ['step-budget'],
  expect={'exhausted': True, 'trace': [
      {'kind': 'entered', 'code': 'main', 'offset': 12, 'executor': 1},
      {'kind': 'exited', 'code': 'main', 'offset': 12, 'executor': 1, 'at': {'code': 'main', 'ip': 7}, 'progressed': True},
      {'kind': 'entered', 'code': 'main', 'offset': 12, 'executor': 1},
      {'kind': 'exited', 'code': 'main', 'offset': 12, 'executor': 1, 'at': {'code': 'main', 'ip': 7}, 'progressed': True},
      {'kind': 'entered', 'code': 'main', 'offset': 12, 'executor': 1}]}),
x('budget-advance-zero-free', 'With an executor that advances 0 the VM runs the original instruction itself, outside the budget\'s '
  'count, in place of the step ENTER_EXECUTOR took: the run costs exactly the plain loop\'s 28 steps (budget 28 suffices)',
  executor(BE, {'advance': 0}), budget=28, trace=['entered', 'exited'], tags=['budget'], spec=X + ['n-zero-progress']),
x('budget-advance-zero-one-short', 'The advance-0 run with budget 27 is exhausted (at the final RETURN_VALUE): with '
  'budget-advance-zero-free this pins the run to exactly the plain loop\'s 28 steps, each entry costing only its ENTER_EXECUTOR',
  executor(BE, {'advance': 0}), budget=27, trace=['entered', 'exited'], tags=['budget'], spec=X + ['n-zero-progress']),
x('step-does-not-count', 'vm.step counts no hotspot: f\'s first call runs in the interpreter and ticks f\'s entry site (K=1: '
  'hot, declined, countdown now 2); every later call of f is executed by the back-edge executor\'s steps (advance 12 covers '
  'the whole call), so f\'s site is never ticked again and never offered again, although f is called 4 times',
  executor(['FUNCTION_ENTRY', 'BACK_EDGE'], at={'main@RESUME': 'decline', 'f@RESUME': 'decline', 'main@JUMP_BACKWARD': {'advance': 12}}),
  src=CALL_LOOP, entry='main(4)', trace=['hotspot', 'entered', 'exited'], tags=['calls'], spec=X + ['hotspot-detection']),
x('step-sees-through-executor', 'vm.step sees through installed executors: f gets a function-entry executor at its first (interpreted) '
  'call; the later calls made inside the back-edge executor\'s steps run f\'s original RESUME and never enter f\'s executor; '
  'only ENTER_EXECUTORs reached by the interpreter are entered', executor(['FUNCTION_ENTRY', 'BACK_EDGE'],
  at={'main@RESUME': 'decline', 'f@RESUME': {'advance': 0}, 'main@JUMP_BACKWARD': {'advance': 12}}),
  src=CALL_LOOP, entry='main(4)', trace=['installed', 'entered', 'exited'], tags=['calls']),
x('remove-then-no-progress', 'An executor that advances 0 and removes itself on its 2nd entry: the VM, seeing no progress, executes '
  'the instruction that is now at the hotspot (the restored JUMP_BACKWARD) and the loop completes; the next back edge is counted '
  'and compiled again', executor(BE, {'advance': 0, 'removeAfter': 2}), entry='main(4)', spec=X + ['n-zero-progress', 'replace-executor']),
]
