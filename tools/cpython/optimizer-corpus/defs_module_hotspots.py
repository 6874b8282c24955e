"""fixtures/optimizer/module: hotspots meet module code — a hot loop at module level (its back edge
in the `<module>` code object, names through STORE_NAME / LOAD_NAME), then the entry call."""
from common import *  # noqa: F403

O = ['optimizer', 'module']

MODULE_LOOP = '''
import math

acc = 0
ROOTS = []
for i in range(150):
    acc += i % 7
    if i % 25 == 0:
        ROOTS.append(math.isqrt(acc))
LIMIT = acc // 3
del i

def main(n):
    total = 0
    for k in range(n):
        if k < LIMIT:
            total += k
    return acc, ROOTS, total
'''

FIX = []
for sample in ('counter', 'superblock'):
    FIX.append(dict(path=f'optimizer/module/{sample}-module-loop',
                    desc=f'The {sample} sample on a hot loop at module level (STORE_NAME/LOAD_NAME rebinding the accumulator every iteration), '
                         'then a hot loop in main reading what the module bound: executors are installed in the module code too and the outcome is the interpreter\'s',
                    spec=['module-code', 'executor-contract', 'enter-executor', 'op-STORE_NAME', 'op-LOAD_NAME', 'op-JUMP_BACKWARD'],
                    tags=O, module=True, src=MODULE_LOOP, entry='main(120)', optimizer=sample, trace=['installed', 'fault']))
FIX.append(dict(path='optimizer/module/scripted-module-back-edge',
                desc='A scripted executor at the module code\'s back edge advancing 3 instructions each entry: compiled, installed and entered in the <module> frame like in a function',
                spec=['module-code', 'executor-contract', 'enter-executor', 'op-JUMP_BACKWARD'],
                tags=O, module=True, src=MODULE_LOOP, entry='main(10)',
                optimizer=executor(BE, at={'<module>@JUMP_BACKWARD': {'advance': 3}}), hotspot={'profile': 'seed', **EAGER},
                trace=['compile', 'installed', 'entered', 'exited']))
