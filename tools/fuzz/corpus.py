#!/usr/bin/env python3
"""The generated certification tier: loop-heavy programs judged by CPython 3.13 (fixtures-generated/).

Usage (from the repository root; `npm run gen:corpus` builds dist/ first and runs the documented
command, which regenerates the shipped tier exactly):
  python3 tools/fuzz/corpus.py --seed 1 --seed 2 --count 550 --jobs 2 --out fixtures-generated
  python3 tools/fuzz/corpus.py --show 1:42        # print program 42 of seed 1 (no run)
(tools/fuzz/README.md, "The generated tier", describes the programs and the knobs.)

For each seed, program index 0, 1, 2, ... is drawn from `random.Random("loop:SEED:INDEX")` by
tools/fuzz/loopgen.py, converted and run by CPython 3.13 through py2fixture's `convert()` (the
expectation is CPython's outcome), and run on the reference VM exactly as `optcert run` judges a
fixture (tools/fuzz/run-vm.js). A program becomes fixture `generated.s<SEED>.<INDEX>`
(`fixtures-generated/s<SEED>/<INDEX>.yaml`) when CPython and the VM agree, it is not a copy of a
program already in fixtures/ or earlier in the tier (compared by program text, header lines
aside), and it is neither trivial (fewer than --min-steps CPython instructions) nor expensive (more
than --max-steps, or a fixture over --max-bytes). Indices are tried in order until --count fixtures
are written for the seed; an index that is rejected is never renumbered, so an id always names the
same program. A divergence is never shipped: it is reported on stderr and written, with a
minimized version, to --divergences (default tools/fuzz/out/corpus/) as fuzz.py does; the run then
exits 1.

Each fixture's `spec:` lists the anchors the program exercises, computed from the program itself:
`op-<NAME>` for every instruction in its code objects, `builtin-<name>` for every builtin it calls,
`call-python` / `call-keywords` for calls of its own functions, the exception anchors for the
`try`, `except`, `finally`, `raise` and bare `raise` it contains, the generator anchors for the
generator functions it calls and the `for` loops over them, and `int-bigint` when it builds ints
past 2**53. Tags: `cpython`, `generated`, and one per construct family it was built from.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import collections
import dis
import glob
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import types

import fuzz  # re-executes this script under CPython 3.13 when needed; puts py2fixture on sys.path
import loopgen
import py2fixture as p2f

REPO = fuzz.REPO
DEFAULT_OUT = os.path.join(REPO, 'fixtures-generated')
DEFAULT_DIVERGENCES = os.path.join(REPO, 'tools', 'fuzz', 'out', 'corpus')
COMMAND = 'npm run gen:corpus'

# Tags per construct family of loopgen (registered in fixtures/tags.yaml).
FEATURE_TAGS = {
    'int-growth': ['bigint', 'arith'], 'type-transition': ['arith'], 'drain': ['containers'],
    'generator': ['generators'], 'exception': ['exceptions'], 'call': ['calls'], 'helper-loop': ['calls'],
    'dict-count': ['containers'], 'str-build': ['str'], 'truthiness': ['compare'], 'float-walk': ['float'], 'effect-call': ['calls'], 'walk-mutate': ['containers'], 'global-rebind': ['calls'],
}
FEATURE_WORDS = {
    'int-growth': 'an int crossing 2**31/2**53/2**64', 'type-transition': 'a late type change',
    'drain': 'a list drained to empty', 'generator': 'a generator consumed in a loop',
    'exception': 'exceptions caught in loops', 'nested': 'nested loops', 'early-exit': 'break/return mid-loop',
    'call': 'calls in a loop', 'helper-loop': 'a helper with a loop and early return',
    'dict-count': 'dict counting', 'str-build': 'str building', 'truthiness': 'truth tests of late values',
    'float-walk': 'a float stepped through 0.0', 'effect-call': 'calls with side effects and a late result type',
    'walk-mutate': 'a container changed while a loop walks it', 'global-rebind': 'a global rebound late',
}


# --------------------------------------------------------------------------- anchors


def code_objects(module_code):
    """Every code object a fixture holds: the module's functions and what they nest (not the module)."""
    out, work = [], [c for c in module_code.co_consts if isinstance(c, types.CodeType)]
    while work:
        co = work.pop(0)
        out.append(co)
        work += [c for c in co.co_consts if isinstance(c, types.CodeType)]
    return out


