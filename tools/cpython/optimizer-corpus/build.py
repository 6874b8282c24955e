#!/usr/bin/env python3.13
"""Generate fixtures/optimizer/** (the optimizer-API corpus) from defs_*.py.

Usage (from anywhere; paths are relative to this file):
  PYENV_VERSION=3.13.0 python3.13 tools/cpython/optimizer-corpus/build.py [defs_NAME ...]
  npm run build && node bin/optcert.js bless fixtures/optimizer/AREA/NAME.yaml   # record expect
  git diff fixtures/optimizer                                                    # REVIEW the traces

Each defs_*.py holds a list FIX of fixture definitions (dicts):
  path       fixture path under fixtures/, without .yaml ('optimizer/seed/ratio-1')
  id         optional; default: path with '/' -> '.'
  desc, spec, tags
  src        Python source, compiled by CPython 3.13 (assembly text from ../py2fixture.py, compact
             form; nested code objects named PARENT.co_name as in ../vm-corpus/build.py); it may
             use the builtin module `_optcert` (never run in CPython: the expectation comes from
             the reference VM)
  asm/code   instead of src: {name: assembly text} written as is
  entry      the call (default 'main()'); budget optional
  optimizer  a sample name or a scripted optimizer (dict), written as the fixture's `optimizer:`
  optimizers {name: sample name | scripted dict}: the fixture's `optimizers:`
  hotspot    dict: the fixture's `hotspot:`
  trace      'full' or a list of event kinds
  expect     optional explicit expectation (dict), written as is (else: bless records it)
  pending    a reason: the definition is not written (the reference VM contradicts the spec there;
             enable it once the VM is fixed)

In `at` keys of a scripted optimizer a site may be written symbolically: `CODE@OPNAME` (the first
instruction of that name in CODE), `CODE@OPNAME#k` (the k-th), `CODE@OPNAME ARG#k` (matching the
operand text too, e.g. `gen@RESUME 5`); the build resolves it to the instruction index.

The expectation is not computed here: it is the reference VM's, recorded by `optcert bless` and
reviewed by hand against spec/optimizer-api.md. A regenerated file keeps its blessed `expect:`
when everything above it is unchanged; otherwise the expectation is dropped (bless it again).
"""

from __future__ import annotations

import glob
import importlib
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # tools/cpython: py2fixture
sys.path.insert(0, HERE)  # the defs_*.py modules

import importlib.util  # noqa: E402

import py2fixture as p2f  # noqa: E402

_spec = importlib.util.spec_from_file_location('vm_corpus_build', os.path.join(os.path.dirname(HERE), 'vm-corpus', 'build.py'))
vmc = importlib.util.module_from_spec(_spec)  # the vm corpus's helpers: block, asm_ops, name_code_objects
_spec.loader.exec_module(vmc)

FIXTURES = os.path.join(p2f.REPO, 'fixtures')
TABLE, RUNTIME_ONLY, INTRINSICS = vmc.TABLE, vmc.RUNTIME_ONLY, vmc.INTRINSICS
ANCHORS, TAGS = vmc.ANCHORS, vmc.TAGS
TRACE_KINDS = ['registered', 'unregistered', 'hotspot', 'compile', 'declined', 'installed', 'entered',
               'exited', 'replaced', 'removed', 'invalidated', 'fault']


def fail(fid, problems):
    raise SystemExit(f'optimizer-corpus: {fid}: cannot generate:\n' + '\n'.join(f'  - {p}' for p in problems))


