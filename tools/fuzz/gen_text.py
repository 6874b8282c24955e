"""Everyday builtins and str methods for the fuzzer's generator (gen.py's Gen inherits this mixin):
rfind/rindex, partition/rpartition, rsplit, splitlines, the layout methods (zfill, center, ljust,
rjust, expandtabs), case methods, the is* predicates, maketrans/translate, str.format and format(),
type(), getattr/hasattr/setattr/callable, pow with a modulus, int.bit_length/bit_count and dict.fromkeys/
popitem. Nothing grows a str geometrically: widths are small literals, translate maps a character
to at most one, and every operand is an ordinary gen.py expression (so the copy budget holds).
"""

from __future__ import annotations

INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT, ANY = 'int float bool str list tuple dict any'.split()

SEPS = ['', 'a', ',', ' ', 'ab', 'l', '\n', 'x']
FILLS = ['*', '-', ' ', '.', 'é']
# The characters of STR_POOL and SUB_POOL, with the separators str.splitlines knows.
TEXTS = ['a\nb\r\nc', 'x\ty\tz', 'Hello World', "it's bill's", 'ǆemal ǅ', 'ΣΑΣ aΣ', 'straße', '  a  b ', '',
         'line\x0bone\x1ctwo\u2028end\n', 'A1b2 C3', 'snake_case_id', '42', '²³', '½ ⅓', '一二']
PREDICATES = ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle',
              'isidentifier', 'isprintable', 'isascii']
CASES = ['capitalize', 'title', 'swapcase', 'upper', 'lower', 'casefold']
# (template, argument types): str.format with every kind of field; a None type is a random one.
TEMPLATES = [
    ('{} {}', [None, None]), ('{0}-{1}-{0}', [None, None]), ('{:>6}|', [STR]), ('{:^7}', [INT]), ('{!r:<8}', [None]),
    ('{:,}', [INT]), ('{:.2f}', [FLOAT]), ('{:08.3f}', [FLOAT]), ('{:x} {:o} {:b}', [INT, INT, INT]), ('{:+d}', [INT]),
    ('{0[0]}', [LIST]), ('{0.real}', [INT]), ('{:{}}', [STR, INT]), ('{a}={b!s}', 'kw'), ('{{}} {}', [None]),
    ('{:*<5}{:_^9,}', [STR, INT]), ('{:e}', [FLOAT]), ('{:%}', [FLOAT]), ('{!a}', [STR]),
]
FORMAT_SPECS = {INT: ['', 'd', '>5', ',', '_x', '#o', '08b', '+', '.2f', '^9'],  # no 'c': a surrogate would differ
                FLOAT: ['', '.1f', '>10.3e', 'g', '%', ',.2f', '+.0f'], STR: ['', '>6', '^5', '.2', 's', '*<4']}


