"""Attribute probing and the rest of `math`, for the fuzzer's generator (gen.py's Gen inherits this mixin).

`s_probe` writes duck typing as real code does (spec/values.md#attribute-names): a `try` around an
attribute or method that some of the subset's values have and others lack (`x.count(...)`,
`x.start`, `x.as_integer_ratio()`, `x.is_finite()`, which no builtin has), on a value of a random
type, catching AttributeError (and the errors the method itself may raise); or `hasattr` /
`getattr` with a default on such a name. The importer accepts these names because every kind of
value either has them on the VM or lacks them in CPython too.

`math_more_float` / `math_more_bool` call the functions issue 11 part 3 added. Those CPython computes
itself (fma, remainder, nextafter, ulp, sumprod, lgamma) appear as they are: their results are
CPython's to the bit (spec/modules.md#math-cpython-own). Those glibc computes (sinh, erf, cbrt, …)
are not correctly rounded in glibc while the VM's are (#math-libm): they appear rounded to 9 digits
when bounded (tanh, erf, erfc) or compared with `isclose` against their definition.
"""

from __future__ import annotations

INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT = 'int float bool str list tuple dict'.split()

# name -> how many arguments the probe passes (None: a data attribute, read without a call).
PROBES = {
    'count': 1, 'index': 1, 'is_integer': 0, 'as_integer_ratio': 0, 'conjugate': 0, 'hex': 0, 'bit_length': 0,
    'upper': 0, 'keys': 0, 'isdisjoint': 1, 'is_finite': 0, 'real': None, 'imag': None, 'start': None, 'stop': None,
    'step': None, 'numerator': None, 'denominator': None, 'append': 1, 'items': 0,
}


class AttrProbes:
    """Mixin for gen.Gen: needs r, chance(), e(), lit(), fresh(), math_alias, math_name()."""

    def probe_target(self, scope, d):
        """A value of a random kind, ranges among them (the only values with start/stop/step)."""
        r = self.r
        if self.chance(0.2):
            return f'range({self.e(INT, scope, 1)} % 9, {r.randint(5, 40)}, {r.choice([1, 2, 3, -2])})'
        return self.e(r.choice([INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT]), scope, d)

    def s_probe(self, scope, ind):
        r = self.r
        name = r.choice(list(PROBES))
        target = self.probe_target(scope, 2)
        if self.chance(0.3):
            default = self.lit(r.choice([INT, STR])) if self.chance(0.6) else 'None'
            if self.chance(0.5):
                test = f'hasattr({target}, {name!r})'
            elif PROBES[name] is None:
                test = f'getattr({target}, {name!r}, {default})'
            else:  # a bound method's repr shows an address: ask whether there is one to call
                test = f'callable(getattr({target}, {name!r}, {default}))'
            return [f'{ind}print({name!r}, {test})']
        v, e = self.fresh('p'), self.fresh('e')
        n = PROBES[name]
        call = '' if n is None else '(' + ', '.join(self.e(r.choice([INT, INT, STR, LIST]), scope, 1) for _ in range(n)) + ')'
        return [f'{ind}try:',
                f'{ind}    {v} = ({target}).{name}{call}',
                f'{ind}    print({name!r}, {v})',
                f'{ind}except AttributeError as {e}:',
                f'{ind}    print("no", {name!r}, str({e}))',
                f'{ind}except (ValueError, TypeError, OverflowError) as {e}:',
                f'{ind}    print(type({e}).__name__, {e})']

    def s_mathmore(self, scope, ind):
        """A statement printing one of those math calls, its math errors caught (the rate of floats alone is low)."""
        made = self.math_more_float(scope, 3) if self.chance(0.75) else self.math_more_bool(scope, 3)
        if not made:
            return []
        e = self.fresh('e')
        return [f'{ind}try:', f'{ind}    print({made})', f'{ind}except (ValueError, OverflowError, TypeError) as {e}:',
                f'{ind}    print(type({e}).__name__, {e})']

    def math_more_float(self, scope, d):
        """A float from the math functions added in issue 11 part 3 (None when math is not imported)."""
        if self.math_alias is None:
            return None
        r, m = self.r, self.math_name
        f = lambda: self.e(FLOAT, scope, d - 1)  # noqa: E731
        a = lambda: self.e(INT, scope, d - 1)  # noqa: E731
        c = r.randint(0, 8)
        if c == 0:
            return f'{m("fma")}({f()}, {f()}, {f()})'
        if c == 1:
            return f'{m("remainder")}({f()}, {r.choice([f(), a(), "2.5", "0.1"])})'
        if c == 2:
            steps = f', steps={a()} % {r.randint(2, 2000)}' if self.chance(0.4) else ''
            return f'{m("nextafter")}({f()}, {f()}{steps})'
        if c == 3:
            return f'{m("ulp")}({f()})'
        if c == 4:
            n = r.randint(0, 4)
            xs = ', '.join(r.choice([f(), a(), 'True']) for _ in range(n))
            ys = ', '.join(r.choice([f(), a(), '0.1']) for _ in range(n))
            return f'{m("sumprod")}([{xs}], [{ys}])'
        if c == 5:
            return f'{m("lgamma")}({f()} % 50 + 0.5)'
        if c == 6:
            return f'round({m(r.choice(["tanh", "erf", "erfc"]))}({f()}), 9)'
        if c == 7:
            return f'round({m(r.choice(["sinh", "cosh", "asinh", "expm1", "log1p", "atanh", "cbrt", "exp2", "acosh"]))}({f()} % 3 - 0.5), 6)'
        return f'round({m("gamma")}({a()} % 20 + 0.5), 6)'

    def math_more_bool(self, scope, d):
        """An isclose() of a libm-style function against its definition (exact in both up to the tolerance)."""
        if self.math_alias is None:
            return None
        r, M = self.r, self.math_alias
        f = self.e(FLOAT, scope, d - 1)
        c = r.randint(0, 3)
        if c == 0:
            return f'{M}.isclose({M}.sinh({f}) * 2, {M}.exp({f}) - {M}.exp(-{f}), rel_tol=1e-09, abs_tol=1e-12)'
        if c == 1:
            return f'{M}.isclose({M}.cbrt({f}) ** 3, {f}, rel_tol=1e-09)'
        if c == 2:
            return f'{M}.isclose({M}.expm1({f}), {M}.exp({f}) - 1, rel_tol=1e-06, abs_tol=1e-09)'
        return f'({M}.erf({f}) + {M}.erfc({f}) == 1.0)'