def anchors_of(src, table, known):
    """The spec anchors the program exercises, computed from its code and its syntax tree."""
    tree = ast.parse(src)
    module_code = compile(src, '<generated>', 'exec', dont_inherit=True)
    anchors = set()
    for co in code_objects(module_code):
        for ins in p2f.instructions_of(co):
            if ins.opname in table:
                anchors.add(f'op-{ins.opname}')
    funcs = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    gens = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)
            and any(isinstance(x, (ast.Yield, ast.YieldFrom)) for x in ast.walk(n))}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name in funcs:
                anchors.add('call-python')
                if node.keywords:
                    anchors.add('call-keywords')
                if name in gens:
                    anchors.add('generator-create')
            elif name in p2f.BUILTIN_FUNCTIONS:
                anchors.add(f'builtin-{name}')
        elif isinstance(node, ast.Try):
            anchors.add('exception-table')
            if any(h.type is not None for h in node.handlers):
                anchors.add('exception-match')
            if node.finalbody:
                anchors.add('exception-finally')
        elif isinstance(node, ast.Raise):
            anchors.add('exception-raise' if node.exc is not None else 'exception-reraise')
        elif isinstance(node, ast.For) and isinstance(node.iter, ast.Call) and isinstance(node.iter.func, ast.Name) \
                and node.iter.func.id in gens:
            anchors.add('generator-for-iter')
        elif isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) > 2 ** 53:
            anchors.add('int-bigint')
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Pow, ast.LShift)) \
                and isinstance(node.right, ast.Constant) and type(node.right.value) is int and node.right.value >= 53 \
                and isinstance(node.left, ast.Constant) and type(node.left.value) is int and abs(node.left.value) >= 2:
            anchors.add('int-bigint')
    return sorted(a for a in anchors if a in known)


# --------------------------------------------------------------------------- dedupe


def program_key(src):
    """The program text a copy is recognised by: header lines and trailing blanks aside."""
    lines = [ln.rstrip() for ln in src.splitlines() if not ln.startswith('# optcert:')]
    return hashlib.sha256('\n'.join(lines).strip().encode('utf-8')).hexdigest()


def yaml_source_block(text):
    """The `source: |` block scalar of a fixture file (optcert's fixtures keep it at top level)."""
    lines = text.splitlines()
    for k, ln in enumerate(lines):
        m = re.match(r'^source:\s*\|[-+]?(\d*)[-+]?\s*$', ln)
        if not m:
            continue
        body = []
        indent = int(m.group(1)) if m.group(1) else None
        for nxt in lines[k + 1:]:
            if nxt.strip() == '':
                body.append('')
                continue
            cur = len(nxt) - len(nxt.lstrip(' '))
            if indent is None:
                indent = cur
            if cur < indent:
                break
            body.append(nxt[indent:])
        return '\n'.join(body)
    return None


def existing_program_keys(exclude_dir):
    """program_key of every program in the repository's fixtures (YAML sources and .py programs)."""
    keys = set()
    for path in glob.glob(os.path.join(REPO, 'fixtures', '**', '*.*'), recursive=True):
        if os.path.abspath(path).startswith(os.path.abspath(exclude_dir) + os.sep):
            continue
        if path.endswith('.py'):
            with open(path, encoding='utf-8') as f:
                keys.add(program_key(f.read()))
        elif path.endswith('.yaml'):
            with open(path, encoding='utf-8') as f:
                src = yaml_source_block(f.read())
            if src:
                keys.add(program_key(src))
    return keys


# --------------------------------------------------------------------------- one seed


def fixture_id(seed, index):
    return f'generated.s{seed}.{index:05d}'


def header(fid, description):
    """The source's header lines (its spec and tags are the fixture's own lines, not repeated here)."""
    return f'# optcert: id={fid}\n# optcert: call=main()\n# optcert: description={description}\n'


def describe(seed, index, features):
    words = [FEATURE_WORDS[f] for f in features if f in FEATURE_WORDS]
    return f'Loop-heavy generated program (seed {seed}, #{index}): ' + ', '.join(words)


def build_one(seed, index):
    """(fid, source with header, description, spec, tags) of program `index` of `seed`."""
    body, call, features = loopgen.generate(random.Random(f'loop:{seed}:{index}'))
    table = p2f.load_table()[0]
    known = p2f.load_anchors(p2f.load_table())
    spec = anchors_of(body, table, known) or ['call-python']
    tags = ['generated', 'control-flow'] + sorted({t for f in features for t in FEATURE_TAGS.get(f, [])})
    fid = fixture_id(seed, index)
    description = describe(seed, index, features)
    return fid, header(fid, description) + body, call, description, spec, tags


def generated_by(seed, index):
    return (f'# Generated by tools/fuzz/corpus.py (program {index} of seed {seed}, written by tools/fuzz/loopgen.py,\n'
            f'# judged by CPython 3.13); `{COMMAND}` regenerates the tier. Do not edit by hand.')


