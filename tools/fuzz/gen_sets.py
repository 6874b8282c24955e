"""Sets and frozensets as real code uses them, for the fuzzer's generator (gen.py's Gen inherits this
mixin): displays and comprehensions (BUILD_SET, SET_ADD, SET_UPDATE), membership in a frozenset
constant (`x in {1, 2}`), the operators, the methods, and — what an optimizer can get wrong — every
way a program observes a set's iteration order: `list(s)`, a loop over a constant set, `str(s)`,
`''.join(s)`. The elements are ints drawn to collide in the table (multiples of 8 and 32, negatives,
values past 2**61) and strs (ordered by siphash13 under PYTHONHASHSEED=0, which the harness sets), so
the order is rarely the sorted one. A set expression copies at most one list or str variable into
its result, like the rest of the generator's container expressions.
"""

from __future__ import annotations

INT, STR, LIST = 'int', 'str', 'list'

# Ints that share low bits (so they collide in an 8-, 32- or 64-slot table) or hash unlike their value.
SET_INTS = [0, 1, 7, 8, 9, 15, 16, 17, 23, 31, 32, 33, 40, 64, 96, -1, -2, -8, -9, -33, 100, 2 ** 40, -(2 ** 40),
            2 ** 61, 2 ** 61 - 1, 2 ** 64 + 5]
SET_STRS = ['a', 'b', 'ab', 'ba', 'key', 'value', 'x', 'y', 'z', 'spam', 'eggs', 'é', '€', '']


