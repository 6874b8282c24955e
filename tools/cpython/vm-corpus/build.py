#!/usr/bin/env python3.13
"""Generate fixtures/vm/**, fixtures/verifier/** and fixtures/malformed/** from defs_*.py.

Usage (from anywhere; paths are relative to this file):
  PYENV_VERSION=3.13.0 python3.13 tools/cpython/vm-corpus/build.py [defs_NAME ...]

Each defs_*.py holds a list FIX of fixture definitions (dicts):
  path     fixture path under fixtures/, without .yaml ('vm/ints/add-small')
  id       optional; default: path with '/' -> '.'
  desc, spec, tags
  src      Python source: compiled by CPython 3.13, every top-level def becomes a program
           function (assembly text from ../py2fixture.py, compact form), nested code objects
           are named PARENT.co_name (PARENT.co_name_2, ... on a clash)
  globals  optional {name: literal text}: assigned before src runs, written to program.globals
  module   optional True: keep src as module code (program.code `<module>` and every code object
           by co_qualname, no functions; spec/modules.md#module-code); what the module prints
           comes first, and an exception escaping it is the outcome
  asm      instead of src: {function name: assembly text} written as is (verifier / malformed)
  code     with asm: {code name: assembly text} for program.code
  entry    the call (default 'main()')
  budget   optional step budget written to the fixture
  expect   optional; default: run entry in CPython and record return / raises + message / output.
           Given explicitly for exhausted / invalid / malformed outcomes.

Stdlib only; shares the table, anchor, literal, assembly and YAML helpers with py2fixture.py.
"""

from __future__ import annotations

import contextlib
import glob
import importlib
import io
import os
import re
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # tools/cpython: py2fixture
sys.path.insert(0, HERE)  # the defs_*.py modules

import py2fixture as p2f  # noqa: E402

FIXTURES = os.path.join(p2f.REPO, 'fixtures')
SOURCE_NAME = '<fixture>'
OUTCOMES = ('return', 'raises', 'exhausted', 'invalid', 'malformed')

TABLE, RUNTIME_ONLY, INTRINSICS = p2f.load_table()
ANCHORS = p2f.load_anchors(TABLE)
TAGS = p2f.load_tags()


def fail(fid, problems):
    raise SystemExit(f'vm-corpus: {fid}: cannot generate:\n' + '\n'.join(f'  - {p}' for p in problems))


def block(text, indent):
    """A `|` block scalar of text (a trailing newline is added when missing)."""
    return p2f.yaml_block(text if text.endswith('\n') else text + '\n', indent)


def name_code_objects(functions):
    """Nested code objects in order of first LOAD_CONST / RETURN_CONST (depth first), named
    PARENT.co_name, then PARENT.co_name_2, ... when that name is taken."""
    code_names = {id(fn.__code__): nm for nm, fn in functions.items()}
    nested = {}

    def codes_in(value):
        if isinstance(value, types.CodeType):
            yield value
        elif type(value) is tuple:
            for v in value:
                yield from codes_in(v)

    def visit(co, parent):
        for ins in p2f.instructions_of(co):
            if TABLE.get(ins.opname, (0, ''))[1] != 'const':
                continue
            for c in codes_in(ins.argval):
                if id(c) in code_names:
                    continue
                nm, k = f'{parent}.{c.co_name}', 2
                while nm in nested:
                    nm, k = f'{parent}.{c.co_name}_{k}', k + 1
                code_names[id(c)] = nm
                nested[nm] = c
                visit(c, nm)

    for nm, fn in functions.items():
        visit(fn.__code__, nm)
    return code_names, nested


def compile_module(f, fid):
    """(namespace, {}, {code name: assembly}) for a `module` definition: the module as CPython compiled it."""
    ns = {'__name__': '__optcert__', '__builtins__': __builtins__}
    module_code = compile(f['src'], SOURCE_NAME, 'exec', dont_inherit=True)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        try:
            exec(module_code, ns)
        except Exception as e:  # noqa: BLE001 - the module's own outcome
            ns[MODULE_RAISED] = e
    ns[MODULE_OUTPUT] = out.getvalue()
    code_names, nested = p2f.collect_module_code(module_code)
    problems = []
    text = {nm: p2f.to_assembly(co, nm, code_names, TABLE, INTRINSICS, problems, compact=True) for nm, co in nested.items()}
    if problems:
        fail(fid, problems)
    return ns, {}, text


MODULE_OUTPUT, MODULE_RAISED = '\0module output', '\0module raised'


def compile_program(f, fid):
    """(namespace, {name: assembly}, {code name: assembly}) for a `src` definition."""
    if f.get('module'):
        return compile_module(f, fid)
    ns = {'__name__': '__optcert__', '__builtins__': __builtins__}
    for k, v in (f.get('globals') or {}).items():
        exec(f'{k} = {v}', ns)
    exec(compile(f['src'], SOURCE_NAME, 'exec', dont_inherit=True), ns)
    functions = {k: v for k, v in ns.items()
                 if isinstance(v, types.FunctionType) and v.__code__.co_filename == SOURCE_NAME}
    problems = []
    for k, v in functions.items():
        if v.__defaults__ or v.__kwdefaults__:
            problems.append(f'top-level function {k} has default arguments (define it inside main)')
    code_names, nested = name_code_objects(functions)
    codes = [(nm, fn.__code__) for nm, fn in functions.items()] + list(nested.items())
    text = {}
    for nm, co in codes:
        text[nm] = p2f.to_assembly(co, nm, code_names, TABLE, INTRINSICS, problems, compact=True)
        for ins in p2f.instructions_of(co):
            if ins.opname in RUNTIME_ONLY:
                problems.append(f'{nm}: {ins.opname} cannot appear in a compiled program')
    if problems:
        fail(fid, problems)
    return ns, {nm: text[nm] for nm in functions}, {nm: text[nm] for nm in nested}


