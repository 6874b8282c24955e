"""fixtures/optimizer/switch: changing the optimizer at run time through _optcert."""
from common import *  # noqa: F403

O = ['optimizer']
W = ['registration', 'optimizer-internals', 'trace-events']

STEP1 = {'capabilities': BE, 'default': {'advance': 1}}
TWO_FUNCS = '''
def f(n):
    t = 0
    for i in range(n):
        t += i
    return t

def g(n):
    t = 0
    for i in range(n):
        t += i * i
    j = 0
    while j < n:
        j += 1
    return t
'''


def w(path, desc, src, trace='full', spec=W, tags=(), hotspot=EAGER, **kw):
    d = dict(path='optimizer/switch/' + path, desc=desc, spec=spec, tags=O + list(tags), src=src, entry=kw.pop('entry', 'main()'),
             trace=trace)
    if hotspot is not None:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


FIX = [
w('set-optimizer-mid-run', 'The program registers optimizer a, runs a loop (a installs executor 1 and enters it), then registers b: '
  'executor 1 is removed first (reason optimizer-changed, the JUMP_BACKWARD restored), then unregistered a, registered b; the '
  'next loop is counted from scratch and b installs executor 2', '''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main():
    _optcert.set_optimizer('a')
    x = loop(2)
    _optcert.set_optimizer('b')
    return x + loop(2)
''', optimizers={'a': {**STEP1, 'name': 'a'}, 'b': {**STEP1, 'name': 'b'}}),
w('set-none-unregisters', 'set_optimizer(None) removes every executor (optimizer-changed) and unregisters: the hotspot '
  'instructions are plain again, so the next loop produces no event at all and get_optimizer() is None', '''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main():
    _optcert.set_optimizer('a')
    x = loop(3)
    _optcert.set_optimizer(None)
    print(_optcert.get_optimizer())
    return x + loop(3)
''', optimizers={'a': {**STEP1, 'name': 'a'}}, tags=['output'], spec=W + ['hotspot-no-optimizer']),
w('removal-order', 'Changing the optimizer removes executors in code-object order (f before g, the program\'s order), then offset '
  'order within a code object, whatever the order they were installed in (g\'s two first, then f\'s)', TWO_FUNCS + '''
def main():
    _optcert.set_optimizer('a')
    x = g(2) + f(2)
    _optcert.set_optimizer(None)
    return x
''', optimizers={'a': {**STEP1, 'name': 'a'}}, trace=['installed', 'removed', 'unregistered']),
w('switch-inside-running-loop', 'The loop body switches the optimizer while its own back edge holds an executor of the old one: the '
  'executor is removed and the frame goes on with the restored JUMP_BACKWARD; the new optimizer compiles that site again at its '
  'next execution', '''
def main():
    t = 0
    for i in range(4):
        if i == 2:
            _optcert.set_optimizer('b')
        t += i
    return t
''', optimizer={**STEP1, 'name': 'a'}, optimizers={'b': {**STEP1, 'name': 'b'}}),
w('get-optimizer-names', 'get_optimizer() returns the registered optimizer\'s name: the fixture\'s initial one, then each sample set '
  'by name (null, counter, superblock), then None', '''
def main():
    names = [_optcert.get_optimizer()]
    _optcert.set_optimizer('null')
    names.append(_optcert.get_optimizer())
    _optcert.set_optimizer('counter')
    names.append(_optcert.get_optimizer())
    _optcert.set_optimizer('superblock')
    names.append(_optcert.get_optimizer())
    _optcert.set_optimizer(None)
    names.append(_optcert.get_optimizer())
    return names
''', optimizer=decliner(name='start'), trace=['registered', 'unregistered'], hotspot=None),
w('get-executor-numbers', '_optcert.get_executor(f, offset) gives the number of the executor installed at that offset of f\'s code '
  '(function or code object), None where there is none, and None again after a change of optimizer removed it',
  '''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main():
    before = _optcert.get_executor(loop, 12)
    loop(2)
    after = _optcert.get_executor(loop, 12), _optcert.get_executor(loop.__code__, 12), _optcert.get_executor(loop, 0)
    _optcert.set_optimizer(None)
    return before, after, _optcert.get_executor(loop, 12)
''', optimizer={**STEP1, 'name': 'a'}, trace=['installed', 'removed'], spec=W + ['get-executor']),
w('fresh-instance-per-set', 'set_optimizer makes a fresh instance each call: with K=1 the counter sample\'s executor is installed at '
  'the first back edge and entered at once, so a 4-iteration loop counts 4; after set_optimizer(\'counter\') again (executor 1 '
  'removed, optimizer-changed) the new instance\'s count is 0', '''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main():
    _optcert.set_optimizer('counter')
    loop(4)
    first = _optcert.get_count()
    _optcert.set_optimizer('counter')
    return first, _optcert.get_count()
''', trace=['installed', 'removed', 'registered', 'unregistered']),
w('unregister-then-reregister', 'Registering again after an unregistration starts every counter, the global one included, at '
  'zero: with the seed defaults the loop after re-registration is hot at its 64th back edge (global 64, saved 48), although 50 '
  'back edges were counted under the first registration and 50 more ran while none was registered', '''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t

def main():
    loop(50)
    _optcert.set_optimizer(None)
    loop(50)
    _optcert.set_optimizer('a')
    return loop(70)
''', optimizer=decliner(name='a'), optimizers={'a': decliner(name='a')}, hotspot=None,
  trace=['registered', 'unregistered', 'hotspot'], spec=W + ['hotspot-no-optimizer', 'hotspot-seed']),
]
