#!/usr/bin/env python3
"""Expression probes: many small expressions, each evaluated in CPython 3.13 and on the reference VM.

Usage (from the repository root, after `npm run build`):
  python3 tools/fuzz/probe.py format            # a built-in matrix: format, numbers, strings, builtins, keywords
  python3 tools/fuzz/probe.py FILE.txt          # one Python expression per line (# comments allowed)

The fuzzer's sibling for dense, systematic coverage of one area: every expression becomes
`print(i, repr(EXPR))` guarded by `except Exception as e: print(i, repr(e))` in a `main()`, in
chunks of 150, converted with py2fixture's `convert()` (CPython's output is the expectation) and
judged on the VM by tools/fuzz/run-vm.js. Prints each expression whose line differs, with both
lines, then `N differ of M`. Exit 1 when any differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fuzz  # noqa: E402  (re-executes under CPython 3.13 when needed; brings py2fixture)

p2f = fuzz.p2f
CHUNK = 150


def matrix(name: str) -> list[str]:
    import gen
    if name == 'format':
        vals = ['0', '1', '-1', '255', '10**20', '-10**20', '0.0', '-0.0', '1.5', '-2.675', '1e16', '1e-07', '1e+23',
                '123456.789', "float('inf')", "float('-inf')", "float('nan')", 'True', 'False', "'abc'", "''", "'é'",
                '2**63', '0.1', '1e300', '5e-324', '-1234567.0', '999.9999']
        specs = sorted(set(gen.INT_SPECS + gen.FLOAT_SPECS + gen.STR_SPECS + gen.BOOL_SPECS + [
            '0', '010', '0=10', '.0', '#.3', '+#x', '020,.3f', '_x', ',d', '.1e', '.100f', '.50e', '#e', '#.0e', 'zg',
            '+z.2f', '0<5', 'x<3', '5.5', '.5s', '12.4s', '010s', ',.0%', '_%', '.17g', '.20e', '.25g']))
        return [f'f"{{{v}:{s}}}"' for v in vals for s in specs]
    if name == 'numbers':
        vals = ['0', '1', '-1', '7', '-7', '2**53+1', '-(2**53+1)', '2**63', '-2**64', '10**30+7', '-10**30', '10**400',
                '0.0', '-0.0', '0.5', '-2.5', '1e16', '1e308', '5e-324', "float('inf')", "float('-inf')", "float('nan')",
                'True', 'False', '3.0', '-1e-300', '2.0**53', '9007199254740993.0']
        ops = ['+', '-', '*', '/', '//', '%', '<', '==', '>=', '!=', '&', '<<', '>>']
        return [f'({a}) {op} ({b})' for a in vals for b in vals for op in ops
                if op not in ('<<', '>>') or b in ('0', '1', '7', 'True', 'False', '-1')]
    if name == 'strings':
        pool = gen.STR_POOL + ['  a b  ', '\t\n x \x0b\x0c', 'Straße', 'ǈ', 'ı', 'ΐ', '٣٤', '⅕', '①', ' +3 ', '-0x1f', '١٢٣']
        methods = ['upper()', 'lower()', 'strip()', 'lstrip()', 'rstrip()', 'split()', "split(' ')", "split('a', 1)",
                   'split(None, 1)', 'isdigit()', 'isalpha()', "find('a')", "count('')", "find('', 2)", "count('a', 1, -1)",
                   "replace('', '-')", "replace('a', 'A', 1)", "startswith('', 10)", "endswith('a', -3, -1)", "strip('a ')"]
        out = []
        for s in pool:
            q = repr(s)
            out += [f'{q}.{m}' for m in methods]
            out += [f'repr({q})', f'int({q})', f'float({q})', f'len({q})', f'{q}[::-1]', f'sorted({q})', f'int({q}, 0)',
                    f'f"{{{q}!a}}"', f'"%r|%5.2s" % ({q}, {q})']
        return out
    if name == 'builtins':
        vals = ['0', '-5', '10**20', '2.5', "float('nan')", "float('inf')", 'True', 'None', "''", "'abc'", "'3'", "' -4_2 '",
                "'1e3'", '[]', '[3, 1, 2]', "[1, 'a']", '[[1], [0]]', '()', '(1, (2, 3))', "{'a': 1, 'b': 2}", '{}', 'range(5)',
                'range(3, -3, -2)', "{1: 'x'}.items()", "{'k': 0}.keys()", '[1.5, 2, True]', '[0.1] * 10', "['b', 'a', 'B']",
                '[2**70, -2**70]', "[float('nan'), 1]", '(None, None)']
        iters = ["iter([1, 2])", "enumerate('ab')", "zip([1], 'a')", '(x for x in [3, 4])']
        out = []
        for v in vals + iters:
            consumable = v in iters
            for b in ['len', 'abs', 'min', 'max', 'sum', 'sorted', 'list', 'tuple', 'dict', 'int', 'float', 'bool']:
                out.append(f'{b}({v})')
            out += [f'list(iter({v}))', f'list(enumerate({v}))', f'list(zip({v}))', f'next({v})', f'list(range({v}))',
                    f'isinstance({v}, (int, str))', f'max({v}, default=7)', f'min({v}, key=repr)', f'sorted({v}, key=str)']
            if not consumable:
                out += [f'str({v})', f'repr({v})']
                if v in ('0', '-5', '10**20', 'True', '[]', '{}', '[3, 1, 2]', "{'a': 1, 'b': 2}", "{'k': 0}.keys()"):
                    out.append(f'hash({v})')  # ints, and unhashables: other hashes are a documented difference
        for v in vals[:20]:
            for w in vals[:20]:
                out += [f'min({v}, {w})', f'max({v}, {w})', f'sum({v}, {w})', f'list(range({v}, {w}))']
                if "'" in v:
                    out.append(f'int({v}, {w})')
        return out
    if name == 'keywords':
        return ['sorted([1], kee=abs)', 'min([1], default=1, key=abs, x=1)', 'print(1, sepp="")', 'zip([1], stric=True)',
                "int('1', base=2, x=1)", 'int(1, 2, 3)', "'a'.split(sep=',', maxsplit=1, x=1)", "'a'.split(',', 1, x=1)",
                "str(objec=1)", "'a'.replace('a', 'b', coun=1)", 'sum([1], strt=1)', 'max(1, 2, kee=abs)',
                "'a'.endswith(('a', 1))", 'enumerate([1], strat=1)', '[].sort(1)', 'dict([], a=1)']
    raise SystemExit(f'probe: no matrix named {name!r} (format, numbers, strings, builtins, keywords)')


def main(argv):
    if not argv:
        print(__doc__.strip().split('\n\n')[1], file=sys.stderr)
        return 2
    src = argv[0]
    if os.path.exists(src):
        with open(src, encoding='utf-8') as f:
            exprs = [l.rstrip('\n') for l in f if l.strip() and not l.lstrip().startswith('#')]
    else:
        exprs = matrix(src)
    sys.set_int_max_str_digits(4300)
    vm = fuzz.VmRunner()
    tmp = os.path.join(fuzz.tempfile.mkdtemp(prefix='optcert-probe-'), 'probe.py')
    differ = 0
    try:
        for c0 in range(0, len(exprs), CHUNK):
            chunk = exprs[c0:c0 + CHUNK]
            lines = ['def main():']
            for i, e in enumerate(chunk):
                lines += ['    try:', f'        print({i}, repr({e}))', '    except Exception as e:', f'        print({i}, repr(e))']
            text = '\n'.join(lines) + '\n'
            with open(tmp, 'w', encoding='utf-8') as f:
                f.write(text)
            try:
                fixture, _ = p2f.convert(tmp, 'main()', 'probe.chunk', 'probe', fuzz.SPEC, [], 10 ** 7)
            except p2f.ConversionError as e:
                print(f'probe: chunk {c0 // CHUNK} cannot be converted:', *e.args[0], sep='\n  ')
                differ += 1
                continue
            ns = {'__name__': '__optcert__'}  # the importer's module name: star-call messages carry it
            exec(compile(text, tmp, 'exec'), ns)
            _, _, expected, _ = p2f.run_call(ns, 'main()')
            answer = vm.judge('probe.chunk', fixture)
            if answer['status'] == 'pass':
                continue
            got = (answer.get('observed') or {}).get('output')
            if got is None:
                print(f'probe: chunk {c0 // CHUNK}: {answer["status"]}: {answer.get("difference", "")[:500]}')
                differ += 1
                continue
            a, b = expected.splitlines(), got.splitlines()
            for x, y in zip(a, b):
                if x != y:
                    differ += 1
                    print(f'{chunk[int(x.split(" ", 1)[0])]}\n   CPython: {x}\n   VM:      {y}')
            if len(a) != len(b):
                differ += 1
                print(f'probe: chunk {c0 // CHUNK}: {len(a)} lines from CPython, {len(b)} from the VM '
                      f'({answer.get("difference", "")[:300]})')
    finally:
        vm.stop()
    print(f'{differ} differ of {len(exprs)}')
    return 1 if differ else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
