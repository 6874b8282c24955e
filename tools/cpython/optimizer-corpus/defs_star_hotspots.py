"""fixtures/optimizer/calls: hotspots meet star calls — a hot loop whose body calls f(*args, **kwargs)
(CALL_FUNCTION_EX after LIST_EXTEND / DICT_MERGE), a starred assignment (UNPACK_EX) and a {**d} display
(DICT_UPDATE) on every iteration, under the sample optimizers."""
from common import *  # noqa: F403

O = ['optimizer', 'calls']

STAR_LOOP = '''
def combine(a, b, *rest, scale, **extra):
    return (a + b + len(rest)) * scale + len(extra)

def main(n):
    base = {'scale': 2}
    args = [1, 2]
    total = 0
    seen = []
    for i in range(n):
        head, *tail = args
        opts = {**base, 'tag': i % 3}
        total += combine(*args, i, **opts)
        total += combine(head, *tail, scale=1)
        args.append(i % 4)
        if len(args) > 5:
            args = args[:2]
        seen.append(len(tail))
    print(*seen[-5:], sep=',')
    return total, args, opts
'''

BUILTIN_STAR = '''
def main(n):
    rows = []
    for i in range(n):
        row = [i, i * 2, i % 7]
        rows.append(max(*row))
        rows.append(min(*row, key=lambda v: -v))
    return sum(rows), len(rows)
'''

FIX = []
for sample in ('counter', 'superblock'):
    FIX.append(dict(path=f'optimizer/calls/{sample}-star-call-loop',
                    desc=f'The {sample} sample on a hot loop whose body makes star calls of a Python function (CALL_FUNCTION_EX with *args '
                         'and **kwargs, a new tuple and dict each call), a starred assignment and a {**d} display: executors are '
                         'installed there and the outcome is the interpreter\'s (seed defaults)',
                    spec=['executor-contract', 'call-star', 'enter-executor', 'op-CALL_FUNCTION_EX', 'op-DICT_MERGE', 'op-UNPACK_EX', 'op-DICT_UPDATE'],
                    tags=O + ['output'], src=STAR_LOOP, entry='main(150)', optimizer=sample, trace=['installed', 'fault']))
    FIX.append(dict(path=f'optimizer/calls/{sample}-star-builtin-loop',
                    desc=f'The {sample} sample on a hot loop that star-calls builtins (max(*row), min(*row, key=...)): no frame is '
                         'pushed by the star call itself, so an executor may run through it',
                    spec=['executor-contract', 'call-star', 'op-CALL_FUNCTION_EX', 'call-builtin'],
                    tags=O, src=BUILTIN_STAR, entry='main(200)', optimizer=sample, trace=['installed', 'fault']))
    FIX.append(dict(path=f'optimizer/calls/{sample}-eager-star-calls',
                    desc=f'The {sample} sample compiling every site at its first execution (K=1, N=0, M=0) in code that star-calls, '
                         'merges keyword dicts and unpacks with a star',
                    spec=['executor-contract', 'call-star', 'call-varargs', 'call-varkeywords', 'op-CALL_FUNCTION_EX'],
                    tags=O + ['output'], src=STAR_LOOP, entry='main(12)', optimizer=sample, hotspot=EAGER, trace=['installed', 'fault']))
