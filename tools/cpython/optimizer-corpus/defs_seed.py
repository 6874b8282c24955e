"""fixtures/optimizer/seed: where the seed profile's formula makes a site hot."""
from common import *  # noqa: F403

O = ['optimizer']
SEED = ['hotspot-seed', 'hotspot-detection', 'trace-events']
COST = SEED + ['cost-metadata']


def seed(path, desc, n, opt, hotspot=None, trace=None, spec=SEED, src=FOR_LOOP, entry=None, **kw):
    d = dict(path='optimizer/seed/' + path, desc=desc, spec=spec, tags=O + ['control-flow'], src=src,
             entry=entry or f'main({n})', optimizer=opt, trace=trace or T_ATTEMPT)
    if hotspot:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


FIX = [
seed('ratio-1-at-64', 'Seed defaults (K=16, N=64, M=1/1024), optimizationCost/runCost = 1, one loop: the countdown checks the '
     'formula at the back edge\'s 16th, 32nd, 48th executions (frequency 1 <= 64/(g+1) + 1/1024) and it first holds at the 64th '
     '(global 64, saved 48, scaledCost 64); the optimizer declines, so no second attempt before iteration 70 ends',
     70, decliner(), spec=COST),
seed('ratio-500-at-128', 'optimizationCost/runCost = 500 (scaledCost = floor(500/1024*65536) = 32000): the site is hot only when '
     '64/(g+1) + 0.488 < 1, first at the 128th back edge (global 128), twice as late as with ratio 1',
     130, decliner(oc=500, rc=1), spec=COST),
seed('ratio-100-at-80', 'optimizationCost 50, runCost 0.5: only the ratio counts (100, scaledCost 6400); the formula first holds at '
     'the check after the 5th countdown, the 80th back edge (global 80), between the ratio-1 (64th) and ratio-500 (128th) points',
     90, decliner(oc=50, rc=0.5), spec=COST),
seed('ratio-900-at-528', 'optimizationCost/runCost = 900 (scaledCost 57600 of 65536): the cost term alone nearly reaches the highest '
     'frequency 1, so the site is hot only once N/(g+1) < 0.121, at the 528th back edge (global 528)',
     540, decliner(oc=900, rc=1), spec=COST),
seed('ratio-1024-never', 'optimizationCost/runCost = 1024 = 1/M: the cost term is 1 (scaledCost 65536), the largest frequency K/(g-s) '
     'is 1, so the strict test never holds: no hotspot in 3000 iterations (the VM keeps counting, it never asks compile)',
     3000, decliner(oc=1024, rc=1), trace=T_HOT, spec=COST),
seed('strict-inequality', 'The test is strict: with K=16, N=65, M=0 the check at the 64th back edge has frequency 16/16 = 1 = '
     '65/(64+1), which is not hot; the next check, at the 80th, is (1 > 65/81)',
     85, decliner(), hotspot={'N': 65, 'M': 0}),
seed('n-term-uses-global-plus-one', 'The start-up term is N/(g+1), not N/g: with N=64, M=0 the 64th back edge is hot (1 > 64/65); '
     'a VM dividing by g would wait until the 80th',
     66, decliner(), hotspot={'N': 64, 'M': 0}),
seed('k-override', 'K=4, N=0, M=0: the threshold is 0, so every countdown end is hot: at the 4th back edge (local 4); each decline '
     'doubles the countdown (local 8, 16): attempts at the 4th, 12th and 28th executions',
     30, decliner(), hotspot={'K': 4, 'N': 0, 'M': 0}),
seed('n-override', 'N=200 (K=16, M=1/1024): checks at every 16th back edge fail while 200/(g+1) + 1/1024 >= 1; the first hot one is '
     'the 208th (200/209 < 1 - 1/1024)',
     220, decliner(), hotspot={'N': 200}),
seed('m-override', 'M=0.25 with costs 1/1 (scaledCost 16384): hot when 64/(g+1) < 0.75, first at the check of the 96th back edge',
     100, decliner(), hotspot={'M': 0.25}),
seed('force-first-hotspot', 'K=1, N=0, M=0 forces compile at the first execution of every declared hotspot: the RESUME 0 of main '
     '(global 1) and then the loop\'s back edge (global 2); after each decline the site\'s countdown doubles (back edge hot again '
     'at its 3rd execution, local 2)',
     4, decliner(caps=['FUNCTION_ENTRY', 'BACK_EDGE']), hotspot=EAGER),
seed('decline-backoff-doubling', 'Defaults, ratio 1, an optimizer that always declines: after each decline the site\'s countdown '
     'restarts at K*2^b (b = declines so far) with saved = global, so the attempts come at the 64th, 96th, 160th, 288th, 544th and '
     '1056th back edges (local 16, 32, 64, 128, 256, 512)',
     1100, decliner(), trace=T_HOT, spec=SEED + ['compile']),
seed('max-backoff-cap', 'K=1, N=0, M=0, maxBackoff=2, always declining: the countdown doubles 1, 2, 4 and then stays at K*2^2 = 4: '
     'attempts at the 1st, 3rd, 7th, 11th and 15th back edges',
     16, decliner(), hotspot={'K': 1, 'N': 0, 'M': 0, 'maxBackoff': 2}, trace=T_HOT, spec=SEED + ['compile']),
seed('two-loops-late-site-needs-less', 'Two loops in sequence (40 iterations each), declining: the first back edge never gets hot '
     '(checks at g=16, 32); the second site starts with saved = 40 and at its 32nd execution (global 72) 16/16 > 64/73 holds: '
     'a site that starts late in a run needs fewer executions than the 64 a lone loop needs',
     None, decliner(), trace=T_HOT, entry='main(40)', src='''
def main(n):
    a = 0
    for i in range(n):
        a += i
    b = 0
    for j in range(n):
        b += j
    return a, b
'''),
seed('interleaved-sites-ratio-1', 'One while loop whose iterations alternate between two back edges (the `continue` one and the '
     'loop\'s own): both share the global counter, so at each check a site has seen only half of the ticks since its countdown '
     'started (frequency 16/32 instead of 16/16): the `continue` back edge (even i) is hot at its 64th execution (global 128, '
     '64/129 + 1/1024 < 0.5), while the loop\'s own back edge (odd i), which ticks first in each pair, misses at its 64th '
     '(global 127: 64/128 + 1/1024 > 0.5) and is hot only at its 80th (global 159)',
     None, decliner(), trace=T_HOT, entry='main(200)', src='''
def main(n):
    i = 0
    evens = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            evens += 1
            continue
        evens -= 0
    return evens
'''),
seed('interleaved-sites-ratio-500', 'The same two alternating back edges with optimizationCost/runCost = 500: frequency 16/32 = 0.5 '
     'barely exceeds the cost term 0.488, so each site waits until 64/(g+1) < 0.0117 (g > 5461): far later than the 128th '
     'execution a lone back edge needs at this ratio',
     None, decliner(oc=500), trace=T_HOT, entry='main(6000)', src='''
def main(n):
    i = 0
    evens = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            evens += 1
            continue
        evens -= 0
    return evens
''', spec=COST),
seed('function-entry-64th-call', 'FUNCTION_ENTRY only, defaults: the RESUME 0 of main ticks once (global 1), then f\'s entry site '
     'starts with saved 1 and is hot at f\'s 64th call (global 65); back edges are not counted',
     None, decliner(caps=FE), trace=T_HOT, entry='main(70)', src='''
def f(x):
    return x + 1

def main(n):
    t = 0
    for i in range(n):
        t = f(t)
    return t
''', spec=SEED + ['capabilities', 'hotspot-no-optimizer']),
seed('entry-and-back-edge-share-global', 'FUNCTION_ENTRY and BACK_EDGE, a loop that calls f: f\'s entry and the back edge tick '
     'alternately and share the global counter, so each needs more executions than alone (compare function-entry-64th-call and '
     'ratio-1-at-64)',
     None, decliner(caps=['FUNCTION_ENTRY', 'BACK_EDGE']), trace=T_HOT, entry='main(200)', src='''
def f(x):
    return x + 1

def main(n):
    t = 0
    for i in range(n):
        t = f(t)
    return t
''', spec=SEED + ['capabilities']),
seed('reregistration-resets-counters', 'Two 40-iteration loops with _optcert.set_optimizer(\'again\') between them: registering '
     'resets every counter and the global one, so the second loop\'s back edge (global restarting at 0) is not hot within 40 '
     'iterations, unlike two-loops-late-site-needs-less where it is hot at its 32nd',
     None, decliner(), optimizers={'again': decliner(name='again')}, trace=['registered', 'unregistered', 'hotspot'], entry='main(40)', src='''
def main(n):
    a = 0
    for i in range(n):
        a += i
    _optcert.set_optimizer('again')
    b = 0
    for j in range(n):
        b += j
    return a, b
''', spec=SEED + ['registration', 'optimizer-internals']),
]
