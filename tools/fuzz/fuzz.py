#!/usr/bin/env python3
"""Differential fuzzer: random Python programs, CPython 3.13 against optcert's reference VM.

Usage (from the repository root; `npm run fuzz -- ARGS` builds dist/ first, then runs this):
  python3 tools/fuzz/fuzz.py [--count N] [--seed S ...] [--jobs J] [--start I] [--out DIR]
                             [--no-minimize] [--verbose] [--show SEED:INDEX] [--keep DIR]
(tools/fuzz/README.md describes the generated programs, what they avoid and why.)

For every program: generate it (tools/fuzz/gen.py, deterministic for seed and index), compile and
run it in CPython 3.13 and turn it into a fixture with tools/cpython/py2fixture.py's `convert`
(the expectation is CPython's outcome: return repr or exception type + message, and output), run
that fixture on the reference VM exactly as `optcert run` does (tools/fuzz/run-vm.js, dist/), and
compare. A program the converter refuses (outside the subset) is skipped and its reasons tallied.
Every divergence is written to the output folder as a ready-made fixture (`.yaml`), its source
(`.py`, convertible on its own with py2fixture.py) and, unless --no-minimize, a minimized pair
(`.min.py`, `.min.yaml`); `divergences.jsonl` lists them. Exit 0 with no divergence, 1 with
some, 2 when the run cannot start.

Stdlib only. Needs CPython 3.13: started by another version, this script re-executes itself with
$OPTCERT_PYTHON, else a pyenv install ($PYENV_ROOT/versions/3.13*), else `python3.13` on PATH.
"""

from __future__ import annotations

import argparse
import ast
import collections
import functools
import io
import json
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
RUN_VM = os.path.join(HERE, 'run-vm.js')
DEFAULT_OUT = os.path.join(HERE, 'out')
CPYTHON_TIMEOUT = 5.0  # seconds of CPython time per program before it is skipped
VM_TIMEOUT = 60.0  # seconds for one reference-VM run before it counts as a hang


def ensure_python313():
    if sys.version_info[:2] == (3, 13):
        return
    if os.environ.get('OPTCERT_FUZZ_REEXEC'):
        raise SystemExit(f'fuzz: needs CPython 3.13, got {sys.version.split()[0]} (set OPTCERT_PYTHON)')
    env = dict(os.environ, OPTCERT_FUZZ_REEXEC='1')
    exe = os.environ.get('OPTCERT_PYTHON')
    if not exe:  # a pyenv install, found directly (its shims would need PYENV_VERSION)
        root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
        versions = os.path.join(root, 'versions')
        if os.path.isdir(versions):
            for v in sorted((v for v in os.listdir(versions) if v.startswith('3.13')), reverse=True):
                cand = os.path.join(versions, v, 'bin', 'python3.13')
                if os.access(cand, os.X_OK):
                    exe = cand
                    break
    if not exe:
        exe = shutil.which('python3.13')
        if exe and not env.get('PYENV_VERSION', '').startswith('3.13'):
            env['PYENV_VERSION'] = '3.13.0'  # a pyenv shim started us with its own version set
    if not exe:
        raise SystemExit('fuzz: no CPython 3.13 found: set OPTCERT_PYTHON=/path/to/python3.13 '
                         '(on the development machines: PYENV_VERSION=3.13.0 python3.13)')
    os.execve(exe, [exe, os.path.abspath(sys.argv[0]), *sys.argv[1:]], env)  # fuzz.py, or probe.py importing it


ensure_python313()

sys.path.insert(0, os.path.join(REPO, 'tools', 'cpython'))
sys.path.insert(0, HERE)
import py2fixture as p2f  # noqa: E402
import gen  # noqa: E402

# convert() re-reads the table, tags and anchors on every call; they do not change during a run.
p2f.load_table = functools.lru_cache(maxsize=None)(p2f.load_table)
p2f.load_tags = functools.lru_cache(maxsize=None)(p2f.load_tags)
_load_anchors = p2f.load_anchors
_anchor_cache = {}


def _cached_anchors(table):
    if 'a' not in _anchor_cache:
        _anchor_cache['a'] = _load_anchors(table)
    return _anchor_cache['a']


