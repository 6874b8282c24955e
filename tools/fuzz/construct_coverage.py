#!/usr/bin/env python3
"""How often the fuzzer's generator writes each construct: over N programs of one or more seeds, the
number of programs whose CPython 3.13 bytecode contains it.

Usage (from the repository root; no build needed, nothing runs on the VM):
  python3 tools/fuzz/construct_coverage.py --seed 7001 --count 500        # issue 11's constructs
  python3 tools/fuzz/construct_coverage.py --seed 7001 --count 500 --all  # also every table opcode
  python3 tools/fuzz/construct_coverage.py --seed 7001 --count 500 --min 5  # exit 1 if any is in < 5%

Each program (gen.py, the same `random.Random("SEED:INDEX")` as fuzz.py) is compiled with CPython
and every code object is scanned with `dis`: opcodes, SET_FUNCTION_ATTRIBUTE's flags, code flags
(*args, **kwargs, keyword-only parameters), frozenset constants, and the names a program loads
(builtins through LOAD_GLOBAL, methods and math functions through LOAD_ATTR / IMPORT_FROM). A
construct counts once per program. `--all` adds every opcode of spec/instructions.json, so an
instruction the generator never writes shows as 0.
"""

from __future__ import annotations

import argparse
import dis
import inspect
import json
import os
import random
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, HERE)
import fuzz  # noqa: E402  (re-executes under CPython 3.13 when needed)
import gen  # noqa: E402

# Issue 11's constructs, grouped as its deliverables name them: (label, test on a program's Facts).
OPCODE_GROUPS = {
    'module code': ['STORE_NAME', 'LOAD_NAME', 'DELETE_NAME', 'IMPORT_NAME', 'IMPORT_FROM'],
    'calls': ['CALL_FUNCTION_EX', 'DICT_MERGE', 'DICT_UPDATE', 'UNPACK_EX', 'LIST_EXTEND', 'CALL_INTRINSIC_1',
              'CALL_INTRINSIC_2', 'CALL_KW', 'SET_FUNCTION_ATTRIBUTE'],
    # LOAD_FROM_DICT_OR_DEREF (class bodies) and CALL_INTRINSIC_2 (type parameters, except*) are named by
    # issue 11 "if emitted": CPython 3.13 emits them only outside the subset, and the table lacks them.
    'closures': ['MAKE_CELL', 'LOAD_DEREF', 'STORE_DEREF', 'DELETE_DEREF', 'COPY_FREE_VARS', 'LOAD_FROM_DICT_OR_DEREF'],
    'sets': ['BUILD_SET', 'SET_ADD', 'SET_UPDATE'],
    'yield from': ['GET_YIELD_FROM_ITER', 'SEND', 'END_SEND', 'CLEANUP_THROW'],
}
BUILTINS = ['type', 'getattr', 'hasattr', 'setattr', 'callable', 'issubclass', 'pow', 'format', 'bin', 'oct', 'hex',
            'frozenset', 'set']
METHODS = ['send', 'throw', 'close', 'format', 'format_map', 'rfind', 'rindex', 'partition', 'rpartition', 'rsplit',
           'splitlines', 'zfill', 'center', 'ljust', 'rjust', 'capitalize', 'title', 'swapcase', 'casefold',
           'expandtabs', 'removeprefix', 'removesuffix', 'isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum',
           'isspace', 'isupper', 'islower', 'istitle', 'isidentifier', 'isprintable', 'isascii', 'maketrans',
           'translate', 'bit_length', 'bit_count', 'sort', 'setdefault', 'pop', 'popitem', 'update', 'fromkeys',
           'union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint',
           'add', 'discard', 'remove', 'intersection_update', 'difference_update', 'symmetric_difference_update',
           'clear', 'copy']
MATH = ['gcd', 'lcm', 'isqrt', 'floor', 'ceil', 'trunc', 'comb', 'perm', 'factorial', 'prod', 'fsum', 'hypot', 'sqrt',
        'fabs', 'degrees', 'radians', 'copysign', 'fmod', 'dist', 'ldexp', 'frexp', 'modf', 'pow', 'isclose',
        'isfinite', 'isinf', 'isnan', 'pi', 'e', 'tau', 'inf', 'nan',
        'fma', 'remainder', 'nextafter', 'ulp', 'sumprod', 'lgamma', 'gamma', 'tanh', 'erf', 'erfc', 'sinh', 'cosh', 'asinh',
        'expm1', 'log1p', 'atanh', 'cbrt', 'exp2', 'acosh']


