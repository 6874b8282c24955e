#!/usr/bin/env python3.13
"""Convert a small Python program into an optcert fixture (YAML), compiled by CPython 3.13.

Usage:
  PYENV_VERSION=3.13.0 python3.13 tools/cpython/py2fixture.py SOURCE.py \
      --call "main(10)" --id programs.some-name --out fixtures/programs/some-name.yaml \
      [--description TEXT] [--spec a,b] [--tags x,y] [--budget N]

Every option except --out may instead come from `# optcert: key=value` header lines in
SOURCE.py (keys: id, call, description, spec, tags, budget); command-line options win.
A program that uses the VM's `_optcert` module (the optimizer API from Python) is compiled but
not run (CPython has no such module): the fixture gets no `expect` and no `cpython` tag, and the
header keys optimizer, optimizers, hotspot, trace (YAML flow text) are copied into it; record the
expectation with `optcert bless` and review it.
See tools/cpython/README.md for the subset a program must stay within.

Stdlib only. Exits 1 with a list of problems when the program cannot become a fixture.
With --json (what `optcert import-python` uses) the result is one JSON object on stdout:
{"ok": true, "fixture": YAML, "steps": N, "python": VERSION} or {"ok": false, "problems":
[{"code": IMPORT_..., "line": N or null, "message": TEXT}]}; --defaults fills a missing id,
description and spec from the file name, the module docstring and #cpython-offset-mapping.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import dis
import hashlib
import io
import itertools
import json
import math
import os
import platform
import re
import sys
import types

# str hashes, and so the iteration order of sets of strs, are randomized per CPython process unless
# PYTHONHASHSEED is set; optcert's expectations are those of a CPython started with PYTHONHASHSEED=0
# (spec/values.md#set-hash), so a tool that imports this module restarts itself with it.
if os.environ.get('PYTHONHASHSEED') != '0':
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, 'PYTHONHASHSEED': '0'})

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
# The instruction table, generated from reference/src/isa/table.ts by `npm run build && npm run gen:spec`.
INSTRUCTIONS_JSON = os.path.join(REPO, 'spec', 'instructions.json')
# Attribute names per kind of value: CPython 3.13's (tools/cpython/attrs/gen.py) and the VM's (`npm run gen:attrs`).
CPYTHON_ATTRS_JSON = os.path.join(REPO, 'spec', 'cpython-attrs.generated.json')
VM_ATTRS_JSON = os.path.join(REPO, 'spec', 'vm-attrs.json')
TAGS_YAML = os.path.join(REPO, 'fixtures', 'tags.yaml')
SPEC_DIR = os.path.join(REPO, 'spec')
DEFAULT_BUDGET = 1_000_000

BUILTIN_FUNCTIONS = (
    'print len range abs min max sum list tuple int float str isinstance iter next '
    'enumerate zip repr bool dict sorted hash ord chr divmod round any all reversed map filter'
).split()
# Reflection, numeric and formatting builtins (reference/src/runtime/builtins_reflect.ts, pow_builtin.ts, format.ts,
# builtins_text.ts).
BUILTIN_FUNCTIONS += 'type getattr hasattr setattr callable issubclass object pow format ascii bin oct hex'.split()
BUILTIN_FUNCTIONS += ['set', 'frozenset']  # spec/values.md#set-constructors
EXCEPTION_TYPES = (
    'ValueError TypeError ZeroDivisionError IndexError KeyError StopIteration RuntimeError '
    'AssertionError NameError AttributeError OverflowError ArithmeticError LookupError '
    'Exception BaseException RecursionError UnboundLocalError NotImplementedError GeneratorExit ImportError ModuleNotFoundError'
).split()
ALLOWED_BUILTINS = set(BUILTIN_FUNCTIONS) | set(EXCEPTION_TYPES)
# The VM's builtin module for driving the optimizer API from Python (spec/optimizer-api.md#optimizer-internals).
# CPython has no such module, so a program that uses it is compiled but never run here: the fixture gets no
# `expect` (record it with `optcert bless` and review it) and no `cpython` tag.
OPTCERT_MODULE = '_optcert'
# The module's own code object (spec/modules.md#module-code) and the modules `import` may bind.
MODULE_CODE = '<module>'
IMPORTABLE_MODULES = ('math',)
# Header keys copied verbatim (YAML flow text) into the fixture, for programs that drive the optimizer API.
OPTIMIZER_KEYS = ('optimizer', 'optimizers', 'hotspot', 'trace')

# CPython code flags.
CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS = 0x1, 0x2, 0x4, 0x8
CO_NESTED, CO_GENERATOR = 0x10, 0x20
ALLOWED_FLAGS = CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS | CO_NESTED | CO_GENERATOR



def read_instruction_table():
    """spec/instructions.json, generated from reference/src/isa/table.ts; SystemExit when unreadable."""
    try:
        with open(INSTRUCTIONS_JSON, encoding='utf-8') as f:
            doc = json.load(f)
        doc['instructions'], doc['compare']['operators'], doc['compare']['masks']
        return doc
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise SystemExit(f'py2fixture: cannot read the instruction table {INSTRUCTIONS_JSON} ({e!r}); '
                         f'regenerate it with `npm run build && npm run gen:spec`')


# COMPARE_OP's operators (dis.cmp_op order) and their low mask bits (LESS 2, GREATER 4, EQUAL 8, UNORDERED 1).
COMPARE_OPS, COMPARE_MASKS = (read_instruction_table()['compare'][k] for k in ('operators', 'masks'))
# SET_FUNCTION_ATTRIBUTE oparg -> the attribute's name in assembly.
FUNCTION_ATTRIBUTES = {int(k): v for k, v in read_instruction_table()['symbols']['fnattr'].items()}

ID_RE = re.compile(r'^[a-z0-9]+([._-][a-z0-9]+)*$')
IDENT_RE = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')


class ConversionError(Exception):
    """The program cannot become a fixture; args[0] is a list of problem lines (str or Problem)."""


# Stable problem codes, the same as optcert's (conformance/src/codes.ts).
SYNTAX = 'IMPORT_SYNTAX_ERROR'  # the source does not compile
UNSUPPORTED = 'IMPORT_UNSUPPORTED'  # an instruction, builtin or construct outside the subset
UNREPRESENTABLE = 'IMPORT_UNREPRESENTABLE'  # a value the fixture format cannot hold
HEADER = 'IMPORT_INVALID_HEADER'  # id, description, spec, tags, call or header keys
MODULE = 'IMPORT_MODULE_ERROR'  # the module itself fails, prints, or rebinds a def at import time
BUDGET = 'IMPORT_OVER_BUDGET'  # the call runs more instructions than the budget
NO_PYTHON = 'IMPORT_NO_PYTHON'  # not run by CPython 3.13


class Problem(str):
    """A problem line with a stable code and the source line it is about (None when it has none)."""

    def __new__(cls, code, line, text, column=None):
        self = super().__new__(cls, f'line {line}: {text}' if line else text)
        self.code, self.line, self.text, self.column = code, line, text, column
        return self


def prefixed(prefix, p, code=UNSUPPORTED, line=None):
    """The problem p (a Problem or a str) with a prefix, keeping its code and line."""
    return Problem(getattr(p, 'code', code), getattr(p, 'line', None) or line, prefix + getattr(p, 'text', p))


# --------------------------------------------------------------------------- the ISA table


def load_table():
    """Instruction name -> (opcode, operand kind), the run-time-only instructions and the supported
    intrinsics, from spec/instructions.json; every opcode is checked against CPython's."""
    rows = read_instruction_table()['instructions']
    try:
        table = {r['name']: (r['opcode'], r['operand']) for r in rows}
        runtime_only = {r['name'] for r in rows if r['runtimeOnly']}
        intrinsics = {a for r in rows if r['operand'] == 'intrinsic1' for a in r['opargs']['oneOf']}
    except (KeyError, TypeError) as e:
        raise SystemExit(f'py2fixture: cannot read the instruction table {INSTRUCTIONS_JSON} ({e!r}); '
                         f'regenerate it with `npm run build && npm run gen:spec`')
    problems = [f'{INSTRUCTIONS_JSON}: {name} has opcode {opcode}, CPython says {dis.opmap.get(name)}'
                for name, (opcode, _) in table.items() if dis.opmap.get(name) != opcode]
    if COMPARE_OPS != list(dis.cmp_op):
        problems.append(f'{INSTRUCTIONS_JSON}: comparison operators {COMPARE_OPS}, CPython says {list(dis.cmp_op)}')
    problems += stack_effect_problems(rows) if not problems else []
    if problems:
        raise SystemExit('py2fixture: ' + '\n'.join(problems))
    return table, runtime_only, intrinsics


