"""Calls as real code writes them, for the fuzzer's generator (gen.py's Gen inherits this mixin):
functions with *args, keyword-only parameters and **kwargs; star calls f(*a, **k) of them and of
print; starred assignment; `[*a, *b]` and `{**d, k: v}` displays. Everything stays bounded: a star
call spreads a literal-sized list, and a display copies at most the one variable the budget allows.

Error paths drawn at a small rate (more inside try bodies, `risk()`): `*` of an int, `**` of a list, a
repeated keyword between `k=` and `**{...}`, a non-str key in `**`, a missing keyword-only argument, a
keyword-only argument passed positionally, and a starred assignment from too short a sequence.
"""

from __future__ import annotations

INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT, ANY = 'int float bool str list tuple dict any'.split()


class StarFunc:
    def __init__(self, name, params, kwonly, rest, opts, ret, kw_defaults=None):
        self.name, self.params, self.kwonly, self.rest, self.opts, self.ret = name, params, kwonly, rest, opts, ret
        self.kw_defaults = kw_defaults or {}  # keyword-only parameter -> its default's literal


class StarCalls:
    """Mixin for gen.Gen: needs r, counter, star_funcs, e(), lit(), risk(), chance(), block(), ..."""

    def star_function(self, name):
        """def NAME(p, *rest, k, **opts): a body over its parameters; *rest is a tuple, **opts a dict."""
        from gen import Scope  # gen imports this module first
        r = self.r
        self.start_function(True)
        ret = r.choice([INT, INT, STR, TUPLE, LIST])
        self.cur_ret = ret
        c = self.counter
        self.counter += 1
        params = [(f'p{c}_{j}', r.choice([INT, INT, STR])) for j in range(r.randint(0, 2))]
        kwonly = [(f'k{c}_{j}', r.choice([INT, STR, FLOAT])) for j in range(r.randint(0, 2))]
        rest = f'rest{c}' if not kwonly or self.chance(0.7) else None
        opts = f'opts{c}' if self.chance(0.5) else None
        scope = Scope(dict(params + kwonly))
        if rest:
            scope.add(rest, TUPLE)
        if opts:
            scope.add(opts, DICT)
        # A keyword-only parameter may have a default (MAKE_FUNCTION's kwdefaults), in any position.
        kw_defaults = {k: self.lit(t) for k, t in kwonly if self.chance(0.4)}
        sig = [p for p, _ in params] + ['*' + rest if rest else '*'] * bool(rest or kwonly)
        sig += [f'{k}={kw_defaults[k]}' if k in kw_defaults else k for k, _ in kwonly]
        sig += ['**' + opts] if opts else []
        lines = [f'def {name}({", ".join(sig)}):']
        lines += self.declare_globals()
        lines += self.block(scope, 1, 4)
        with self.stmt_budget(1):
            lines.append(f'    return {self.e(ret, scope, 2)}')
        self.star_funcs.append(StarFunc(name, params, kwonly, rest, opts, ret, kw_defaults))
        return lines

    def star_call(self, f, scope, d):
        """A call of a star function: positional arguments plain or spread from a list/tuple display,
        keyword-only ones by keyword or from a ** dict, extra keywords for **opts."""
        r = self.r
        pos = [self.e(t, scope, 1) for _, t in f.params]
        if f.rest:
            pos += [self.e(r.choice([INT, STR]), scope, 1) for _ in range(r.randint(0, 2))]
        parts = []
        if pos and self.chance(0.6):
            k = r.randint(0, len(pos))
            spread = pos[k:]
            shape = '[{}]' if self.chance(0.6) else ('({},)' if len(spread) == 1 else '({})')
            parts = pos[:k] + [f'*{shape.format(", ".join(spread))}']
            if self.risk(0.05):
                parts[-1] = f'*{self.lit(INT)}'  # TypeError: argument after * must be an iterable
        else:
            parts = list(pos)
        kws = [(k, self.e(t, scope, 1)) for k, t in f.kwonly if k not in f.kw_defaults or self.chance(0.5)]
        if self.risk(0.05) and kws:
            parts.append(kws.pop()[1])  # a keyword-only argument given positionally (or missing)
        if f.opts:
            kws += [(r.choice(['x', 'y', 'tag']), self.e(INT, scope, 1)) for _ in range(r.randint(0, 2))]
        seen, unique = set(), []
        for k, v in kws:
            if k not in seen:
                seen.add(k)
                unique.append((k, v))
        kws = unique
        if kws and self.chance(0.5):
            k = r.randint(0, len(kws))
            direct, spread = kws[:k], kws[k:]
            parts += [f'{n}={v}' for n, v in direct]
            items = [f'{n!r}: {v}' for n, v in spread]
            if self.risk(0.05) and direct:
                items.append(f'{direct[0][0]!r}: 0')  # TypeError: got multiple values for keyword argument
            if self.risk(0.03):
                items.append('1: 2')  # TypeError: keywords must be strings
            parts.append('**{' + ', '.join(items) + '}')
            if self.risk(0.03):
                parts.append(f'**{self.lit(LIST)}')  # TypeError: argument after ** must be a mapping
        else:
            parts += [f'{n}={v}' for n, v in kws]
        return f'{f.name}({", ".join(parts)})'

    def star_print(self, scope, ind):
        """print(*xs, sep=...) of a list, str or tuple expression (CALL_FUNCTION_EX of a builtin)."""
        r = self.r
        self.storing = False
        try:
            spread = self.e(r.choice([LIST, STR, TUPLE]), scope, 1) if not self.risk(0.05) else self.lit(INT)
            before = [self.e(r.choice([INT, STR]), scope, 1) for _ in range(r.randint(0, 1))]
        finally:
            self.storing = True
        kw = f', sep={r.choice(["", ", ", "-"])!r}' if self.chance(0.5) else ''
        if self.chance(0.3):
            kw += ', **{' + f"'end': {r.choice(['!', '', ' ;'])!r}" + '}'
        return [f'{ind}print({", ".join(before + ["*" + spread])}{kw})']

    def starred_unpack(self, scope, ind):
        """first, *rest = seq / *init, last = seq / a, *mid, b = seq (UNPACK_EX); too short raises ValueError."""
        r = self.r
        before, after = r.choice([(1, 0), (0, 1), (1, 1), (2, 0), (0, 0)])
        names = [self.fresh() for _ in range(before + after + 1)]
        with self.stmt_budget(1):
            if self.risk(0.3):  # any sequence: it may be too short (ValueError) or not one (TypeError)
                src = self.e(r.choice([LIST, TUPLE, STR, INT]), scope, 1)
            else:
                items = ', '.join(self.e(r.choice([INT, STR]), scope, 1) for _ in range(before + after + r.randint(0, 3)))
                src = f'[{items}]' if self.chance(0.5) else f'({items},)' if items else '()'
        targets = names[:before] + ['*' + names[before]] + names[before + 1:]
        for k, nm in enumerate(names):
            scope.add(nm, LIST if k == before else ANY)
        if before + after == 0:
            return [f'{ind}{targets[0]}, = {src}']
        return [f'{ind}{", ".join(targets)} = {src}']

    def star_list(self, scope, d):
        """[*a, x, *b] (LIST_EXTEND) and (*a, x) (INTRINSIC_LIST_TO_TUPLE turned back into a list)."""
        r = self.r
        a = self.e(r.choice([LIST, TUPLE, STR]), scope, d)
        with self.no_flow():
            b = self.lit(r.choice([LIST, TUPLE, STR])) if self.chance(0.6) else f'range({r.randint(0, 4)})'
        mid = self.e(INT, scope, 1)
        if self.chance(0.3):
            return f'list((*{a}, {mid}))'
        return f'[*{a}, {mid}, *{b}]'

    def star_dict(self, scope, d):
        """{**d, 'k': v} and {'k': v, **d} (DICT_UPDATE); a list there is not a mapping."""
        r = self.r
        base = self.e(DICT, scope, d) if not self.risk(0.05) else self.lit(LIST)
        key = r.choice(["'a'", "'b'", "'key'", '0', '1'])
        val = self.e(INT, scope, 1)
        if self.chance(0.5):
            return f'{{**{base}, {key}: {val}}}'
        return f'{{{key}: {val}, **{base}}}'

    def star_builtin_int(self, scope, d):
        """An int from a builtin called with spread arguments (CALL_FUNCTION_EX of a builtin, DICT_MERGE
        of its keywords); `min(*xs)` of an empty list is its TypeError."""
        r = self.r
        with self.no_flow():
            xs = self.e(LIST, scope, d)
            a = self.e(INT, scope, d)
        c = r.randint(0, 5)
        if c == 0:
            return f'{r.choice(["min", "max"])}(*{xs})' if self.risk(0.3) else f'max(*{xs}, {a})'
        if c == 1:
            return f'sum(*[{xs}], **{{"start": {a}}})' if self.chance(0.5) else f'sum(*({xs},))'
        if c == 2:
            return f'pow(*[{a}, {r.randint(0, 9)}], **{{"mod": {r.choice([7, 10, -3, 97])}}})'
        if c == 3:
            return f'abs(*[{a}])'
        if c == 4:
            return f'len(*[{xs}])'
        return f'round(*[{self.e(FLOAT, scope, d)}])'

