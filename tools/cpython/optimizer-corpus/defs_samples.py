"""fixtures/optimizer/samples: the sample optimizers on ordinary programs."""
from common import *  # noqa: F403

O = ['optimizer']

PROGRAMS = {
'loop-calls': ('''
def f(x):
    return x * 3 + 1

def main(n):
    t = 0
    for i in range(n):
        if i % 3 == 0:
            t += f(i)
        else:
            t -= i
    return t
''', 'main(200)'),
'generator-pipeline': ('''
def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i

def squares(it):
    for x in it:
        yield x * x

def main(n):
    total = 0
    for v in squares(evens(n)):
        total += v
    return total, list(squares(evens(10)))
''', 'main(300)'),
'recursion-exceptions': ('''
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def main(n):
    out = []
    for i in range(n):
        try:
            out.append(100 // (i % 4))
        except ZeroDivisionError:
            out.append(fib(i))
    return out
''', 'main(14)'),
}

FIX = []
for sample, what in [('null', 'The null sample (every capability, always declines): every hotspot kind is counted and offered and '
                      'declined; the outcome is the interpreter\'s and no fault occurs'),
                     ('counter', 'The counter sample (back edges only, each executor advancing 1): executors are installed at back edges only, '
                      'the outcome is the interpreter\'s and no fault occurs'),
                     ('superblock', 'The superblock sample (straight-line regions run in one go): it installs executors where '
                      'the trace shows, the outcome is the interpreter\'s and no fault occurs')]:
    for prog, (src, entry) in PROGRAMS.items():
        FIX.append(dict(path=f'optimizer/samples/{sample}-{prog}', desc=f'{what} ({prog}, seed defaults)',
                        spec=['executor-contract', 'compile', 'hotspot-detection', 'enter-executor'],
                        tags=O + (['generators'] if 'generator' in prog else ['calls']), src=src, entry=entry,
                        optimizer=sample, trace=['installed', 'fault']))
    FIX.append(dict(path=f'optimizer/samples/{sample}-eager', desc=f'{what} (all three programs\' shapes at K=1, N=0, M=0: every '
                    'site compiled at its first execution)', spec=['executor-contract', 'compile', 'hotspot-detection'],
                    tags=O + ['generators', 'calls'], src=PROGRAMS['generator-pipeline'][0].replace('def main(n)', 'def pipe(n)') +
                    PROGRAMS['recursion-exceptions'][0].replace('def main(n)', 'def rec(n)') + '''
def main(n):
    return pipe(n), rec(n)
''', entry='main(12)', optimizer=sample, hotspot=EAGER, trace=['installed', 'fault']))
