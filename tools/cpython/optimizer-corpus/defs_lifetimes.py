"""fixtures/optimizer/lifetimes: the cpython313 profile's counters and executors outlive a change of
optimizer (spec/optimizer-api.md#hotspot-cpython313-lifetime); the seed profile's do not."""
from common import *  # noqa: F403

O = ['optimizer']
L = ['hotspot-cpython313-lifetime', 'registration', 'optimizer-internals', 'trace-events']
C313 = {'profile': 'cpython313'}
TRACE = ['registered', 'unregistered', 'hotspot', 'installed', 'entered', 'removed', 'fault']

LOOP = '''
def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t
'''


def named(name, **executor_spec):
    return {'capabilities': BE, 'name': name, 'default': executor_spec or {'advance': 1}}


def lt(path, desc, src, optimizers, hotspot=C313, trace=TRACE, spec=L, **kw):
    d = dict(path='optimizer/lifetimes/' + path, desc=desc, spec=spec, tags=O, src=src, entry=kw.pop('entry', 'main()'),
             trace=trace, optimizers=optimizers, hotspot=hotspot)
    d.update(kw)
    return d


FIX = [
lt('switch-keeps-executor', 'cpython313: a installs executor 1 at the 17th back edge of a 20-iteration loop; registering b removes '
   'nothing (no removed event): the second loop enters executor 1 at every back edge, and b is never asked to compile', LOOP + '''
def main():
    _optcert.set_optimizer('a')
    x = loop(20)
    _optcert.set_optimizer('b')
    return x + loop(20)
''', {'a': named('a'), 'b': named('b')}),
lt('switch-removes-executor-seed', 'The same program under the seed profile (K=16, N=0, M=0): registering b removes executor 1 '
   '(optimizer-changed) and resets the counters, so b compiles the back edge again from scratch', LOOP + '''
def main():
    _optcert.set_optimizer('a')
    x = loop(20)
    _optcert.set_optimizer('b')
    return x + loop(20)
''', {'a': named('a'), 'b': named('b')}, hotspot={'K': 16, 'N': 0, 'M': 0}, spec=['registration', 'optimizer-internals', 'trace-events']),
lt('unregistered-executor-still-entered', 'cpython313: after set_optimizer(None) the executor a installed is still entered at every '
   'back edge of the next loop, with no optimizer registered', LOOP + '''
def main():
    _optcert.set_optimizer('a')
    x = loop(20)
    _optcert.set_optimizer(None)
    return x + loop(20), _optcert.get_optimizer()
''', {'a': named('a')}),
lt('counts-before-registration', 'cpython313: 40 back edges run with no optimizer (attempts at #17 and #49 would be declined silently: '
   'only #17 is reached, backoff 5, countdown 31), then a registers: the site is hot at its 49th execution overall, the 9th '
   'after registration (hotspot executions 49, backoff 5)', LOOP + '''
def main():
    x = loop(40)
    _optcert.set_optimizer('a')
    return x + loop(40)
''', {'a': named('a')}),
lt('undeclared-kind-backs-off', 'cpython313: registered first is f, which declares FUNCTION_ENTRY only: the back edge still ticks and '
   'its attempt at #17 is a silent decline (no hotspot event); switching to a (BACK_EDGE) in the middle, the next attempt is '
   'at #49 (backoff 5), as in CPython where the counter ticks whatever optimizer is set', LOOP + '''
def main():
    _optcert.set_optimizer('f')
    x = loop(30)
    _optcert.set_optimizer('a')
    return x + loop(30)
''', {'f': {'capabilities': FE, 'name': 'f'}, 'a': named('a')}),
lt('stale-executor-cannot-replace', 'cpython313: a\'s executor survives the switch to b and keeps being entered; on its 3rd entry it '
   'tries to replace itself, which an executor of a previous registration may not do: replace.stale-executor, and it stays '
   'installed', LOOP + '''
def main():
    _optcert.set_optimizer('a')
    x = loop(18)
    _optcert.set_optimizer('b')
    return x + loop(5)
''', {'a': named('a', advance=1, replaceAfter=3, **{'with': {'advance': 1}}), 'b': named('b')},
   spec=L + ['replace-executor']),
]
