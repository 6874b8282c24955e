"""Loop-heavy random programs: the generator of the generated certification tier (tools/fuzz/corpus.py).

`generate(rng)` returns `(source, call, features)` like gen.generate returns `(source, call)`, plus the
sorted list of the constructs the program was built from (`int-growth`, `type-transition`, `drain`,
`generator`, `exception`, `nested`, `early-exit`, `call`, `helper-loop`, `effect-call`, `dict-count`,
`str-build`, `truthiness`, `float-walk`, `walk-mutate`, `global-rebind`), which the corpus writer
turns into tags and descriptions.

Where gen.py writes many short statements with loops of a few iterations, this one writes a `main`
made of two to four *hot loop kernels*: loops of 12 to 60 iterations (nested ones multiply to at
most about 240) whose body changes what it computes on a late iteration, the thing an optimizer that
specialised on its first iterations must get right:

- an int that grows past 2**31, 2**53, 2**63 or 2**64 inside the loop (adding, multiplying,
  shifting; sometimes shrinking back below afterwards), and the same going negative;
- a value that turns from int into float, bool, str, None or a list on iteration t (by assignment,
  by an item of a heterogeneous list, or by what a generator yields), used by an operation that is
  valid for both types, or by one that raises TypeError (caught inside the loop, or not);
- a list that a loop drains (`pop`, `pop(0)`) until it is empty, then indexed, summed, maxed or
  divided by its length; a list that grows under its own for loop (length-guarded), a dict changed
  while a loop walks it, slice copies, a store past the end of a list;
- a float stepped through exactly 0.0 (negation, comparisons, squares, reprs), nan, inf and
  overflowing operands arriving late from a list;
- a module global read in the loop and rebound late by a function it calls, or a builtin's name
  rebound to a program function;
- calls inside the loop: program functions (some with a loop of their own and a `return` from its
  middle, some that raise for one argument, some with a side effect and a result whose type changes
  late), builtins, and str/list/dict methods;
- generators consumed by `for`, by `next()` with and without a default, by `zip` and `enumerate`;
- exceptions raised and caught inside the loop (ZeroDivisionError at i == t, KeyError, IndexError,
  ValueError from int(), an explicit raise), with `continue`, `break`, `else`, `finally`, re-raise;
- nested loops with `break`/`continue` in the inner one and `for ... else`;
- `break` and `return` from the middle of a loop body, and `while True` with a guarded break;
- truth tests (`if v`, `not v`, `and`/`or`, `while v`) of a value that turns from true into a false
  one (0.0, -0.0, '', [], None...) or a true one a JIT may misjudge (' ', nan) late, bool `^ | &`
  that must stay bool, and int powers with negative exponents (floats).

The changing value is mostly read in the loop's first basic block (from a list item, an accumulator
or a global) rather than behind an `if`, so that an optimizer whose region ends at the first jump
(the superblock sample) runs the changed operation inside its executor.

Around the kernels, gen.py's grammar supplies filler statements (a few per loop body, printing
nothing), the helper functions of typed parameters, generator functions and globals. Everything
gen.py guarantees still holds: every loop is bounded by a literal count (each `while` has a counter
guard that nothing else assigns), recursion is bounded, values grow at most polynomially with the
iteration count, and gen.py's list of documented CPython differences is never generated.
"""

from __future__ import annotations

import ast
import collections
import random

import gen
from gen import ANY, BOOL, DICT, FLOAT, INT, LIST, STR, TUPLE, VALUE_TYPES, Func, Scope

# Boundaries where a JIT's int representation changes: a 32-bit tagged int, a double's exact range,
# int64, uint64.
BOUNDARIES = [31, 53, 63, 64]
# What an int-typed value may turn into on a late iteration.
TRANSITION_VALUES = {
    FLOAT: ['2.5', '0.5', '-1.25', '1e+16', "float('inf')", "float('nan')", '-0.0', '0.0', '3.0', '9007199254740993.0'],
    BOOL: ['True', 'False'],
    STR: ["'7'", "'x'", "''", "' '", "'10'", "'ab'"],
    'none': ['None'],
    LIST: ['[1, 2]', '[]', '[0]'],
    'big': ['2 ** 53 + 1', '-(2 ** 63)', '2 ** 64', '10 ** 20', '2 ** 31', '-(2 ** 31) - 1'],
}
# Operations on x (int before the transition) and acc (an int accumulator), each a statement. The
# ones marked True raise TypeError for some of the transition types (CPython decides which).
USES = [
    ('{acc} = {acc} + {x}', True),
    ('{acc} += {x} * {i}', True),
    ('{acc} = {acc} - {x} // 2', True),
    ('{acc} += {x} % 7', True),
    ('{acc} = {acc} * 2 + ({x} if {x} else 1)', True),
    ('{acc} += len(str({x}))', False),
    ('{acc} += ({x} == {i})', False),
    ('{acc} += ({x} == 1) - ({x} != 0)', False),
    # list(): CPython compiles the right operand of `in` written as a list display to a tuple
    ('{acc} += ({x} in list((1.0, True, ({i}, 2), None, 2.5)))', False),
    ('{acc} += (({x}, 2) in list(((1.0, 2), ({i}, 2), (True, 2))))', False),
    ('{acc} += ({x} < 5)', True),
    ('{acc} += -{x}', True),
    ('{acc} = max({acc}, {x})', True),
    ('{acc} += int({x})', True),
    ('{acc} += 1 if {x} else 2', False),
    ('{acc} += {x} << 1', True),
    ('{acc} += abs({x})', True),
    ('{acc} += len({x} * 2)', True),
    ('{acc} += ({x} is None)', False),
    ('{acc} += isinstance({x}, int)', False),
    ('{acc} ^= hash({x}) & 255 if isinstance({x}, int) else 1', False),
    ('{acc} = f"{{{acc}}}{{{x}!r}}"[-12:]', False),
]