p2f.load_anchors = _cached_anchors

SPEC = ['call-python']
warnings.filterwarnings('ignore', category=SyntaxWarning)  # `(0 is None)` and the like are meant
warnings.filterwarnings('ignore', category=DeprecationWarning)  # `~True` too


# --------------------------------------------------------------------------- the CPython side


class CpythonTimeout(BaseException):
    pass


def _alarm(signum, frame):
    raise CpythonTimeout()


def header(fid, call, description):
    return (f'# optcert: id={fid}\n# optcert: call={call}\n# optcert: description={description}\n'
            f'# optcert: spec={",".join(SPEC)}\n')


def normalize_reason(problem: str) -> str:
    """One tally key per kind of converter refusal."""
    rules = [
        (r'instruction (\w+) is not in the subset', r'instruction \1'),
        (r'global (\w+) is neither', r'name \1 (not a supported builtin)'),
        (r'the call returns (\w+)', r'returns a \1'),
        (r'the call raises (\w+)', r'raises \1'),
        (r'budget', 'over the step budget'),
        (r'constant .* of type (\w+) has no assembly literal', r'constant of type \1'),
        (r'intrinsic (\w+)', r'intrinsic \1'),
        (r'lone surrogate', 'lone surrogate'),
        (r'outside the BMP', 'character outside the BMP'),
        (r'unsupported code flags', 'code flags'),
        (r'control character', 'control character in output'),
    ]
    for pat, rep in rules:
        m = re.search(pat, problem)
        if m:
            return m.expand(rep)
    return re.sub(r'^\S+ line \d+: ', '', problem)[:80]


def cpython_side(path, src, call, fid, description, spec=None, tags=None):
    """Write src to path and convert it: ('ok', yaml, steps) or ('skip', [reasons])."""
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(src)
    try:
        compile(src, path, 'exec', dont_inherit=True)
    except SyntaxError as e:
        return 'skip', [f'generator bug: SyntaxError: {e.msg}']
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, CPYTHON_TIMEOUT)
    timed_out = False
    try:
        text, steps = p2f.convert(path, call, fid, description, spec or SPEC, tags or [], None)
    except CpythonTimeout:
        timed_out = True
    except p2f.ConversionError as e:
        problems = e.args[0]
        if any('CpythonTimeout' in p for p in problems):
            timed_out = True
        else:
            return 'skip', sorted({normalize_reason(p) for p in problems})
    except Exception as e:  # noqa: BLE001 - e.g. repr() of a returned int over 4300 digits
        if 'Exceeds the limit' in str(e):
            return 'skip', ['returns an int past 4300 digits (its repr raises in CPython)']
        return 'skip', [f'converter error: {type(e).__name__}: {str(e)[:60]}']
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if timed_out:
        return 'skip', [f'CPython needed more than {CPYTHON_TIMEOUT:g} s']
    return 'ok', text, steps


# --------------------------------------------------------------------------- the reference VM side


class VmRunner:
    """One `node tools/fuzz/run-vm.js` process; restarted after a hang."""

    def __init__(self, node='node'):
        self.node = node
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen([self.node, RUN_VM], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding='utf-8', bufsize=1, cwd=REPO)
        self.answers = queue.Queue()
        proc = self.proc

        def pump():
            for line in proc.stdout:
                self.answers.put(line)
            self.answers.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def judge(self, fid, yaml_text):
        try:
            self.proc.stdin.write(json.dumps({'id': fid, 'yaml': yaml_text}) + '\n')
            self.proc.stdin.flush()
            line = self.answers.get(timeout=VM_TIMEOUT)
        except queue.Empty:
            self.stop()
            self.start()
            return {'status': 'hang', 'difference': f'the reference VM did not answer within {VM_TIMEOUT:g} s'}
        except BrokenPipeError:
            line = None
        if line is None:
            err = self.proc.stderr.read() if self.proc.stderr else ''
            self.stop()
            if 'dist/ is missing' in err:
                raise SystemExit('fuzz: ' + err.strip())
            self.start()
            return {'status': 'crash', 'difference': f'run-vm.js died: {err.strip()[-2000:]}'}
        return json.loads(line)


