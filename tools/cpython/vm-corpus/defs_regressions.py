"""fixtures/vm/regressions/: programs the differential fuzzer (tools/fuzz) found diverging from
CPython 3.13, minimized by hand. Each entry names the root cause it pins; expectations come from
CPython like every other `src` definition."""

R = ['regression']
FIX = [
dict(path='vm/regressions/hash-unhashable', desc='hash() of a list, a dict, a dict_keys view or a tuple holding a list raises '
     "CPython's TypeError 'unhashable type: ...' (the VM used to answer with its own refusal message)",
     spec=['builtin-hash', 'exception-message'], tags=R + ['builtins', 'exceptions'],
     src='''
def main():
    out = []
    for v in ([], {}, {1: 2}.keys(), {1: 2}.items(), (1, 'a', [2]), (1, ((2,), {})), [1]):
        try:
            hash(v)
        except TypeError as e:
            out.append(str(e))
    return out, hash(-1), hash(True)
'''),
]
