"""fixtures/optimizer/limits: at most 256 executors per code object."""
from common import *  # noqa: F403


def many_loops(n_blocks, last_iterations):
    """main: n_blocks small loops, each closed by its own JUMP_BACKWARD; each runs once, the last one
    `last_iterations` times; then a call of f (one more loop, another code object)."""
    out = ['RESUME 0']
    for k in range(n_blocks):
        count = last_iterations if k == n_blocks - 1 else 1
        out += [f'LOAD_CONST {count}', 'STORE_FAST c', f'T{k}:', 'LOAD_FAST c', 'LOAD_CONST 0', 'COMPARE_OP bool(>)',
                f'POP_JUMP_IF_FALSE E{k}', 'LOAD_FAST c', 'LOAD_CONST 1', 'BINARY_OP -=', 'STORE_FAST c', f'JUMP_BACKWARD T{k}',
                f'E{k}:']
    out += ['LOAD_GLOBAL f + NULL', 'CALL 0', 'POP_TOP',
            'LOAD_GLOBAL _optcert', 'LOAD_ATTR get_executor + NULL|self', 'LOAD_GLOBAL main', f'LOAD_CONST {11 * (n_blocks - 1) + 11}',
            'CALL 2',
            'LOAD_GLOBAL _optcert', 'LOAD_ATTR get_executor + NULL|self', 'LOAD_GLOBAL main', 'LOAD_CONST 11', 'CALL 2',
            'LOAD_GLOBAL _optcert', 'LOAD_ATTR get_executor + NULL|self', 'LOAD_GLOBAL f', 'LOAD_CONST 11', 'CALL 2',
            'BUILD_TUPLE 3', 'RETURN_VALUE']
    return '\n'.join(out) + '\n'


F = '''RESUME 0
LOAD_CONST 2
STORE_FAST c
L1:
LOAD_FAST c
LOAD_CONST 0
COMPARE_OP bool(>)
POP_JUMP_IF_FALSE L2
LOAD_FAST c
LOAD_CONST 1
BINARY_OP -=
STORE_FAST c
JUMP_BACKWARD L1
L2:
RETURN_CONST None
'''

FIX = [
dict(path='optimizer/limits/executors-per-code', desc='main holds 257 loops, each with its own back edge, and K=1 makes each hot '
     'at once: the first 256 get executors 1-256, installing the 257th fails with fault executor.limit, which counts as a decline '
     '(the site backs off and faults again at its 3rd execution); another code object (f) still gets executor 257; get_executor '
     'shows None at the 257th back edge, 1 at the first, 257 in f', spec=['executor-limits', 'hotspot-detection', 'get-executor',
     'optimizer-internals', 'trace-events'], tags=['optimizer', 'control-flow'], hotspot=EAGER, trace=['fault'],
     optimizer={'capabilities': BE, 'default': {'advance': 1}},
     asm={'main': many_loops(257, 3), 'f': F}, entry='main()'),
]
