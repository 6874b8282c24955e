#!/usr/bin/env python3.13
"""Independent check of the `hotspot` events of the corpus's declining fixtures.

For every definition whose program is Python (`src`) and whose optimizer never installs an
executor (a scripted optimizer whose behaviours are all decline / throw / garbage, or the sample
`null`), and which does not switch optimizers at run time: run the entry call in CPython 3.13,
record the executions of the hotspot instructions of the declared kinds (a `call` trace event is a
RESUME — function entry when oparg & 3 == 0, resume after yield when == 1 or 2 —; an `opcode` event at a
JUMP_BACKWARD is a back edge), replay them through a re-implementation of the seed / CPython 3.13
counters written from spec/optimizer-api.md alone, and print the predicted `hotspot` events as JSON
lines {id, events}. `node compare.js` checks them against the blessed fixtures.

Usage: PYENV_VERSION=3.13.0 python3.13 tools/cpython/optimizer-corpus/predict.py > /tmp/predicted.jsonl
"""
import dis
import glob
import importlib
import json
import math
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build  # noqa: E402

BITS = {'FUNCTION_ENTRY': 1, 'RESUME_AFTER_YIELD': 2, 'BACK_EDGE': 4}
S = 65536


def caps_of(opt):
    if opt == 'null':
        return 7
    c = opt['capabilities']
    return c if isinstance(c, int) else sum(BITS[x] for x in c)


def never_installs(opt):
    if opt == 'null':
        return True
    if not isinstance(opt, dict):
        return False
    behaviours = [opt.get('default', 'decline')] + list((opt.get('at') or {}).values())
    return all(isinstance(b, str) for b in behaviours)


def ticks(f):
    """[(code name, index, kind)] in execution order, from CPython."""
    ns = {'__name__': '__optcert__', '__builtins__': __builtins__}
    exec(compile(f['src'], build.vmc.SOURCE_NAME, 'exec', dont_inherit=True), ns)
    functions = {k: v for k, v in ns.items()
                 if isinstance(v, types.FunctionType) and v.__code__.co_filename == build.vmc.SOURCE_NAME}
    code_names, _ = build.vmc.name_code_objects(functions)
    index = {}
    for co_id in code_names:
        pass
    out = []

    def idx(co, off):
        key = id(co)
        if key not in index:
            index[key] = {ins.offset: k for k, ins in enumerate(i for i in dis.get_instructions(co) if i.opname != 'EXTENDED_ARG')}
        return index[key][off]

    def tracer(frame, event, arg):
        co = frame.f_code
        if id(co) not in code_names:
            return None
        frame.f_trace_opcodes = True
        name = code_names[id(co)]
        if event == 'call':
            op, oparg = co.co_code[frame.f_lasti], co.co_code[frame.f_lasti + 1]
            assert dis.opname[op] == 'RESUME', (name, frame.f_lasti)
            where = oparg & 3
            # 2: the RESUME after a yield from's yield (spec/optimizer-api.md#hotspot-resume-yield-from). A throw()
            # or close() also reports `call` at the RESUME it does not execute: the corpus's declining fixtures use neither.
            if where in (0, 1, 2):
                out.append((name, idx(co, frame.f_lasti), 'function_entry' if where == 0 else 'resume_after_yield'))
        elif event == 'opcode' and dis.opname[co.co_code[frame.f_lasti]] == 'JUMP_BACKWARD':
            out.append((name, idx(co, frame.f_lasti), 'back_edge'))
        return tracer

    sys.settrace(tracer)
    try:
        eval(f.get('entry', 'main()'), ns)
    except Exception:
        pass
    finally:
        sys.settrace(None)
    return out


def valid(opt):
    """The registration checks of spec/optimizer-api.md#capabilities and #cost-metadata."""
    if opt == 'null':
        return True
    c = opt['capabilities']
    if not isinstance(c, list) and not (isinstance(c, int) and 1 <= c <= 7):
        return False
    costs = [opt.get('optimizationCost', 1), opt.get('runCost', 1)]
    return all(isinstance(x, (int, float)) and math.isfinite(x) and x > 0 for x in costs)


def predict(f):
    opt = f['optimizer']
    if not valid(opt):
        return []  # refused at registration: nothing runs
    caps = caps_of(opt)
    kbit = {'function_entry': 1, 'resume_after_yield': 2, 'back_edge': 4}
    h = f.get('hotspot', {})
    events = []
    sites = {}
    if h.get('profile') == 'cpython313':
        thr, maxb = h.get('threshold', 16), h.get('maxBackoff', 12)
        for code, off, kind in ticks(f):
            if not caps & kbit[kind]:
                continue
            s = sites.setdefault((code, off), {'value': thr, 'b': 4, 'ex': 0})
            s['ex'] += 1
            if s['value'] == 0:
                events.append({'kind': 'hotspot', 'code': code, 'offset': off, 'hotspot': kind,
                               'counters': {'executions': s['ex'], 'backoff': s['b']}})
                s['b'] = min(s['b'] + 1, maxb)
                s['value'] = (1 << s['b']) - 1
            else:
                s['value'] -= 1
        return events
    K, N, M, maxb = h.get('K', 16), h.get('N', 64), h.get('M', 1 / 1024), h.get('maxBackoff', 12)
    oc = 1 if opt == 'null' else opt.get('optimizationCost', 1)
    rc = 1 if opt == 'null' else opt.get('runCost', 1)
    cs = math.floor(M * oc / rc * S)
    g = 0
    for code, off, kind in ticks(f):
        if not caps & kbit[kind]:
            continue
        s = sites.get((code, off))
        if s is None:
            s = sites[(code, off)] = {'count': K, 'saved': g, 'b': 0, 'ex': 0}
        g += 1
        s['ex'] += 1
        s['count'] -= 1
        if s['count'] > 0:
            continue
        k = K * 2 ** s['b']
        if k * (g + 1) * S > (g - s['saved']) * (N * S + cs * (g + 1)):
            events.append({'kind': 'hotspot', 'code': code, 'offset': off, 'hotspot': kind,
                           'counters': {'executions': s['ex'], 'local': k, 'global': g, 'saved': s['saved'], 'scaledCost': cs}})
            s['b'] = min(s['b'] + 1, maxb)  # every behaviour here declines (or faults, which counts as one)
        s['count'] = K * 2 ** s['b']
        s['saved'] = g
    return events


def main():
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, 'defs_*.py')))
    for name in names:
        for f in importlib.import_module(name).FIX:
            if 'src' not in f or f.get('optimizer') is None or not never_installs(f['optimizer']):
                continue
            if 'optimizers' in f or '_optcert' in f['src']:
                continue
            fid = f.get('id') or f['path'].replace('/', '.')
            print(json.dumps({'id': fid, 'path': f['path'], 'events': predict(f)}))


if __name__ == '__main__':
    main()