class LoopGen(gen.Gen):
    def __init__(self, rng: random.Random):
        super().__init__(rng)
        self.features: set[str] = set()
        self.helpers: list[tuple[str, int]] = []  # loop helpers of (name, int parameters)
        self.raisers: list[str] = []  # one-int functions that raise for some arguments
        self.tgens: list[str] = []  # one-int generators whose yielded type may change late
        self.effects: list[str] = []  # functions of (list, int) that append and change result type late
        self.setters: list[tuple[str, str, str]] = []  # (function, global it rebinds late, 'value' or 'builtin')

    # ------------------------------------------------------------------ sizes

    def iters(self, lo=12, hi=60):
        return self.r.randint(lo, hi)

    def late(self, n):
        """A late iteration: an executor compiled at the first back edge has seen most of the loop."""
        return self.r.randint(max(1, n // 2), max(1, n - 1))

    # ------------------------------------------------------------------ filler from gen.py's grammar

    def stmt(self, scope, ind):
        """gen.py's statements, without print inside loops (a loop of 60 iterations printing a growing
        str makes a huge expectation) and with fewer nested compound statements."""
        if not self.loop_depth:
            return super().stmt(scope, ind)
        r = self.r
        self.nest += 1
        try:
            compound = self.nest <= 2
            weights = {
                'assign': 14, 'reassign': 8, 'aug': 10, 'listmut': 4, 'dictmut': 4,
                'if': 6 if compound else 0, 'for': 1 if compound and self.loop_depth < 2 else 0,
                'try': 4 if compound else 0, 'unpack': 2, 'call': 3, 'next': 1 if self.gens else 0,
                'global': 2 if self.global_decl else 0, 'breakcont': 1,
                'return': 0.5 if self.in_func and not self.in_gen else 0,
                'yield': 5 if self.in_gen else 0,
            }
            kinds = list(weights)
            kind = r.choices(kinds, [weights[k] for k in kinds])[0]
            with self.stmt_budget(1):
                out = getattr(self, 's_' + kind)(scope, ind)
            return out if out else [ind + 'pass']
        finally:
            self.nest -= 1

    def s_call(self, scope, ind):
        """A call statement; inside a loop, an assignment when no function fits (gen.py would print)."""
        if not self.loop_depth:
            return super().s_call(scope, ind)
        call = self.call_of(scope, 2, self.r.choice(VALUE_TYPES))
        return [f'{ind}{call}'] if call else self.s_assign(scope, ind)

    def filler(self, scope, ind, lo=0, hi=2, frozen=True):
        """A few of gen.py's statements inside a kernel's loop body (lists frozen: a for loop may walk one)."""
        old = (self.loop_depth, self.frozen_lists, self.storing)
        self.loop_depth += 1
        self.frozen_lists = self.frozen_lists or frozen
        try:
            lines = []
            for _ in range(self.r.randint(lo, hi)):
                lines += self.stmt(scope, ind)
            return lines
        finally:
            self.loop_depth, self.frozen_lists, self.storing = old

    def probe(self, ind, i, n, *names):
        """Print a few values on a few iterations (the output is part of the expectation)."""
        r = self.r
        if not names or not self.chance(0.35):
            return []
        k = r.choice([n // 2, n // 3, max(1, n // 4)]) or 1
        return [f'{ind}if {i} % {k} == {r.randint(0, k - 1)}:', f'{ind}    print({i}, {", ".join(names)})']

    # ------------------------------------------------------------------ kernels (each: lines for main's body)

    def k_int_growth(self, scope, ind):
        """An int accumulator that crosses a representation boundary on a late iteration."""
        r = self.r
        self.features.add('int-growth')
        acc, i = self.fresh('acc'), self.fresh('i')
        n = self.iters()
        t = self.late(n)
        b = r.choice(BOUNDARIES)
        neg = self.chance(0.3)
        mode = r.choice(['add', 'add', 'mul', 'shift', 'square'])
        if mode == 'add':
            step = r.choice([1, 3, 7, 1000, 12345, 2 ** 20 + 1])
            start = 2 ** b - step * t + r.randint(0, step - 1)
            start, op = (-start, '-=') if neg else (start, '+=')
            lines = [f'{ind}{acc} = {start}' if start >= 0 else f'{ind}{acc} = ({start})',
                     f'{ind}for {i} in range({n}):', f'{ind}    {acc} {op} {step}']
        elif mode == 'mul':
            f = r.choice([2, 3, 5, 7, 10])
            # f ** t ~ 2 ** b: start so that the boundary is crossed around iteration t
            start = max(1, (2 ** b) // (f ** t)) + r.randint(0, 3)
            lines = [f'{ind}{acc} = {"-" if neg else ""}{start}', f'{ind}for {i} in range({n}):',
                     f'{ind}    {acc} = {acc} * {f} + {r.choice([i, "1", "0", f"({i} & 3)"])}']
        elif mode == 'shift':
            sh = r.choice([1, 2, 3])
            start = max(1, 2 ** b >> (sh * t))
            lines = [f'{ind}{acc} = {"-" if neg else ""}{start}', f'{ind}for {i} in range({n}):',
                     f'{ind}    {acc} = ({acc} << {sh}) {r.choice(["|", "^", "+"])} ({i} & 1)']
        else:  # squaring a few times: 2**31 -> 2**62 -> 2**124 within a short loop
            n = r.randint(5, 9)
            lines = [f'{ind}{acc} = {r.choice([3, 7, 46341, 65535, 65537, 2 ** 16])}', f'{ind}for {i} in range({n}):',
                     f'{ind}    {acc} = {acc} * {acc} % {r.choice(["(2 ** 127 - 1)", "(10 ** 40)", "(2 ** 61)", "1000000007"])}' if self.chance(0.5)
                     else f'{ind}    {acc} = {acc} * {acc} if {acc} < 2 ** 200 else {acc} // 3']
        inner = scope.child()
        inner.add(i, INT)
        body = []
        if self.chance(0.5):  # observers of the crossing: comparisons, float conversion, bit length, str
            obs = self.fresh('o')
            body += [f'{ind}    {obs} = {r.choice([f"{acc} > 2 ** {b}", f"float({acc})", f"{acc} & 0xFFFF", f"len(str({acc}))", f"{acc} // 3 % 1000", f"{acc} == 2 ** {b}", f"-{acc} < 0", f"{acc} % 97"])}']
            body += self.probe(ind + '    ', i, n, acc, obs)
            inner.add(obs, ANY)
        body += self.filler(inner, ind + '    ', 0, 2)
        if self.chance(0.25):  # and back below the boundary
            body += [f'{ind}    if {i} == {min(n - 1, t + r.randint(1, 5))}:', f'{ind}        {acc} = {acc} % {r.choice(["1000", "2 ** 31", "65536"])}']
        lines += body
        scope.add(acc, INT)
        return lines, [acc]

    def transition_value(self):
        kind = self.r.choice(list(TRANSITION_VALUES))
        return kind, self.r.choice(TRANSITION_VALUES[kind])

    def k_type_transition(self, scope, ind):
        """A value that is an int for most of the loop and something else from iteration t on."""
        r = self.r
        self.features.add('type-transition')
        acc, x, i = self.fresh('acc'), self.fresh('x'), self.fresh('i')
        n = self.iters()
        t = self.late(n)
        kind, new = self.transition_value()
        # 'list' and 'index' change the value with no branch before its uses (the loop's first block)
        how = r.choice(['assign', 'list', 'list', 'index', 'cond'])
        lines = [f'{ind}{acc} = {self.lit(INT) if self.chance(0.3) else r.choice(["0", "1"])}']
        if how in ('list', 'index'):
            data = self.fresh('data')
            lines += [f'{ind}{data} = list(range({n}))', f'{ind}{data}[{t}] = {new}']
            if self.chance(0.4):
                lines.append(f'{ind}{data}[{min(n - 1, t + r.randint(1, 4))}] = {r.choice(TRANSITION_VALUES[r.choice(list(TRANSITION_VALUES))])}')
            if how == 'list':
                head = f'{ind}for {x} in {data}:'
                lines.append(f'{ind}{i} = 0')
                pre = []
                post = [f'{ind}    {i} += 1']
            else:
                head = f'{ind}for {i} in range({n}):'
                pre = [f'{ind}    {x} = {data}[{i}]']
                post = []
        else:
            lines.append(f'{ind}{x} = {r.randint(0, 9)}')
            head = f'{ind}for {i} in range({n}):'
            if how == 'assign':
                pre = [f'{ind}    if {i} {r.choice(["==", ">="])} {t}:', f'{ind}        {x} = {new}',
                       f'{ind}    elif {i} < {t}:', f'{ind}        {x} = {i} {r.choice(["+", "*", "-", "^"])} {r.randint(1, 5)}']
            else:
                pre = [f'{ind}    {x} = {new} if {i} {r.choice(["==", ">=", ">"])} {t} else {i} {r.choice(["+", "//", "%", "-"])} {r.randint(1, 4)}']
            post = []
        uses = r.sample(USES, r.randint(1, 3))
        body = []
        caught = self.chance(0.75)
        for tmpl, may_raise in uses:
            stmt = tmpl.format(acc=acc, x=x, i=i)
            if may_raise and caught:
                self.features.add('exception')
                e = self.fresh('e')
                handler = r.choice([[f'{ind}        {acc} = -1' if self.chance(0.3) else f'{ind}        print({i}, {e})'],
                                    [f'{ind}        {acc} = str({acc})[:8]', f'{ind}        continue'],
                                    [f'{ind}        print(repr({e}))', f'{ind}        break'],
                                    [f'{ind}        {x} = 0']])
                body += [f'{ind}    try:', f'{ind}        {stmt}', f'{ind}    except {r.choice(["TypeError", "(TypeError, ValueError)", "Exception", "(OverflowError, TypeError, ValueError)"])} as {e}:'] + handler
            else:
                body.append(f'{ind}    {stmt}')
        inner = scope.child()
        inner.add(i, INT)
        body += self.probe(ind + '    ', i, n, acc, x)
        body += self.filler(inner, ind + '    ', 0, 1)
        # continue in a handler skips post: then i would not advance, so the counter goes first
        lines += [head] + post + pre + body
        scope.add(acc, ANY)
        scope.add(x, ANY)
        return lines, [acc, x]

    def k_drain(self, scope, ind):
        """A list that the loop empties; what happens next reads the empty list."""
        r = self.r
        self.features.add('drain')
        L, acc, v = self.fresh('L'), self.fresh('acc'), self.fresh('v')
        n = self.iters(6, 40)
        src = r.choice([f'list(range({n}))', f'[k * {r.randint(2, 9)} % 17 for k in range({n})]',
                        f'list(range({n}, 0, -1))', f'[{r.choice(["2.5", "True", "-1", "10 ** 18"])}] * {n}'])
        lines = [f'{ind}{L} = {src}', f'{ind}{acc} = 0']
        pop = r.choice([f'{L}.pop()', f'{L}.pop(0)', f'{L}.pop(-1)'])
        style = r.choice(['while', 'while', 'for-try', 'while-true'])
        inner = scope.child()
        if style == 'while':
            w = self.fresh('w')
            lines += [f'{ind}{w} = 0', f'{ind}while {L} and {w} < {n + 5}:', f'{ind}    {w} += 1', f'{ind}    {v} = {pop}']
        elif style == 'while-true':
            w = self.fresh('w')
            lines += [f'{ind}{w} = 0', f'{ind}while True:', f'{ind}    {w} += 1', f'{ind}    if not {L} or {w} > {n + 5}:',
                      f'{ind}        break', f'{ind}    {v} = {pop}']
        else:
            self.features.add('exception')
            i = self.fresh('i')
            lines += [f'{ind}for {i} in range({n + r.randint(1, 4)}):', f'{ind}    try:', f'{ind}        {v} = {pop}',
                      f'{ind}    except IndexError as {self.fresh("e")}:',
                      f'{ind}        {r.choice([f"{v} = -1", "break", f"print({i}, len({L}))"])}']
            inner.add(i, INT)
            # v is bound before the handler can run: the list starts non-empty
        use = r.choice([f'{acc} += {v}', f'{acc} = {acc} * 3 + {v}', f'{acc} += {v} % 5', f'{acc} = max({acc}, {v})',
                        f'{acc} += {v} // (len({L}) + 1)', f'{acc} += {v} * len({L})'])
        lines.append(f'{ind}    {use}')
        if self.chance(0.5):  # reads that change meaning as the list empties
            lines.append(f'{ind}    {acc} += {r.choice([f"sum({L})", f"len({L})", f"max({L}, default=-1)", f"({L} or [0])[0]", f"{L}[-1] if {L} else 0", f"{L}.count(0)"])}')
        lines += self.filler(inner, ind + '    ', 0, 1)
        after = r.choice([f'{acc} += {L}[0]', f'{acc} += sum({L}) // len({L})', f'{acc} += max({L})', f'{acc} += len({L})',
                          f'{acc} += {L}.index(0)', f'{acc} = ({acc}, {L})'])
        if self.chance(0.6):
            self.features.add('exception')
            lines += [f'{ind}try:', f'{ind}    {after}', f'{ind}except {r.choice(["(IndexError, ZeroDivisionError, ValueError)", "Exception", "LookupError", "ArithmeticError"])} as {self.fresh("e")}:',
                      f'{ind}    {acc} = {r.choice([acc + " - 1", "str(" + acc + ")", "None", "-" + acc])}']
        else:
            lines.append(f'{ind}{after}')
        scope.add(acc, ANY)
        scope.add(L, LIST)
        return lines, [acc, L]

    def k_calls(self, scope, ind):
        """Calls in a hot loop: loop helpers (early return), raisers, builtins and methods."""
        r = self.r
        self.features.add('call')
        acc, i = self.fresh('acc'), self.fresh('i')
        n = self.iters()
        t = self.late(n)
        lines = [f'{ind}{acc} = 0', f'{ind}for {i} in range({n}):']
        calls = []
        if self.effects and self.chance(0.6):  # first in the body: a region that ends at the first jump holds it
            f = r.choice(self.effects)
            log, res = self.fresh('log'), self.fresh('res')
            lines.insert(0, f'{ind}{log} = []')
            calls.append(f'{res} = {f}({log}, {i})')
            calls.append(f'{acc} += {res} if isinstance({res}, int) else len({log})')
            self.features.add('effect-call')
        for _ in range(r.randint(1, 3)):
            c = r.randint(0, 6)
            if c <= 1 and self.helpers:
                h, k = r.choice(self.helpers)
                self.features.add('helper-loop')
                args = [i] + [r.choice([str(r.randint(0, 9)), f'{i} % {r.randint(2, 9)}', acc if self.chance(0.2) else '3']) for _ in range(k - 1)]
                calls.append(f'{acc} += {h}({", ".join(args)})')
            elif c == 2 and self.raisers:
                f = r.choice(self.raisers)
                self.features.add('exception')
                e = self.fresh('e')
                calls.append((f'{acc} += {f}({i} - {t - r.randint(0, 2)})',
                              r.choice(['ValueError', 'ZeroDivisionError', 'ArithmeticError', 'Exception', '(ValueError, KeyError)']), e))
            elif c == 3:
                calls.append(r.choice([f'{acc} += abs({i} - {t})', f'{acc} += min({i}, {t}) - max({i} - 3, 0)',
                                       f'{acc} += len(str({acc}))', f'{acc} += divmod({acc} + {i}, 7)[1]',
                                       f'{acc} += int(str({i}) * 2)', f'{acc} += round({i} / 2)', f'{acc} += ord(chr(65 + {i} % 26))',
                                       f'{acc} += sum(range({i} % 9))', f'{acc} += any([{i} > {t}, False])', f'{acc} += bool({i} & 4)']))
            elif c == 4:
                s = self.fresh('s')
                lines.insert(0, f'{ind}{s} = []')
                calls.append(f'{s}.append({i} * {i} if {i} < {t} else str({i}))')
                calls.append(f'{acc} += len({s}) + {s}.count({i})')
                self.features.add('type-transition')
            elif c == 5:
                d = self.fresh('d')
                lines.insert(0, f'{ind}{d} = {{}}')
                key = r.choice([f'{i} % 5', f'{i} % 3 if {i} < {t} else str({i} % 3)', f"'k' + str({i} % 4)", f'({i} % 2, {i} > {t})'])
                calls.append(f'{d}[{key}] = {d}.get({key}, 0) + {i}')
                calls.append(f'{acc} += len({d})')
                self.features.add('dict-count')
            else:
                st = self.fresh('st')
                lines.insert(0, f'{ind}{st} = ""')
                if self.chance(0.5):
                    calls.append(f'{st} = ({st} + str({i} % 10))[-{r.randint(4, 12)}:]')
                    calls.append(f'{acc} += {st}.count({str(r.randint(0, 9))!r}) + len({st}.upper())')
                else:  # characters past the BMP from iteration t on (built by chr: a literal cannot hold one),
                    # read by length, index and ord only (never printed or returned: a fixture cannot hold them)
                    # branch-free (a region that ends at the first jump still holds the len() below)
                    jump = r.choice(['0x1F600', '0x10000', '0x1D11E', '0xE9'])
                    calls.append(f'{st} = ({st} + chr(97 + ({i} >= {t}) * ({jump} - 97) + {i} % 4))[-{r.randint(4, 12)}:]')
                    calls.append(f'{acc} += len({st}) + ord({st}[{i} % len({st})]) % 7 + {st}.count("a")')
                self.features.add('str-build')
        inner = scope.child()
        inner.add(i, INT)
        for cl in calls:
            if isinstance(cl, tuple):
                stmt, exc, e = cl
                lines += [f'{ind}    try:', f'{ind}        {stmt}', f'{ind}    except {exc} as {e}:',
                          f'{ind}        {r.choice([f"print({i}, {e})", f"{acc} -= 1", "continue", f"print(repr({e}))"])}']
            else:
                lines.append(f'{ind}    {cl}')
        lines += self.probe(ind + '    ', i, n, acc)
        lines += self.filler(inner, ind + '    ', 0, 2)
        scope.add(acc, INT)
        return lines, [acc]

    def k_generator(self, scope, ind):
        """A generator consumed in a loop: for, next with or without default, zip, enumerate."""
        r = self.r
        self.features.add('generator')
        acc = self.fresh('acc')
        n = self.iters(8, 50)
        if self.tgens and self.chance(0.7):
            g = f'{r.choice(self.tgens)}({n})'
        elif self.gens and self.chance(0.5):
            g = self.gen_call(r.choice(self.gens), scope, 1)
        else:
            j = self.fresh('j')
            g = f'({r.choice([f"{j} * {j}", f"{j} % 7", f"{j} << 40", f"{j} / 4", f"str({j})"])} for {j} in range({n}))'
        v, i = self.fresh('v'), self.fresh('i')
        style = r.choice(['for', 'for', 'next', 'next-default', 'zip', 'enumerate'])
        lines = [f'{ind}{acc} = 0']
        inner = scope.child()
        op = r.choice([f'{acc} = {acc} + {v}', f'{acc} += {v} if isinstance({v}, int) else 1', f'{acc} = max({acc}, {v})',
                       f'{acc} += len(str({v}))', f'{acc} = ({acc} + {v}) % 1000003'])
        if style == 'for':
            lines += [f'{ind}for {v} in {g}:']
        elif style == 'enumerate':
            lines += [f'{ind}for {i}, {v} in enumerate({g}):']
            inner.add(i, INT)
        elif style == 'zip':
            lines += [f'{ind}for {i}, {v} in zip(range({r.randint(3, n + 3)}), {g}):']
            inner.add(i, INT)
        else:
            it, w = self.fresh('it'), self.fresh('w')
            lines += [f'{ind}{it} = iter({g})' if g.startswith('(') else f'{ind}{it} = {g}', f'{ind}{w} = 0',
                      f'{ind}while {w} < {n + 3}:', f'{ind}    {w} += 1']
            if style == 'next-default':
                lines += [f'{ind}    {v} = next({it}, None)', f'{ind}    if {v} is None:', f'{ind}        break']
            else:  # StopIteration at the end: caught here, or raised from main
                self.features.add('exception')
                if self.chance(0.8):
                    lines += [f'{ind}    try:', f'{ind}        {v} = next({it})', f'{ind}    except StopIteration:', f'{ind}        break']
                else:
                    lines += [f'{ind}    {v} = next({it})']
        try_op = self.chance(0.5)
        if try_op:
            self.features.add('exception')
            lines += [f'{ind}    try:', f'{ind}        {op}', f'{ind}    except TypeError:',
                      f'{ind}        {r.choice([f"{acc} = str({acc})", "continue", "break", f"{acc} = -{acc}"])}']
        else:
            lines.append(f'{ind}    {op}')
        if self.chance(0.3):
            self.features.add('early-exit')
            lines += [f'{ind}    if {acc} {r.choice([">", "=="])} {r.randint(50, 3000)}:', f'{ind}        break']
        lines += self.filler(inner, ind + '    ', 0, 1)
        scope.add(acc, ANY)
        return lines, [acc]

    def k_exceptions(self, scope, ind):
        """An exception raised and caught inside the loop on some iterations."""
        r = self.r
        self.features.add('exception')
        acc, i, e = self.fresh('acc'), self.fresh('i'), self.fresh('e')
        n = self.iters()
        t = self.late(n)
        lines = [f'{ind}{acc} = {r.choice(["0", "1", "100"])}']
        d = self.fresh('d')
        if self.chance(0.5):
            lines.append(f'{ind}{d} = {{k: k * k for k in range({r.randint(1, n)})}}')
        else:
            lines.append(f'{ind}{d} = {{0: 1, 1: 2, 2: 4}}')
        forms = [
            (f'{acc} += {r.choice([100, 7, 10 ** 20])} // ({i} - {t})', 'ZeroDivisionError'),
            (f'{acc} += {r.choice([1.5, 2])} / ({i} % {r.randint(3, 9)})', 'ZeroDivisionError'),
            (f'{acc} += {d}[{i}]', 'KeyError'),
            (f'{acc} += [1, 2, 3][{i} - {t}]', 'IndexError'),
            (f'{acc} += int(str({i}) if {i} != {t} else "x{i}")', 'ValueError'),
            (f'{acc} += int(" 12 " if {i} < {t} else "1.5")', 'ValueError'),
            (None, 'ValueError'),  # explicit raise
        ]
        stmt, exc = r.choice(forms)
        body_lines = []
        if stmt is None:
            cond = r.choice([f'{i} == {t}', f'{i} % {r.randint(3, 9)} == 0', f'{i} > {t}'])
            body_lines = [f'if {cond}:', f'    raise {r.choice(["ValueError", "KeyError", "RuntimeError"])}({i})', f'{acc} += {i}']
            exc = r.choice(['ValueError', 'KeyError', 'RuntimeError', 'Exception', 'LookupError'])
        else:
            body_lines = [stmt]
            if self.chance(0.2):
                exc = r.choice(['ArithmeticError', 'LookupError', 'Exception', f'({exc}, TypeError)'])
        if self.chance(0.3):  # printed in the same block as the raise: the output must precede it
            body_lines.insert(0, r.choice([f'print({i})', f"print('at', {i})", f"print({i}, end={r.choice([' ', ','])!r})"]))
        lines.append(f'{ind}for {i} in range({n}):')
        lines += [f'{ind}    try:'] + [f'{ind}        {b}' for b in body_lines]
        handler = r.choice([
            [f'print({i}, repr({e}))'], [f'{acc} = -{acc}'], ['continue'], ['break'], [f'{acc} += len({e}.args)'],
            [f'print("caught", {e})'],
            ['raise'] if self.chance(0.3) else [f'{acc} -= 1'],
            [f'raise RuntimeError({i}) from {e}'] if self.chance(0.2) else [f'{acc} += 2'],
        ])
        lines += [f'{ind}    except {exc} as {e}:'] + [f'{ind}        {h}' for h in handler]
        if self.chance(0.3):
            lines += [f'{ind}    else:', f'{ind}        {acc} += 1']
        if self.chance(0.3):
            cnt = self.fresh('c')
            lines.insert(0, f'{ind}{cnt} = 0')
            lines += [f'{ind}    finally:', f'{ind}        {cnt} += 1']
            scope.add(cnt, INT)
        inner = scope.child()
        inner.add(i, INT)
        lines += self.probe(ind + '    ', i, n, acc)
        lines += self.filler(inner, ind + '    ', 0, 2)
        scope.add(acc, ANY)
        return lines, [acc]

    def k_nested(self, scope, ind):
        """Nested loops, inner break/continue, for-else, a transition in the inner loop."""
        r = self.r
        self.features.add('nested')
        acc, i, j = self.fresh('acc'), self.fresh('i'), self.fresh('j')
        a, b = r.randint(4, 16), r.randint(3, 15)
        t = self.late(a)
        lines = [f'{ind}{acc} = 0', f'{ind}for {i} in range({a}):']
        inner_head = r.choice([f'for {j} in range({b}):', f'for {j} in range({i}, {i} + {b}):', f'for {j} in range({i} % {b} + 1):',
                               f'for {j} in range({b}, 0, -{r.randint(1, 2)}):', f'for {j} in {acc}_items:', f'for {j} in {acc}_items:'])
        if 'items' in inner_head:  # the same list walked again by every outer iteration (a fresh iterator each time)
            lines.insert(0, f'{ind}{acc}_items = {r.choice([f"list(range({b}))", f"[{j} * 3 % 7 for {j} in range({b})]", f"sorted(range({b}), reverse=True)"])}')
        lines.append(f'{ind}    {inner_head}')
        cond = r.choice([f'{j} > {i}', f'{i} * {j} > {r.randint(10, 60)}', f'({i} + {j}) % {r.randint(3, 7)} == 0', f'{j} == {t} and {i} > {t}'])
        kw = r.choice(['break', 'continue'])
        lines += [f'{ind}        if {cond}:', f'{ind}            {kw}']
        op = r.choice([f'{acc} += {i} * {j}', f'{acc} = {acc} * 3 + {j} if {i} < {t} else {acc} + {j} / 2',
                       f'{acc} += ({i} ^ {j}) << {r.choice([1, 20, 40])}', f'{acc} = ({acc} + {i} * {j}) % {r.choice([97, 2 ** 31 - 1, 10 ** 12 + 39])}',
                       f'{acc} += {j} if {i} != {t} else {r.choice(["0.5", "True", "2 ** 60"])}'])
        lines.append(f'{ind}        {op}')
        inner = scope.child()
        inner.add(i, INT)
        inner.add(j, INT)
        self.loop_depth += 1
        lines += self.filler(inner, ind + '        ', 0, 1)
        self.loop_depth -= 1
        if self.chance(0.4):
            lines += [f'{ind}    else:', f'{ind}        {acc} += {r.randint(1, 9)}']
        if self.chance(0.3):
            self.features.add('early-exit')
            lines += [f'{ind}    if {acc} > {r.choice([500, 5000, 2 ** 40])}:', f'{ind}        break']
        lines += self.probe(ind + '    ', i, a, acc)
        scope.add(acc, ANY)
        return lines, [acc]

    def k_early_exit(self, scope, ind):
        """break or return from the middle of the loop body, with work before and after it."""
        r = self.r
        self.features.add('early-exit')
        acc, i = self.fresh('acc'), self.fresh('i')
        n = self.iters()
        t = self.late(n)
        inner = scope.child()
        inner.add(i, INT)
        kw = r.choice(['break', 'break', 'return'])
        as_while = self.chance(0.5)
        if as_while:
            w = self.fresh('w')
            lines = [f'{ind}{acc} = 0', f'{ind}{i} = 0', f'{ind}{w} = 0', f'{ind}while True:', f'{ind}    {w} += 1',
                     f'{ind}    if {w} > {n + 2}:', f'{ind}        break', f'{ind}    {i} += 1']
        else:
            lines = [f'{ind}{acc} = 0', f'{ind}for {i} in range({n}):']
        lines.append(f'{ind}    {acc} += {r.choice([i, f"{i} * {i}", f"{i} % 3", f"{i} << 33"])}')
        lines += self.filler(inner, ind + '    ', 0, 1)
        cond = r.choice([f'{i} == {t}', f'{acc} > {r.randint(50, 800)}', f'{i} * {i} >= {t * t}'])
        ret = f'{acc}, {i}' if kw == 'return' else ''
        lines += [f'{ind}    if {cond}:', f'{ind}        {kw} {ret}'.rstrip()]
        lines.append(f'{ind}    {acc} -= {r.choice(["1", i, "2"])}')
        lines += self.filler(inner, ind + '    ', 0, 1)
        if kw == 'break' and not as_while and self.chance(0.3):
            lines += [f'{ind}else:', f'{ind}    {acc} = -{acc}']
        scope.add(acc, INT)
        return lines, [acc]

    def k_truthiness(self, scope, ind):
        """Truth tests of a value that turns from true into a false one late (0.0, -0.0, '', [], None;
        or into a true one a JIT may get wrong: ' ', nan, '0'), bool `^ | &` that must stay bool,
        and int powers with negative exponents (floats). The value comes from a list, so the loop's
        first block (no branch before it) already sees the change: a superblock-style executor that
        ends at the first jump runs it."""
        r = self.r
        self.features.add('truthiness')
        acc, flag, v, i, data = self.fresh('acc'), self.fresh('flag'), self.fresh('v'), self.fresh('i'), self.fresh('data')
        n = self.iters()
        t = self.late(n)
        early = r.choice(['1', '2', "'a'", '[0]', '0.5', 'True', '-1.5', "'0'"])
        late = r.choice(['0.0', '-0.0', "' '", "'\\t'", "''", '0', '[]', '()', '{}', 'None', 'False', "'0'", '1e-300',
                         "float('nan')", '0.0', "' '", '-0.0'])
        lines = [f'{ind}{data} = [{early}] * {t} + [{late}] * {n - t}', f'{ind}{acc} = 0',
                 f'{ind}{flag} = {r.choice(["False", "True"])}', f'{ind}for {i} in range({n}):', f'{ind}    {v} = {data}[{i}]']
        straight = r.sample([
            [f'{ind}    {flag} = {flag} {r.choice(["^", "|", "&"])} ({i} {r.choice(["%", "//"])} {r.randint(2, 5)} == 0)',
             f'{ind}    {acc} += {r.choice([f"{flag}", f"{flag} + 1", f"-{flag}", f"{flag} * 2"])}'],
            [f'{ind}    {acc} += not {v}'],
            [f'{ind}    {acc} += bool({v}) {r.choice(["+", "^", "|", "&"])} ({i} > {t})'],
            [f'{ind}    {acc} += {r.choice(["-1", "1", "-1", "2", "-2"])} ** -({i} % {r.randint(2, 5)})'],
            [f'{ind}    {flag} = ({flag} {r.choice(["^", "|", "&"])} bool({v}))'],
        ], r.randint(1, 3))
        for e in straight:
            lines += e
        branch = r.choice([
            [f'{ind}    if {v}:', f'{ind}        {acc} += 1', f'{ind}    else:', f'{ind}        {acc} -= {r.choice(["1", "3", i])}'],
            [f'{ind}    {acc} = {acc} + ({v} and {i} or -{i})'],
            [f'{ind}    while {v} and {acc} < {r.randint(1, 5)}:', f'{ind}        {acc} += 1'],
            [f'{ind}    if not {v}:', f'{ind}        continue', f'{ind}    {acc} += {i}'],
        ])
        lines += branch
        inner = scope.child()
        inner.add(i, INT)
        lines += self.probe(ind + '    ', i, n, acc, flag) + self.filler(inner, ind + '    ', 0, 1)
        scope.add(acc, ANY)
        scope.add(flag, ANY)
        return lines, [acc, flag]

    def k_float(self, scope, ind):
        """A float stepped by a dyadic amount through exactly 0.0 (then -0.0 by negation, signs,
        comparisons, a zero divisor), squared (exact), and overflowing late."""
        r = self.r
        self.features.add('float-walk')
        v, acc, i = self.fresh('v'), self.fresh('acc'), self.fresh('i')
        n = self.iters()
        step = r.choice(['0.25', '0.5', '0.125', '1.0', '0.75'])
        t = self.late(n)
        start = float(step) * t
        lines = [f'{ind}{v} = {start!r}', f'{ind}{acc} = 0', f'{ind}for {i} in range({n}):', f'{ind}    {v} -= {step}']
        ops = r.sample([
            f'{ind}    {self.fresh("neg")} = -{v}',
            f'{ind}    {acc} += ({v} >= 0.5) + ({v} < -1.0) - ({v} == 0)',
            f'{ind}    {self.fresh("sq")} = {v} ** {r.choice(["2", "3", "2.0"])}',
            f'{ind}    {acc} += {v} // 1 + {v} % 2',
            f'{ind}    {self.fresh("m")} = max({v}, -{v}) + abs({v})',
            f'{ind}    {self.fresh("q")} = {v} * 0.0',
            f'{ind}    {acc} += int({v} * 4) & 7',
            f'{ind}    {self.fresh("s")} = repr({v})',
            f'{ind}    {self.fresh("s")} = f"{{{v} * {r.choice(["1e+16", "1e-05", "1e+22", "3.0", "1e-07"])}}}"',
        ], r.randint(2, 4))
        if self.chance(0.5):  # from a list, so no branch precedes the use
            w, wdata = self.fresh('w'), self.fresh('wdata')
            late = r.choice(["float('nan')", "float('inf')", '1e+300', '0.0', "float('-inf')"])
            lines.insert(0, f'{ind}{wdata} = [{r.choice(["1.5", "2.0", "0.5"])}] * {t} + [{late}] * {n - t}')
            use = r.choice([f'{acc} += ({w} >= 1.0) + ({w} <= 2.0) + ({w} > 0)',
                            f'{acc} += {w} ** 2 > 1', f'{acc} += {w} ** -1 > 0', f'{acc} += str({w}) == "nan"',
                            f'{acc} += ({w} != {w}) * 10',
                            f'{acc} += ({w} is {w}) + ({w} is not {wdata}[{i}]) * 2'])  # one object: identity holds for nan too
            e = self.fresh('e')
            lines += [f'{ind}    {w} = {wdata}[{i}]', f'{ind}    try:', f'{ind}        {use}',
                      f'{ind}    except (OverflowError, ZeroDivisionError) as {e}:', f'{ind}        {r.choice([f"print({i}, {e})", f"{acc} -= 1", "break"])}']
            self.features.add('exception')
        lines += ops
        if self.chance(0.6):
            self.features.add('exception')
            e = self.fresh('e')
            risky = r.choice([f'{acc} += 1.0 / {v}', f'{acc} += 7 // {v}', f'{acc} += 3.0 % {v}',
                              f'{acc} += (1e+300 if {i} == {t} else 0.5) ** 2'])
            lines += [f'{ind}    try:', f'{ind}        {risky}', f'{ind}    except {r.choice(["ZeroDivisionError", "ArithmeticError", "(ZeroDivisionError, OverflowError)"])} as {e}:',
                      f'{ind}        {r.choice([f"print({i}, {e})", f"{acc} = -{acc}", "continue", f"{acc} += {v}"])}']
        inner = scope.child()
        inner.add(i, INT)
        lines += self.probe(ind + '    ', i, n, v, acc) + self.filler(inner, ind + '    ', 0, 1)
        scope.add(v, FLOAT)
        scope.add(acc, ANY)
        return lines, [v, acc]

    def k_walk_mutate(self, scope, ind):
        """A loop that changes the container it walks: a list that grows under its for loop (bounded
        by a length test), a dict that gains or loses a key late (RuntimeError), a slice copy that
        must not alias, a store past the end of a preallocated list (IndexError)."""
        r = self.r
        self.features.add('walk-mutate')
        acc, x, L, i = self.fresh('acc'), self.fresh('x'), self.fresh('L'), self.fresh('i')
        n = self.iters(10, 40)
        t = self.late(n)
        style = r.choice(['grow', 'grow', 'dict', 'copy', 'store'])
        if style == 'grow':
            lines = [f'{ind}{L} = {self.lit(LIST) if self.chance(0.3) else "[1, 2, 3]"} or [0]', f'{ind}{acc} = 0', f'{ind}for {x} in {L}:',
                     f'{ind}    {acc} += {x}', f'{ind}    if len({L}) < {n}:', f'{ind}        {L}.append({r.choice([f"{x} * 2 % 17", f"{x} + 1", "len(" + L + ")"])})']
            result = [acc, L]
        elif style == 'dict':
            self.features.add('exception')
            d, k, e = self.fresh('d'), self.fresh('k'), self.fresh('e')
            lines = [f'{ind}{d} = {{{i}: {i} * 3 for {i} in range({n})}}', f'{ind}{acc} = 0', f'{ind}try:',
                     f'{ind}    for {k} in {d}:', f'{ind}        {acc} += {d}[{k}]', f'{ind}        if {k} == {t}:',
                     f'{ind}            {r.choice([f"{d}[{k} + 1000] = 0", f"del {d}[{k}]", f"{d}.pop({k} - 1)", f"{d}[{k}] = -1", f"{d}.clear()"])}',
                     f'{ind}except RuntimeError as {e}:', f'{ind}    print({r.choice([e, f"repr({e})", f"{acc}"])})']
            result = [acc, d]
        elif style == 'copy':
            snap = self.fresh('snap')
            lines = [f'{ind}{L} = list(range({r.randint(2, 6)}))', f'{ind}{acc} = 0', f'{ind}for {i} in range({n}):',
                     f'{ind}    {snap} = {L}{r.choice(["[:]", ".copy()", "[::1]", "[0:]"])}', f'{ind}    {snap}.append({i})',
                     f'{ind}    {acc} += len({snap}) - len({L})', f'{ind}    if {i} == {t}:', f'{ind}        {L} = {snap}']
            result = [acc, L]
        else:
            self.features.add('exception')
            e = self.fresh('e')
            lines = [f'{ind}{L} = [0] * {t}', f'{ind}{acc} = 0', f'{ind}for {i} in range({n}):', f'{ind}    try:',
                     f'{ind}        {L}[{i}] = {i} * {i}', f'{ind}        {acc} += {L}[{i} // 2]', f'{ind}    except IndexError as {e}:',
                     f'{ind}        {r.choice(["break", f"print({i}, {e})", f"{acc} = -{acc}"])}']
            result = [acc, L]
        inner = scope.child()
        lines += self.filler(inner, ind + '    ', 0, 1) if style in ('copy', 'store') else []
        scope.add(acc, INT)
        return lines, result

    def k_global(self, scope, ind):
        """A module global read in the loop's first block and rebound late by a function the loop
        calls: to a value of another type, or a builtin's name rebound to a program function."""
        r = self.r
        self.features.add('global-rebind')
        setter, gname, kind = r.choice(self.setters)
        acc, i = self.fresh('acc'), self.fresh('i')
        n = self.iters()
        if kind == 'value':
            use = r.choice([f'{acc} += {gname} * 2', f'{acc} = {acc} + {gname}', f'{acc} += len(str({gname}))',
                            f'{acc} += {gname} if isinstance({gname}, int) else 1'])
        else:
            use = {'abs': f'{acc} += abs({i} - 5)', 'len': f'{acc} += len([{i}, {i}])', 'max': f'{acc} += max({i}, 3)',
                   'min': f'{acc} += min({i}, 3)'}[gname]
        e = self.fresh('e')
        lines = [f'{ind}{acc} = 0', f'{ind}for {i} in range({n}):', f'{ind}    try:', f'{ind}        {use}',
                 f'{ind}    except TypeError as {e}:', f'{ind}        {acc} = -1', f'{ind}    {setter}({i})']
        inner = scope.child()
        inner.add(i, INT)
        lines += self.probe(ind + '    ', i, n, acc) + self.filler(inner, ind + '    ', 0, 1)
        scope.add(acc, ANY)
        return lines, [acc]

    def global_setter(self, k, out):
        """A global and a function that rebinds it on one late argument (appended to out)."""
        r = self.r
        t = r.randint(8, 40)
        name = f'retune{k}'
        if self.chance(0.7):
            g = f'SCALE{k}'
            out += [f'{g} = {r.randint(1, 9)}', '']
            new = r.choice(['2.5', "'s'", '2 ** 64', '-7', 'None', 'True', '[3]'])
            kind = 'value'
        else:
            g = r.choice(['abs', 'len', 'max', 'min'])
            new = f'fake{k}'
            params = 'a, b' if g in ('max', 'min') else 'a'  # the arity of the loop's call (top-level defs have no defaults)
            out += [f'def fake{k}({params}):', f'    return {r.choice(["-1", "a", "0", "a * 2"])}', '', '']
            kind = 'builtin'
        out += [f'def {name}(i):', f'    global {g}', f'    if i == {t}:', f'        {g} = {new}', '    return i', '', '']
        self.setters.append((name, g, kind))

    KERNELS = {'int_growth': 3, 'type_transition': 4, 'drain': 2, 'calls': 3, 'generator': 2, 'exceptions': 3,
               'nested': 2, 'early_exit': 2, 'truthiness': 2, 'float': 2, 'walk_mutate': 2, 'global': 1}

    # ------------------------------------------------------------------ helper functions

    def loop_helper(self, name):
        """A function with a loop of its own and a return from its middle (called from hot loops)."""
        r = self.r
        k = r.randint(1, 2)
        params = [f'p{j}' for j in range(k)]
        j, acc = self.fresh('j'), self.fresh('acc')
        bound = r.choice([f'{params[0]} % {r.randint(5, 12)} + 1', str(r.randint(3, 10))])
        lines = [f'def {name}({", ".join(params)}):', f'    {acc} = {params[-1]}', f'    for {j} in range({bound}):',
                 f'        {acc} = {r.choice([f"{acc} + {j}", f"{acc} * 2 - {j}", f"{acc} ^ {j}", f"({acc} + {j}) % 11"])}',
                 f'        if {r.choice([f"{acc} > {r.randint(5, 40)}", f"{j} == {params[0]} % 4", f"{acc} % 7 == 3"])}:',
                 f'            return {r.choice([acc, f"{acc} + {j}", f"-{j}", f"{j} / 2" if self.chance(0.3) else j])}']
        lines.append(f'    return {r.choice([acc, "0", f"{acc} - 1", "None" if self.chance(0.1) else "1"])}')
        self.helpers.append((name, k))
        return lines

    def raiser(self, name):
        """A one-int function that raises for some arguments (negative, zero, multiples of k)."""
        r = self.r
        k = r.randint(3, 7)
        body = r.choice([
            ['    if x < 0:', f'        raise ValueError("negative", x)', f'    return x % {k}'],
            [f'    return {r.choice([100, 10 ** 18, 3])} // x'],
            [f'    if x % {k} == 0:', '        raise ValueError(x)', '    return 1'],
            ['    if x == 0:', "        raise ArithmeticError('zero')", '    return x if x > 0 else -x'],
            ['    d = {0: 1, 1: 2}', '    return d[x % 4]'],
        ])
        self.raisers.append(name)
        return [f'def {name}(x):'] + body

    def effect_helper(self, name):
        """A function with a side effect (appends to its list argument) whose result changes type on a
        late argument: an optimizer that inlines it must keep the effect exactly once."""
        r = self.r
        t = r.randint(8, 40)
        late = r.choice(['x / 2', 'str(x)', 'None', 'float(x)', '[x]', 'x > 0', '2 ** 64 + x'])
        lines = [f'def {name}(log, x):', f'    log.{r.choice(["append(x)", "append(x * x)", "insert(0, x)"])}']
        if self.chance(0.5):
            lines += [f'    return x * 2 if x < {t} else {late}']
        else:
            lines += [f'    if x >= {t}:', f'        return {late}', f'    return x {r.choice(["+", "-", "*"])} {r.randint(1, 5)}']
        self.effects.append(name)
        return lines

    def transition_gen(self, name):
        """A one-int generator whose yielded values change type (or grow past 2**53) late."""
        r = self.r
        t = r.randint(6, 30)
        kind, new = self.transition_value()
        lines = [f'def {name}(n):', '    for k in range(n):',
                 f'        if k {r.choice(["==", ">="])} {t}:', f'            yield {new}',
                 '        else:', f'            yield k {r.choice(["*", "+", "^", "<<"])} {r.randint(1, 5)}']
        if self.chance(0.3):
            lines += [f'        if k > {t + r.randint(2, 8)}:', '            return']
        self.tgens.append(name)
        return lines

    # ------------------------------------------------------------------ the program

    def program(self):
        r = self.r
        out = []
        for k in range(r.choice([0, 0, 1])):
            t = r.choice([INT, INT, STR, FLOAT])
            g = f'G{k}'
            out.append(f'{g} = {self.lit(t)}')
            self.globals[g] = t
        if out:
            out.append('')
        for k in range(r.choice([0, 0, 1])):
            self.global_setter(k, out)
        for k in range(r.choice([0, 1, 1, 2])):
            out += self.transition_gen(f'tgen{k}') + ['', '']
        for k in range(r.choice([0, 0, 0, 1])):
            name = f'gen{k}'
            params = [(f'n{self.counter}', INT)]
            self.counter += 1
            out += self.generator(name, params) + ['', '']
            self.gens.append(Func(name, params, INT, 'gen'))
        for k in range(r.choice([0, 1, 1, 2])):
            out += self.loop_helper(f'loop{k}') + ['', '']
        for k in range(r.choice([0, 1, 1])):
            out += self.raiser(f'check{k}') + ['', '']
        for k in range(r.choice([0, 1, 1])):
            out += self.effect_helper(f'note{k}') + ['', '']
        for k in range(r.choice([0, 0, 1])):
            out += self.key_function(f'key{k}') + ['', '']
        for k in range(r.choice([0, 0, 1])):
            name = f'f{k}'
            params = [(f'p{self.counter}_{j}', r.choice([INT, INT, FLOAT, STR, LIST])) for j in range(r.randint(1, 2))]
            self.counter += 1
            ret = r.choice([INT, INT, FLOAT, STR, BOOL])
            out += self.function(name, params, ret) + ['', '']
            self.funcs.append(Func(name, params, ret))

        self.start_function(False)
        scope = Scope()
        lines = ['def main():']
        lines += self.declare_globals()
        if self.chance(0.3):
            lines += self.block(scope, 1, 2)
        results = []
        kinds = list(self.KERNELS)
        for _ in range(r.randint(2, 4)):
            kind = r.choices(kinds, [self.KERNELS[k] for k in kinds])[0]
            if kind == 'calls' and not (self.helpers or self.raisers or self.effects):
                kind = 'type_transition'
            if kind == 'global' and not self.setters:
                kind = 'int_growth'
            k_lines, names = getattr(self, 'k_' + kind)(scope, '    ')
            lines += k_lines
            results += names
        ret = ', '.join(results[:6]) if results else '0'
        lines.append(f'    return {ret}')
        out += lines
        return without_unused_functions('\n'.join(out) + '\n'), 'main()'


def without_unused_functions(src: str) -> str:
    """src without the top-level functions nothing else names (helpers drawn for kernels that were
    not chosen): they would only make the fixture bigger. Removing one may orphan another: repeat."""
    while True:
        tree = ast.parse(src)
        defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name != 'main']
        named = collections.Counter(x.id for x in ast.walk(tree) if isinstance(x, ast.Name))
        own = {d.name: collections.Counter(x.id for x in ast.walk(d) if isinstance(x, ast.Name))[d.name] for d in defs}
        unused = [d for d in defs if named[d.name] == own[d.name]]  # only its own recursive calls name it
        if not unused:
            return src
        lines = src.split('\n')
        for d in sorted(unused, key=lambda d: -d.lineno):
            end = d.end_lineno
            while end < len(lines) and lines[end] == '':
                end += 1
            del lines[d.lineno - 1:end]
        src = '\n'.join(lines)


def generate(rng: random.Random):
    g = LoopGen(rng)
    src, call = g.program()
    return src, call, sorted(g.features)