def run_seed(seed, count, known_keys, limits, divergences_dir, do_minimize, verbose, max_index):
    """Fixtures of one seed, in index order: {'fixtures': [(index, key, text)], tallies...}."""
    sys.set_int_max_str_digits(4300)
    fz = fuzz.Fuzzer(divergences_dir, do_minimize, verbose)
    tmp = tempfile.mkdtemp(prefix='optcert-corpus-')
    kept, seen = [], set(known_keys)
    rejected, outcomes, features = collections.Counter(), collections.Counter(), collections.Counter()
    divergences = []
    t0 = time.time()
    try:
        index = 0
        while len(kept) < count and index < max_index:
            fid, src, call, description, spec, tags = build_one(seed, index)
            key = program_key(src)
            if key in seen:
                rejected['duplicate program text'] += 1
                index += 1
                continue
            r = fuzz.cpython_side(os.path.join(tmp, 'prog.py'), src, call, fid, description, spec, tags)
            if r[0] == 'skip':
                for reason in r[1]:
                    rejected[f'skipped: {reason}'] += 1
                index += 1
                continue
            _, text, steps = r
            answer = fz.vm.judge(fid, text)
            if answer['status'] != 'pass':
                fz.record(seed, index, fid, src, call, description, answer)
                divergences.append(fz.divergences[-1])
                rejected['divergence'] += 1
                index += 1
                continue
            text = generated_by(seed, index) + text[text.index('\n'):]
            if steps < limits['min_steps']:
                rejected[f'under {limits["min_steps"]} CPython instructions'] += 1
            elif steps > limits['max_steps']:
                rejected[f'over {limits["max_steps"]} CPython instructions'] += 1
            elif len(text.encode('utf-8')) > limits['max_bytes']:
                rejected[f'fixture over {limits["max_bytes"]} bytes'] += 1
            else:
                seen.add(key)
                kept.append((index, key, text))
                o = answer.get('observed') or {}
                outcomes[o.get('kind', '?') + (' ' + o['type'] if o.get('kind') == 'raise' else '')] += 1
                features.update(t for t in tags if t not in ('generated', 'control-flow'))
            index += 1
            if index % 200 == 0:
                print(f'  ... seed {seed}: {index} programs, {len(kept)} fixtures ({time.time() - t0:.0f} s)', file=sys.stderr)
    finally:
        fz.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return {'seed': seed, 'fixtures': kept, 'tried': index, 'rejected': dict(rejected), 'outcomes': dict(outcomes),
            'tags': dict(features), 'divergences': divergences}


# --------------------------------------------------------------------------- writing the tier


