"""fixtures/optimizer/code: code objects seen through installed executors."""
from common import *  # noqa: F403

O = ['optimizer']
Q = ['code-equality', 'optimizer-internals', 'builtin-hash', 'get-executor']

FIX = [
dict(path='optimizer/code/equality-all-kinds', desc='Executors at every kind of site of f (its RESUME 0 and both loop back edges), '
     'K=1: f.__code__ still equals f.__code__.replace() (a copy without executors) and hashes alike, while it differs from g\'s '
     'code; the copy has no executor at the back edge', spec=Q + ['trace-events'], tags=O + ['calls'],
     hotspot=EAGER, trace=['installed'], optimizer={'capabilities': ['FUNCTION_ENTRY', 'BACK_EDGE'], 'default': {'advance': 1}},
     src='''
def f(n):
    t = 0
    for i in range(n):
        for j in range(n):
            t += j
    return t

def g(n):
    return n

def main():
    f(3)
    code = f.__code__
    copy = code.replace()
    return (_optcert.get_executor(f, 0), code == copy, hash(code) == hash(copy), code == g.__code__,
            _optcert.get_executor(copy, 18), code.co_name, code.co_argcount)
'''),
dict(path='optimizer/code/equality-after-replacement', desc='After an executor replaced itself (a new executor in the same slot) '
     'and another removed itself (the original instruction restored), the code object still equals and hashes like its copy: '
     'equality sees the original instructions, whatever the executors did', spec=Q + ['replace-executor', 'trace-events'],
     tags=O + ['control-flow'], hotspot=EAGER, trace=['installed', 'replaced', 'removed'],
     optimizer={'capabilities': BE, 'at': {'f@JUMP_BACKWARD#1': {'advance': 1, 'replaceAfter': 1, 'with': {'advance': 1}},
                                            'f@JUMP_BACKWARD#2': {'advance': 1, 'removeAfter': 1}}},
     src='''
def f(n):
    t = 0
    for i in range(n):
        for j in range(n):
            t += j
    return t

def main():
    x = f(2)
    code = f.__code__
    return x, code == code.replace(), hash(code) == hash(code.replace())
'''),
dict(path='optimizer/code/equality-generator', desc='A generator function with executors at its RESUME 0 (index 2) and its '
     'RESUME 5 still compares and hashes equal to its executor-free copy', spec=Q + ['trace-events', 'hotspot-sites'],
     tags=O + ['generators'], hotspot=EAGER, trace=['installed'],
     optimizer={'capabilities': ['FUNCTION_ENTRY', 'RESUME_AFTER_YIELD'], 'default': {'advance': 1}},
     src='''
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def main():
    items = list(gen(3))
    code = gen.__code__
    return items, code == code.replace(), hash(code) == hash(code.replace())
'''),
]
