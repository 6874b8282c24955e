"""fixtures/optimizer/cpython313: CPython 3.13's countdown and exponential backoff."""
from common import *  # noqa: F403

O = ['optimizer']
C = ['hotspot-cpython313', 'hotspot-detection', 'trace-events']
P = {'profile': 'cpython313'}


def c(path, desc, n, opt=None, hotspot=P, trace=T_ATTEMPT, spec=C, src=FOR_LOOP, entry=None, **kw):
    d = dict(path='optimizer/cpython313/' + path, desc=desc, spec=spec, tags=O + ['control-flow'], src=src,
             entry=entry or f'main({n})', optimizer=opt or decliner(), hotspot=hotspot, trace=trace)
    d.update(kw)
    return d


FIX = [
c('no-attempt-at-16', 'CPython 3.13 profile (threshold 16): the first 16 executions of a back edge only count down; a 16-iteration '
  'loop never asks the optimizer', 16, trace=T_HOT),
c('first-attempt-at-17', 'CPython 3.13 profile: the countdown starts at 16 and a tick attempts when it is already 0, so the first '
  'compile request is the 17th execution of the back edge (the last iteration of range(17)), reported with backoff 4', 17),
c('second-attempt-at-49', 'After a decline the exponent becomes 5 and the countdown 2^5 - 1 = 31: the second attempt is execution '
  '#49; range(49) sees exactly two attempts (backoff 4, 5), range(48) would see one', 49),
c('second-attempt-not-at-48', 'With range(48) the backoff countdown of 31 after the decline at #17 has not run out: only one attempt '
  '(the pair with second-attempt-at-49 pins the second attempt to exactly #49)', 48),
c('backoff-schedule-one-short', 'The backoff schedule over 12272 back-edge executions: nine attempts (backoff 4 ... 12); the tenth '
  'would be #12273 (the pair with backoff-schedule pins it there)', 12272, trace=['hotspot', 'declined'], spec=C + ['compile']),
c('backoff-schedule', 'A declining optimizer over 12273 back-edge executions: attempts at #17, #49, #113, #241, #497, #1009, #2033, '
  '#4081, #8177 and #12273 (backoff 4 ... 12, then 12 again: every 4096 once the exponent is capped); the last iteration is the '
  '10th attempt', 12273, trace=['hotspot', 'declined'], spec=C + ['compile']),
c('threshold-0', 'threshold 0 (CPython\'s way to force compilation): the first execution of the back edge attempts (backoff 4); '
  'after the decline the countdown is 31, so range(33) sees attempts at #1 and #33', 33, hotspot={'profile': 'cpython313', 'threshold': 0}),
c('threshold-and-max-backoff', 'threshold 3 and maxBackoff 5: the first attempt is #4; every decline then restarts the countdown at '
  '2^5 - 1 = 31 (the exponent is capped at 5): attempts at #4, #36, #68', 68,
  hotspot={'profile': 'cpython313', 'threshold': 3, 'maxBackoff': 5}),
c('costs-ignored', 'The CPython 3.13 profile ignores the cost metadata: with optimizationCost/runCost = 1024 (never hot under the seed '
  'profile, see seed/ratio-1024-never) the back edge is still attempted at execution #17', 17, opt=decliner(oc=1024),
  spec=C + ['cost-metadata']),
c('per-site-countdowns', 'Each site has its own countdown: two loops of 17 iterations in sequence each get one attempt at their own '
  '17th back edge (no global counter in this profile)', None, entry='main(17)', src='''
def main(n):
    a = 0
    for i in range(n):
        a += i
    b = 0
    for j in range(n):
        b += j
    return a, b
'''),
c('function-entry-17th-call', 'The CPython 3.13 countdown applies to every declared kind in optcert: with FUNCTION_ENTRY the 17th call '
  'of f is its first attempt (main\'s single entry never is)', None, opt=decliner(caps=FE), entry='main(17)', src='''
def f(x):
    return x + 1

def main(n):
    t = 0
    for i in range(n):
        t = f(t)
    return t
''', spec=C + ['capabilities']),
c('compile-fault-backs-off', 'A compile that throws counts as a decline for the backoff: the fault events come at #17 and #49 like '
  'declines would', 49, opt=decliner(default='throw'), trace=['hotspot', 'fault'], spec=C + ['compile']),
]