def run_expect(ns, entry):
    """CPython's outcome of the entry call (after the module code's, for a `module` definition)."""
    before = ns.get(MODULE_OUTPUT, '')
    if MODULE_RAISED in ns:
        e = ns[MODULE_RAISED]
        return {'raises': type(e).__name__, 'message': str(e), 'output': before}
    kind, payload, output, _ = p2f.run_call(ns, entry)
    output = before + output
    if kind == 'return':
        return {'return': repr(payload), 'output': output}
    return {'raises': type(payload).__name__, 'message': str(payload), 'output': output}


def asm_ops(text):
    ops = set()
    for line in text.split('\n'):
        m = re.match(r'^\s*(?:[A-Za-z_][A-Za-z0-9_]*:\s*)?([A-Z_0-9]+)\b', line.split(';')[0])
        if m and m.group(1) in TABLE:
            ops.add(m.group(1))
    return ops


def render(f, fid, functions, code, expect):
    q = p2f.yaml_str
    out = [f'id: {fid}',
           f'description: {q(f["desc"])}',
           'spec: [' + ', '.join(f['spec']) + ']',
           'tags: [' + ', '.join(f['tags']) + ']']
    if 'src' in f:
        s = f['src'].strip('\n')
        if f.get('globals'):
            s = '\n'.join(f'{k} = {v}' for k, v in f['globals'].items()) + '\n' + s
        out.append('source: ' + block(s, 2))
    out.append('program:')
    if f.get('globals'):
        out.append('  globals:')
        out += [f'    {k}: {q(v)}' for k, v in f['globals'].items()]
    if functions or not f.get('module'):
        out.append('  functions:')
        out += [f'    {k}: {block(v, 6)}' for k, v in functions.items()]
    if code:
        out.append('  code:')
        out += [f'    {k}: {block(v, 6)}' for k, v in code.items()]
    out.append(f'entry: {q(f.get("entry", "main()"))}')
    if 'budget' in f:
        out.append(f'budget: {f["budget"]:d}')
    out.append('expect:')
    kind = next(k for k in OUTCOMES if k in expect)
    if kind == 'return':
        out.append(f'  return: {q(expect["return"])}')
    elif kind == 'raises':
        out.append(f'  raises: {expect["raises"]}')
        if expect.get('message') is not None:
            out.append(f'  message: {q(expect["message"])}')
    elif kind == 'exhausted':
        out.append('  exhausted: true')
    else:
        out.append(f'  {kind}: {expect[kind]}')
    if kind in ('return', 'raises', 'exhausted'):
        out.append(f'  output: {q(expect.get("output", ""))}')
    return '\n'.join(out) + '\n'


def main(argv):
    names = argv or sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, 'defs_*.py')))
    ids, cited, executed, count = {}, set(), set(), 0
    for name in names:
        for f in importlib.import_module(name).FIX:
            fid = f.get('id') or f['path'].replace('/', '.')
            problems = []
            if not p2f.ID_RE.match(fid):
                problems.append(f'id {fid!r} does not match [a-z0-9]+([._-][a-z0-9]+)*')
            if fid in ids:
                problems.append(f'duplicate id (also {ids[fid]})')
            problems += [f'unknown spec anchor {a!r}' for a in f['spec'] if a not in ANCHORS]
            problems += [f'tag {t!r} is not in fixtures/tags.yaml' for t in f['tags'] if t not in TAGS]
            if problems:
                fail(fid, problems)
            ids[fid] = f['path']
            expect = f.get('expect')
            if 'src' in f:
                ns, functions, code = compile_program(f, fid)
                if expect is None:
                    expect = run_expect(ns, f.get('entry', 'main()'))
            else:
                functions, code = dict(f['asm']), dict(f.get('code', {}))
            ops = set()
            for t in list(functions.values()) + list(code.values()):
                ops |= asm_ops(t)
            missing_ops = [a for a in f['spec'] if a.startswith('op-') and a[3:] not in ops]
            if missing_ops:
                fail(fid, [f'spec anchor {a} is listed but the program has no {a[3:]} instruction' for a in missing_ops])
            kinds = [k for k in OUTCOMES if k in (expect or {})]
            if len(kinds) != 1:
                fail(fid, [f'expect {expect!r} must have exactly one of {", ".join(OUTCOMES)}'])
            if kinds[0] in ('return', 'raises', 'exhausted'):
                executed |= ops
            cited |= set(f['spec'])
            dest = os.path.join(FIXTURES, f['path'] + '.yaml')
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, 'w', encoding='utf-8', newline='\n') as fh:
                fh.write(render(f, fid, functions, code, expect))
            count += 1
    print(f'vm-corpus: wrote {count} fixtures under {os.path.relpath(FIXTURES)}')
    if not argv:
        missing = sorted(set(TABLE) - executed - RUNTIME_ONLY)
        print('instructions no running fixture executes:', ', '.join(missing) or 'none')
        print('(anchor coverage of the whole corpus: npm run build && node bin/optcert.js coverage)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