class Facts:
    """What one compiled program contains."""

    def __init__(self):
        self.opcodes = set()
        self.features = set()

    def scan(self, code, owner=True):
        flags = code.co_flags
        if code.co_name != '<module>':
            if flags & inspect.CO_VARARGS:
                self.features.add('*args parameter')
            if flags & inspect.CO_VARKEYWORDS:
                self.features.add('**kwargs parameter')
            if code.co_kwonlyargcount:
                self.features.add('keyword-only parameter')
            if code.co_freevars:
                self.features.add(f'{kind_of(code.co_name)} reading an enclosing local')
            if flags & inspect.CO_GENERATOR and code.co_name not in ('<genexpr>',):
                self.features.add('generator function')
        module_loads = set()
        last_global = None
        for ins in dis.get_instructions(code):
            self.opcodes.add(ins.opname)
            if ins.opname == 'SET_FUNCTION_ATTRIBUTE':
                for bit, label in ((1, 'defaults'), (2, 'keyword-only defaults'), (8, 'closure')):
                    if ins.arg & bit:
                        self.features.add(f'MAKE_FUNCTION with {label}')
            elif ins.opname == 'STORE_DEREF' and ins.argval in code.co_freevars:
                self.features.add('nonlocal rebinding')
            elif ins.opname in ('LOAD_GLOBAL', 'LOAD_NAME') and ins.argval in BUILTINS:
                self.features.add(f'builtin {ins.argval}()')
            elif ins.opname == 'LOAD_ATTR':
                if last_global in ('math', 'm') and ins.argval in MATH:
                    module_loads.add(ins.argval)
                elif ins.argval in METHODS:
                    self.features.add(f'.{ins.argval}()')
            elif ins.opname == 'IMPORT_FROM' and ins.argval in MATH:
                module_loads.add(ins.argval)
            elif ins.opname == 'LOAD_CONST' and isinstance(ins.argval, frozenset):
                self.features.add('frozenset constant')
            last_global = ins.argval if ins.opname in ('LOAD_GLOBAL', 'LOAD_NAME') else None
        for name in module_loads:
            self.features.add(f'math.{name}')
        for const in code.co_consts:
            if isinstance(const, frozenset):
                self.features.add('frozenset constant')
            elif hasattr(const, 'co_code'):
                self.scan(const)


def kind_of(name):
    return {'<lambda>': 'lambda', '<genexpr>': 'genexpr', '<listcomp>': 'comprehension'}.get(name, 'nested def')


def table_opcodes():
    with open(os.path.join(REPO, 'spec', 'instructions.json'), encoding='utf-8') as f:
        return [i['name'] for i in json.load(f)['instructions'] if not i.get('runtimeOnly')]


def measure(seeds, count):
    opcodes, features, compiled, refused = {}, {}, 0, []
    for seed in seeds:
        for index in range(count):
            src, _call = gen.generate(random.Random(f'{seed}:{index}'))
            try:
                code = compile(src, f'<{seed}:{index}>', 'exec')
            except (SyntaxError, ValueError, OverflowError) as e:
                refused.append(f'{seed}:{index}: {type(e).__name__}: {e}')
                continue
            compiled += 1
            facts = Facts()
            facts.scan(code)
            for key in facts.opcodes:
                opcodes[key] = opcodes.get(key, 0) + 1
            for key in facts.features:
                features[key] = features.get(key, 0) + 1
    return opcodes, features, compiled, refused


def main(argv=None):
    ap = argparse.ArgumentParser(description="How often the fuzzer's generator writes each construct")
    ap.add_argument('--seed', type=int, action='append', help='seed (repeatable; default 1)')
    ap.add_argument('--count', type=int, default=500, help='programs per seed (default 500)')
    ap.add_argument('--all', action='store_true', help="also every opcode of the instruction table")
    ap.add_argument('--min', type=float, default=0.0, metavar='PCT',
                    help="exit 1 when one of issue 11's constructs is in fewer than PCT %% of the programs")
    args = ap.parse_args(argv)
    seeds = args.seed or [1]
    warnings.filterwarnings('ignore')
    opcodes, features, compiled, refused = measure(seeds, args.count)
    totals = {**opcodes, **features}
    n = max(compiled, 1)
    rows = [(group, op) for group, ops in OPCODE_GROUPS.items() for op in ops]
    seen = sorted(features)
    rows += [('features', k) for k in seen if not k.startswith(('builtin ', '.', 'math.'))]
    rows += [('builtins', k) for k in seen if k.startswith('builtin ')]
    rows += [('methods', k) for k in seen if k.startswith('.')]
    rows += [('math', k) for k in seen if k.startswith('math.')]
    expected = ([f'builtin {b}()' for b in BUILTINS] + [f'.{m}()' for m in METHODS] + [f'math.{m}' for m in MATH])
    rows += [('never', k) for k in expected if k not in features]
    if args.all:
        listed = {k for _, k in rows}
        rows += [('table', op) for op in table_opcodes() if op not in listed]
    print(f'seeds {", ".join(map(str, seeds))}: {compiled} programs compiled, {len(refused)} refused by CPython')
    for line in refused[:10]:
        print('  refused', line)
    print(f'{"group":<12} {"construct":<36} {"programs":>8} {"share":>7}')
    low = []
    in_table = set(table_opcodes())
    for group, key in rows:
        k = totals.get(key, 0)
        share = 100.0 * k / n
        outside = group in OPCODE_GROUPS and key not in in_table
        note = '  (not in the table: CPython 3.13 emits it only outside the subset)' if outside else ''
        print(f'{group:<12} {key:<36} {k:>8} {share:>6.1f}%{note}')
        if group in OPCODE_GROUPS and share < args.min and not outside:
            low.append(key)
    if low:
        print(f'below {args.min}%: {", ".join(low)}')
    return 1 if low or refused else 0


if __name__ == '__main__':
    sys.exit(main())