def signature(answer):
    """What must stay the same while minimizing: the status and the field that differs first."""
    d = answer.get('difference', '')
    if answer['status'] in ('crash', 'hang'):
        first = next((l.strip() for l in d.split('\n') if l.strip()), '')
        return (answer['status'], first[:120])
    return (answer['status'], d.split(':', 1)[0])


# --------------------------------------------------------------------------- minimizing


def _stmt_lists(tree):
    """(owner node, field name) of every statement list in the tree, outermost first."""
    out = []
    for node in ast.walk(tree):
        for field in ('body', 'orelse', 'finalbody'):
            v = getattr(node, field, None)
            if isinstance(v, list) and v and isinstance(v[0], ast.stmt):
                out.append((node, field))
        if isinstance(node, ast.Try):
            pass  # handlers are ExceptHandler nodes: ast.walk reaches their bodies
    return out


def _candidates(tree):
    """Smaller trees: one statement removed, or a compound statement replaced by one of its bodies."""
    lists = _stmt_lists(tree)
    for li, (node, field) in enumerate(lists):
        stmts = getattr(node, field)
        for si in range(len(stmts) - 1, -1, -1):
            s = stmts[si]
            replacements = [[]]
            for f in ('body', 'orelse', 'finalbody'):
                sub = getattr(s, f, None)
                if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt) and not isinstance(s, (ast.FunctionDef,)):
                    replacements.append(sub)
            if isinstance(s, ast.Try):
                for h in s.handlers:
                    replacements.append(h.body)
            for rep in replacements:
                yield li, field, si, rep


def minimize(src, call, fid, want, check, max_tries=3000):
    """Greedy statement-level reduction of src while check(src) keeps the signature `want`."""
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    tries = 0
    progress = True
    while progress and tries < max_tries:
        progress = False
        for li, field, si, rep in list(_candidates(tree)):
            tries += 1
            if tries >= max_tries:
                break
            cand = ast.parse(ast.unparse(tree))
            node, f = _stmt_lists(cand)[li]
            stmts = getattr(node, f)
            if si >= len(stmts):
                continue
            new = stmts[:si] + [ast.parse(ast.unparse(x)).body[0] for x in rep] + stmts[si + 1:]
            if not new:
                new = [ast.Pass()]
            setattr(node, f, new)
            try:
                text = ast.unparse(ast.fix_missing_locations(cand)) + '\n'
            except Exception:  # noqa: BLE001
                continue
            if check(text) == want:
                tree = ast.parse(text)
                progress = True
                break
    return ast.unparse(tree) + '\n'


# --------------------------------------------------------------------------- the driver