STACK_EFFECT_RE = re.compile(r'^[0-9oparg+\-*&()]+$')


def stack_effect_problems(rows):
    """The table's stack effects against CPython's dis.stack_effect, for a few valid opargs each: the
    fall-through effect (pushes - pops) of every instruction that falls through, and the taken-jump
    effect, to which CPython's count adds the instructions the jump skips at its target (FOR_ITER
    lands past END_FOR, POP_TOP)."""
    def effect(expr, oparg):
        if not STACK_EFFECT_RE.match(expr):
            raise SystemExit(f'py2fixture: {INSTRUCTIONS_JSON}: {expr!r} is not a stack-effect expression')
        return eval(expr, {'__builtins__': {}}, {'oparg': oparg})

    def cpython(opcode, oparg, jump):
        return dis.stack_effect(opcode, oparg if opcode >= dis.HAVE_ARGUMENT else None, jump=jump)

    def sample(opargs):
        if opargs is None:  # an index kind: the low bits are what can matter (LOAD_GLOBAL's NULL)
            return range(4)
        if 'oneOf' in opargs:
            return opargs['oneOf']
        return range(opargs['min'], min(opargs.get('max', opargs['min'] + 7), opargs['min'] + 7) + 1)

    opcode_of = {r['name']: r['opcode'] for r in rows}
    problems = []
    for r in rows:
        if r['runtimeOnly']:
            continue
        for a in sample(r['opargs']):
            if not r['terminator']:
                ours, theirs = effect(r['pushes'], a) - effect(r['pops'], a), cpython(r['opcode'], a, False)
                if ours != theirs:
                    problems.append(f"{INSTRUCTIONS_JSON}: {r['name']} {a} changes the depth by {ours}, CPython says {theirs}")
            if r['jump']:
                skipped = sum(cpython(opcode_of[n], 0, False) for n in r['jump']['targetShape'])
                ours, theirs = effect(r['jump']['effect'], a), cpython(r['opcode'], a, True) + skipped
                if ours != theirs:
                    problems.append(f"{INSTRUCTIONS_JSON}: {r['name']} {a} taken changes the depth by {ours}, CPython says {theirs}")
    return problems