def compile_src(f, fid):
    """({name: assembly}, {code name: assembly}) for a `src` definition (not run; with `module: True`
    the module body runs once here and is kept as the `<module>` code object, spec/modules.md#module-code)."""
    if f.get('module'):
        _, functions, code = vmc.compile_module(f, fid)
        return functions, code
    ns = {'__name__': '__optcert__', '__builtins__': __builtins__}
    code_obj = compile(f['src'], vmc.SOURCE_NAME, 'exec', dont_inherit=True)
    exec(code_obj, ns)  # only defines functions: the module body never calls _optcert
    import types
    functions = {k: v for k, v in ns.items()
                 if isinstance(v, types.FunctionType) and v.__code__.co_filename == vmc.SOURCE_NAME}
    problems = []
    for k, v in functions.items():
        if v.__defaults__ or v.__kwdefaults__:
            problems.append(f'top-level function {k} has default arguments (define it inside main)')
    code_names, nested = vmc.name_code_objects(functions)
    codes = [(nm, fn.__code__) for nm, fn in functions.items()] + list(nested.items())
    text = {}
    for nm, co in codes:
        text[nm] = p2f.to_assembly(co, nm, code_names, TABLE, INTRINSICS, problems, compact=True)
    if problems:
        fail(fid, problems)
    return {nm: text[nm] for nm in functions}, {nm: text[nm] for nm in nested}


def instructions(text):
    """[(opname, operand text)] of an assembly text, in index order."""
    out = []
    for line in text.split('\n'):
        line = line.split(';')[0].strip()
        if not line or line.startswith('.') or line.startswith('ExceptionTable'):
            continue
        if re.match(r'^L\d+ to L\d+ ->', line):
            continue
        m = re.match(r'^[A-Za-z_][A-Za-z0-9_]*:\s*(.*)$', line)
        if m:  # a label, alone or before an instruction
            line = m.group(1)
            if not line:
                continue
        m = re.match(r'^([A-Z][A-Z0-9_]*)\s*(.*)$', line)
        if m:
            out.append((m.group(1), m.group(2).strip()))
    return out


def resolve_site(key, units, fid):
    m = re.match(r'^(.+)@(\d+)$', key)
    if m:
        return key
    m = re.match(r'^(.+)@([A-Z][A-Z0-9_]*)(?: ([^#]+))?(?:#(\d+))?$', key)
    if not m or m.group(1) not in units:
        fail(fid, [f'cannot resolve site {key!r}'])
    code, op, arg, k = m.group(1), m.group(2), m.group(3), int(m.group(4) or 1)
    seen = 0
    for i, (o, a) in enumerate(instructions(units[code])):
        if o == op and (arg is None or a == arg.strip()):
            seen += 1
            if seen == k:
                return f'{code}@{i}'
    fail(fid, [f'site {key!r}: no such instruction'])


def resolve_optimizer(opt, units, fid):
    if isinstance(opt, str):
        return opt
    opt = dict(opt)
    if 'at' in opt:
        opt['at'] = {resolve_site(k, units, fid): v for k, v in opt['at'].items()}
    return opt


# --------------------------------------------------------------------------- flow YAML


def flow(v):
    """A value as a YAML flow node (keys plain where safe, strings quoted)."""
    if v is None:
        return 'null'
    if v is True or v is False:
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return '.nan'
        if math.isinf(v):
            return '.inf' if v > 0 else '-.inf'
        return repr(v)
    if isinstance(v, str):
        return v if re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', v) and v not in ('null', 'true', 'false', 'y', 'n', 'yes', 'no', 'on', 'off') else p2f.yaml_str(v)
    if isinstance(v, (list, tuple)):
        return '[' + ', '.join(flow(x) for x in v) + ']'
    if isinstance(v, dict):
        return '{' + ', '.join(f'{flow(k)}: {flow(x)}' for k, x in v.items()) + '}'
    raise TypeError(v)


def block_map(name, d, indent=0):
    """`name:` followed by one `key: flow` line per entry."""
    pad = ' ' * indent
    out = [f'{pad}{name}:']
    for k, v in d.items():
        out.append(f'{pad}  {flow(k)}: {flow(v)}')
    return out