class Fuzzer:
    def __init__(self, out, do_minimize, verbose, keep=None):
        self.out = out
        self.keep = keep  # folder for the fixtures of agreeing programs (--keep), or None
        self.do_minimize = do_minimize
        self.verbose = verbose
        self.vm = VmRunner()
        self.tmp = tempfile.mkdtemp(prefix='optcert-fuzz-')
        self.skips = collections.Counter()
        self.outcomes = collections.Counter()
        self.counts = collections.Counter()
        self.divergences = []

    def close(self):
        self.vm.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def check(self, src, call, fid):
        """Signature of src's divergence, or None when CPython and the VM agree or it is skipped."""
        r = cpython_side(os.path.join(self.tmp, 'min.py'), src, call, fid, 'minimizing')
        if r[0] != 'ok':
            return None
        a = self.vm.judge(fid, r[1])
        return None if a['status'] == 'pass' else signature(a)

    def run_one(self, seed, index):
        fid = f'fuzz.s{seed}-{index:05d}'
        src, call = gen.generate(random.Random(f'{seed}:{index}'))
        description = f'Differential fuzzer program, seed {seed} index {index} (tools/fuzz/fuzz.py)'
        src = header(fid, call, description) + src
        self.counts['programs'] += 1
        r = cpython_side(os.path.join(self.tmp, 'prog.py'), src, call, fid, description)
        if r[0] == 'skip':
            self.counts['skipped'] += 1
            for reason in r[1]:
                self.skips[reason] += 1
            if self.verbose:
                print(f'{fid}: skipped: {"; ".join(r[1])}', file=sys.stderr)
            return
        _, text, _ = r
        answer = self.vm.judge(fid, text)
        if answer['status'] == 'pass':
            self.counts['agree'] += 1
            if self.keep:
                with open(os.path.join(self.keep, f's{seed}-{index:05d}.yaml'), 'w', encoding='utf-8', newline='\n') as f:
                    f.write(text)
            o = answer.get('observed') or {}
            self.outcomes[o.get('kind', '?') + (' ' + o['type'] if o.get('kind') == 'raise' else '')] += 1
            if self.verbose and o.get('kind') == 'raise':
                print(f'{fid}: raises {o["type"]}: {o.get("message", "")[:100]}', file=sys.stderr)
            return
        self.record(seed, index, fid, src, call, description, answer)

    def record(self, seed, index, fid, src, call, description, answer):
        self.counts['divergences'] += 1
        os.makedirs(self.out, exist_ok=True)
        base = os.path.join(self.out, f's{seed}-{index:05d}')
        r = cpython_side(base + '.py', src, call, fid, description)
        with open(base + '.yaml', 'w', encoding='utf-8', newline='\n') as f:
            f.write(r[1] if r[0] == 'ok' else '')
        entry = {'id': fid, 'seed': seed, 'index': index, 'fixture': os.path.relpath(base + '.yaml', REPO),
                 'status': answer['status'], 'difference': answer.get('difference', ''),
                 'observed': answer.get('observed')}
        print(f'DIVERGENCE {fid}: {answer["status"]}: {answer.get("difference", "").splitlines()[0] if answer.get("difference") else ""}',
              file=sys.stderr)
        if self.do_minimize:
            want = signature(answer)
            body = re.sub(r'^# optcert:.*\n', '', src, flags=re.M)
            small = minimize(body, call, fid, want, lambda s: self.check(header(fid, call, description) + s, call, fid))
            mfid = fid + '-min'
            msrc = header(mfid, call, description + ', minimized') + small
            mr = cpython_side(base + '.min.py', msrc, call, mfid, description + ', minimized')
            if mr[0] == 'ok':
                with open(base + '.min.yaml', 'w', encoding='utf-8', newline='\n') as f:
                    f.write(mr[1])
                ma = self.vm.judge(mfid, mr[1])
                entry['minimized'] = os.path.relpath(base + '.min.yaml', REPO)
                entry['minimized_difference'] = ma.get('difference', '')
                print(f'  minimized to {entry["minimized"]} ({len(small.splitlines())} lines): '
                      f'{(ma.get("difference") or "").splitlines()[0] if ma.get("difference") else ma["status"]}',
                      file=sys.stderr)
        with open(os.path.join(self.out, 'divergences.jsonl'), 'a', encoding='utf-8') as f:
            f.write(json.dumps(entry) + '\n')
        self.divergences.append(entry)


def run_seed(seed, start, count, out, do_minimize, verbose, keep=None):
    """Fuzz one seed in this process (a worker of --jobs, or the main process): its tallies."""
    sys.set_int_max_str_digits(4300)  # CPython's default, which optcert keeps (spec/README.md#differences)
    fz = Fuzzer(out, do_minimize, verbose, keep)
    t0 = time.time()
    interrupted = False
    try:
        for index in range(start, start + count):
            fz.run_one(seed, index)
            done = fz.counts['programs']
            if done % 250 == 0:
                print(f'  ... seed {seed}: {done} programs, {fz.counts["divergences"]} divergences, '
                      f'{fz.counts["skipped"]} skipped ({time.time() - t0:.0f} s)', file=sys.stderr)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        fz.close()
    return {'seed': seed, 'counts': dict(fz.counts), 'skips': dict(fz.skips), 'outcomes': dict(fz.outcomes),
            'divergences': fz.divergences, 'interrupted': interrupted}


