#!/usr/bin/env python3.13
"""How much of CPython 3.13's pure-Python stdlib the VM runs: issue 11's acceptance measure.

For every module-level function of the modules in samples.py (less the impure ones it lists),
build a program from the function copied verbatim, every module-level statement it needs
(transitively: helpers, constants, imports, in the module's order) and a `main()` that calls it
on sample data; import it with py2fixture.py (CPython 3.13 compiles and runs it) and run the
fixture on the reference VM. A function counts when it imports unchanged and the VM's outcome
(return value, exception, output) equals CPython's.

  npm run build
  PYENV_VERSION=3.13.0 python3.13 tools/cpython/stdlib-measure/measure.py [--json OUT] [--keep DIR]

Prints one line per function and a table per module; the blockers are py2fixture's problem
lines (IMPORT_* codes) or the VM's disagreement.
"""

from __future__ import annotations

import argparse
import ast
import collections
import importlib
import inspect
import json
import os
import subprocess
import symtable
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)
from samples import EXCLUDED, SAMPLES  # noqa: E402


def bound_names(stmt: ast.stmt) -> set[str]:
    """Names a module-level statement binds in the module's namespace (not inside a def or class)."""
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
            return
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            out.add(node.id)
        elif isinstance(node, ast.alias):
            out.add((node.asname or node.name).split('.')[0])
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(stmt)
    return out


def global_refs(table: symtable.SymbolTable) -> set[str]:
    """Names a function (and everything nested in it) reads from the module's namespace."""
    out = {s.get_name() for s in table.get_symbols() if s.is_global() and s.is_referenced()}
    for child in table.get_children():
        out |= global_refs(child)
    return out


def used_names(stmt: ast.stmt, tables: dict[str, symtable.SymbolTable]) -> set[str]:
    """Module-level names a statement needs: a def's globals (by scope analysis) plus what its
    decorators and defaults read when the def runs; any other statement's loaded names."""
    if isinstance(stmt, ast.FunctionDef) and stmt.name in tables:
        outer = list(stmt.decorator_list) + list(stmt.args.defaults) + [d for d in stmt.args.kw_defaults if d]
        return global_refs(tables[stmt.name]) | {n.id for e in outer for n in ast.walk(e) if isinstance(n, ast.Name)}
    return {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def is_main_guard(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.If) and '__main__' in ast.unparse(stmt.test)


def program_for(module: str, fn: str, body: str) -> str:
    source = inspect.getsource(importlib.import_module(module))
    tree = ast.parse(source)
    lines = source.splitlines()
    stmts = [s for s in tree.body if not is_main_guard(s)]
    tables = {t.get_name(): t for t in symtable.symtable(source, module, 'exec').get_children()
              if t.get_type() == 'function'}
    binders: dict[str, list[int]] = collections.defaultdict(list)
    for i, s in enumerate(stmts):
        for name in bound_names(s):
            binders[name].append(i)
    target = next(i for i, s in enumerate(stmts) if isinstance(s, ast.FunctionDef) and s.name == fn)
    need, todo = {target}, [target]
    while todo:
        for name in used_names(stmts[todo.pop()], tables):
            for i in binders.get(name, ()):
                if i not in need:
                    need.add(i)
                    todo.append(i)
    parts = []
    for i in sorted(need):
        s = stmts[i]
        first = min([s.lineno] + [d.lineno for d in getattr(s, 'decorator_list', [])])
        parts.append('\n'.join(lines[first - 1:s.end_lineno]))
    main = 'def main():\n' + '\n'.join('    ' + line for line in body.splitlines())
    ident = f"stdlib.{module}.{fn.strip('_').replace('_', '-').lower()}"
    header = (f'# optcert: id={ident}\n# optcert: call=main()\n'
              f'# optcert: description={module}.{fn} copied verbatim from CPython 3.13, called on sample data\n')
    return header + '\n\n'.join(parts) + '\n\n\n' + main + '\n'


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--json', help='write the per-function results here')
    ap.add_argument('--keep', help='keep the programs and fixtures in this directory')
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix='optcert-stdlib-')
    os.makedirs(work, exist_ok=True)
    results = []
    fixtures = {}
    for module, fns in SAMPLES.items():
        tree = ast.parse(inspect.getsource(importlib.import_module(module)))
        defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
        missing = [f for f in defined if f not in fns and f'{module}.{f}' not in EXCLUDED]
        if missing:
            print(f'measure: no sample for {module}.{", ".join(missing)}', file=sys.stderr)
            return 2
        for fn, body in fns.items():
            src = program_for(module, fn, body)
            path = os.path.join(work, f'{module}.{fn}.py')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(src)
            proc = subprocess.run([sys.executable, os.path.join(REPO, 'tools', 'cpython', 'py2fixture.py'), path,
                                   '--json', '--defaults'], capture_output=True, text=True)
            try:
                out = json.loads(proc.stdout)
            except json.JSONDecodeError:
                out = {'ok': False, 'problems': [{'code': 'CRASH', 'message': (proc.stderr or proc.stdout).strip()[-300:]}]}
            entry = {'module': module, 'function': fn}
            if out.get('ok'):
                fx = os.path.join(work, f'{module}.{fn}.yaml')
                with open(fx, 'w', encoding='utf-8') as f:
                    f.write(out['fixture'])
                fixtures[os.path.abspath(fx)] = entry
                entry['imported'] = True
            else:
                entry['imported'] = False
                probs = out.get('problems', [])
                entry['blocker'] = '; '.join(f"{p.get('code')}: {p.get('message')}" for p in probs[:3])
            results.append(entry)
    if fixtures:
        report = os.path.join(work, 'run.json')
        subprocess.run(['node', os.path.join(REPO, 'bin', 'optcert.js'), 'run', *fixtures, '--reporter', 'json',
                        '--output', report], capture_output=True, text=True)
        with open(report, encoding='utf-8') as f:
            ran = json.load(f)
        for fx in ran.get('fixtures', []):
            entry = fixtures.get(os.path.abspath(os.path.join(REPO, fx['file']))) or fixtures.get(os.path.abspath(fx['file']))
            if entry is None:
                continue
            entry['agrees'] = fx['status'] == 'pass'
            if not entry['agrees']:
                entry['blocker'] = 'VM disagrees: ' + json.dumps(fx.get('observed') or fx.get('error') or fx)[:300]
        for bad in ran.get('badInput', []):
            for e in fixtures.values():
                if e.get('agrees') is None and str(bad).find(e['function']) >= 0:
                    e['agrees'] = False
                    e['blocker'] = 'bad input: ' + json.dumps(bad)[:300]
    width = max(len(f"{r['module']}.{r['function']}") for r in results)
    for r in results:
        ok = r.get('agrees') is True
        print(f"{'ok  ' if ok else 'NO  '}{(r['module'] + '.' + r['function']).ljust(width)}  {'' if ok else r.get('blocker', '?')}")
    print()
    print(f"{'module':<12} {'functions':>9} {'import':>7} {'agree':>6}")
    total = [0, 0, 0]
    for module in SAMPLES:
        rs = [r for r in results if r['module'] == module]
        row = [len(rs), sum(r['imported'] for r in rs), sum(r.get('agrees') is True for r in rs)]
        total = [a + b for a, b in zip(total, row)]
        print(f'{module:<12} {row[0]:>9} {row[1]:>7} {row[2]:>6}')
    print(f"{'all':<12} {total[0]:>9} {total[1]:>7} {total[2]:>6}   ({100 * total[2] / total[0]:.0f}% import unchanged and agree;"
          f' {len(EXCLUDED)} impure functions excluded)')
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
