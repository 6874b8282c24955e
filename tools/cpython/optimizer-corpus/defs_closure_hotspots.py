"""fixtures/optimizer/closures: hotspots meet closures — a hot loop inside a closure, and hot loops
that write a cell (in the frame that owns it and through a closure), under the sample optimizers."""
from common import *  # noqa: F403

O = ['optimizer', 'closures']

PROGRAMS = {
'loop-in-closure': ('''
def make_scaler(factor, offset):
    def scale_all(xs):
        out = []
        for x in xs:
            out.append(x * factor + offset)
        return out
    return scale_all

def main(n):
    scale = make_scaler(3, -1)
    data = list(range(n))
    return sum(scale(data)), scale([1, 2])
''', 'main(150)'),
'loop-writes-cell': ('''
def main(n):
    total = 0
    hits = 0
    def seen():
        return total, hits
    def bump(k):
        nonlocal hits
        for _ in range(k):
            hits += 1
    for i in range(n):
        total += i
        if i % 10 == 0:
            bump(i // 10 + 20)
    snapshot = seen()
    total = -1
    return snapshot, seen(), hits
''', 'main(120)'),
}

FIX = []
for sample in ('counter', 'superblock'):
    for prog, (src, entry) in PROGRAMS.items():
        what = ('a hot loop inside a closure reads free variables (LOAD_DEREF) on every iteration'
                if prog == 'loop-in-closure' else
                'hot loops write cells: the owning frame stores into a cell another closure reads (STORE_DEREF at a back edge), '
                'and a closure writes a nonlocal in its own hot loop')
        FIX.append(dict(path=f'optimizer/closures/{sample}-{prog}',
                        desc=f'The {sample} sample where {what}: executors are installed there and the outcome is the interpreter\'s (seed defaults)',
                        spec=['executor-contract', 'closure-cells', 'enter-executor', 'op-LOAD_DEREF'] + (['op-STORE_DEREF'] if 'writes' in prog else []),
                        tags=O, src=src, entry=entry, optimizer=sample, trace=['installed', 'fault']))
    FIX.append(dict(path=f'optimizer/closures/{sample}-eager-cells',
                    desc=f'The {sample} sample compiling every site at its first execution (K=1, N=0, M=0) in code that makes, '
                         'reads, writes and deletes cells',
                    spec=['executor-contract', 'closure-cells', 'closure-unbound', 'op-MAKE_CELL', 'op-DELETE_DEREF', 'op-COPY_FREE_VARS'],
                    tags=O, src='''
def main(n):
    acc = []
    last = None
    def note(v):
        nonlocal last
        last = v
        acc.append(v)
    for i in range(n):
        note(i * i)
    first = last
    del last
    try:
        note
        total = sum(v for v in acc if v > n)
        return first, total, last
    except NameError as e:
        return first, str(e)
''', entry='main(8)', optimizer=sample, hotspot=EAGER, trace=['installed', 'fault']))
