"""fixtures/optimizer/yieldfrom: hotspots and executors inside `yield from` delegation
(spec/optimizer-api.md#hotspot-resume-yield-from)."""
from common import *  # noqa: F403

O = ['optimizer', 'generators']
Y = ['hotspot-resume-yield-from', 'generator-delegation']

# A delegating generator consumed by a for loop: each item resumes outer at its RESUME 2, then
# inner at its RESUME 5 (its yield is in no try block of its own).
DELEGATE = '''
def inner(n):
    for i in range(n):
        yield i * 2
    return n

def outer(n):
    r = yield from inner(n)
    yield r

def main(n):
    t = 0
    for x in outer(n):
        t += x
    return t
'''

# Delegation in a hot loop: a tree walker whose every level delegates to the next, and a
# pipeline that re-delegates per chunk.
HOT = '''
def walk(node):
    if isinstance(node, list):
        for child in node:
            yield from walk(child)
    else:
        yield node

def chunks(n, size):
    for start in range(0, n, size):
        yield from range(start, min(start + size, n))

def tree(depth):
    if depth == 0:
        return depth
    return [tree(depth - 1), depth, [tree(depth - 1)]]

def main(n):
    total = 0
    for v in walk(tree(n)):
        total += v
    s = 0
    for c in chunks(n * 40, 7):
        s += c
    return total, s, list(walk([1, [2, [3, [4]]], 5]))
'''

# send() through a delegating generator in a loop: the sent values reach the inner generator.
SENDING = '''
def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def relay():
    result = yield from accumulate()
    yield ('done', result)

def main(n):
    g = relay()
    next(g)
    last = 0
    for i in range(n):
        last = g.send(i)
    return last, g.send(None)
'''


# throw() and close() raise where the generators stopped: no RESUME runs, so no site ticks.
THROW_CLOSE = '''
def inner():
    while True:
        try:
            yield 1
        except KeyError:
            yield 2

def outer():
    yield from inner()

def main():
    g = outer()
    a = next(g)
    b = next(g)
    c = g.throw(KeyError)
    d = next(g)
    g.close()
    return a, b, c, d
'''


def y(path, desc, opt, src=DELEGATE, entry='main(3)', trace='full', spec=Y, tags=(), hotspot=EAGER, **kw):
    d = dict(path='optimizer/yieldfrom/' + path, desc=desc, spec=spec, tags=O + list(tags), src=src, entry=entry,
             optimizer=opt, trace=trace)
    if hotspot is not None:
        d['hotspot'] = hotspot
    d.update(kw)
    return d


FIX = [
y('sites-declined', 'A declining resume-after-yield optimizer on a generator delegating to another: each item ticks outer\'s '
  'RESUME 2 and then inner\'s RESUME 5 (the consumer\'s for loop resumes outer, whose SEND resumes inner); the first '
  'resumption of each starts at RESUME 0, which is no site of this kind', decliner(RY), trace=T_ATTEMPT,
  spec=Y + ['hotspot-sites', 'hotspot-detection']),
y('sites-all-kinds', 'Every kind declared and declined on the same program: the yield from loop\'s JUMP_BACKWARD_NO_INTERRUPT is '
  'no back edge; main\'s JUMP_BACKWARD is', decliner(ALL), trace=T_ATTEMPT, spec=Y + ['hotspot-sites']),
y('resume2-advance-1', 'An executor at outer\'s RESUME 2 advancing 1 (the RESUME): exits in outer\'s frame at the '
  'JUMP_BACKWARD_NO_INTERRUPT', executor(RY, at={'outer@RESUME 2': {'advance': 1}, 'inner@RESUME 5': 'decline'}),
  spec=Y + ['executor-contract', 'enter-executor']),
y('resume2-advance-3', 'An executor at outer\'s RESUME 2 advancing 3 (RESUME, JUMP_BACKWARD_NO_INTERRUPT, SEND): the SEND '
  'resumes inner, whose frame is pushed on top of outer\'s: the executor returns inner\'s frame (exited at inner, at its '
  'RESUME 5, which the interpreter then runs and counts); after the last item the interpreter runs inner to its return, which '
  'lands outer at its END_SEND',
  executor(RY, at={'outer@RESUME 2': {'advance': 3}, 'inner@RESUME 5': 'decline'}),
  spec=Y + ['executor-contract', 'enter-executor']),
y('resume2-crosses-yield', 'An executor at outer\'s RESUME 2 advancing 12: it runs through inner\'s iteration up to inner\'s '
  'YIELD_VALUE, which lands back in outer just past its SEND: exited at outer ip 9 (its YIELD_VALUE 1); on the last entry inner '
  'returns within the 12 steps and it exits at outer\'s own YIELD_VALUE 0', executor(RY, {'advance': 12}), spec=Y + ['executor-contract']),
y('resume2-crosses-both-yields', 'An executor at outer\'s RESUME 2 advancing 13: it also runs outer\'s YIELD_VALUE 1, which '
  'suspends outer and lands in the consumer: exited at main ip 8, past its FOR_ITER',
  executor(RY, {'advance': 13}), spec=Y + ['executor-contract']),
y('resume-inner-under-outer', 'An executor at inner\'s RESUME 5 while outer waits below it in the frame stack: advancing '
  '9 runs inner\'s next iteration and its YIELD_VALUE, which lands in outer past its SEND, at its YIELD_VALUE 1 (exited at outer '
  'ip 9); on the last entry inner returns and outer continues at END_SEND (exited at outer ip 12)',
  executor(RY, at={'outer@RESUME 2': 'decline', 'inner@RESUME 5': {'advance': 9}}), spec=Y + ['executor-contract']),
y('throw-close-no-tick', 'An executor at every resume-after-yield site advancing 1: each next() resumes outer at its RESUME 2 and inner at '
  'the RESUME after the yield it stopped at (each entered); throw() raises in inner at its YIELD_VALUE through outer without running either RESUME, and close() '
  'closes inner and outer the same way: neither ticks a site nor enters an executor', executor(RY, {'advance': 1}), src=THROW_CLOSE,
  entry='main()', spec=Y + ['generator-throw', 'generator-close', 'hotspot-detection'], tags=['exceptions']),
y('hot-delegation-superblock', 'The superblock sample on a tree walker delegating recursively in a hot loop and a chunked '
  'pipeline: every level resumes at its RESUME 2; the outcome is the interpreter\'s and no fault occurs', 'superblock',
  src=HOT, entry='main(4)', trace=['installed', 'fault'], hotspot=None, spec=Y + ['executor-contract', 'compile']),
y('hot-delegation-superblock-eager', 'The superblock sample, K=1 N=0 M=0, on the recursive tree walker and the chunked '
  'pipeline: every RESUME 2 site is compiled at its first tick', 'superblock', src=HOT, entry='main(3)',
  trace=['installed', 'fault'], spec=Y + ['executor-contract', 'compile']),
y('hot-delegation-counter', 'The counter sample on the delegating tree walker: its back edges (the for loops) get executors; '
  'the yield from loops have none', 'counter', src=HOT, entry='main(4)', trace=['installed', 'fault'], hotspot=None,
  spec=Y + ['executor-contract']),
y('send-relay-superblock', 'The superblock sample with send() through a delegating generator in a loop: each send resumes '
  'relay at its RESUME 2 in a nested run and the value reaches accumulate', 'superblock', src=SENDING, entry='main(30)',
  trace=['installed', 'fault'], spec=Y + ['executor-contract', 'generator-send']),
]