def main(argv=None):
    ap = argparse.ArgumentParser(description='Differential fuzzer: CPython 3.13 against the reference VM')
    ap.add_argument('--count', type=int, default=200, help='programs per seed (default 200)')
    ap.add_argument('--seed', type=int, action='append', help='seed (repeatable; default 1)')
    ap.add_argument('--start', type=int, default=0, help='first program index (default 0)')
    ap.add_argument('--jobs', type=int, default=1, help='seeds fuzzed in parallel, one process each (default 1)')
    ap.add_argument('--out', default=DEFAULT_OUT, help='folder for divergences (default tools/fuzz/out)')
    ap.add_argument('--no-minimize', action='store_true', help='do not minimize divergences')
    ap.add_argument('--show', metavar='SEED:INDEX', help='print one generated program and exit')
    ap.add_argument('--verbose', action='store_true', help='list every skipped program and every exception outcome')
    ap.add_argument('--keep', metavar='DIR', help='also write the fixture of every agreeing program to DIR '
                    '(a corpus for `optcert certify sample:jit DIR`)')
    args = ap.parse_args(argv)

    if args.show:
        seed, index = (int(x) for x in args.show.split(':'))
        src, call = gen.generate(random.Random(f'{seed}:{index}'))
        sys.stdout.write(header(f'fuzz.s{seed}-{index:05d}', call, 'shown') + src)
        return 0
    if not os.path.exists(os.path.join(REPO, 'dist', 'conformance', 'src', 'cli.js')):
        print('fuzz: dist/ is missing: run `npm run build` (or `npm run fuzz`, which builds first)', file=sys.stderr)
        return 2
    seeds = list(dict.fromkeys(args.seed or [1]))
    for seed in seeds:  # stale results of these seeds
        if os.path.isdir(args.out):
            for fn in os.listdir(args.out):
                if fn.startswith(f's{seed}-'):
                    os.remove(os.path.join(args.out, fn))
    jsonl = os.path.join(args.out, 'divergences.jsonl')
    if os.path.exists(jsonl):
        kept = [l for l in open(jsonl, encoding='utf-8') if json.loads(l).get('seed') not in seeds]
        with open(jsonl, 'w', encoding='utf-8') as f:
            f.writelines(kept)

    t0 = time.time()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    job = (args.start, args.count, args.out, not args.no_minimize, args.verbose, args.keep)
    if args.jobs > 1 and len(seeds) > 1:
        import concurrent.futures
        with concurrent.futures.ProcessPoolExecutor(max_workers=min(args.jobs, len(seeds))) as pool:
            results = list(pool.map(run_seed, seeds, *([x] * len(seeds) for x in job)))
    else:
        results = []
        for seed in seeds:
            results.append(run_seed(seed, *job))
            if results[-1]['interrupted']:
                break

    c, skips, outcomes, divergences = collections.Counter(), collections.Counter(), collections.Counter(), []
    for res in results:
        c.update(res['counts'])
        skips.update(res['skips'])
        outcomes.update(res['outcomes'])
        divergences += res['divergences']
        s = collections.Counter(res['counts'])
        print(f'seed {res["seed"]}: {s["programs"]} programs, {s["divergences"]} divergences, {s["agree"]} agree, '
              f'{s["skipped"]} skipped (unsupported){" (interrupted)" if res["interrupted"] else ""}')
    if skips:
        print('skipped (unsupported), by reason:')
        for reason, n in skips.most_common():
            print(f'  {n:6d}  {reason}')
    if outcomes:
        print('outcomes of agreeing programs: ' + ', '.join(f'{k} {v}' for k, v in outcomes.most_common()))
    if divergences:
        print(f'divergences written to {os.path.relpath(args.out, os.getcwd())}/ (divergences.jsonl):')
        for d in divergences:
            print(f'  {d["fixture"]}: {d["status"]}: {d["difference"].splitlines()[0] if d["difference"] else ""}')
    print(f'{c["programs"]} programs, {c["divergences"]} divergences '
          f'({c["agree"]} agree, {c["skipped"]} skipped (unsupported); {time.time() - t0:.0f} s)')
    return 1 if c['divergences'] else 0


if __name__ == '__main__':
    sys.exit(main())