class Sets:
    """Mixin for gen.Gen: needs r, fresh(), chance(), e(), no_flow(), expanding()."""

    def set_ints(self, lo=1, hi=5):
        return ', '.join(str(v) for v in self.r.sample(SET_INTS, self.r.randint(lo, hi)))

    def set_strs(self, lo=1, hi=5):
        return ', '.join(repr(v) for v in self.r.sample(SET_STRS, self.r.randint(lo, hi)))

    def set_of_list(self, scope, d):
        """A set made from the program's list of ints, sometimes with literals or a range added."""
        r = self.r
        xs = self.e(LIST, scope, d)
        c = r.randint(0, 4)
        if c == 0:
            return f'set({xs})'
        if c == 1:
            return f'{{*{xs}, {self.set_ints(1, 3)}}}'
        if c == 2:
            x = self.fresh('x')
            return f'{{{x} * {r.choice([3, 8, 32, -1])} for {x} in {xs}}}'
        if c == 3:
            return f'(set({xs}) | {{{self.set_ints(1, 4)}}})'
        return f'{{*{xs}, *range({r.randint(-3, 12)})}}'

    def set_int(self, scope, d):
        """An int that depends on a set: sizes, sums, membership in a frozenset constant, frozenset hashes."""
        r = self.r
        c = r.randint(0, 7)
        if c == 0:
            with self.no_flow():
                return f'len({self.set_of_list(scope, d)})'
        if c == 1:
            op = r.choice(['&', '-', '^', '|'])
            with self.no_flow():
                return f'len({self.set_of_list(scope, d)} {op} {{{self.set_ints()}}})'
        if c == 2:
            with self.no_flow():
                return f'int({self.e(INT, scope, d)} {r.choice(["in", "not in"])} {{{self.set_ints(2, 6)}}})'
        if c == 3:
            with self.no_flow():
                return f'sum({self.set_of_list(scope, d)})'
        if c == 4:
            return f'hash(frozenset({{{r.choice([self.set_ints(0, 4), self.set_strs(0, 4)])}}}))'
        if c == 5:
            how = r.choice(['issubset', 'issuperset', 'isdisjoint'])
            with self.no_flow():
                return f'int({self.set_of_list(scope, d)}.{how}({{{self.set_ints(1, 6)}}}))'
        if c == 6:
            with self.no_flow():
                return f'max({self.set_of_list(scope, d)}, default={r.randint(-5, 5)})'
        # pop() takes the first element of the table: order-dependent.
        with self.no_flow():
            return f'(set({self.e(LIST, scope, d)}) | {{{self.set_ints(1, 3)}}}).pop()'

    def set_list(self, scope, d):
        """A list of ints whose order is a set's iteration order (or sorted, for contrast)."""
        r = self.r
        c = r.randint(0, 5)
        if c == 0:
            return f'list({self.set_of_list(scope, d)})'
        if c == 1:
            x = self.fresh('x')
            return f'[{x} for {x} in {{{self.set_ints(2, 7)}}}]'  # a frozenset constant, walked in table order
        if c == 2:
            op = r.choice(['&', '-', '^', '|'])
            return f'list({self.set_of_list(scope, d)} {op} {{{self.set_ints()}}})'
        if c == 3:
            how = r.choice(['union', 'intersection', 'difference', 'symmetric_difference'])
            return f'list({self.set_of_list(scope, d)}.{how}(range({r.randint(0, 9)})))'
        if c == 4:
            return f'sorted({self.set_of_list(scope, d)})'
        return f'list(frozenset({{{self.set_ints(0, 6)}}}) | {{*range({r.randint(0, 9)})}})'

    def set_str(self, scope, d):
        """A str showing a set's order: its repr, or its elements joined."""
        r = self.r
        c = r.randint(0, 3)
        if c == 0:
            with self.expanding():
                return f'str({self.set_of_list(scope, d)})'
        if c == 1:
            return f"''.join({{{self.set_strs(1, 6)}}})"
        if c == 2:
            with self.expanding():
                return f"''.join(set({self.e(STR, scope, d)}))"
        return f'repr(frozenset({{{self.set_strs(0, 5)}}}))'

    def s_setmut(self, scope, ind):
        """A set built, changed by its methods and in-place operators, then observed (its order, its
        size, membership): add, discard, remove (KeyError), update, the *_update methods, pop (KeyError
        when empty), clear, copy, |= &= -= ^=. The set is a fresh name the grammar never reads again."""
        r = self.r
        sv, out = self.fresh('s'), self.fresh()
        with self.stmt_budget(1):
            init = self.set_of_list(scope, 1) if self.chance(0.6) else f'{{{self.set_ints(0, 5)}}}'
        lines = [f'{ind}{sv} = {init}']
        for _ in range(r.randint(1, 4)):
            c = r.randint(0, 9)
            x = self.e(INT, scope, 1) if self.chance(0.4) else r.choice(['0', '8', '32', '-1', '2 ** 61'])
            if c <= 1:
                lines.append(f'{ind}{sv}.add({x})')
            elif c == 2:
                lines.append(f'{ind}{sv}.discard({x})')
            elif c == 3 and self.risk(0.5):
                lines.append(f'{ind}{sv}.remove({x})')
            elif c == 4:
                how = r.choice(['update', 'intersection_update', 'difference_update', 'symmetric_difference_update'])
                lines.append(f'{ind}{sv}.{how}({{{self.set_ints(0, 4)}}}{", range(3)" if how == "update" else ""})')
            elif c == 5:
                lines.append(f'{ind}{sv} {r.choice(["|=", "&=", "-=", "^="])} {{{self.set_ints(0, 4)}}}')
            elif c == 6 and self.risk(0.5):
                lines.append(f'{ind}{sv}.pop()')
            elif c == 7 and self.chance(0.3):
                lines.append(f'{ind}{sv}.clear()')
            elif c == 8:
                lines.append(f'{ind}{sv} = {sv}.copy() | {{{x}}}')
            else:
                lines.append(f'{ind}{sv}.add({x} % {r.randint(2, 9)})')
        show = r.choice([f'list({sv})', f'sorted({sv})', f'[len({sv}), int({r.choice(["0", "8", "-1"])} in {sv})]'])
        lines.append(f'{ind}{out} = {show}')
        scope.add(out, LIST)
        return lines