def optimizer_lines(name, opt, indent=0):
    pad = ' ' * indent
    if isinstance(opt, str):
        return [f'{pad}{name}: {flow(opt)}']
    out = [f'{pad}{name}:']
    for k, v in opt.items():
        if k == 'at':
            out.append(f'{pad}  at:')
            for site, b in v.items():
                out.append(f'{pad}    {p2f.yaml_str(site)}: {flow(b)}')
        else:
            out.append(f'{pad}  {flow(k)}: {flow(v)}')
    return out


def render(f, fid, functions, code):
    q = p2f.yaml_str
    out = [f'id: {fid}', f'description: {q(f["desc"])}',
           'spec: [' + ', '.join(f['spec']) + ']', 'tags: [' + ', '.join(f['tags']) + ']']
    if 'src' in f:
        out.append('source: ' + vmc.block(f['src'].strip('\n'), 2))
    out.append('program:')
    if f.get('globals'):
        out.append('  globals:')
        out += [f'    {k}: {q(v)}' for k, v in f['globals'].items()]
    if functions or not f.get('module'):
        out.append('  functions:')
        out += [f'    {k}: {vmc.block(v, 6)}' for k, v in functions.items()]
    if code:
        out.append('  code:')
        out += [f'    {q(k) if not re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", k) else k}: {vmc.block(v, 6)}' for k, v in code.items()]
    out.append(f'entry: {q(f.get("entry", "main()"))}')
    if 'budget' in f:
        out.append(f'budget: {f["budget"]:d}')
    units = {**functions, **code}
    if f.get('optimizer') is not None:
        out += optimizer_lines('optimizer', resolve_optimizer(f['optimizer'], units, fid))
    if 'optimizers' in f:
        out.append('optimizers:')
        for k, v in f['optimizers'].items():
            out += optimizer_lines(k, resolve_optimizer(v, units, fid), 2)
    if 'hotspot' in f:
        out.append('hotspot: ' + flow(f['hotspot']))
    if f.get('trace') is not None:
        out.append('trace: ' + flow(f['trace']))
    if 'expect' in f:
        out.append('expect:')
        for k, v in f['expect'].items():
            if k == 'trace':
                out.append('  trace:')
                out += [f'    - {flow(e)}' for e in v]
            else:
                out.append(f'  {flow(k)}: {flow(v)}')
    return '\n'.join(out) + '\n'


def main(argv):
    names = argv or sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, 'defs_*.py')))
    ids, count, kept, pending = {}, 0, 0, []
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
            tr = f.get('trace')
            if tr is not None and tr != 'full' and not (isinstance(tr, list) and all(k in TRACE_KINDS for k in tr)):
                problems.append(f'trace {tr!r} must be full or a list of event kinds')
            if problems:
                fail(fid, problems)
            ids[fid] = f['path']
            if f.get('pending'):
                pending.append(f'{fid}: {f["pending"]}')
                continue
            if 'src' in f:
                functions, code = compile_src(f, fid)
            else:
                functions, code = dict(f['asm']), dict(f.get('code', {}))
            ops = set()
            for t in list(functions.values()) + list(code.values()):
                ops |= vmc.asm_ops(t)
            missing = [a for a in f['spec'] if a.startswith('op-') and a[3:] not in ops]
            if missing:
                fail(fid, [f'spec anchor {a} is listed but the program has no {a[3:]} instruction' for a in missing])
            text = render(f, fid, functions, code)
            dest = os.path.join(FIXTURES, f['path'] + '.yaml')
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            if 'expect' not in f and os.path.exists(dest):
                with open(dest, encoding='utf-8') as fh:
                    old = fh.read()
                at = old.find('\nexpect:\n')
                if at >= 0 and old[:at + 1] == text:
                    text = old
                    kept += 1
            with open(dest, 'w', encoding='utf-8', newline='\n') as fh:
                fh.write(text)
            count += 1
    print(f'optimizer-corpus: wrote {count} fixtures ({kept} kept their blessed expect)')
    for p in pending:
        print(f'  not written (pending a VM fix): {p}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
