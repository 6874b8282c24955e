"""Run the oracle's cases in a tier-2 CPython 3.13 (configured --enable-experimental-jit=interpreter,
run with PYTHON_JIT=0) and print what its counter optimizer counted, as JSON lines.

Input (stdin): JSON lines from `node tools/cpython/tier2/vm-side.js cases`, each
  {"id", "mode": "counter" | "program", "source", "entry"}.
mode "counter": the program does not use _optcert; a fresh counter optimizer is set before the
  module's code runs (the VM registers it before running a program's <module> code and the entry
  call), and the result is its get_count() after the entry call.
mode "program": the program drives the optimizer itself through _optcert (only the counter and
  None); the result is the repr of what the entry call returned, with _optcert emulated below on
  _testinternalcapi, _opcode and sys.
Output (stdout): one JSON line per case: {"id", "count"?: int, "return"?: str, "outcome": str, "error"?: str}.
"""
import contextlib
import dis
import io
import json
import sys

import _opcode
import _testinternalcapi as tic

if not hasattr(tic, 'new_counter_optimizer'):
    sys.exit('driver.py: this CPython has no tier 2 (configure it with --enable-experimental-jit=interpreter)')


class OptcertShim:
    """The VM's builtin module _optcert (spec/optimizer-api.md#optimizer-internals) on CPython's own
    test hooks. Executors are numbered in the order the shim first sees them, scanning the
    program's functions in definition order at each call, which is the VM's installation order when
    each function's executors exist before the next one's are made (true of the corpus's scenarios;
    where it is not, the results differ and the table shows it)."""

    def __init__(self, namespace):
        self.ns = namespace
        self.counter = None
        self.numbers = {}
        self.executors = []

    @contextlib.contextmanager
    def _quiet(self):
        """The shim's own loops (dis) must never run under the program's counter: their executors
        would count into it (and outlive the call)."""
        tic.set_optimizer(None)
        try:
            yield
        finally:
            tic.set_optimizer(self.counter)

    def _scan(self):
        for value in list(self.ns.values()):
            code = getattr(value, '__code__', None)
            if code is None:
                continue
            for ins in dis.get_instructions(code):
                try:
                    exe = _opcode.get_executor(code, ins.offset)
                except (ValueError, RuntimeError):
                    continue
                if id(exe) not in self.numbers:
                    self.executors.append(exe)
                    self.numbers[id(exe)] = len(self.executors)

    def set_optimizer(self, name):
        if name is None:
            self.counter = None
            tic.set_optimizer(None)
        elif name == 'counter':
            self.counter = tic.new_counter_optimizer()
            tic.set_optimizer(self.counter)
        else:
            raise ValueError(f"no optimizer named '{name}' in the tier-2 oracle")

    def get_optimizer(self):
        return 'counter' if self.counter is not None else None

    def get_count(self):
        if self.counter is None:
            raise TypeError('the registered optimizer has no count')
        return self.counter.get_count()

    def get_executor(self, f, index):
        with self._quiet():
            return self._get_executor(f, index)

    def _get_executor(self, f, index):
        code = getattr(f, '__code__', f)
        # The VM's offsets are instruction indices with EXTENDED_ARG dropped; CPython keeps an
        # executor at the first EXTENDED_ARG of its instruction.
        k, start = 0, None
        for ins in dis.get_instructions(code):
            if ins.opname == 'EXTENDED_ARG':
                start = ins.offset if start is None else start
                continue
            if k == index:
                try:
                    exe = _opcode.get_executor(code, ins.offset if start is None else start)
                except (ValueError, RuntimeError):
                    return None
                self._scan()
                return self.numbers.get(id(exe))
            k, start = k + 1, None
        return None

    def _numbered(self, n):
        with self._quiet():
            self._scan()
        if not 1 <= n <= len(self.executors):
            raise ValueError(f'no executor numbered {n}')
        return self.executors[n - 1]

    def add_executor_dependency(self, n, obj):
        tic.add_executor_dependency(self._numbered(n), obj)

    def invalidate_executors(self, obj):
        tic.invalidate_executors(obj)

    def invalidate_all(self):
        sys._clear_internal_caches()

    def executor_is_valid(self, n):
        return self._numbered(n).is_valid()


def run(case):
    ns = {'__name__': '__oracle__'}
    out = {'id': case['id']}
    tic.set_optimizer(None)
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink):
            if case['mode'] == 'program':
                ns['_optcert'] = OptcertShim(ns)
            code = compile(case['source'], case['id'], 'exec')
            counter = None
            if case['mode'] == 'counter':
                # Registered before the module's code runs, as the VM registers it before running
                # a program's <module> code object and then the entry call.
                counter = tic.new_counter_optimizer()
                tic.set_optimizer(counter)
            try:
                exec(code, ns)
                value = eval(case['entry'], ns)
                out['outcome'] = 'return'
                out['return'] = repr(value)
            except Exception as e:  # the program's own exception: an outcome, not a failure
                out['outcome'] = 'raise ' + type(e).__name__
            finally:
                tic.set_optimizer(None)
            if counter is not None:
                out['count'] = counter.get_count()
    except Exception as e:
        out['outcome'] = 'error'
        out['error'] = f'{type(e).__name__}: {e}'
    return out


def main():
    sys.setrecursionlimit(1000)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(run(json.loads(line))), flush=True)


if __name__ == '__main__':
    main()
