"""Closures as real code writes them, for the fuzzer's generator (gen.py's Gen inherits this mixin):
generator expressions and lambdas that read the enclosing function's locals (`any(x > v for x in
xs)`, `sorted(xs, key=lambda x: abs(x - v))`), a counter closure that rebinds a local through
`nonlocal`, a getter/setter pair sharing one cell, a nested generator that sees the local rebound
while it is suspended, and lambdas made in a comprehension that all see the loop variable's last
value (late binding). Captured names are ints bound for sure at that
point, so nothing grows and nothing is unbound unless a later `del` empties the cell — then the
closure's NameError / UnboundLocalError is the program's (and CPython's) outcome; `unbound_cell` does
that on purpose (DELETE_DEREF) inside a try, and binds the name again.
"""

from __future__ import annotations

INT, LIST, BOOL = 'int', 'list', 'bool'


class Closures:
    """Mixin for gen.Gen: needs r, fresh(), chance(), e(), lit(), small_int(), no_flow(), globals, global_decl."""

    def captured_ints(self, scope):
        """Int locals of the running function a nested function may capture (never a global)."""
        return sorted(n for n, t in scope.names.items()
                      if t == INT and n not in self.globals and n not in self.global_decl)

    def closure_int(self, scope, d):
        """An int expression whose genexpr or lambda reads an int local of the enclosing function."""
        from gen import Scope  # gen imports this module first
        r = self.r
        caps = self.captured_ints(scope)
        if not caps:
            return None
        v = r.choice(caps)
        x = self.fresh('x')
        inner = Scope({x: INT, v: INT})
        c = r.randint(0, 4)
        with self.no_flow():
            xs = self.e(LIST, scope, d) if self.chance(0.6) else f'range({r.randint(0, 9)})'
        if c == 0:
            cond = f' if {x} % 3 != {v} % 3' if self.chance(0.4) else ''
            return f'sum({self.e(INT, inner, 1)} for {x} in {xs}{cond})'
        if c == 1:
            return f'int({r.choice(["any", "all"])}({x} {r.choice([">", "<", "==", ">="])} {v} for {x} in {xs}))'
        if c == 2:
            return f'(lambda {x}: {self.e(INT, inner, 1)})({self.e(INT, scope, 1)})'
        if c == 3:
            how = r.choice(['max', 'min'])
            return f'{how}({xs}, key=lambda {x}: abs({x} - {v}), default={v})'
        return f'len([{x} for {x} in {xs} if {x} > {v}])'

    def closure_list(self, scope, d):
        """Late binding: lambdas made in a comprehension all read the loop variable's final value;
        with a default argument each binds its own."""
        r = self.r
        x, f = self.fresh('x'), self.fresh('f')
        n = r.randint(0, 5)
        caps = self.captured_ints(scope)
        k = r.choice(caps) if caps and self.chance(0.6) else str(r.randint(-3, 3))
        body = r.choice([f'{x} * {k}', f'{x} + {k}', f'{x} - {k} % 7'])
        if self.chance(0.3):
            return f'[{f}() for {f} in [lambda {x}={x}: {body} for {x} in range({n})]]'
        return f'[{f}() for {f} in [lambda: {body} for {x} in range({n})]]'

    def s_closure(self, scope, ind):
        """A nested def over an int local: a nonlocal counter called a few times, or a getter/setter
        pair sharing the cell; the rebinding is seen by the enclosing function afterwards."""
        r = self.r
        caps = self.captured_ints(scope)
        if not caps:
            return []
        v = r.choice(caps)
        step = r.randint(-3, 5)
        if self.chance(0.2):
            return self.generator_closure(scope, ind, v, step)
        if self.chance(0.6):
            c = self.fresh('c')
            lines = [f'{ind}def {c}():', f'{ind}    nonlocal {v}', f'{ind}    {v} += {step}', f'{ind}    return {v}']
            calls = ' + '.join(f'{c}()' for _ in range(r.randint(1, 3)))
            out = self.fresh()
            lines.append(f'{ind}{out} = {calls}')
            scope.add(out, INT)
            return lines + self.unbound_cell(v, f'{c}()', out, ind)
        get, put = self.fresh('get'), self.fresh('put')
        out = self.fresh()
        lines = [f'{ind}def {get}():', f'{ind}    return {v} * {r.randint(1, 3)}',
                 f'{ind}def {put}(y):', f'{ind}    nonlocal {v}', f'{ind}    {v} = y % {r.randint(50, 1000)}',
                 f'{ind}{put}({self.e(INT, scope, 1)})',
                 f'{ind}{out} = {get}() + {v}']
        scope.add(out, INT)
        return lines + self.unbound_cell(v, f'{get}()', out, ind)

    def generator_closure(self, scope, ind, v, step):
        """A nested generator over the captured local, suspended while the enclosing function rebinds
        it: its later yields (one inside a `yield from`) see the new value through the cell."""
        g, it, out = self.fresh('g'), self.fresh('it'), self.fresh()
        scope.add(out, INT)
        return [f'{ind}def {g}():', f'{ind}    yield {v}', f'{ind}    yield from range({v} % {self.r.randint(2, 5)})',
                f'{ind}    yield {v} * {self.r.randint(1, 3)}',
                f'{ind}{it} = {g}()', f'{ind}{out} = next({it})', f'{ind}{v} += {step}', f'{ind}{out} += sum({it})']

    def unbound_cell(self, v, call, out, ind):
        """Sometimes: `del` the captured local (DELETE_DEREF), then read it through the closure (NameError:
        cannot access free variable) or directly (UnboundLocalError), and bind it again, so that the
        scope's "bound for sure" still holds after the statement."""
        if not self.chance(0.25):
            return []
        read = call if self.chance(0.6) else v
        return [f'{ind}del {v}', f'{ind}try:', f'{ind}    {out} += {read}',
                f'{ind}except NameError as e_{v}:', f'{ind}    print(type(e_{v}).__name__, e_{v})',
                f'{ind}{v} = {self.lit(INT)}']
