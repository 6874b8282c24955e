#!/usr/bin/env python3.13
"""Write spec/cpython-attrs.generated.json: for every kind of value a program of the subset can hold,
the attribute names CPython 3.13 finds on it (`kinds`: `dir()`, plus the metaclass's for type
objects), the AttributeError message for a name it lacks (`missing`), and which data attributes a
type object holds as getset or member descriptors (`descriptors`).

  PYENV_VERSION=3.13.0 python3.13 tools/cpython/attrs/gen.py

The importer (tools/cpython/py2fixture.py) accepts `x.name` only where, for every kind here, either the
VM implements the name (spec/vm-attrs.json, generated from the VM) or CPython lacks it too, so that
both raise the same AttributeError (spec/values.md#attribute-names). reference/src/runtime/attrnames.test.ts
checks the two tables against each other and against the VM. A kind is `type(v).__name__` for an
instance, `type[NAME]` for the type object NAME, `module[NAME]` for a module.
"""
import json
import math
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'spec', 'cpython-attrs.generated.json')

EXCEPTIONS = [
    BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, IndexError, KeyError,
    TypeError, ValueError, NameError, UnboundLocalError, AttributeError, StopIteration, RuntimeError, RecursionError,
    NotImplementedError, AssertionError, MemoryError, GeneratorExit, ImportError, ModuleNotFoundError,
]


def samples():
    """One value of every kind the subset's values can have (reference/src/runtime/types.ts typeOf)."""
    def gen():
        yield 1

    def outer():
        x = 1

        def inner():
            return x
        return inner

    values = [
        1, True, 1.5, 'a', [1], (1,), {1: 2}, {1}, frozenset({1}), range(3), None, outer, len, [].append, gen(),
        iter([1]), iter((1,)), iter('a'), iter('\u00e9'), iter(range(3)), iter(range(2 ** 64)), iter({1: 2}),
        iter({1: 2}.values()), iter({1: 2}.items()), {1: 2}.keys(), {1: 2}.values(), {1: 2}.items(), iter({1}),
        int.real, range.start,
        enumerate([]), zip(), reversed([]), reversed((1,)), map(abs, []), filter(None, []), object(), outer.__code__,
        outer().__closure__[0], list.append,
    ]
    values += [e() for e in EXCEPTIONS]
    return values


# The dunder data attributes the VM implements (their descriptors on the type objects are checked too).
DUNDER_DATA = {'__cause__', '__context__', '__code__', '__closure__'}


def sample_of_kind():
    kinds = {}
    for v in samples():
        kinds.setdefault(type(v).__name__, v)
    for t in {type(v) for v in samples()} - {type(list.append)} | {type, object}:  # the VM's list.append is a builtin_function_or_method (spec/values.md#attribute-names)
        kinds[f'type[{t.__name__}]'] = t
    kinds['module[math]'] = math
    return kinds


def main():
    kinds = {}
    for kind, v in sample_of_kind().items():
        names = set(dir(v))
        if isinstance(v, type):
            names |= set(dir(type(v)))  # the metaclass's attributes (int.mro, int.__name__) are found too
        kinds[kind] = sorted(names)
    descriptors = {}  # type[NAME] -> {attribute: 'getset_descriptor' | 'member_descriptor'} for its public data attributes
    for kind, v in sample_of_kind().items():
        if isinstance(v, type):
            found = {n: type(getattr(v, n)).__name__ for n in kinds[kind] if not n.startswith('_') or n in DUNDER_DATA}
            found = {n: t for n, t in found.items() if t in ('getset_descriptor', 'member_descriptor')}
            if found:
                descriptors[kind] = dict(sorted(found.items()))
    missing = {}
    for kind, v in sample_of_kind().items():
        try:
            getattr(v, 'no_such_attribute')
        except AttributeError as e:
            missing[kind] = f'AttributeError: {e}'
    with open(OUT, 'w', encoding='utf-8', newline='\n') as f:
        json.dump({'generated': 'by tools/cpython/attrs/gen.py with CPython ' + sys.version.split()[0] + '; do not edit by hand',
                   'kinds': dict(sorted(kinds.items())), 'missing': dict(sorted(missing.items())),
                   'descriptors': dict(sorted(descriptors.items()))}, f, indent=1)
        f.write('\n')
    print(f'{os.path.relpath(OUT)}: {len(kinds)} kinds')


if __name__ == '__main__':
    main()
