"""Module code and `import math`, for the fuzzer's generator (gen.py's Gen inherits this mixin):
`import math` (or `import math as m`, sometimes with `from math import gcd, isqrt, fsum, pi as PI`),
a module-level lambda and a tuple table made by a module-level comprehension,
globals computed at module level (inside a module-level try/except, so that the module itself never
fails), a bounded module-level loop that accumulates into a global with STORE_NAME / LOAD_NAME and
ends with `del` of its variable (DELETE_NAME), and math calls inside expressions.

Only functions whose results CPython guarantees are generated (spec/modules.md#math-exactness):
never exp, log, the trigonometric functions or a float pow other than squaring, whose last bit
may differ between libm and V8 (#math-libm). Integer arguments that could make a huge result
(factorial, comb, perm, lcm) are reduced modulo a small literal first.
"""

from __future__ import annotations

INT, FLOAT, BOOL = 'int', 'float', 'bool'


class ModuleCode:
    """Mixin for gen.Gen: needs r, chance(), e(), lit(), globals, fresh()."""

    math_alias: str | None = None
    math_from: bool = False

    def module_prelude(self):
        """Module-level lines before the functions: imports, computed globals, a module-level loop."""
        from gen import Scope  # gen imports this module first
        r = self.r
        self.math_alias, self.math_from = None, False
        lines = []
        if self.chance(0.5):
            self.math_alias = r.choice(['math', 'math', 'm'])
            lines.append('import math' if self.math_alias == 'math' else 'import math as m')
            if self.chance(0.4):
                self.math_from = True
                lines.append('from math import gcd, isqrt, fsum, pi as PI')
        lines += self.module_tables()
        for k in range(r.choice([0, 0, 1, 2])):
            g, t = f'MG{k}', r.choice([INT, INT, FLOAT])
            lines += ['try:', f'    {g} = {self.e(t, Scope({}), 2)}', 'except Exception:', f'    {g} = {self.lit(t)}']
            self.globals[g] = t
        if self.chance(0.35):
            g, i = 'MACC', self.fresh('_i')
            lines.append(f'{g} = {self.lit(INT)}')
            self.globals[g] = INT
            lines += [f'for {i} in range({r.randint(1, 40)}):',
                      '    try:', f'        {g} += {self.e(INT, Scope({i: INT}), 2)} % {r.randint(2, 97)}',
                      '    except Exception:', f'        {g} -= 1',
                      f'del {i}']
        return lines + [''] if lines else []

    def module_tables(self):
        """A lambda bound to a module name (called like a function; first in the module, so that its code
        object keeps the name `<lambda>` in messages) and a tuple computed by a module-level
        list comprehension (inlined: fast locals in module code) or generator expression, read as a global."""
        from gen import Func, Scope
        r = self.r
        lines = []
        if self.chance(0.25):
            with self.stmt_budget(1):
                body = self.e(INT, Scope({'y': INT}), 2)
            lines.append(f'MF = lambda y: {body}')
            self.funcs.append(Func('MF', [('y', INT)], INT))
        if self.chance(0.3):
            x = self.fresh('x')
            with self.stmt_budget(1):
                item = self.e(INT, Scope({x: INT}), 1)
            src = f'range({r.randint(0, 7)})' if self.chance(0.6) else self.lit('list')
            made = (f'tuple({item} for {x} in {src})' if self.chance(0.5)
                    else f'tuple([{item} for {x} in {src} if {x} % {r.randint(2, 4)}])')
            lines += ['try:', f'    MT = {made}', 'except Exception:', f'    MT = {self.lit("tuple")}']
            self.globals['MT'] = 'tuple'
        return lines

    def math_name(self, name):
        if self.math_from and name in ('gcd', 'isqrt', 'fsum') and self.chance(0.5):
            return name
        return f'{self.math_alias}.{name}'

    def math_int(self, scope, d):
        """An int from a math function (None when math is not imported)."""
        if self.math_alias is None:
            return None
        r, m = self.r, self.math_name
        a = lambda: self.e(INT, scope, d - 1)  # noqa: E731
        f = lambda: self.e(FLOAT, scope, d - 1)  # noqa: E731
        c = r.randint(0, 8)
        if c == 0:
            return f'{m("gcd")}({a()}, {a()})'
        if c == 1:
            return f'{m("lcm")}({a()} % {r.randint(2, 60)}, {a()} % {r.randint(2, 60)})'
        if c == 2:
            return f'{m("isqrt")}(abs({a()}))'
        if c == 3:
            return f'{m(r.choice(["floor", "ceil", "trunc"]))}({f()})'
        if c == 4:
            return f'{m("comb")}({a()} % {r.randint(2, 40)}, {a()} % {r.randint(2, 12)})'
        if c == 5:
            return f'{m("perm")}({a()} % {r.randint(2, 15)}, {a()} % {r.randint(2, 6)})'
        if c == 6:
            return f'{m("factorial")}({a()} % {r.randint(2, 20)})'
        if c == 7:
            return f'{m("prod")}([{self.lit(INT)}, {self.lit(INT)}, {self.lit(INT)}])'
        return f'{m("gcd")}(*[{a()} for _ in range({r.randint(0, 3)})])' if self.chance(0.2) else f'{m("isqrt")}({a()} % 1000)'

    def math_float(self, scope, d):
        """A float from a math function or constant whose result CPython guarantees."""
        if self.math_alias is None:
            return None
        r, m = self.r, self.math_name
        f = lambda: self.e(FLOAT, scope, d - 1)  # noqa: E731
        a = lambda: self.e(INT, scope, d - 1)  # noqa: E731
        c = r.randint(0, 11)
        if c == 0:
            return f'{m("fsum")}([{f()}, {f()}, {a()}])'
        if c == 1:
            return f'{m("hypot")}({f()}, {a()})'
        if c == 2:
            return f'{m("sqrt")}(abs({f()}))'
        if c == 3:
            return f'{m(r.choice(["fabs", "degrees", "radians"]))}({f()})'
        if c == 4:
            return f'{m(r.choice(["copysign", "fmod"]))}({f()}, {f()})'
        if c == 5:
            return f'{m("dist")}(({f()}, {a()}), ({a()}, {f()}))'
        if c == 6:
            return f'{m("ldexp")}({f()}, {a()} % {r.randint(2, 80)})'
        if c == 7:
            return f'{m("frexp")}({f()})[0]'
        if c == 8:
            return f'{m("modf")}({f()})[{r.randint(0, 1)}]'
        if c == 9:
            return f'{m("pow")}({f()}, 2)'
        if c == 10 and self.math_from and self.chance(0.5):
            return 'PI'
        return f'{self.math_alias}.{r.choice(["pi", "e", "tau", "inf", "nan"])}'

    def math_bool(self, scope, d):
        if self.math_alias is None:
            return None
        f = lambda: self.e(FLOAT, scope, d - 1)  # noqa: E731
        c = self.r.randint(0, 2)
        if c == 0:
            return f'{self.math_alias}.isclose({f()}, {f()})'
        if c == 1:
            return f'{self.math_alias}.{self.r.choice(["isfinite", "isinf", "isnan"])}({f()})'
        return f'{self.math_alias}.isclose({f()}, {f()}, abs_tol={self.r.choice(["0.5", "1e-09", "0.0"])})'
