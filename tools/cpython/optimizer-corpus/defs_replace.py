"""fixtures/optimizer/replace: replaceExecutor from inside executors, removal, re-compilation."""
from common import *  # noqa: F403

O = ['optimizer']
P = ['replace-executor', 'enter-executor', 'trace-events']


def r(path, desc, opt, src=FOR_LOOP, entry='main(5)', trace='full', spec=P, tags=(), hotspot=EAGER, **kw):
    d = dict(path='optimizer/replace/' + path, desc=desc, spec=spec, tags=O + list(tags), src=src, entry=entry,
             optimizer=opt, trace=trace)
    if hotspot is not None:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


CALL_LOOP = '''
def f(x):
    return x * 2

def main(n):
    t = 0
    for i in range(n):
        t += f(i)
    return t
'''

FIX = [
r('replace-after-two', 'An executor (advance 1) that replaces itself with another (advance 3) on its 2nd entry, while it runs: '
  '`replaced` old 1 -> new 2 in the same slot, and every later entry is executor 2 (exits at ip 9); executor 1 is never entered '
  'again', executor(BE, {'advance': 1, 'replaceAfter': 2, 'with': {'advance': 3}})),
r('replace-chain', 'A chain of self-replacements: 1 -> 2 on its 1st entry, 2 -> 3 on its 1st entry; the numbers grow in '
  'installation order (a replacement gets a new number) and each entry uses the newest', executor(BE, {'advance': 1, 'replaceAfter': 1,
  'with': {'advance': 1, 'replaceAfter': 1, 'with': {'advance': 1}}})),
r('remove-after-one-recompiled', 'An executor that removes itself (replaceExecutor(code, offset, null)) on its 1st entry: `removed` '
  'with reason replaced-by-null, the JUMP_BACKWARD is restored and its site counts again from scratch, so with K=1 the next '
  'back edge is a hotspot again and compile installs a new executor (number 2), which removes itself too',
  executor(BE, {'advance': 1, 'removeAfter': 1}), entry='main(3)', spec=P + ['hotspot-detection']),
r('remove-resets-seed-counters', 'Seed defaults: an executor installed at the 64th back edge removes itself on its 3rd entry (the '
  '66th back edge, global 64 since entries are not ticks); the restored site starts a fresh countdown (local 16, saved 64) and is '
  'hot again 16 ticks later (the 82nd back edge, global 80: 16/16 > 64/81), not after another 64; its counters restarted, so '
  'the event reports executions 16',
  executor(BE, {'advance': 1, 'removeAfter': 3}), entry='main(90)', trace=['hotspot', 'installed', 'removed'], hotspot=None,
  spec=P + ['hotspot-seed', 'hotspot-detection']),
r('remove-resets-cpython313-counters', 'CPython 3.13 profile: the executor installed at the 17th back edge removes itself on its 1st '
  'entry; the restored site starts over at threshold 16 with backoff 4, so the next attempt is 17 back edges later (the 34th '
  'back edge, reported as executions 17 of the restarted counters)',
  executor(BE, {'advance': 1, 'removeAfter': 1}), entry='main(40)', trace=['hotspot', 'installed', 'removed'],
  hotspot={'profile': 'cpython313'}, spec=P + ['hotspot-cpython313', 'hotspot-detection']),
r('replace-then-remove', 'Executor 1 replaces itself with executor 2 on its 1st entry; executor 2 removes itself on its 2nd entry: '
  '`removed` names executor 2; the site is then compiled again (executor 3, a fresh copy of executor 1\'s script)',
  executor(BE, {'advance': 1, 'replaceAfter': 1, 'with': {'advance': 2, 'removeAfter': 2}}), entry='main(6)'),
r('replace-function-entry-recursion', 'A function-entry executor on recursive fact (advance 0) replaces itself on its 2nd entry, '
  'which happens one level deeper while the first entry\'s frame is still live: later calls enter only the replacement',
  executor(FE, at={'fact@RESUME': {'advance': 0, 'replaceAfter': 2, 'with': {'advance': 1}}}), src='''
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def main(n):
    return fact(n)
''', entry='main(4)', trace=['installed', 'entered', 'replaced'], tags=['calls'], spec=P + ['hotspot-sites']),
r('replace-resume-after-yield', 'A resume-after-yield executor replaces itself on its 1st entry: the replacement is entered at the '
  'next resumption of the generator (the RESUME 5 keeps its ENTER_EXECUTOR; only the executor behind it changes)',
  executor(RY, {'advance': 1, 'replaceAfter': 1, 'with': {'advance': 2}}), src='''
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def main(n):
    return list(gen(n))
''', entry='main(4)', tags=['generators'], spec=P + ['hotspot-sites']),
r('remove-function-entry', 'A function-entry executor on f removes itself on its 2nd entry: f\'s RESUME 0 is restored, the next '
  'call of f ticks the site again and (K=1) is compiled again: executor 2', executor(FE, at={'f@RESUME': {'advance': 1,
  'removeAfter': 2}}), src=CALL_LOOP, entry='main(4)', trace=['hotspot', 'installed', 'entered', 'removed'], tags=['calls']),
]

SWITCH_IN_LOOP = '''
def main():
    t = 0
    for i in range(3):
        if i == 1:
            _optcert.set_optimizer(NEXT)
        t += i
    return t
'''
FIX += [
r('replace-after-unregister', 'An executor whose steps run the program\'s _optcert.set_optimizer(None) (which removes it, reason '
  'optimizer-changed, and unregisters) and which then calls replaceExecutor for its own site: with no optimizer registered the '
  'call fails with a fault of phase replace, rule replace.no-optimizer; replacement faults do not stop the run',
  executor(BE, {'advance': 11, 'replaceAfter': 1, 'with': {'advance': 1}}), src=SWITCH_IN_LOOP.replace('NEXT', 'None'),
  entry='main()', spec=P + ['optimizer-faults', 'registration', 'optimizer-internals']),
r('replace-by-stale-executor', 'The same, but the program switches to optimizer b: the executor, made by the previous '
  'optimizer, then calls replaceExecutor for its own site and is refused with replace.stale-executor (no executor survives a '
  'change of optimizer, so none may install one for the new optimizer); the run continues under b', executor(BE, {'advance': 11, 'replaceAfter': 1, 'with': {'advance': 1}}),
  src=SWITCH_IN_LOOP.replace('NEXT', "'b'"), entry='main()', optimizers={'b': {'name': 'b', 'capabilities': FE}},
  spec=P + ['optimizer-faults', 'capabilities', 'registration', 'optimizer-internals']),
]