def load_attribute_tables():
    """(CPython 3.13's attribute names per kind of value, the VM's): spec/cpython-attrs.generated.json
    (tools/cpython/attrs/gen.py) and spec/vm-attrs.json (`npm run gen:attrs`, probed from the VM's own
    lookup, so the check cannot drift from it). spec/values.md#attribute-names"""
    tables = []
    for fn in (CPYTHON_ATTRS_JSON, VM_ATTRS_JSON):
        with open(fn, encoding='utf-8') as f:
            tables.append({kind: set(names) for kind, names in json.load(f)['kinds'].items()})
    return tuple(tables)


def attribute_problem(name, tables):
    """Why `x.name` is refused, or None: some kind of value has `name` in CPython but not on the VM, so the
    two would disagree (a name no kind has in CPython raises the same AttributeError on both)."""
    cpython, vm = tables
    lacking = sorted(kind for kind, names in cpython.items() if name in names and name not in vm.get(kind, ()))
    if not lacking:
        return None
    shown = ', '.join(lacking[:6]) + (f' and {len(lacking) - 6} more' if len(lacking) > 6 else '')
    return f'attribute or method .{name} is not in the subset (CPython 3.13 has it on {shown}; the VM does not implement it there)'


def load_tags():
    tags = set()
    with open(TAGS_YAML, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^([a-z0-9][a-z0-9._-]*)\s*:', line)
            if m:
                tags.add(m.group(1))
    return tags


def load_anchors(table):
    """Anchor names a fixture may cite: `<a id="NAME">` in spec/*.md, and op-<NAME> for every instruction."""
    anchors = {f'op-{name}' for name in table}
    for root, _, files in os.walk(SPEC_DIR):
        for fn in files:
            if fn.endswith('.md'):
                with open(os.path.join(root, fn), encoding='utf-8') as f:
                    anchors |= set(re.findall(r'<a id="([^"]+)"', f.read()))
    return anchors


# --------------------------------------------------------------------------- literals


def str_literal(s: str) -> str:
    """A Python string literal using only the escapes spec/assembly.md allows."""
    quote = "'"
    if "'" in s and '"' not in s:
        quote = '"'
    out = [quote]
    for ch in s:
        o = ord(ch)
        if ch == '\\':
            out.append('\\\\')
        elif ch == quote:
            out.append('\\' + quote)
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif o < 0x20 or 0x7f <= o < 0xa0:
            out.append(f'\\x{o:02x}')
        elif o < 0x7f:
            out.append(ch)
        elif o <= 0xffff:
            if 0xd800 <= o <= 0xdfff:
                raise ConversionError([Problem(UNREPRESENTABLE, None, f'string {s!r} holds a lone surrogate')])
            out.append(f'\\u{o:04x}')
        else:
            raise ConversionError([Problem(UNREPRESENTABLE, None,
                                           f'string {s!r} holds a character outside the BMP (no \\U escape in the subset)')])
    out.append(quote)
    return ''.join(out)


def literal(value, code_names=None) -> str:
    """A constant as assembly text writes it (spec/assembly.md, operand kind `const`)."""
    if value is None or value is True or value is False:
        return repr(value)
    if type(value) is int:
        return str(value)
    if type(value) is float:
        if math.isnan(value):
            return 'nan'
        return repr(value)  # '1.5', '1e+300', 'inf', '-inf', '-0.0'
    if type(value) is str:
        return str_literal(value)
    if type(value) is tuple:
        items = [literal(v, code_names) for v in value]
        if len(items) == 1:
            return f'({items[0]},)'
        return '(' + ', '.join(items) + ')'
    if type(value) is frozenset:
        return frozenset_literal(value, code_names)
    if isinstance(value, types.CodeType):
        if code_names is None or id(value) not in code_names:
            raise ConversionError([Problem(UNSUPPORTED, None, f'code object {value.co_qualname} is not part of the program')])
        return f'<code {code_names[id(value)]}>'
    raise ConversionError([Problem(UNREPRESENTABLE, None,
                                   f'constant {value!r} of type {type(value).__name__} has no assembly literal')])


# The constant set displays of the source being converted (tuples of their items in source order).
SOURCE_SET_DISPLAYS = []


def remember_set_displays(tree):
    """Record the source's set displays whose items are all constants (see frozenset_literal)."""
    SOURCE_SET_DISPLAYS.clear()
    for node in ast.walk(tree):
        if isinstance(node, ast.Set):
            try:
                items = tuple(ast.literal_eval(e) for e in node.elts)
                frozenset(items)  # `{[1]}` raises at run time: it is never a constant
            except (ValueError, TypeError, SyntaxError):
                continue
            SOURCE_SET_DISPLAYS.append(items)


def frozenset_literal(value, code_names=None) -> str:
    """`frozenset({...})` with the items in an order whose insertion reproduces the constant's iteration
    order (spec/assembly.md#assembly-set-literals): its own order, its reverse, or (up to 7 items) a
    permutation, each checked by CPython itself."""
    if not value:
        return 'frozenset()'
    target = list(value)
    # CPython's compiler builds the constant from the source display, and may rebuild it from that
    # frozenset's iteration order (merge_consts_recursive, intern_constants): one of those orders
    # reproduces it.
    from_source = []
    for items in SOURCE_SET_DISPLAYS:
        if frozenset(items) == value:
            order = list(items)
            for _ in range(3):
                from_source.append(order)
                order = list(frozenset(order))
    candidates = itertools.chain([target, target[::-1]], from_source,
                                 itertools.permutations(target) if len(target) <= 7 else ())
    for order in candidates:
        if list(frozenset(order)) == target:
            return 'frozenset({' + ', '.join(literal(v, code_names) for v in order) + '})'
    raise ConversionError([Problem(UNREPRESENTABLE, None, f'no insertion order of {value!r} reproduces its iteration order')])


def is_simple_value(value) -> bool:
    """None, bool, int, float, str, or a tuple of those."""
    if value is None or type(value) in (bool, int, float, str):
        return True
    if type(value) is tuple:
        return all(is_simple_value(v) for v in value)
    return False


def is_fixture_value(value) -> bool:
    """A return value whose repr a fixture can hold (no addresses, no iterators)."""
    if is_simple_value(value):
        return True
    if type(value) in (tuple, list):
        return all(is_fixture_value(v) for v in value)
    if type(value) is dict:
        return all(is_fixture_value(k) and is_fixture_value(v) for k, v in value.items())
    if type(value) in (set, frozenset):
        return all(is_fixture_value(v) for v in value)
    return False


# --------------------------------------------------------------------------- YAML output


def yaml_str(s: str) -> str:
    """A JSON-style double-quoted scalar (valid YAML 1.2)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif o < 0x20 or 0x7f <= o < 0xa0 or o in (0x2028, 0x2029, 0xfeff):
            out.append(f'\\u{o:04x}')
        elif 0xd800 <= o <= 0xdfff:
            raise ConversionError([Problem(UNREPRESENTABLE, None, f'string {s!r} holds a lone surrogate')])
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def yaml_block(text: str, indent: int) -> str:
    """A literal block scalar (`|`), indicator line included, content indented 2 past its key.

    `indent` is the content column; the key sits at indent - 2, so an indentation indicator,
    when one is needed (the text starts with whitespace), is always 2.
    """
    for ch in text:
        if (ord(ch) < 0x20 and ch not in '\n\t') or 0x7f <= ord(ch) < 0xa0 or ch in '\ufeff\u2028\u2029':
            raise ConversionError([Problem(UNREPRESENTABLE, None, f'text holds a control character {ch!r}; cannot write a block scalar')])
    if text.endswith('\n\n') or text == '\n':
        chomp = '+'
    elif text.endswith('\n'):
        chomp = ''
    else:
        chomp = '-'
    body = text[:-1] if text.endswith('\n') else text
    lines = body.split('\n')
    first_content = next((l for l in lines if l != ''), '')
    needs_indicator = first_content[:1] in (' ', '\t')
    pad = ' ' * indent
    out = ['|' + ('2' if needs_indicator else '') + chomp]
    for line in lines:
        out.append(pad + line if line != '' else '')
    return '\n'.join(out)


# --------------------------------------------------------------------------- assembly


def instructions_of(code):
    """dis instructions with EXTENDED_ARG dropped (CACHE is never yielded by default)."""
    return [i for i in dis.get_instructions(code) if i.opname != 'EXTENDED_ARG']


def to_assembly(code, name, code_names, table, intrinsics, problems, compact=False):
    """Assembly text of one code object (spec/assembly.md); problems collects what is outside the subset.

    The default is the disassembler's full form: every directive, instructions indented. compact=True
    is the short form of the vm corpus (tools/cpython/vm-corpus): `.params` only when there are
    parameters, no `.locals` / `.consts` / `.names` (the assembler derives them in order of first
    use), instructions not indented.
    """
    instrs = instructions_of(code)
    offsets = [i.offset for i in instrs]

    def index_of(offset):
        # The first instruction whose start is at or after the offset (one past the end if none).
        for k, o in enumerate(offsets):
            if o >= offset:
                return k
        return len(instrs)

    entries = dis.Bytecode(code).exception_entries
    targets = set()
    for ins in instrs:
        if ins.opname in table and table[ins.opname][1] == 'jump':
            targets.add(index_of(ins.argval))
    for e in entries:
        targets |= {index_of(e.start), index_of(e.end), index_of(e.target)}
    labels = {idx: f'L{n}' for n, idx in enumerate(sorted(targets), 1)}

    def line_of(ins):
        return ins.positions.lineno if ins.positions else None

    first = code.co_firstlineno
    if code.co_flags & ~ALLOWED_FLAGS:
        problems.append(Problem(UNSUPPORTED, first, f'{name}: unsupported code flags {code.co_flags:#x} (*args, **kwargs, async?)'))
    closure = bool(code.co_cellvars or code.co_freevars)
    localsplus = localsplus_names(code)

    out = []
    params = params_words(code)
    for nm in localsplus:
        if not re.match(r'^[^\s,;#]+$', nm):
            problems.append(Problem(UNSUPPORTED, first, f'{name}: local name {nm!r} cannot be written in assembly'))
    for nm in code.co_names:
        if not IDENT_RE.match(nm):
            problems.append(Problem(UNSUPPORTED, first, f'{name}: name {nm!r} is not an identifier'))
    if not compact or params:
        out.append(('.params ' + ' '.join(params)).rstrip())
    if not compact or closure:  # .cells / .freevars name locals of an explicit .locals
        out.append(('.locals ' + ' '.join(localsplus)).rstrip())
    if not compact:
        consts = []
        for c in code.co_consts:
            try:
                consts.append(literal(c, code_names))
            except ConversionError as e:
                # Reported below with its line, at the instruction that loads it.
                consts.append('?')
        out.append(('.consts ' + ' '.join(consts)).rstrip())
        out.append(('.names ' + ' '.join(code.co_names)).rstrip())
    if code.co_cellvars:
        out.append('.cells ' + ' '.join(code.co_cellvars))
    if code.co_freevars:
        out.append('.freevars ' + ' '.join(code.co_freevars))
    if code.co_flags & CO_GENERATOR:
        out.append('.generator')

    pad = '' if compact else '  '
    for k, ins in enumerate(instrs):
        if k in labels:
            out.append(f'{labels[k]}:')
        op = ins.opname
        if op not in table:
            problems.append(Problem(UNSUPPORTED, line_of(ins), f'{name}: instruction {op} is not in the subset'))
            out.append(f'{pad}{op} ; NOT IN SUBSET')
            continue
        kind = table[op][1]
        arg = ins.arg
        try:
            text = operand_text(ins, kind, arg, code, code_names, labels, index_of, intrinsics)
        except ConversionError as e:
            problems.extend(prefixed(f'{name}: {op}: ', p, line=line_of(ins)) for p in e.args[0])
            text = '?'
        out.append(f'{pad}{op} {text}'.rstrip())
    if len(instrs) in labels:
        out.append(f'{labels[len(instrs)]}:')

    if entries:
        out.append('ExceptionTable:')
        for e in entries:
            lasti = ' lasti' if e.lasti else ''
            out.append(f'  {labels[index_of(e.start)]} to {labels[index_of(e.end)]} '
                       f'-> {labels[index_of(e.target)]} [{e.depth}]{lasti}')
    return '\n'.join(out) + '\n'


def params_words(code):
    """The `.params` words (spec/assembly.md#assembly-params): positional, `/`, `*args` or `*`,
    keyword-only, `**kwargs`, in CPython's varnames order."""
    v = code.co_varnames
    argc, kwonly = code.co_argcount, code.co_kwonlyargcount
    words = list(v[:argc])
    if code.co_posonlyargcount:
        words.insert(code.co_posonlyargcount, '/')
    nxt = argc + kwonly
    if code.co_flags & CO_VARARGS:
        words.append('*' + v[nxt])
        nxt += 1
    elif kwonly:
        words.append('*')
    words += v[argc:argc + kwonly]
    if code.co_flags & CO_VARKEYWORDS:
        words.append('**' + v[nxt])
    return words


def localsplus_names(code):
    """CPython 3.13's localsplus: co_varnames, the cell variables that are not also locals, then
    co_freevars; every local operand (LOAD_DEREF's too) indexes it (spec/code-objects.md#code-cells)."""
    names = list(code.co_varnames) + [c for c in code.co_cellvars if c not in code.co_varnames] + list(code.co_freevars)
    for i, nm in enumerate(names):  # the compiler's own numbering must agree
        assert code._varname_from_oparg(i) == nm, (code.co_qualname, i, nm)
    return names


def operand_text(ins, kind, arg, code, code_names, labels, index_of, intrinsics):
    if kind == 'none':
        if arg not in (None, 0):
            raise ConversionError([Problem(UNSUPPORTED, None, f'has oparg {arg} but its operand kind is none')])
        return ''
    if arg is None:
        raise ConversionError([Problem(UNSUPPORTED, None, f'has no oparg but its operand kind is {kind}')])
    if kind == 'uint':
        return str(arg)
    if kind == 'const':
        return literal(code.co_consts[arg], code_names)
    if kind in ('local', 'local_pair'):
        return ins.argrepr  # dis names localsplus slots, cells and free variables included
    if kind == 'name':
        return code.co_names[arg]
    if kind == 'global':
        return code.co_names[arg >> 1] + (' + NULL' if arg & 1 else '')
    if kind == 'attr':
        return code.co_names[arg >> 1] + (' + NULL|self' if arg & 1 else '')
    if kind == 'jump':
        return labels[index_of(ins.argval)]
    if kind == 'binop':
        return ins.argrepr
    if kind == 'compare':
        op = arg >> 5
        if op >= len(COMPARE_OPS):
            return f'#{arg}'
        rebuilt = (op << 5) | (arg & 16) | COMPARE_MASKS[op]
        if rebuilt != arg:
            return f'#{arg}'
        return f'bool({COMPARE_OPS[op]})' if arg & 16 else COMPARE_OPS[op]
    if kind == 'is':
        return ('is', 'is not')[arg]
    if kind == 'contains':
        return ('in', 'not in')[arg]
    if kind == 'intrinsic1':
        if arg not in intrinsics:
            raise ConversionError([Problem(UNSUPPORTED, None, f'intrinsic {ins.argrepr} ({arg}) is not in the subset')])
        return ins.argrepr
    if kind == 'convert':
        return ins.argrepr
    if kind == 'fnattr':
        if arg not in FUNCTION_ATTRIBUTES:
            raise ConversionError([Problem(UNSUPPORTED, None, f'function attribute {ins.argrepr or arg} is not in the subset')])
        return FUNCTION_ATTRIBUTES[arg]
    raise ConversionError([Problem(UNSUPPORTED, None, f'unknown operand kind {kind}')])


# --------------------------------------------------------------------------- the program


def read_header(source):
    """`# optcert: key=value` lines -> dict."""
    header = {}
    for line in source.splitlines():
        m = re.match(r'^#\s*optcert:\s*([a-z_]+)\s*=\s*(.*?)\s*$', line)
        if m:
            header[m.group(1)] = m.group(2)
    return header


def source_globals(path):
    """Every name a function of the program loads as a global (to spot _optcert before running anything)."""
    with open(path, encoding='utf-8') as f:
        code = compile(f.read(), path, 'exec', dont_inherit=True)
    names, work = set(), [code]
    while work:
        co = work.pop()
        names |= {i.argval for i in dis.get_instructions(co) if i.opname in ('LOAD_GLOBAL', 'LOAD_NAME')}
        work += [c for c in co.co_consts if isinstance(c, types.CodeType)]
    return names


def collect_module_code(module_code):
    """The module's code object as `<module>`, then every code object reachable from its constants,
    named by co_qualname (spec/modules.md#module-code)."""
    code_names = {id(module_code): MODULE_CODE}
    nested = {MODULE_CODE: module_code}
    work = [module_code]
    while work:
        co = work.pop(0)
        for c in co.co_consts:
            if isinstance(c, types.CodeType) and id(c) not in code_names:
                base = c.co_qualname
                nm, k = base, 1
                while nm in nested:
                    k += 1
                    nm = f'{base}_{k}'
                code_names[id(c)] = nm
                nested[nm] = c
                work.append(c)
    return code_names, nested


def parse_call(call, functions):
    def bad(text):
        return ConversionError([Problem(HEADER, None, text)])
    if not call:
        raise bad('no call given: pass --call "main()" or add a header line `# optcert: call=main()`')
    try:
        node = ast.parse(call, mode='eval').body
    except SyntaxError as e:
        raise bad(f'--call {call!r} is not an expression: {e.msg}')
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        raise bad(f'--call {call!r} must be a call of a program function')
    if node.func.id not in functions:
        raise bad(f'--call {call!r}: {node.func.id} is not a top-level function of the program')
    if node.keywords:
        raise bad(f'--call {call!r}: only positional arguments are allowed')
    for a in node.args:
        try:
            v = ast.literal_eval(a)
        except ValueError:
            raise bad(f'--call {call!r}: argument {ast.unparse(a)} is not a literal')
        if not is_simple_value(v):
            raise bad(f'--call {call!r}: argument {ast.unparse(a)} is not a simple literal')


class _OverBudget(BaseException):
    """Raised by the tracer to stop a call that runs past its step limit."""


def run_call(namespace, call, limit=None):
    """Evaluate the call in CPython: (kind, payload, output, executed instruction count).

    With a limit, a call still running after twice that many instructions is stopped (kind 'over')."""
    steps = [0]
    stop = limit * 2 if limit else None

    def tracer(frame, event, arg):
        frame.f_trace_opcodes = True
        if event == 'opcode':
            steps[0] += 1
            if stop is not None and steps[0] > stop:
                raise _OverBudget()
        return tracer

    buf = io.StringIO()
    old = sys.gettrace()
    try:
        with contextlib.redirect_stdout(buf):
            sys.settrace(tracer)
            try:
                value = eval(call, namespace)
            finally:
                sys.settrace(old)
    except _OverBudget:
        return 'over', None, buf.getvalue(), steps[0]
    except BaseException as e:  # noqa: BLE001 - any exception is the program's outcome
        return 'raises', e, buf.getvalue(), steps[0]
    return 'return', value, buf.getvalue(), steps[0]


def default_id(path):
    """programs.<file name without .py, lower case, other characters as '-'>."""
    stem = re.sub(r'[^a-z0-9]+', '-', os.path.splitext(os.path.basename(path))[0].lower()).strip('-')
    return f'programs.{stem or "program"}'


def module_error_line(exc, path):
    """The line of the innermost traceback entry in the program's own file."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def convert(path, call, fid, description, spec, tags, budget, extra=None, defaults=False):
    """The fixture text and CPython's instruction count; ConversionError with Problems otherwise.

    defaults=True (optcert import-python) fills a missing id, description and spec."""
    if sys.version_info[:2] != (3, 13):
        raise ConversionError([Problem(NO_PYTHON, None, f'run this with CPython 3.13 (this is {platform.python_version()})')])
    table, runtime_only, intrinsics = load_table()
    problems = []
    extra = extra or {}

    with open(path, 'rb') as f:
        raw = f.read()
    try:
        source = raw.decode('utf-8')
        module_code = compile(source, path, 'exec', dont_inherit=True)
    except UnicodeDecodeError as e:
        raise ConversionError([Problem(SYNTAX, None, f'the source is not UTF-8 ({e.reason} at byte {e.start})')])
    except SyntaxError as e:  # IndentationError, TabError too
        raise ConversionError([Problem(SYNTAX, e.lineno, f'{type(e).__name__}: {e.msg}', e.offset)])
    except ValueError as e:  # null bytes
        raise ConversionError([Problem(SYNTAX, None, str(e))])
    uses_optcert = OPTCERT_MODULE in source_globals(path)
    tree = ast.parse(source, filename=path)
    remember_set_displays(tree)

    if defaults:
        fid = fid or default_id(path)
        doc = ast.get_docstring(tree)
        description = description or (doc.strip().splitlines()[0].strip() if doc and doc.strip() else '') or \
            f'{os.path.basename(path)}: {call}, compiled and run by CPython 3.13'
        spec = spec or ['cpython-offset-mapping']
    if not ID_RE.match(fid or ''):
        problems.append(Problem(HEADER, None, f'id {fid!r} does not match [a-z0-9]+([._-][a-z0-9]+)*'))
    if not description:
        problems.append(Problem(HEADER, None, 'a description is required (--description or `# optcert: description=...`)'))
    if not spec:
        problems.append(Problem(HEADER, None, 'at least one spec anchor is required'))
    anchors = load_anchors(table)
    for a in spec:
        if a not in anchors:
            problems.append(Problem(HEADER, None, f'spec anchor {a!r} is not a known anchor'))
    if 'cpython' not in tags and not uses_optcert:
        tags = ['cpython'] + tags
    if uses_optcert and 'cpython' in tags:
        problems.append(Problem(HEADER, None, 'a program using _optcert cannot carry the cpython tag '
                                              '(its outcome is not recorded from CPython)'))
    if extra and not uses_optcert:
        problems.append(Problem(HEADER, None, f'header keys {sorted(extra)} need a program that uses _optcert'))
    known_tags = load_tags()
    for t in tags:
        if t not in known_tags:
            problems.append(Problem(HEADER, None, f'tag {t!r} is not in fixtures/tags.yaml'))

    if '\r' in source:
        problems.append(Problem(UNREPRESENTABLE, None, 'use \\n line endings (the fixture keeps the source as a YAML block)'))
    sha = hashlib.sha256(raw).hexdigest()

    # Refused before the module runs: running it would import the module (os, json, ...) in CPython.
    _, every_code = collect_module_code(module_code)
    imports = [Problem(UNSUPPORTED, ins.positions.lineno, f'{nm}: import of module {ins.argval!r} is not '
                                                         f'supported (the only importable module is math)')
               for nm, co in every_code.items() for ins in instructions_of(co)
               if ins.opname == 'IMPORT_NAME' and ins.argval not in IMPORTABLE_MODULES]
    cpython_attrs, vm_attrs = load_attribute_tables()
    missing_math = cpython_attrs['module[math]'] - vm_attrs['module[math]']
    imports += [Problem(UNSUPPORTED, ins.positions.lineno, f'{nm}: math.{ins.argval} is not implemented by the VM')
                for nm, co in every_code.items() for ins in instructions_of(co)
                if ins.opname == 'IMPORT_FROM' and ins.argval in missing_math]
    if imports:
        raise ConversionError(problems + imports)

    namespace = {'__name__': '__optcert__', '__builtins__': __builtins__}
    with contextlib.redirect_stdout(io.StringIO()) as module_out:
        try:
            exec(module_code, namespace)
        except BaseException as e:  # noqa: BLE001 - the module's own failure
            raise ConversionError(problems + [Problem(MODULE, module_error_line(e, path),
                                                      f'the module raises {type(e).__name__}: {e} at import time')])
    # The module is kept as CPython compiled it (spec/modules.md#module-code): its code object
    # `<module>` runs in the VM before the call, so what it prints comes first.
    module_output = module_out.getvalue()

    # The functions the call may name: plain functions the module bound at top level.
    functions = {nm: fn for nm, fn in namespace.items() if isinstance(fn, types.FunctionType) and fn.__code__ in module_code.co_consts}

    code_names, nested = collect_module_code(module_code)

    # Global and builtin names the program loads.
    stored = {'__name__'}
    all_codes = list(nested.items())
    for nm, co in all_codes:
        for ins in instructions_of(co):
            if ins.opname in ('STORE_GLOBAL', 'STORE_NAME'):
                stored.add(ins.argval)
    for nm, co in all_codes:
        for ins in instructions_of(co):
            if ins.opname in ('LOAD_GLOBAL', 'LOAD_NAME'):
                g = ins.argval
                if g in stored or g == OPTCERT_MODULE:
                    continue
                if g not in ALLOWED_BUILTINS:
                    problems.append(Problem(UNSUPPORTED, ins.positions.lineno, f'{nm}: global {g} is neither a program '
                                                                               f'function, a global nor a supported builtin'))

    assembly = {}
    for nm, co in all_codes:
        assembly[nm] = to_assembly(co, nm, code_names, table, intrinsics, problems)
        for ins in instructions_of(co):
            if ins.opname in runtime_only:
                problems.append(Problem(UNSUPPORTED, ins.positions.lineno, f'{nm}: {ins.opname} cannot appear in a program'))

    if not uses_optcert:  # the _optcert module has attributes of its own
        attr_tables = load_attribute_tables()
        for nm, co in all_codes:
            for ins in instructions_of(co):
                why = attribute_problem(ins.argval, attr_tables) if ins.opname == 'LOAD_ATTR' else None
                if why:
                    problems.append(Problem(UNSUPPORTED, ins.positions.lineno, f'{nm}: {why}'))
        # getattr(x, 'name'[, default]) and hasattr(x, 'name') with a literal name look the attribute up as x.name does.
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ('getattr', 'hasattr')
                    and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
                why = attribute_problem(node.args[1].value, attr_tables)
                if why:
                    problems.append(Problem(UNSUPPORTED, node.lineno, f'{node.func.id}(..., {node.args[1].value!r}): {why}'))

    used_ops = {ins.opname for _, co in all_codes for ins in instructions_of(co)}
    for a in spec:
        if a.startswith('op-') and a[3:] not in used_ops:
            problems.append(Problem(HEADER, None, f'spec anchor {a} is listed but the program has no {a[3:]} instruction'))

    try:
        parse_call(call or '', functions)
    except ConversionError as e:
        problems += e.args[0]
    if problems:
        raise ConversionError(problems)

    limit = budget or DEFAULT_BUDGET
    if uses_optcert:
        kind, payload, output, steps = None, None, '', 0
    else:
        kind, payload, output, steps = run_call(namespace, call, limit)
    if kind == 'over':
        raise ConversionError([Problem(BUDGET, None, f'the call was stopped after {steps} CPython instructions, over twice '
                                                     f'the budget {limit} (an endless loop?)')])
    if steps > limit:
        problems.append(Problem(BUDGET, None, f'the call executes about {steps} instructions in CPython, over the budget {limit}'))
    if kind is None:
        expect = []
    elif kind == 'return':
        if not is_fixture_value(payload):
            problems.append(Problem(UNREPRESENTABLE, None,
                                    f'the call returns {type(payload).__name__} {payload!r}, which a fixture cannot hold'))
        expect = [('return', yaml_str(repr(payload)))]
    elif kind == 'raises':
        tname = type(payload).__name__
        if tname not in EXCEPTION_TYPES:
            problems.append(Problem(UNREPRESENTABLE, None,
                                    f'the call raises {tname}: {payload}, which is not an exception type of the subset'))
        expect = [('raises', yaml_str(tname)), ('message', yaml_str(str(payload)))]
    output = module_output + output
    if output:
        expect.append(('output', yaml_str(output)))
    if problems:
        raise ConversionError(problems)

    y = []
    shown = os.path.relpath(path, REPO)
    if shown.startswith('..') or os.path.isabs(shown):
        shown = os.path.basename(path)  # a file outside optcert: no machine-specific path in the fixture
    y.append(f'# Generated by tools/cpython/py2fixture.py from {shown}; do not edit by hand.')
    y.append(f'id: {yaml_str(fid)}')
    y.append(f'description: {yaml_str(description)}')
    y.append('spec: [' + ', '.join(yaml_str(a) for a in spec) + ']')
    y.append('tags: [' + ', '.join(yaml_str(t) for t in tags) + ']')
    y.append('source: ' + yaml_block(source, 2))
    y.append('origin:')
    y.append(f'  compiler: {yaml_str("CPython " + platform.python_version())}')
    y.append(f'  source_sha256: {yaml_str(sha)}')
    y.append('program:')
    y.append('  code:')
    for nm in nested:
        y.append(f'    {yaml_str(nm)}: ' + yaml_block(assembly[nm], 6))
    y.append(f'entry: {yaml_str(call)}')
    if budget:
        y.append(f'budget: {budget}')
    for k in OPTIMIZER_KEYS:
        if k in extra:
            y.append(f'{k}: {extra[k]}')
    if expect:
        y.append('expect:')
    for k, v in expect:
        y.append(f'  {k}: {v}')
    return '\n'.join(y) + '\n', steps


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('source')
    ap.add_argument('--call')
    ap.add_argument('--id')
    ap.add_argument('--out', help='output YAML path ("-" for stdout); required unless --json')
    ap.add_argument('--description')
    ap.add_argument('--spec', help='comma-separated anchors')
    ap.add_argument('--tags', help='comma-separated tags (cpython is always added)')
    ap.add_argument('--budget', type=int, help='step budget to record in the fixture')
    ap.add_argument('--json', action='store_true', help='print one JSON result object on stdout (for optcert import-python)')
    ap.add_argument('--defaults', action='store_true', help='fill a missing id, description and spec')
    args = ap.parse_args(argv)
    if args.out is None and not args.json:
        ap.error('--out is required (or --json)')

    def report(problems):
        if args.json:
            print(json.dumps({'ok': False, 'problems': [
                {'code': getattr(p, 'code', UNSUPPORTED), 'line': getattr(p, 'line', None),
                 'column': getattr(p, 'column', None), 'message': getattr(p, 'text', p)}
                for p in problems]}))
        else:
            print(f'py2fixture: {args.source}: cannot convert:', file=sys.stderr)
            for p in problems:
                print(f'  - {p}', file=sys.stderr)
        return 1

    sys.set_int_max_str_digits(0)
    try:
        with open(args.source, encoding='utf-8') as f:
            header = read_header(f.read())
    except UnicodeDecodeError as e:
        return report([Problem(SYNTAX, None, f'the source is not UTF-8 ({e.reason} at byte {e.start})')])
    unknown = set(header) - {'id', 'call', 'description', 'spec', 'tags', 'budget', *OPTIMIZER_KEYS}
    if unknown:
        return report([Problem(HEADER, None, f'unknown header keys {sorted(unknown)}')])

    def pick(opt, key):
        return opt if opt is not None else header.get(key)

    def split(s):
        return [x.strip() for x in (s or '').split(',') if x.strip()]

    budget = pick(args.budget, 'budget')
    try:
        if budget is not None and not re.fullmatch(r'[0-9]+', str(budget)):
            raise ConversionError([Problem(HEADER, None, f'budget {budget!r} is not a positive integer')])
        text, steps = convert(
            args.source,
            pick(args.call, 'call'),
            pick(args.id, 'id'),
            pick(args.description, 'description'),
            split(pick(args.spec, 'spec')),
            split(pick(args.tags, 'tags')),
            int(budget) if budget is not None else None,
            {k: header[k] for k in OPTIMIZER_KEYS if header.get(k)},
            defaults=args.defaults,
        )
    except ConversionError as e:
        return report(e.args[0])
    if args.json:
        print(json.dumps({'ok': True, 'fixture': text, 'steps': steps, 'python': platform.python_version()}))
    elif args.out == '-':
        sys.stdout.write(text)
    else:
        with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
        ran = f'~{steps} CPython instructions' if steps else 'uses _optcert: not run in CPython, record expect with optcert bless'
        print(f'{args.out}: ok ({ran})', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
