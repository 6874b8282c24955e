"""fixtures/optimizer/faults: registration, compile and execute faults."""
from common import *  # noqa: F403

O = ['optimizer']
R = ['registration', 'trace-events']


def f(path, desc, opt, spec, src=FOR_LOOP, entry='main(3)', trace='full', tags=(), hotspot=EAGER, **kw):
    d = dict(path='optimizer/faults/' + path, desc=desc, spec=spec, tags=O + list(tags), src=src, entry=entry,
             optimizer=opt, trace=trace)
    if hotspot is not None:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


def reg_caps(name, caps, why):
    return f('registration-capabilities-' + name, f'capabilities {why} is refused at registration: the run ends with outcome fault '
             'registration.capabilities before the entry call, and the trace holds only the register-phase fault',
             {'capabilities': caps}, R + ['capabilities'])


def reg_costs(name, oc, rc, why):
    return f('registration-costs-' + name, f'{why} is refused at registration: outcome fault registration.costs, nothing runs',
             {'capabilities': BE, 'optimizationCost': oc, 'runCost': rc}, R + ['cost-metadata'])


FIX = [
reg_caps('zero', 0, '0 (no kind at all)'),
reg_caps('eight', 8, '8 (a bit outside FUNCTION_ENTRY | RESUME_AFTER_YIELD | BACK_EDGE)'),
reg_caps('fifteen', 15, '15 (the three defined bits plus 8)'),
reg_caps('fraction', 3.5, '3.5 (not an integer)'),
reg_caps('negative', -1, '-1 (every bit set in two\'s complement)'),
reg_costs('zero-optimization', 0, 1, 'optimizationCost 0 (costs must be > 0)'),
reg_costs('negative-optimization', -1, 1, 'optimizationCost -1'),
reg_costs('nan-optimization', float('nan'), 1, 'optimizationCost NaN (not a finite number)'),
reg_costs('inf-optimization', float('inf'), 1, 'optimizationCost +infinity (not finite)'),
reg_costs('zero-run', 1, 0, 'runCost 0 (it divides the optimization cost)'),
reg_costs('inf-run', 1, float('inf'), 'runCost +infinity'),
f('compile-throws', 'compile throwing is a fault of phase compile (rule compile.throws, with code and offset) that does not stop '
  'the run: the VM treats it as a decline (the site backs off: with K=1, N=0, M=0 the next attempt is the 3rd back edge) and '
  'the loop completes with the interpreter\'s result', decliner(default='throw'), ['compile', 'hotspot-detection', 'trace-events',
  'optimizer-faults'], entry='main(4)'),
f('compile-garbage', 'compile returning something that is neither an executor nor null (42) is a fault compile.result; the VM '
  'treats it as a decline and the run continues', decliner(default='garbage'), ['compile', 'trace-events', 'optimizer-faults'],
  entry='main(4)'),
f('compile-per-site', 'Per-site behaviours: compile declines at main\'s function entry, throws at f\'s, and returns an executor '
  '(advance 1) at the loop\'s back edge; only the back edge gets ENTER_EXECUTOR, f\'s entry keeps being offered with backoff',
  executor(['FUNCTION_ENTRY', 'BACK_EDGE'], at={'main@RESUME': 'decline', 'f@RESUME': 'throw', 'main@JUMP_BACKWARD': {'advance': 1}}),
  ['compile', 'hotspot-detection', 'enter-executor', 'trace-events'], src='''
def f(x):
    return x + 1

def main(n):
    t = 0
    for i in range(n):
        t = f(t)
    return t
''', entry='main(4)', tags=['calls']),
f('execute-throws-first-entry', 'An executor whose execute throws a JS error on its first entry (after advancing 1): the VM state is '
  'unknown, so the run stops with outcome fault execute.throws and the trace ends with the execute-phase fault (no exited event)',
  executor(BE, {'advance': 1, 'throwAfter': 1}), ['optimizer-faults', 'executor-contract', 'trace-events']),
f('execute-throws-later', 'An executor that throws on its 3rd entry: two iterations run through it, the output printed before the '
  'fault is kept, and the run stops with outcome fault execute.throws', executor(BE, {'advance': 1, 'throwAfter': 3}),
  ['optimizer-faults', 'trace-events'], src='''
def main(n):
    for i in range(n):
        print(i)
    return n
''', entry='main(5)', tags=['output']),
f('execute-throws-in-callee', 'A function-entry executor on f throws on its 2nd entry, two frames deep: the run stops with '
  'execute.throws, output so far kept', executor(FE, at={'f@RESUME': {'advance': 0, 'throwAfter': 2}}),
  ['optimizer-faults', 'trace-events'], src='''
def f(x):
    print(x)
    return x

def main(n):
    t = 0
    for i in range(n):
        t += f(i)
    return t
''', entry='main(4)', tags=['output', 'calls']),
f('set-optimizer-refused', '_optcert.set_optimizer of a fixture optimizer with capabilities 8 raises ValueError '
  '"registration.capabilities: <message>" (the rule before the colon, printed) in the program; the previous optimizer stays '
  'registered with its executor (no removed or '
  'unregistered event, get_optimizer() still names it, the loop\'s executor 1 keeps being entered)',
  {'name': 'first', 'capabilities': BE, 'default': {'advance': 1}}, ['registration', 'optimizer-internals', 'capabilities', 'trace-events'],
  optimizers={'bad': {'capabilities': 8}}, src='''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main():
    loop(2)
    try:
        _optcert.set_optimizer('bad')
    except ValueError as e:
        print(str(e).split(':')[0])
    loop(2)
    return _optcert.get_optimizer(), _optcert.get_executor(loop, 12)
''', entry='main()', trace=['registered', 'unregistered', 'installed', 'removed', 'entered', 'fault'], tags=['exceptions', 'output']),
f('set-optimizer-bad-costs', 'A refused registration from the program (runCost 0) raises ValueError "registration.costs: '
  '<message>" and leaves no optimizer registered when there was none: get_optimizer() is None', None, ['registration', 'optimizer-internals', 'cost-metadata', 'trace-events'],
  optimizers={'bad': {'capabilities': BE, 'runCost': 0}}, hotspot=None, src='''
def main():
    try:
        _optcert.set_optimizer('bad')
    except ValueError as e:
        print(str(e).split(':')[0])
    return _optcert.get_optimizer()
''', entry='main()', tags=['exceptions', 'output']),
f('set-optimizer-unknown-name', '_optcert.set_optimizer(\'nope\') with no optimizer of that name raises ValueError "no optimizer '
  'named \'nope\'"', None, ['optimizer-internals'], hotspot=None, trace=None, src='''
def main():
    _optcert.set_optimizer('nope')
''', entry='main()', tags=['exceptions']),
f('get-count-without-count', '_optcert.get_count() raises TypeError when the registered optimizer (a scripted one) has no count',
  decliner(), ['optimizer-internals'], hotspot=None, trace=['fault'], src='''
def main():
    return _optcert.get_count()
''', entry='main()', tags=['exceptions']),
]