def write_tier(out, results, shipped_args):
    """Replace the tier's seed folders by these fixtures; the README summarises them."""
    for res in results:
        d = os.path.join(out, f's{res["seed"]}')
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for index, _, text in res['fixtures']:
            with open(os.path.join(d, f'{index:05d}.yaml'), 'w', encoding='utf-8', newline='\n') as f:
                f.write(text)
    total = sum(len(r['fixtures']) for r in results)
    outcomes, tags = collections.Counter(), collections.Counter()
    for r in results:
        outcomes.update(r['outcomes'])
        tags.update(r['tags'])
    lines = [
        '<!-- Generated by `npm run gen:corpus` (python3 tools/fuzz/corpus.py); do not edit by hand. -->',
        '# fixtures-generated: the generated certification tier',
        '',
        f'{total} loop-heavy programs written by `tools/fuzz/loopgen.py`, compiled and judged by CPython 3.13',
        '(each fixture\'s expectation is what CPython returned, raised and printed) and shipped only where the',
        'reference VM agrees. Every file is generated: regenerate the whole tier with',
        '',
        '```sh',
        f'npm run gen:corpus     # = npm run build && python3 tools/fuzz/corpus.py {shipped_args}',
        '```',
        '',
        'How the programs are made, what they contain and the generator\'s knobs: `tools/fuzz/README.md`',
        '("The generated tier"). Ids are `generated.s<SEED>.<INDEX>`, in `s<SEED>/<INDEX>.yaml`; an index',
        'missing from a folder is a program that was not shipped (see below).',
        '',
        '| seed | programs tried | fixtures | not shipped |',
        '|---|---|---|---|',
    ]
    for r in results:
        rej = ', '.join(f'{k} {v}' for k, v in sorted(r['rejected'].items(), key=lambda kv: (-kv[1], kv[0]))) or 'none'
        lines.append(f'| {r["seed"]} | {r["tried"]} | {len(r["fixtures"])} | {rej} |')
    lines += ['', 'Outcomes (CPython\'s): ' + ', '.join(f'{k} {v}' for k, v in sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0]))) + '.',
              '', 'Tags: ' + ', '.join(f'{k} {v}' for k, v in sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))) + '.', '']
    with open(os.path.join(out, 'README.md'), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Write the generated certification tier (loop-heavy programs judged by CPython 3.13)')
    ap.add_argument('--seed', type=int, action='append', help='seed (repeatable; default 1)')
    ap.add_argument('--count', type=int, default=100, help='fixtures to write per seed (default 100)')
    ap.add_argument('--out', default=DEFAULT_OUT, help='the tier folder (default fixtures-generated)')
    ap.add_argument('--jobs', type=int, default=1, help='seeds generated in parallel, one process each')
    ap.add_argument('--min-steps', type=int, default=300, help='fewer CPython instructions: trivial, not shipped (default 300)')
    ap.add_argument('--max-steps', type=int, default=40000, help='more CPython instructions: too costly to certify (default 40000)')
    ap.add_argument('--max-bytes', type=int, default=48 * 1024, help='larger fixture files are not shipped (default 48 KiB)')
    ap.add_argument('--divergences', default=DEFAULT_DIVERGENCES, help='where divergences are written (default tools/fuzz/out/corpus)')
    ap.add_argument('--no-minimize', action='store_true', help='do not minimize divergences')
    ap.add_argument('--show', metavar='SEED:INDEX', help='print one program as it would be shipped (with its header) and exit')
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args(argv)

    if args.show:
        m = re.fullmatch(r'(\d+):(\d+)', args.show)
        if not m:
            ap.error(f'--show {args.show}: expected SEED:INDEX, e.g. 1:42')
        seed, index = int(m.group(1)), int(m.group(2))
        sys.stdout.write(build_one(seed, index)[1])
        return 0
    if not os.path.exists(os.path.join(REPO, 'dist', 'conformance', 'src', 'cli.js')):
        print('corpus: dist/ is missing: run `npm run build` (or `npm run gen:corpus`, which builds first)', file=sys.stderr)
        return 2
    seeds = list(dict.fromkeys(args.seed or [1]))
    out = os.path.abspath(args.out)
    known = existing_program_keys(out)
    limits = {'min_steps': args.min_steps, 'max_steps': args.max_steps, 'max_bytes': args.max_bytes}
    job = (args.count, known, limits, args.divergences, not args.no_minimize, args.verbose, args.count * 4)
    t0 = time.time()
    if args.jobs > 1 and len(seeds) > 1:
        import concurrent.futures
        with concurrent.futures.ProcessPoolExecutor(max_workers=min(args.jobs, len(seeds))) as pool:
            results = list(pool.map(run_seed, seeds, *([x] * len(seeds) for x in job)))
    else:
        results = [run_seed(seed, *job) for seed in seeds]

    # A program text shipped under an earlier seed is not shipped again under a later one.
    shipped = set()
    for res in results:
        unique = []
        for item in res['fixtures']:
            if item[1] in shipped:
                res['rejected']['duplicate program text'] = res['rejected'].get('duplicate program text', 0) + 1
                continue
            shipped.add(item[1])
            unique.append(item)
        res['fixtures'] = unique

    os.makedirs(out, exist_ok=True)
    shipped_args = ' '.join(f'--seed {s}' for s in seeds) + f' --count {args.count}' + \
        (f' --jobs {args.jobs}' if args.jobs > 1 else '') + f' --out {os.path.relpath(out, REPO)}'
    write_tier(out, results, shipped_args)
    divergences = [d for r in results for d in r['divergences']]
    for r in results:
        rej = ', '.join(f'{k} {v}' for k, v in sorted(r['rejected'].items(), key=lambda kv: -kv[1]))
        print(f'seed {r["seed"]}: {r["tried"]} programs, {len(r["fixtures"])} fixtures; not shipped: {rej or "none"}')
        if len(r['fixtures']) < args.count:
            print(f'seed {r["seed"]}: only {len(r["fixtures"])} of {args.count} fixtures within {args.count * 4} programs', file=sys.stderr)
    if divergences:
        print(f'divergences (not shipped) written to {os.path.relpath(args.divergences, os.getcwd())}/:')
        for d in divergences:
            print(f'  {d["id"]}: {d["status"]}: {d["difference"].splitlines()[0] if d["difference"] else ""}')
    total = sum(len(r['fixtures']) for r in results)
    print(f'{total} fixtures written to {os.path.relpath(out, os.getcwd())}/, {len(divergences)} divergences ({time.time() - t0:.0f} s)')
    return 1 if divergences else 0


if __name__ == '__main__':
    sys.exit(main())
