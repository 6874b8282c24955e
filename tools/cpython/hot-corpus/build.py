#!/usr/bin/env python3.13
"""Generate fixtures/hot/types/** and conformance/src/coverage/representatives.json.

Usage (from anywhere; paths are relative to this file):
  PYENV_VERSION=3.13.0 python3.13 tools/cpython/hot-corpus/build.py

The executor-edge measure (spec/certification.md#executor-edges) asks, for each instruction that
dispatches on the classes of its operands, whether every class combination and every exception it
raises runs inside an executor after the executor saw other classes there. This script writes:

- representatives.json: the values standing for each operand class (REPRESENTATIVES below), as
  Python source and as a program compiled by CPython 3.13 whose values() returns fresh copies of
  them; the measure derives its universe by running each instruction on them in the reference VM.
- one fixture per instruction and operator: a hot loop that applies the instruction to every pair
  (or every value) of representatives, the operand classes changing at every iteration, each
  row's first combination repeated at its end (so that it also runs inside an executor, after
  others); the results and exceptions are printed, and the expectation is CPython 3.13's.
- fixtures/hot/types/js-python-*.yaml from defs_js_python.py: values on which JavaScript and
  Python disagree, each in a hot loop whose types or values change on a later iteration.

Combinations listed in conformance/src/coverage/exclusions.json without an outcome are never
generated; a pair whose CPython result the subset cannot hold (a complex number) is left out and
must match an exclusion with that outcome. Never edit the generated files by hand.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CPY = os.path.dirname(HERE)
sys.path.insert(0, CPY)

import py2fixture as p2f  # noqa: E402

_spec = importlib.util.spec_from_file_location('vm_corpus_build', os.path.join(CPY, 'vm-corpus', 'build.py'))
vmb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vmb)

COVERAGE = os.path.join(p2f.REPO, 'conformance', 'src', 'coverage')
OUT_DIR = os.path.join(p2f.REPO, 'fixtures', 'hot', 'types')
COMMAND = 'PYENV_VERSION=3.13.0 python3.13 tools/cpython/hot-corpus/build.py'

# (class, Python source). The class names are the measure's (edges.ts TYPE_CLASSES); a unit test
# checks that the reference VM classifies each value as labelled here.
REPRESENTATIVES = [
    ('none', 'None'),
    ('bool', 'True'), ('bool', 'False'),
    ('int', '0'), ('int', '5'), ('int', '-7'),
    ('int31', '2**31 + 3'), ('int31', '-(2**40)'),
    ('int53', '2**64 + 7'), ('int53', '-(2**53) - 1'),
    ('float', '-1.5'), ('float', '0.0'), ('float', '1e300'),
    ('float-negzero', '-0.0'),
    ('float-inf', "float('inf')"), ('float-inf', "-float('inf')"),
    ('float-nan', "float('nan')"),
    ('str', "''"), ('str', "'ab'"),
    ('str-astral', "chr(128512) + 'x'"),
    ('list', '[]'), ('list', "[1, 'a']"),
    ('tuple', '()'), ('tuple', '(1, 2.5)'),
    ('dict', '{}'), ('dict', "{0: 'zero', 'ab': 2, 1.5: None, (): 1}"),
    ('range', 'range(3)'),
    ('function', 'f'),
    ('generator', 'gen()'),
]

# Iterators and views: operand classes of GET_ITER (and, through it, FOR_ITER) only.
ITERABLES = [
    ('list_iterator', 'iter([1, 2])'), ('tuple_iterator', 'iter((1,))'), ('str_ascii_iterator', "iter('ab')"),
    ('range_iterator', 'iter(range(2))'), ('dict_keyiterator', "iter({1: 'a'})"),
    ('dict_keys', "{1: 'a'}.keys()"), ('dict_values', "{1: 'a'}.values()"), ('dict_items', "{1: 'a'}.items()"),
    ('enumerate', "enumerate('ab')"), ('zip', "zip([1, 2], 'ab')"), ('map', 'map(abs, [-1, 2])'),
    ('filter', 'filter(None, [0, 1])'), ('list_reverseiterator', 'reversed([1, 2])'),
]

HELPERS = '''
def f():
    return 1

def gen():
    yield 1
    yield 'two'

def values():
    return [%s]

def iterables():
    return [%s]

def sanitize(s):
    # CPython's reprs of functions and generators carry an address; the subset's do not.
    out = ''
    k = s.find(' at 0x')
    while k >= 0:
        out = out + s[:k]
        s = s[s.find('>', k):]
        k = s.find(' at 0x')
    return out + s
''' % (', '.join(src for _, src in REPRESENTATIVES), ', '.join(src for _, src in ITERABLES))

BINOPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^']
BINOP_NAMES = {'+': 'add', '&': 'and', '//': 'floordiv', '<<': 'lshift', '@': 'matmul', '*': 'mul', '%': 'mod',
               '|': 'or', '**': 'pow', '>>': 'rshift', '-': 'sub', '/': 'truediv', '^': 'xor'}
CMPOPS = {'<': 'lt', '<=': 'le', '==': 'eq', '!=': 'ne', '>': 'gt', '>=': 'ge'}


def measured():
    """(fixture name, instruction, variant, arity, statement over a (and b) appending to row,
    mutates a (or 'iterables': the operand classes include the iterators and views), spec)."""
    out = []
    for op in BINOPS:
        out.append((f'binary-{BINOP_NAMES[op]}', 'BINARY_OP', op, 2, f'row.append(repr(a {op} b))', False, ['op-BINARY_OP']))
        out.append((f'binary-{BINOP_NAMES[op]}-inplace', 'BINARY_OP', op + '=', 2, f'a {op}= b\n{{i}}row.append(repr(a))', True, ['op-BINARY_OP']))
    for op, nm in CMPOPS.items():
        out.append((f'compare-{nm}', 'COMPARE_OP', op, 2, f'row.append(repr(a {op} b))', False, ['op-COMPARE_OP']))
    out += [
        ('contains', 'CONTAINS_OP', None, 2, 'row.append(repr(a in b))', False, ['op-CONTAINS_OP']),
        ('subscr', 'BINARY_SUBSCR', None, 2, 'row.append(repr(a[b]))', False, ['op-BINARY_SUBSCR']),
        ('store-subscr', 'STORE_SUBSCR', None, 2, 'a[b] = 1\n{i}row.append(repr(a))', True, ['op-STORE_SUBSCR']),
        ('delete-subscr', 'DELETE_SUBSCR', None, 2, 'del a[b]\n{i}row.append(repr(a))', True, ['op-DELETE_SUBSCR']),
        ('negative', 'UNARY_NEGATIVE', None, 1, 'row.append(repr(-a))', False, ['op-UNARY_NEGATIVE']),
        ('invert', 'UNARY_INVERT', None, 1, 'row.append(repr(~a))', False, ['op-UNARY_INVERT']),
        ('positive', 'CALL_INTRINSIC_1', 'INTRINSIC_UNARY_POSITIVE', 1, 'row.append(repr(+a))', False, ['op-CALL_INTRINSIC_1']),
        ('not', 'TO_BOOL', None, 1, 'row.append(repr(not a))', False, ['op-TO_BOOL', 'op-UNARY_NOT']),
        ('iterate', 'GET_ITER', None, 1, 'for v in a:\n{i}    row.append(repr(v))\n{i}    break', 'iterables', ['op-GET_ITER', 'op-FOR_ITER']),
        ('unpack', 'UNPACK_SEQUENCE', None, 1, 'x, y = a\n{i}row.append(repr(y))', False, ['op-UNPACK_SEQUENCE']),
        ('format', 'FORMAT_SIMPLE', None, 1, "row.append(repr(f'{a}'))", False, ['op-FORMAT_SIMPLE']),
        ('convert-str', 'CONVERT_VALUE', 'str', 1, "row.append(repr(f'{a!s}'))", False, ['op-CONVERT_VALUE']),
        ('convert-repr', 'CONVERT_VALUE', 'repr', 1, "row.append(repr(f'{a!r}'))", False, ['op-CONVERT_VALUE']),
        ('convert-ascii', 'CONVERT_VALUE', 'ascii', 1, "row.append(repr(f'{a!a}'))", False, ['op-CONVERT_VALUE']),
    ]
    return out


def load_exclusions():
    with open(os.path.join(COVERAGE, 'exclusions.json'), encoding='utf-8') as fh:
        doc = json.load(fh)
    return doc['edges'], doc['instructions']


def variant_excluded(instructions, instruction, variant):
    return any(e['instruction'] == instruction and ('variants' not in e or variant in e['variants']) for e in instructions)


def matches(e, instruction, variant, classes):
    if e['instruction'] != instruction:
        return False
    if 'variants' in e and variant not in e['variants']:
        return False
    return all(allowed == '*' or c in allowed for allowed, c in zip(e['operands'], classes))


def excluded(exclusions, instruction, variant, classes, outcome=None):
    return any(matches(e, instruction, variant, classes) and e.get('outcome') == outcome for e in exclusions)


def fresh_values(ns):
    return ns['values']()


def cpython_outcome(stmt, a, b):
    """What CPython does with one combination: 'complex' when the result is outside the subset."""
    row = []
    env = {'a': a, 'b': b, 'row': row, 'repr': lambda v: v}
    try:
        exec(stmt.replace('{i}', ''), env)
    except Exception as e:  # noqa: BLE001 - the outcome
        # A complex intermediate that overflows ('complex exponentiation') is complex too.
        return 'complex' if 'complex' in str(e) else type(e).__name__
    return 'complex' if any(isinstance(v, complex) for v in row) else 'ok'


def sequence(keep, raises):
    """The order a row applies the instruction in: keep, with a second copy of each element that
    would run in the interpreter, then the first element twice more (after all the others).

    How the sample's regions fall (spec/certification.md#executor-edges): a row's first element
    runs in the interpreter; one that raised sends the next into the executor at the handler's
    back edge, whose region ends by taking the loop's back edge, so the element after that runs in
    the interpreter; every other runs in the executor at the loop's back edge. The measure checks
    the outcome; this only spends no iterations where they are not needed. A second copy is
    index + len(REPRESENTATIVES): the same value from a second fresh batch (a generator the first
    copy consumed is not the one the second sees)."""
    n = len(REPRESENTATIVES)
    out, where = [], 'interpreter'
    for j in keep:
        copies = (j, j + n) if where == 'interpreter' else (j,)
        for k in copies:
            out.append(k)
            where = 'handler' if raises(j) else 'interpreter' if where == 'handler' else 'loop'
    return out + [k for k in keep[:1] for k in (k, k + n)]


def plan_rows(ns, exclusions, instruction, variant, arity, stmt, with_iterables=False):
    """For each left value, the right values (indices) the fixture applies the instruction to."""
    classes = [c for c, _ in REPRESENTATIVES + (ITERABLES if with_iterables else [])]
    n = len(classes)
    if arity == 1:
        keep = [i for i in range(n) if not excluded(exclusions, instruction, variant, [classes[i]])]
        # One value per iteration is cheap, and some statements (a for loop left by break) end
        # the region on their own: every value twice in a row, and the whole sequence twice (the
        # second time on a third and fourth batch), so that every class also follows every other.
        once = [k for j in keep for k in (j, j + n)]
        return [once + [k + 2 * n for k in once]]
    rows = []
    for i in range(n):
        keep, outcomes = [], {}
        for j in range(n):
            pair = [classes[i], classes[j]]
            if excluded(exclusions, instruction, variant, pair):
                continue
            outcome = cpython_outcome(stmt, fresh_values(ns)[i], fresh_values(ns)[j])
            if outcome == 'complex':
                if not any(matches(e, instruction, variant, pair) and 'outcome' in e for e in exclusions):
                    raise SystemExit(f'hot-corpus: {instruction} {variant} {pair}: CPython returns a complex number and no exclusion with an outcome covers it')
                continue
            keep.append(j)
            outcomes[j] = outcome
        rows.append(sequence(keep, lambda j: outcomes[j] != 'ok'))
    return rows


def binary_main(rows, stmt, mutates):
    body = stmt.replace('{i}', ' ' * 20)
    # A statement that mutates its left operand gets a fresh list or dict for every pair.
    fresh = tuple(i for i, (c, _) in enumerate(REPRESENTATIVES) if mutates and c in ('list', 'dict'))
    # The plan is a constant (shared by the oracle's copies of the state, never copied).
    return f'''
def main():
    rows = {tuple(tuple(r) for r in rows)!r}
    for i in range(len(rows)):
        keep = rows[i]
        a = values()[i]
        lefts = [values()[i] for _ in keep] if i in {fresh!r} else [a] * len(keep)
        both = values() + values()
        row = []
        it = zip(keep, lefts)
        while True:
            try:
                for j, a in it:
                    b = both[j]
                    {body}
                break
            except Exception as e:
                row.append(repr(e))
        print(i, sanitize('; '.join(row)))
'''


def unary_main(rows, stmt, with_iterables):
    body = stmt.replace('{i}', ' ' * 16)
    pool = 'values() + iterables()' if with_iterables else 'values()'
    return f'''
def main():
    both = {pool} + {pool} + {pool} + {pool}
    row = []
    it = iter({tuple(rows[0])!r})
    while True:
        try:
            for j in it:
                a = both[j]
                {body}
            break
        except Exception as e:
            row.append(repr(e))
    print(sanitize('; '.join(row)))
'''


def write_fixture(defn):
    fid = defn['id']
    ns, functions, code = vmb.compile_program(defn, fid)
    expect = vmb.run_expect(ns, defn.get('entry', 'main()'))
    text = vmb.render(defn, fid, functions, code, expect)
    header = f'# Generated by {COMMAND}; do not edit.\n'
    dest = os.path.join(p2f.REPO, 'fixtures', defn['path'] + '.yaml')
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(header + text)
    return expect


def write_representatives():
    defn = {'src': HELPERS}
    ns, functions, _ = vmb.compile_program(defn, 'representatives')
    named = [type(v).__name__ for v in ns['iterables']()]
    if named != [c for c, _ in ITERABLES]:
        raise SystemExit(f'hot-corpus: ITERABLES are labelled {[c for c, _ in ITERABLES]} but CPython names them {named}')
    doc = {
        'generated': f'by {COMMAND}; do not edit',
        'values': [{'class': c, 'source': s} for c, s in REPRESENTATIVES],
        'iterables': [{'class': c, 'source': s} for c, s in ITERABLES],
        'program': {'functions': {k: functions[k] for k in ('f', 'gen', 'values', 'iterables')}},
    }
    with open(os.path.join(COVERAGE, 'representatives.json'), 'w', encoding='utf-8', newline='\n') as fh:
        json.dump(doc, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    return ns


def main(argv):
    ns = write_representatives()
    exclusions, outside = load_exclusions()
    only = set(argv)
    count = 0
    for name, instruction, variant, arity, stmt, mutates, spec in measured():
        if (only and name not in only) or variant_excluded(outside, instruction, variant):
            continue
        with_iterables = mutates == 'iterables'
        rows = plan_rows(ns, exclusions, instruction, variant, arity, stmt, with_iterables)
        body = unary_main(rows, stmt, with_iterables) if arity == 1 else binary_main(rows, stmt, mutates)
        what = f'{instruction} {variant}' if variant else instruction
        shape = 'every value' if arity == 1 else 'every pair of values'
        defn = {
            'path': f'hot/types/{name}', 'id': f'hot.types.{name}',
            'desc': f'{what} over {shape} of the operand classes in one hot loop, the classes changing at every iteration (executor-edge measure); generated, CPython 3.13 expectation',
            'spec': ['executor-edges'] + spec, 'tags': ['hot-types', 'cpython'], 'src': HELPERS + body,
        }
        write_fixture(defn)
        count += 1
    js = importlib.util.spec_from_file_location('defs_js_python', os.path.join(HERE, 'defs_js_python.py'))
    mod = importlib.util.module_from_spec(js)
    js.loader.exec_module(mod)
    for defn in mod.FIX:
        if only and defn['path'].split('/')[-1] not in only:
            continue
        defn = dict(defn, id=defn['path'].replace('/', '.'))
        write_fixture(defn)
        count += 1
    print(f'hot-corpus: wrote {count} fixtures under fixtures/hot/types and conformance/src/coverage/representatives.json')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
