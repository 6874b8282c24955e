"""fixtures/optimizer/sets: hotspots meet sets — a set built in a hot loop (SET_ADD in a comprehension,
set.add, |=, discards leaving dummies and a resize), a hot loop over a set's iteration order, and a
hot loop draining a set with pop(), under the sample optimizers."""
from common import *  # noqa: F403

O = ['optimizer', 'sets']

PROGRAMS = {
'build-in-loop': ('''
def main(n):
    seen = set()
    dupes = 0
    for i in range(n):
        key = (i * 7) % 61 - 30
        if key in seen:
            dupes += 1
            seen.discard(key)
        else:
            seen.add(key)
        if i % 25 == 0:
            seen |= {*range(-i, -i + 3), str(i)}
    squares = {x * x % 97 for x in range(n)}
    return dupes, len(seen), seen, squares
''', 'main(160)'),
'iterate-and-drain': ('''
def main(n):
    s = set(range(n, 0, -7)) | set('optimizer')
    order = []
    for x in s:
        order.append(x)
    total = 0
    while s:
        x = s.pop()
        if isinstance(x, int):
            total += x
    return order, total
''', 'main(700)'),
'fold-over-set': ('''
def main(rounds):
    weights = {-3, 17, 40, 9, 1024, -64, 5, 33, 2 ** 40}
    names = {'ada', 'bob', 'cy', 'dee', 'eve'}
    acc = 0
    initials = ''
    for r in range(rounds):
        for w in weights:
            acc = (acc * 31 + w + r) % 1000003
        for name in names:
            initials = (initials + name[0])[-12:]
    return acc, initials, list(weights)
''', 'main(40)'),
}

FIX = []
for sample in ('counter', 'superblock'):
    for prog, (src, entry) in PROGRAMS.items():
        what = {'build-in-loop': 'a set is built in a hot loop: membership tests, add, discard (dummies), |= of a display, '
                                  'and a set comprehension (SET_ADD) that resizes the table',
                'iterate-and-drain': 'a hot loop walks a set in its table order, then another drains it with set.pop() (the pop finger)',
                'fold-over-set': 'hot inner loops fold over sets of ints (negatives, large values) and strs in their table order, '
                                 'which is not the sorted order'}[prog]
        FIX.append(dict(path=f'optimizer/sets/{sample}-{prog}',
                        desc=f'The {sample} sample where {what}: executors are installed there and the outcome is the interpreter\'s (seed defaults)',
                        spec=['executor-contract', 'enter-executor', 'set-order', 'set-methods'] + (['op-SET_ADD', 'op-SET_UPDATE'] if 'build' in prog else ['op-FOR_ITER', 'set-hash']),
                        tags=O, src=src, entry=entry, optimizer=sample, trace=['installed', 'fault']))