class TextMethods:
    """Mixin for gen.Gen: needs r, chance(), risk(), e(), lit(), small_int(), no_flow(), expanding()."""

    def text_str(self, scope, d):
        """A str made by one of the new str methods or builtins."""
        r = self.r
        c = r.randint(0, 11)
        s = self.e(STR, scope, d) if self.chance(0.75) else repr(r.choice(TEXTS))
        if c == 0:
            w = r.randint(-2, 14)
            m = r.choice(['center', 'ljust', 'rjust'])
            fill = f', {r.choice(FILLS)!r}' if self.chance(0.5) else ''
            if self.risk(0.1):
                fill = r.choice([", 'ab'", ", ''", ', 1'])
            return f'{s}.{m}({w}{fill})'
        if c == 1:
            return f'{s}.zfill({r.randint(-1, 12)})'
        if c == 2:
            return f'{s}.{r.choice(CASES)}()'
        if c == 3:
            return f'{s}.expandtabs({r.choice(["", "0", "1", "4", "-2", "tabsize=3"])})'
        if c == 4:
            m = r.choice(['partition', 'rpartition'])
            sep = r.choice(SEPS) if not self.risk(0.1) else ''
            return f'{s}.{m}({sep!r})[{r.randint(0, 2)}]'
        if c == 5:
            m = r.choice(['removeprefix', 'removesuffix'])
            return f'{s}.{m}({r.choice(SEPS)!r})'
        if c == 6:
            return f'{s}.translate({self.trans_table()})'
        if c == 7:
            if self.chance(0.2):
                with self.expanding():
                    return f"'{{k}}:{{v!r}}'.format_map({{'k': {self.e(INT, scope, d)}, 'v': {self.e(STR, scope, d)}}})"
            return self.format_call(scope, d)
        if c == 8:
            t = r.choice([INT, FLOAT, STR])
            with self.expanding():
                v = self.e(t, scope, d)
            spec = r.choice(FORMAT_SPECS[t] if not self.risk(0.15) else ['q', ',s', '=5', 'z'])
            return f'format({v}, {spec!r})' if spec or self.chance(0.5) else f'format({v})'
        if c == 9:
            with self.no_flow():
                if self.chance(0.5):
                    return f'type({self.e(ANY, scope, d)}).__name__'
                return f'{r.choice(["bin", "oct", "hex"])}({self.e(INT, scope, d)})'
        if c == 10:
            sep = r.choice(['|', '', ', '])
            with self.no_flow():
                parts = (f'{s}.splitlines({r.choice(["", "True", "keepends=True"])})' if self.chance(0.5)
                         else f'{s}.rsplit({r.choice([None, " ", ",", "a"])!r}, {r.randint(-1, 2)})')
            return f'{sep!r}.join({parts})'
        return f'getattr({s}, {r.choice(["upper", "title", "strip", "swapcase"])!r})()'

    def trans_table(self):
        r = self.r
        src = ''.join(r.sample('abcélxZ ,1', r.randint(1, 4)))
        dst = ''.join(r.choice('ABCxyz_.') for _ in src)
        if self.risk(0.1):
            dst += 'q'  # unequal lengths: ValueError
        c = r.randint(0, 2)
        if c == 0:
            return f'str.maketrans({src!r}, {dst!r})'
        if c == 1:
            return f'str.maketrans({src!r}, {dst!r}, {r.choice(["", "a", "b ", ","])!r})'
        items = [f'{ch!r}: {r.choice([None, repr(r.choice("XYZ")), ord(r.choice("pqr"))])}' for ch in src]
        return '{' + ', '.join(items) + '}' if self.chance(0.5) else f'str.maketrans({{{", ".join(items)}}})'

    def format_call(self, scope, d):
        r = self.r
        tpl, types = r.choice(TEMPLATES)
        if self.risk(0.1):
            tpl = r.choice(['{} {}', '{0} {}', '{', '}', '{x}', '{!z}', '{0[}', '{:{:{}}}'])
            types = [INT]
        with self.expanding():
            if types == 'kw':
                args = [f'a={self.e(INT, scope, d)}', f'b={self.e(r.choice([STR, FLOAT]), scope, d)}']
            else:
                args = []
                for t in types:
                    if t == INT and tpl == '{:{}}':
                        args.append(str(r.randint(0, 12)))  # a width
                    else:
                        args.append(self.e(t or r.choice([INT, FLOAT, STR, BOOL]), scope, d))
        return f'{tpl!r}.format({", ".join(args)})'

    def text_int(self, scope, d):
        r = self.r
        c = r.randint(0, 5)
        with self.no_flow():
            if c == 0:
                m = 'rindex' if self.risk(0.3) else 'rfind'
                bounds = f', {r.randint(-3, 3)}' if self.chance(0.3) else ''
                return f'{self.e(STR, scope, d)}.{m}({r.choice(SEPS)!r}{bounds})'
            if c == 1:
                return f'len({self.e(STR, scope, d)}.splitlines())'
            if c == 2:
                return f'({self.e(INT, scope, d)}).{r.choice(["bit_length", "bit_count"])}()'  # 5.bit_length() is a syntax error
            if c == 3:
                mod = r.choice([7, 10, -9, 97, 2 ** 61 - 1, 1]) if not self.risk(0.1) else 0
                exp = r.randint(0, 40) if self.chance(0.7) else r.choice([-1, -2])
                return f'pow({self.e(INT, scope, d)}, {exp}, {mod})'
            if c == 4:
                return f'len({self.e(STR, scope, d)}.rsplit({r.choice([None, " ", "a", ","])!r}, {r.randint(-1, 3)}))'
            return f'getattr({self.e(INT, scope, d)}, {r.choice(["real", "numerator", "denominator", "imag"])!r})'

    def text_bool(self, scope, d):
        r = self.r
        c = r.randint(0, 3)
        with self.no_flow():
            if c <= 1:
                return f'{self.e(STR, scope, d)}.{r.choice(PREDICATES)}()'
            if c == 2:
                if self.chance(0.3):
                    t = r.choice(['int', 'bool', 'str', 'object', 'LookupError', '(int, str)'])
                    return f'issubclass(type({self.e(ANY, scope, d)}), {t})'
                return f'{r.choice(["callable", "bool"])}({self.e(ANY, scope, d)})'
            name = r.choice(['upper', 'append', 'get', 'real', 'bit_length', 'keys', 'x'])
            if self.risk(0.15):  # no value of the subset has a settable attribute: always AttributeError
                return f'setattr({self.e(ANY, scope, d)}, {name!r}, {self.lit(INT)}) is None'
            return f'hasattr({self.e(ANY, scope, d)}, {name!r})'

    def text_list(self, scope, d):
        r = self.r
        s = self.e(STR, scope, d) if self.chance(0.7) else repr(r.choice(TEXTS))
        if self.chance(0.5):
            return f'{s}.rsplit({r.choice([None, " ", ",", "a", "ab"])!r}, {r.randint(-1, 3)})'
        return f'{s}.splitlines({r.choice(["", "True", "keepends=False"])})'

    def text_dict(self, scope, d):
        with self.no_flow():
            src = self.e(self.r.choice([STR, LIST]), scope, d)
        value = f', {self.lit(INT)}' if self.chance(0.5) else ''
        return f'dict.fromkeys({src}{value})'
