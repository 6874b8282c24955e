"""Random small Python programs over optcert's supported subset (the generator of tools/fuzz/fuzz.py).

`generate(rng)` returns `(source, call)`: a module of top-level functions, generator functions and
simple constant globals, and an entry call (`main()` or `main(<literals>)`). Everything is drawn
from `rng` (a `random.Random`), so a seed reproduces the program exactly.

The grammar is typed (int, float, bool, str, list of ints, tuple, dict, any) so that most
operations are well-typed, with a small rate of deliberately ill-typed operands and out-of-range
indices, zero divisors, bad format specs, missing keys, wrong builtin arities and mistyped
keywords, so that error paths and their messages are exercised too — more often inside `try`
bodies than elsewhere (`risk()`), so that about half of the programs run to their end. Programs
are bounded by construction:

- every `while` loop has a counter guard, every `for` loop runs over a literal-bounded range, a
  container or a generator whose own loops are bounded, and while a for loop walks a list nothing
  may grow a list (shrinking and reordering are allowed; a list passed to a call is a literal);
- recursion is bounded: a function calls only functions defined before it, except the one
  recursive function, which gets `int(...) % k` and cannot reassign its parameter (so it stays
  far from the recursion limit, where CPython's count includes the harness's own frames);
- values cannot grow exponentially: `*` on ints has a small operand, `**` a literal exponent and
  a small base, `<<` a literal count, and an expression that makes a str, list, tuple or dict may
  copy at most one str/list/tuple/dict variable into its result (in-place `+=` on one none);
  a conversion to str that multiplies its operand's size (a container's or a str's repr) copies
  none when its result is stored in a loop or in a helper function (`expanding()`);
- a genexpr, lambda or nested `def` reads the enclosing function's locals only as ints bound for sure
  (gen_closures.py: `nonlocal` counters, shared cells, late-binding lambdas); otherwise it sees its own
  names and globals.

Deliberate differences of optcert from CPython (spec/README.md#differences) are never generated:
`is` / `is not` only against None, `**` with a float result only where it is exact or special
(CPython's float power is the platform libm's, not correctly rounded), `hash()`
only of ints and of frozensets of ints and strs (gen_sets.py: sets, with CPython's iteration order), no reprs of functions, generators or iterators, no abandoned generator with a
`finally`, no negative base with a fractional exponent, no `print(file=...)`.
"""

from __future__ import annotations

import random
from contextlib import contextmanager

from gen_calls import StarCalls
from gen_closures import Closures
from gen_text import TextMethods
from gen_module import ModuleCode
from gen_sets import Sets
from gen_attrs import AttrProbes

INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT, ANY, ITER = 'int float bool str list tuple dict any iter'.split()
VALUE_TYPES = [INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT]
SEQ_TYPES = (STR, LIST, TUPLE, DICT)  # values whose size can grow by copying
REPRESENTABLE = (INT, FLOAT, BOOL, STR, LIST, TUPLE, DICT, ANY)

STR_POOL = [
    '', 'a', 'b', 'abc', 'Hello', 'hello world', 'x y  z', '  pad  ', 'a,b,,c', '123', '-7', '0x1f',
    '3.5', 'inf', 'nan', '1_000', 'é', 'naïve', 'ß', 'Ǆ', "it's", 'q"uote', "both'\"", 'tab\t',
    'new\nline', 'back\\slash', 'ABC', 'MiXeD', '_', '€uro', '\x07', '\xad', '\u200b', 'ﬁ', ' ',
    'aaa', 'abab', 'racecar', 'αβγ', '日本', 'cr\r', '\x7f', 'A1b2', 'İ', '\x1c', '\u3000x\u3000', '\x85',
    '²', '١٢', 'ǅ', 'ﬀ', 'ŉ', 'Σ', 'ΣΑΣ', '%', '%d', '{}', '\\n', 'a\x00b', '\ufeff', '\u2028',
]
# Code points past U+FFFF: an emoji, Deseret capital/small (case pairs), mathematical digits 0 and 7
# (int() parses them), a mathematical letter, a regional indicator, a tag (format), the last code point.
ASTRAL = [0x1F600, 0x10400, 0x10428, 0x1D7D8, 0x1D7DF, 0x1D49C, 0x1F1EB, 0xE0041, 0x10FFFF]
SUB_POOL = ['', 'a', 'b', 'ab', 'c', ' ', ',', 'l', 'x', 'é', 'aa', 'Z', '1']
KEY_POOL = ["'a'", "'b'", "'c'", "'key'", "'x'", '0', '1', '2', '-1', '10', 'True', '1.0', '()', '(1, 2)']
EXC_TYPES = ['ZeroDivisionError', 'IndexError', 'KeyError', 'ValueError', 'TypeError']
EXC_EXTRA = ['ArithmeticError', 'LookupError', 'Exception', 'OverflowError', 'RuntimeError', 'StopIteration']
TYPE_NAMES = ['int', 'float', 'str', 'bool', 'list', 'tuple', 'dict']

INT_SPECS = ['d', '5d', '>8', '<6', '^7', '05d', '+d', ',', '_', 'x', 'X', '#x', 'o', '#o', 'b', '#b',
             '.2f', 'e', '.3g', '%', '08.3f', '+,d', ' d', '=+8', '*>10', '-^9', '_b', '#010x', 'n', 'G',
             '.0e', ',.1f', '10,', 'c', '.3', 's', 'z']
FLOAT_SPECS = ['.2f', '.3e', 'g', '.10g', '10.3f', '+.1f', ',.2f', '%', '.0f', 'e', '>12', '08.2f', '.1%', '.20e', '.25g', '.30f',
               'E', 'G', 'n', 'F', '.15g', '.17g', 'z.1f', '#g', '#.0f', '_.3f', '^+12.4e', '', '.0%', 'd', 'x', '.2']
STR_SPECS = ['>10', '<5', '^9', '*^9', '.3', '10.2', 's', '', '=>6', 'd', '-<4', '0>5', '+', '#', ',']
BOOL_SPECS = ['', 'd', '>6', '^7', 'x', '.1f', '5']
BAD_SPECS = {INT: ('.3', 's', 'z', 'c'), FLOAT: ('d', 'x'), STR: ('d', '=>6', '+', '#', ',')}  # raise (or may)


def int_literal(r: random.Random, kind: str | None = None) -> int:
    kind = kind or r.choices(['small', 'medium', 'big', 'edge', 'huge'], [60, 20, 10, 10, 1])[0]
    if kind == 'huge':  # beyond the float range
        v = 10 ** r.randint(300, 400) + r.randint(-999, 999)
        return -v if r.random() < 0.4 else v
    if kind == 'small':
        return r.randint(-10, 10)
    if kind == 'medium':
        return r.randint(-100000, 100000)
    if kind == 'big':
        v = 10 ** r.randint(15, 40) + r.randint(-999, 999)
        return -v if r.random() < 0.4 else v
    b = r.choice([31, 32, 52, 53, 62, 63, 64, 65, 127, 128])
    v = 2 ** b + r.choice([-1, 0, 1])
    return -v if r.random() < 0.4 else v


def float_literal(r: random.Random) -> str:
    pool = ['0.0', '-0.0', '0.1', '0.5', '1.0', '1.5', '-2.25', '3.14159', '1e16', '1e-05', '1e-07',
            '123456789.123', '2.5e-310', '1.7976931348623157e+308', '1e+308', '5e-324', '0.30000000000000004', '1e+23', '1e-07', '9.999999999999999e+22',
            '9007199254740993.0', '-7.5', '2.0', '100.0', '1e+22', '0.001', '-1e-300', '4.35', '2.675']
    c = r.random()
    if c < 0.05:
        return r.choice(["float('inf')", "float('-inf')", "float('nan')"])
    if c < 0.6:
        return r.choice(pool)
    if c < 0.8:
        return repr(round(r.uniform(-1000, 1000), r.randint(0, 6)))
    return repr(r.random() * 10.0 ** r.randint(-20, 20))


class Scope:
    """Names bound for sure at this point of the function: name -> type. `own` = bound in this block."""

    def __init__(self, names=None):
        self.names: dict[str, str] = dict(names or {})
        self.own: set[str] = set()

    def child(self) -> 'Scope':
        return Scope(self.names)

    def of(self, t):
        return [n for n, ty in self.names.items() if ty == t]

    def add(self, name, t):
        self.names[name] = t
        self.own.add(name)


class Func:
    def __init__(self, name, params, ret, kind='func'):
        self.name, self.params, self.ret, self.kind = name, params, ret, kind  # params: [(name, type)]


class Gen(StarCalls, Closures, TextMethods, ModuleCode, Sets, AttrProbes):
    def __init__(self, rng: random.Random):
        self.r = rng
        self.funcs: list[Func] = []  # callable from code generated later (top-level and nested)
        self.gens: list[Func] = []
        self.star_funcs = []  # functions with *args / keyword-only / **kwargs parameters (gen_calls.py)
        self.globals: dict[str, str] = {}  # G name -> type
        self.counter = 0
        # Per function body:
        self.loop_depth = 0
        self.frozen_lists = False
        self.in_gen = False
        self.in_func = False
        self.budget = 1  # str/list/tuple/dict variables an expression may still copy into its result
        self.global_decl: set[str] = set()
        self.nest = 0  # statement nesting depth
        self.try_depth = 0  # inside try bodies: risky constructs are more frequent
        self.in_nested = False  # in a def inside main: main's locals (and its other helpers) are out of reach
        self.rec_funcs: list[str] = []  # bounded recursive functions of one int
        self.key_funcs: list[str] = []  # functions of one int returning an int (sort keys)
        self.cur_ret = INT
        self.storing = True  # False while print()'s arguments are generated: the result is not kept

    # ------------------------------------------------------------------ helpers

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def fresh(self, prefix='v'):
        self.counter += 1
        return f'{prefix}{self.counter}'

    @contextmanager
    def no_flow(self):
        """Inside len(), `in`, comparisons, index bases: a variable here is not copied into the result."""
        old = self.budget
        self.budget = 99
        try:
            yield
        finally:
            self.budget = old

    @contextmanager
    def expanding(self):
        """Around a conversion to str that can multiply its operand's size: the repr of a container
        (`tuple('abc')` prints as `('a', 'b', 'c')`, five characters per character) or of a str
        (every backslash doubles). Stored in a loop, or in a helper a loop may call,
        `s = f'{tuple(s)}'` would grow s geometrically, so there the operand copies no variable;
        in print()'s arguments, and in main outside loops, it may."""
        if not (self.storing and (self.loop_depth or self.in_func)):
            yield
            return
        old = self.budget
        self.budget = 0
        try:
            yield
        finally:
            self.budget = old

    @contextmanager
    def stmt_budget(self, n=1):
        old = self.budget
        self.budget = n
        try:
            yield
        finally:
            self.budget = old

    def var(self, scope: Scope, t: str):
        names = scope.of(t)
        if t in SEQ_TYPES or t == ANY:
            if self.budget <= 0:
                return None
        names += [g for g, gt in self.globals.items() if gt == t]
        if not names:
            return None
        if t in SEQ_TYPES or t == ANY:
            self.budget -= 1
        return self.r.choice(names)

    # ------------------------------------------------------------------ literals

    def lit(self, t: str) -> str:
        r = self.r
        if t == INT:
            v = int_literal(r)
            return f'({v})' if v < 0 else str(v)
        if t == FLOAT:
            f = float_literal(r)
            return f'({f})' if f.startswith('-') else f
        if t == BOOL:
            return r.choice(['True', 'False'])
        if t == STR:
            if self.chance(0.04):
                return self.astral_str()
            return repr(r.choice(STR_POOL))
        if t == LIST:
            return '[' + ', '.join(self.lit(INT) for _ in range(r.randint(0, 5))) + ']'
        if t == TUPLE:
            items = [self.lit(r.choice([INT, INT, STR, FLOAT, BOOL])) for _ in range(r.randint(0, 4))]
            if len(items) == 1:
                return f'({items[0]},)'
            return '(' + ', '.join(items) + ')'
        if t == DICT:
            keys = r.sample(KEY_POOL, r.randint(0, 4))
            return '{' + ', '.join(f'{k}: {self.lit(INT)}' for k in keys) + '}'
        if t == ANY:
            return self.lit(r.choice(VALUE_TYPES))
        raise AssertionError(t)

    def astral_str(self) -> str:
        """A str holding characters outside the BMP, made with chr() (the importer refuses them in
        literals): where a UTF-16 VM would count, index, slice, case-map or compare wrongly."""
        r = self.r
        parts = [f'chr({r.choice(ASTRAL)})' for _ in range(r.randint(1, 3))]
        parts += [repr(r.choice(SUB_POOL)) for _ in range(r.randint(0, 2))]
        r.shuffle(parts)
        return '(' + ' + '.join(parts) + ')'

    def small_int(self, scope) -> str:
        """An int that stays small: a literal, a len(), or a remainder."""
        c = self.r.random()
        if c < 0.6:
            return str(self.r.randint(-5, 9)) if self.chance(0.8) else f'({self.r.randint(-9, -1)})'
        if c < 0.8:
            with self.no_flow():
                return f'len({self.e(self.r.choice([STR, LIST, DICT]), scope, 1)})'
        return f'({self.e(INT, scope, 1)} % {self.r.randint(2, 9)})'

    def divisor(self, scope, d) -> str:
        """Mostly a non-zero literal; sometimes any int (which may be zero)."""
        if not self.risk(0.5):
            v = self.r.choice([1, 2, 3, 7, 10, -1, -2, -3, 1000, 2 ** 32, -(10 ** 20)])
            return f'({v})' if v < 0 else str(v)
        return self.e(INT, scope, d)

    def key(self, scope) -> str:
        if self.chance(0.7):
            return self.r.choice(KEY_POOL[:6] if self.chance(0.7) else KEY_POOL)
        return self.e(self.r.choice([INT, STR]), scope, 1)

    def index(self, scope, seq: str) -> str:
        c = self.r.random()
        if c < 0.3:
            return str(self.r.randint(-2, 1))
        if c < 0.9:
            with self.no_flow():
                return f'({self.e(INT, scope, 1)} % len({seq}))' if self.chance(0.7) else f'(len({seq}) - 1)'
        if not self.risk(0.5):
            return str(self.r.randint(-1, 0))
        return self.e(self.r.choice([INT, INT, INT, BOOL, FLOAT, STR]) if self.chance(0.1) else INT, scope, 1)

    def slice_(self, scope) -> str:
        def bound():
            c = self.r.random()
            if c < 0.35:
                return ''
            if c < 0.85:
                return str(self.r.randint(-6, 6))
            if c < 0.95:
                return self.e(INT, scope, 1)
            return 'None'
        a, b = bound(), bound()
        if self.chance(0.3):
            step = self.r.choice(['-1', '2', '-2', '3', '', '0' if self.risk(0.2) else '1'])
            return f'{a}:{b}:{step}'
        return f'{a}:{b}'

    # ------------------------------------------------------------------ expressions

    def e(self, t: str, scope: Scope, d: int) -> str:
        """An expression of type t (mostly)."""
        if t == ANY:
            if scope.of(ANY) and self.budget > 0 and self.chance(0.3):
                return self.var(scope, ANY)
            t = self.r.choice(VALUE_TYPES)
        if d <= 0 or self.chance(0.35):
            if self.chance(0.8):
                v = self.var(scope, t)
                if v is not None:
                    return v
            if t in SEQ_TYPES and self.budget <= 0:
                return self.lit(t)
            if d <= 0 or self.chance(0.6):
                return self.lit(t)
        return getattr(self, 'e_' + t)(scope, d - 1)

    def num(self, scope, d):
        return self.e(self.r.choices([INT, FLOAT, BOOL], [70, 25, 5])[0], scope, d)

    def risk(self, p: float) -> bool:
        """A construct that likely raises: at rate p inside a try body, p / 5 elsewhere (so that most
        programs run to their end and still reach every kind of error)."""
        return self.chance(p if self.try_depth else p / 5)

    def maybe_wrong(self, t):
        """Occasionally an operand of another type (TypeError paths)."""
        if self.risk(0.03):
            return self.r.choice([STR, LIST, FLOAT, TUPLE, DICT, BOOL])
        return t

    def call_of(self, scope, d, ret):
        stars = [f for f in self.star_funcs if f.ret == ret]
        if stars and self.chance(0.4):
            return self.star_call(self.r.choice(stars), scope, d)
        # A helper local to main is callable only where main's locals are (not from a genexpr or another def).
        fs = [f for f in self.funcs if f.ret == ret and (not getattr(f, 'local', False) or scope.names.get(f.name) == 'func')]
        if not fs:
            return None
        f = self.r.choice(fs)
        args = []
        for i, (pn, pt) in enumerate(f.params):
            default = f.defaults.get(pn) if hasattr(f, 'defaults') else None
            if default is not None and self.chance(0.4):
                continue  # leave it to the default (only trailing ones are omitted below)
            if pt == LIST and self.frozen_lists:
                args.append((pn, self.lit(LIST)))  # the callee may append to it while a loop walks it
            else:
                args.append((pn, self.e(self.maybe_wrong(pt), scope, d)))
        # Omitted parameters must be defaulted ones; keep positional order valid.
        names = [pn for pn, _ in f.params]
        given = {pn for pn, _ in args}
        if self.risk(0.03) and args:
            args = args[:-1]  # a missing argument: TypeError
        if self.risk(0.03) and args:
            pn, text = args[-1]
            args[-1] = (self.r.choice([pn[:-1], pn + 's', pn.upper(), 'x', pn[0] + '_' + pn[1:]]), text)  # a mistyped keyword
        parts, kw = [], False
        for pn, text in args:
            idx = names.index(pn) if pn in names else len(names)
            skipped_before = any(n not in given for n in names[:idx])
            if kw or skipped_before or self.chance(0.2):
                kw = True
                parts.append(f'{pn}={text}')
            else:
                parts.append(text)
        return f'{f.name}({", ".join(parts)})'

    def e_int(self, scope, d):
        r = self.r
        if d > 0 and self.chance(0.05):
            made = self.math_int(scope, d)  # gen_module.py
            if made:
                return made
        c = r.randint(0, 42)
        if c == 36 and self.risk(0.3):
            # Past CPython's 4300-digit str conversion limit (or near it); hex/binary formats are unlimited.
            if self.loop_depth or self.in_func:
                # Repeated, a str() under the limit (10 ** 4000 has 4001 digits) that a loop appends and
                # prints grows the output quadratically, past the 256 KiB a fixture may hold.
                return f'({r.choice([10, -10])} ** {r.choice([4300, 4500, 14300])})'
            return f'({r.choice([7, 9, 10, -10, 3, 2, -2])} ** {r.choice([4000, 4300, 4500, 5000, 14300, 14500])})'
        if c == 37:
            if self.risk(0.3):
                return f'int({r.choice(["7", "1", "9"])!r} * {r.choice([4299, 4300, 4301, 5000])})'
            with self.no_flow():
                dd = self.e(DICT, scope, d)
            return f'len({dd}.{r.choice(["keys", "values", "items"])}())'
        if c == 38 and self.risk(0.6):
            return self.bad_call(scope, d)
        if c == 39:
            with self.no_flow():
                return f'len(range({self.small_int(scope)}, {self.e(INT, scope, d)}, {r.choice([1, 2, 3, -1, -7, 10 ** 20])}))'
        if c == 40:
            rng = f'range({r.randint(-5, 5)}, {r.randint(-5, 30)}, {r.choice([1, 2, 3, -1, -2])})'
            with self.no_flow():
                return f'{rng}[{self.index(scope, rng)}]'
        if c == 41 and self.rec_funcs:
            f = r.choice(self.rec_funcs)
            return f'{f}(int({self.small_int(scope)}) % {r.randint(2, 12)})'  # int(): a nan would never reach the base case
        if c <= 7:
            op = r.choice(['+', '-', '+', '-', '//', '%', '&', '|', '^'])
            rhs = self.divisor(scope, d) if op in ('//', '%') else self.e(INT if self.chance(0.9) else BOOL, scope, d)
            return f'({self.e(self.maybe_wrong(INT), scope, d)} {op} {rhs})'
        if c == 8:
            return f'({self.e(INT, scope, d)} * {self.small_int(scope)})' if self.chance(0.7) else \
                f'({self.small_int(scope)} * {self.e(INT, scope, d)})'
        if c == 9:
            with self.no_flow():
                base = str(r.randint(-9, 9)) if self.chance(0.7) else f'len({self.e(r.choice([STR, LIST]), scope, d)})'
            return f'({base} ** {r.randint(0, 6)})'  # an int base by construction: no float pow
        if c == 10:
            k = r.randint(0, 70) if not self.risk(0.03) else r.randint(-3, -1)
            return f'({self.e(INT, scope, d)} << {k})'
        if c == 11:
            k = r.randint(0, 80) if not self.risk(0.03) else r.randint(-3, -1)
            return f'({self.e(INT, scope, d)} >> {k})'
        if c == 12:
            return f'({r.choice(["-", "~", "+", "-"])}{self.e(self.maybe_wrong(INT), scope, d)})'
        if c == 13:
            return f'abs({self.e(self.maybe_wrong(INT), scope, d)})'
        if c == 14:
            with self.no_flow():
                return f'len({self.e(r.choice([STR, LIST, TUPLE, DICT]), scope, d)})'
        if c == 15:
            n = r.randint(1, 3)
            args = ', '.join(self.e(INT, scope, d) for _ in range(n))
            if n == 1:
                with self.no_flow():
                    args = self.e(LIST, scope, d)
                    if self.chance(0.3):
                        args += f', default={self.lit(INT)}'
            return f'{r.choice(["min", "max"])}({args})'
        if c == 16:
            with self.no_flow():
                return f'sum({self.e(LIST, scope, d)})'
        if c == 17:
            return f'int({self.e(FLOAT, scope, d)})'
        if c == 18:
            s = r.choice(['42', ' -17 ', '+8', '1_000', '0', '007', '٣', '-0', '  9\n'] if not self.risk(0.3) else STR_POOL + ['12a', '3.5', '1__0'])
            return f'int({s!r})'
        if c == 19:
            with self.no_flow():
                lst = self.e(LIST, scope, d)
                return f'{lst}[{self.index(scope, lst)}]'
        if c == 20:
            with self.no_flow():
                dd = self.e(DICT, scope, d)
            return f'{dd}[{self.key(scope)}]' if self.risk(0.4) else f'{dd}.get({self.key(scope)}, {self.lit(INT)})'
        if c == 21:
            return f'({self.e(INT, scope, d)} if {self.e(BOOL, scope, d)} else {self.e(INT, scope, d)})'
        if c == 22:
            return f'({self.e(INT, scope, d)} {r.choice(["or", "and"])} {self.e(INT, scope, d)})'
        if c == 23 and self.chance(0.25):
            return self.star_builtin_int(scope, d)  # gen_calls.py
        if c == 23:
            call = self.call_of(scope, d, INT)
            if call:
                return call
        if c == 24:
            with self.no_flow():
                return f'{self.e(LIST, scope, d)}.{"index" if self.risk(0.4) else "count"}({self.e(INT, scope, d)})'
        if c == 25 and self.chance(0.5):
            return self.text_int(scope, d)  # gen_text.py
        if c == 25:
            with self.no_flow():
                return f'{self.e(STR, scope, d)}.{r.choice(["find", "count"])}({r.choice(SUB_POOL)!r})'
        if c == 26 and self.chance(0.5):
            return self.set_int(scope, d)  # gen_sets.py
        if c == 26:
            return f'hash(int({self.e(INT, scope, d)}))'  # int(): the operand's type may lie (list('ab')); hash(str) differs
        if c == 27 and self.chance(0.5):
            made = self.closure_int(scope, d)  # gen_closures.py
            if made:
                return made
        if c == 27:
            x = self.fresh('x')
            inner = Scope({x: INT})
            with self.no_flow():
                it = self.e(LIST, scope, d) if self.chance(0.7) else f'range({r.randint(-2, 8)})'
            body = self.e(INT, inner, 1)
            cond = f' if {self.e(BOOL, inner, 1)}' if self.chance(0.3) else ''
            return f'sum({body} for {x} in {it}{cond})'
        if c == 28 and self.gens:
            g = r.choice(self.gens)
            return f'sum({self.gen_call(g, scope, d)})'
        if c == 29:
            return f'({self.e(BOOL, scope, d)} + {self.e(INT, scope, d)})'
        if c == 30:
            with self.no_flow():
                return f'len({self.e(STR, scope, d)}.split({r.choice(["", repr(","), repr(" "), repr("a")])}))'
        if c == 31:
            if self.chance(0.8):
                return f'int({self.e(r.choice([INT, BOOL, FLOAT]), scope, d)})'
            s = r.choice(['101', '-ff', '0x1F', '0b11', 'z', ' 7_7 ', '0o17', '12', '0'])
            return f'int({s!r}, {r.choice([2, 8, 16, 36, 0, 10])})' if self.chance(0.8) else f'int({self.e(STR, scope, d)})'
        if c == 32:
            with self.no_flow():
                return f'len({self.e(TUPLE, scope, d)})'
        if c == 33:
            with self.no_flow():
                dd = self.e(DICT, scope, d)
            return f'{dd}.pop({self.key(scope)}, {self.lit(INT)})' if self.chance(0.5) else f'{dd}.setdefault({self.key(scope)}, {self.lit(INT)})'
        if c == 34:
            key = r.choice(['abs'] + self.key_funcs)
            if self.chance(0.4):
                with self.no_flow():
                    return f'{r.choice(["min", "max"])}({self.e(LIST, scope, d)}, key={key}, default={self.lit(INT)})'
            return f'max({self.e(INT, scope, d)}, {self.e(INT, scope, d)}, key={key})' if self.chance(0.5) else \
                f'min({self.e(INT, scope, d)}, {self.e(INT, scope, d)}, key={key})'
        if c == 35:
            with self.no_flow():
                lst = self.e(LIST, scope, d)
            return f'next(iter({lst}), {self.lit(INT)})'
        return f'({self.e(INT, scope, d)} {r.choice(["+", "-", "*"])} {self.small_int(scope)})'

    def e_float(self, scope, d):
        r = self.r
        if d > 0 and self.chance(0.1):
            made = self.math_more_float(scope, d) if self.chance(0.5) else self.math_float(scope, d)  # gen_attrs.py, gen_module.py
            if made:
                return made
        c = r.randint(0, 17)
        if c == 14:
            items = ', '.join(self.e(r.choice([FLOAT, FLOAT, INT]), scope, d) for _ in range(r.randint(1, 6)))
            return f'sum([{items}]{", " + self.lit(FLOAT) if self.chance(0.3) else ""})'
        if c == 15:
            x = self.fresh('x')
            inner = Scope({x: INT})
            return f'sum({self.e(FLOAT, inner, 1)} for {x} in range({r.randint(0, 12)}))' if self.chance(0.5) else \
                f'sum([{self.lit(FLOAT)}] * {r.randint(0, 12)})'
        if c == 16:
            return self.float_power(scope, d)
        if c == 17:
            with self.no_flow():
                dd = self.e(DICT, scope, d)
            return f'float({dd}.get({self.key(scope)}, {self.lit(FLOAT)}))'
        if c <= 2:
            rhs = self.divisor(scope, d) if self.chance(0.6) else self.num(scope, d)
            return f'({self.num(scope, d)} / {rhs})'
        if c <= 5:
            op = r.choice(['+', '-', '*', '//', '%', '*', '+'])
            a, b = self.e(FLOAT, scope, d), self.e(self.maybe_wrong(r.choice([INT, FLOAT])), scope, d)
            return f'({a} {op} {b})' if self.chance(0.5) else f'({b} {op} {a})'
        if c == 6:
            return self.float_power(scope, d)
        if c == 7:
            return f'({r.choice(["-", "+"])}{self.e(FLOAT, scope, d)})'
        if c == 8:
            return f'abs({self.e(FLOAT, scope, d)})'
        if c == 9:
            return f'float({self.e(r.choice([INT, INT, BOOL]), scope, d)})'
        if c == 10:
            s = r.choice(['1.5', ' -2.5e3 ', 'inf', '-Infinity', 'nan', '1_0.5', '1e500', '.5', '5.', '-0', 'NaN', '1E-3', '-iNF', '0.1e-320']
                         if not self.risk(0.3) else ['0x10', '', '1__0', 'abc', '1.5.2'])
            return f'float({s!r})'
        if c == 11:
            return f'({self.e(FLOAT, scope, d)} if {self.e(BOOL, scope, d)} else {self.num(scope, d)})'
        if c == 12:
            call = self.call_of(scope, d, FLOAT)
            if call:
                return call
        return f'{r.choice(["min", "max"])}({self.e(FLOAT, scope, d)}, {self.num(scope, d)})'

    def float_power(self, scope, d):
        """A float power whose result is exact or special. CPython's float ** is the platform's C pow(),
        which is not correctly rounded (glibc's last bit differs from the exact rounding in about 1 in
        1,000 cases, even for x ** 2); optcert's is correctly rounded (spec/README.md#differences,
        item 14), so an inexact power is never generated. Bases and exponents: a dyadic base with a
        small non-negative int exponent, a power of two with a negative one, a perfect square with
        0.5, special values, and overflow."""
        r = self.r
        c = r.randint(0, 6)
        if c <= 1:
            base = r.choice(['1.5', '(-1.5)', '2.5', '0.5', '(-0.25)', '3.0', '(-2.0)', '1.0', '0.0', '(-0.0)', '6.5', '(-3.0)'])
            return f'({base} ** {r.choice(["0", "1", "2", "3", "4", "2.0", "3.0", "0.0", "1.0"])})'
        if c == 2:
            base = r.choice(['2.0', '0.5', '4.0', '(-2.0)', '0.25', '(-0.5)', '2', '4', '(-2)', '1', '(-1)', '8'])
            return f'({base} ** {r.choice(["(-1)", "(-2)", "(-3)", "(-1.0)", "(-4)", "(-10)"])})'
        if c == 3:
            return f'({r.choice(["0.25", "4.0", "2.25", "0.0", "1.0", "16.0", "6.25", "(-0.0)", "0.0625"])} ** {r.choice(["0.5", "1.5", "(-0.5)", "2.5"])})'
        if c == 4:
            special = r.choice(["float('inf')", "float('-inf')", "float('nan')", '0.0', '(-1.0)', '1.0', '(-0.0)'])
            exps = ["2", "(-1)", "3", "0", "(-2)", "float('inf')", "float('-inf')", "float('nan')"]
            if special != '(-1.0)':  # (-1.0) ** 0.5 is complex in CPython (a documented difference)
                exps += ["0.5", "(-0.5)"]
            return f'({special} ** {r.choice(exps)})'
        if c == 5:
            return f'({r.choice(["1e+300", "(-1e+300)", "10.0", "1e+200", "2.0"])} ** {r.choice(["2", "400", "1100", "3.0", "1e+300"])})'
        # any exponent on a base whose every power is exact or special
        return f'({r.choice(["1.0", "0.0", "float(\'inf\')", "float(\'nan\')"])} ** {self.e(r.choice([INT, FLOAT]), scope, d)})'

    def e_bool(self, scope, d):
        if d > 0 and self.chance(0.04):
            made = self.math_more_bool(scope, d) if self.chance(0.3) else self.math_bool(scope, d)  # gen_attrs.py, gen_module.py
            if made:
                return made
        r = self.r
        c = r.randint(0, 15)
        with self.no_flow():
            if c <= 3:
                op = r.choice(['<', '<=', '>', '>=', '==', '!='])
                if self.chance(0.8):
                    a, b = self.num(scope, d), self.num(scope, d)
                else:
                    t = r.choice([STR, LIST, TUPLE, STR])
                    a, b = self.e(t, scope, d), self.e(self.maybe_wrong(t), scope, d)
                return f'({a} {op} {b})'
            if c == 4:
                ops = [r.choice(['<', '<=', '>', '>=', '==', '!=']) for _ in range(r.randint(2, 3))]
                parts = [self.num(scope, d) for _ in range(len(ops) + 1)]
                s = parts[0]
                for o, p in zip(ops, parts[1:]):
                    s += f' {o} {p}'
                return f'({s})'
            if c == 5:
                return f'(not {self.e(self.r.choice([BOOL, BOOL, INT, STR, LIST]), scope, d)})'
            if c == 6:
                return f'({self.e(BOOL, scope, d)} {r.choice(["and", "or"])} {self.e(BOOL, scope, d)})'
            if c == 7:
                neg = ' not' if self.chance(0.3) else ''
                t = r.choice([LIST, STR, DICT, TUPLE])
                item = {LIST: INT, STR: STR, DICT: INT, TUPLE: ANY}[t]
                if t == STR:
                    return f'({r.choice(SUB_POOL)!r}{neg} in {self.e(STR, scope, d)})' if self.chance(0.7) else \
                        f'({self.e(self.maybe_wrong(STR), scope, d)}{neg} in {self.e(STR, scope, d)})'
                if t == DICT:
                    return f'({self.key(scope)}{neg} in {self.e(DICT, scope, d)})'
                return f'({self.e(item, scope, d)}{neg} in {self.e(t, scope, d)})'
            if c == 8:
                tn = r.choice(TYPE_NAMES)
                if self.chance(0.3):
                    tn = '(' + ', '.join(r.sample(TYPE_NAMES, 2)) + ')'
                return f'isinstance({self.e(ANY, scope, d)}, {tn})'
            if c == 9:
                return f'bool({self.e(ANY, scope, d)})'
            if c == 10 and self.chance(0.5):
                return self.text_bool(scope, d)  # gen_text.py
            if c == 10:
                s = self.e(STR, scope, d)
                m = r.choice(['startswith', 'endswith'])
                arg = repr(r.choice(SUB_POOL))
                if self.chance(0.2):
                    arg = f'({arg}, {r.choice(SUB_POOL)!r})'
                return f'{s}.{m}({arg})' if self.chance(0.6) else f'{s}.{r.choice(["isdigit", "isalpha"])}()'
            if c == 11:
                return f'({self.e(ANY, scope, d)} is{r.choice(["", " not"])} None)'
            if c == 12:
                call = self.call_of(scope, d, BOOL)
                if call:
                    return call
            if c == 13:
                return f'({self.e(BOOL, scope, d)} if {self.e(BOOL, scope, d)} else {self.e(BOOL, scope, d)})'
            if c == 14:
                t = r.choice(VALUE_TYPES)
                return f'({self.e(t, scope, d)} {r.choice(["==", "!="])} {self.e(r.choice([t, ANY]), scope, d)})'
            return f'({self.e(INT, scope, d)} {r.choice(["&", "|", "^"])} {self.e(INT, scope, d)} {r.choice(["==", ">", "<"])} 0)'

    def fstring(self, scope, d):
        r = self.r
        parts = []
        for _ in range(r.randint(1, 3)):
            if self.chance(0.5):
                txt = r.choice(['', 'x=', ' ', ' | ', 'val ', ':', '{', '}', 'é'])
                parts.append(txt.replace('{', '{{').replace('}', '}}'))
            t = r.choice([INT, INT, FLOAT, FLOAT, STR, BOOL, LIST, TUPLE, DICT])
            conv = ''
            if self.chance(0.15):
                conv = r.choice(['!r', '!s', '!a'])
            if t in (LIST, TUPLE, DICT) or conv in ('!r', '!a'):
                with self.expanding():
                    ex = self.e(t, scope, d)
            else:
                ex = self.e(t, scope, d)
            spec = ''
            if self.chance(0.65):
                pool = {INT: INT_SPECS, FLOAT: FLOAT_SPECS, STR: STR_SPECS, BOOL: BOOL_SPECS}.get(t if not conv else STR, [''])
                spec = r.choice(pool)
                if spec in BAD_SPECS.get(t if not conv else STR, ()) and not self.risk(0.6):
                    spec = ''
                if self.risk(0.05):
                    spec = r.choice(INT_SPECS + FLOAT_SPECS + STR_SPECS)
                if self.chance(0.08):
                    spec = '>{' + str(r.randint(0, 12)) + '}'  # a nested replacement field
            if ex.startswith('{'):
                ex = f' {ex} '  # `{{` would be an escaped brace
            parts.append('{' + ex + conv + (':' + spec if spec else '') + '}')
        return 'f"' + ''.join(parts) + '"'  # PEP 701 (3.12+): any quotes inside the fields

    def e_str(self, scope, d):
        r = self.r
        c = r.randint(0, 24)
        if c == 24 and self.chance(0.7):
            return self.text_str(scope, d)  # gen_text.py
        if c == 24 and self.chance(0.5):
            return self.set_str(scope, d)  # gen_sets.py
        if c == 21:
            return self.printf(scope, d)
        if c == 22:
            x = self.fresh('x')
            with self.expanding():  # `{x=}` is the repr of x
                ex = self.e(r.choice([INT, FLOAT, STR, LIST]), scope, d)
            return 'f"' + r.choice(['', 'v ', '<']) + '{' + (f' {ex} ' if ex.startswith('{') else ex) + '=' + \
                r.choice(['', '!r', '!s', ':>8', ':.2f' if self.chance(0.3) else '']) + '}"'
        if c == 23 and self.gens:
            g = r.choice(self.gens)
            x = self.fresh('x')
            return f'{r.choice(["", ", ", "-"])!r}.join(str({x}) for {x} in {self.gen_call(g, scope, d)})'
        if c == 24:
            with self.no_flow():
                return f'repr(range({r.randint(-3, 3)}, {r.randint(-3, 12)}, {r.choice([1, 2, -1, 3])})[{self.slice_(scope)}])'
        if c <= 2:
            return f'({self.e(STR, scope, d)} + {self.e(self.maybe_wrong(STR), scope, d)})'
        if c == 3:
            k = r.randint(-1, 4)
            return f'({self.lit(STR)} * {k})' if self.chance(0.7) else f'({k} * {self.lit(STR)})'
        if c <= 5:
            with self.expanding():
                return f'{r.choice(["str", "repr", "str"])}({self.e(ANY, scope, d)})'
        if c <= 8:
            return self.fstring(scope, d)
        if c == 9:
            s = self.e(STR, scope, d)
            return f'{s}[{self.index(scope, s)}]'
        if c == 10:
            return f'{self.e(STR, scope, d)}[{self.slice_(scope)}]'
        if c == 11:
            m = r.choice(['upper', 'lower', 'strip', 'lstrip', 'rstrip'])
            arg = repr(r.choice(SUB_POOL)) if m.endswith('strip') and self.chance(0.3) else ''
            return f'{self.e(STR, scope, d)}.{m}({arg})'
        if c == 12:
            old = r.choice([s for s in SUB_POOL if s])
            new = r.choice([s for s in SUB_POOL if len(s) <= len(old)])
            cnt = f', {r.randint(-1, 2)}' if self.chance(0.2) else ''
            return f'{self.e(STR, scope, d)}.replace({old!r}, {new!r}{cnt})'
        if c == 13:
            sep = repr(r.choice(['', ', ', '-', ' ']))
            x = self.fresh('x')
            inner = Scope({x: INT})
            if self.chance(0.5):
                return f'{sep}.join(str({x}) for {x} in {self.e(LIST, scope, d)})' if self.chance(0.5) else \
                    f'{sep}.join([str({self.e(INT, inner, 1)}) for {x} in {self.e(LIST, scope, d)}])'
            return f'{sep}.join({self.e(STR, scope, d)}.split({r.choice(["", repr(","), repr(" "), repr("a")])}))'
        if c == 14:
            return f'({self.e(STR, scope, d)} if {self.e(BOOL, scope, d)} else {self.e(STR, scope, d)})'
        if c == 15:
            call = self.call_of(scope, d, STR)
            if call:
                return call
        if c == 16:
            return f'{r.choice(["min", "max"])}({self.e(STR, scope, d)}, {self.e(STR, scope, d)})'
        if c == 17:
            return f'({self.e(STR, scope, d)} or {self.lit(STR)})'
        if c == 18:
            with self.no_flow():
                dd = self.e(DICT, scope, d)
            return f'str({dd}.get({self.key(scope)}))'
        if c == 19:
            return f'{self.lit(STR)}.join([{self.e(STR, scope, d)}, {self.lit(STR)}])'
        return f'str({self.num(scope, d)})'

    def e_list(self, scope, d):
        r = self.r
        c = r.randint(0, 22)
        if c == 22 and self.chance(0.4):
            return self.text_list(scope, d)  # gen_text.py
        if c == 18 and self.gens:
            g = r.choice(self.gens)
            how = r.choice(['sorted({})', 'sorted({}, reverse=True)', 'list(enumerate({}))', 'list(zip({}, {}))',
                            '[{x} for {x} in {} if {x} % 2]', 'list(range(max({}, default=0) % 9))'])
            x = self.fresh('x')
            return how.replace('{x}', x).format(self.gen_call(g, scope, d), self.gen_call(g, scope, d))
        if c == 21 and self.chance(0.3):
            return self.closure_list(scope, d)  # gen_closures.py
        if c == 21 and self.chance(0.4):
            return self.set_list(scope, d)  # gen_sets.py
        if c == 19 and self.key_funcs:
            f = r.choice(self.key_funcs)
            return f'sorted({self.e(LIST, scope, d)}, key={f}{", reverse=True" if self.chance(0.3) else ""})'
        if c == 20:
            x, y = self.fresh('x'), self.fresh('x')
            z = self.fresh('x')
            with self.no_flow():
                a, b = self.e(LIST, scope, d), self.e(LIST, scope, d)
            return f'[{x} + {y} - {z} for {x}, ({y}, {z}) in enumerate(zip({a}, {b}))]'  # no `*`: 'ab' * 2**62 is a MemoryError
        if c == 22 and not self.loop_depth and not self.in_func:  # in a loop, len(a) * len(b) could compound
            x, y = self.fresh('x'), self.fresh('x')
            with self.no_flow():
                a, b = self.e(LIST, scope, d), (self.lit(LIST) if self.chance(0.5) else f'range({r.randint(0, 4)})')
            inner = scope.child()
            inner.add(x, INT)
            inner.add(y, INT)
            old = self.budget
            self.budget = 0
            cond = f' if {self.e(BOOL, inner, 1)}' if self.chance(0.4) else ''
            body = f'{x} {r.choice(["+", "-", "^", "|"])} {y}' if self.chance(0.7) else self.e(INT, inner, 1)
            self.budget = old
            return f'[{body} for {x} in {a} for {y} in {b}{cond}]'
        if c == 21:
            with self.no_flow():
                a, b = self.e(LIST, scope, d), self.e(r.choice([LIST, STR]), scope, d)
            return f'(list(zip({a}, {b}{", strict=True" if self.risk(0.5) else ""})) and [{self.lit(INT)}])'
        if c <= 2:
            return '[' + ', '.join(self.e(INT, scope, d) for _ in range(r.randint(0, 4))) + ']'
        if c == 3:
            a = r.randint(-5, 5)
            b = a + r.randint(-3, 8)
            step = r.choice(['', '', f', {r.choice([1, 2, 3, -1, -2])}'])
            return f'list(range({a}, {b}{step}))' if self.chance(0.7) else f'list(range({r.randint(0, 6)}))'
        if c == 4:
            return f'{self.e(LIST, scope, d)}[{self.slice_(scope)}]'
        if c == 5:
            return f'({self.e(LIST, scope, d)} + {self.e(self.maybe_wrong(LIST), scope, d)})'
        if c == 6:
            kw = r.choice(['', ', reverse=True', ', key=abs', ', key=abs, reverse=True'])
            return f'sorted({self.e(LIST, scope, d)}{kw})'
        if c <= 8:
            x = self.fresh('x')
            with self.no_flow():
                it = self.e(LIST, scope, d) if self.chance(0.7) else f'range({r.randint(-1, 7)})'
            inner = scope.child()
            inner.add(x, INT)
            old = self.budget
            self.budget = 0  # the element expression is evaluated once per item
            body = self.e(INT, inner, d)
            cond = f' if {self.e(BOOL, inner, d)}' if self.chance(0.4) else ''
            self.budget = old
            return f'[{body} for {x} in {it}{cond}]'
        if c == 9 and self.gens:
            g = r.choice(self.gens)
            return f'list({self.gen_call(g, scope, d)})'
        if c == 10:
            x = self.fresh('x')
            inner = Scope({x: INT})
            with self.no_flow():
                it = self.e(LIST, scope, d)
            return f'list({self.e(INT, inner, 1)} for {x} in {it})'
        if c == 11:
            return f'{self.e(LIST, scope, d)}.copy()' if self.chance(0.5) else f'list({self.e(r.choice([LIST, TUPLE]), scope, d)})'
        if c == 12:
            return f'([{self.lit(INT)}] * {r.randint(-1, 4)})'
        if c == 13:
            call = self.call_of(scope, d, LIST)
            if call:
                return call
        if c == 14:
            return f'({self.e(LIST, scope, d)} if {self.e(BOOL, scope, d)} else {self.e(LIST, scope, d)})'
        if c == 15:
            with self.no_flow():
                return f'list({self.e(DICT, scope, d)}.{r.choice(["values", "keys"])}())'
        if c == 16:
            x, y = self.fresh('x'), self.fresh('x')
            with self.no_flow():
                a, b = self.e(LIST, scope, d), self.e(LIST, scope, d)
            return f'[{x} {r.choice(["+", "-", "^", "&"])} {y} for {x}, {y} in zip({a}, {b})]'  # no `*`: it would square items
        if c == 17 and self.chance(0.6):
            return self.star_list(scope, d)
        return f'list({self.e(STR, scope, d)})'

    def e_tuple(self, scope, d):
        r = self.r
        c = r.randint(0, 7)
        if c <= 2:
            items = [self.e(ANY, scope, d) for _ in range(r.randint(0, 4))]
            if len(items) == 1:
                return f'({items[0]},)'
            return '(' + ', '.join(items) + ')'
        if c == 3:
            return f'tuple({self.e(r.choice([LIST, STR]), scope, d)})'
        if c == 4:
            return f'{self.e(TUPLE, scope, d)}[{self.slice_(scope)}]'
        if c == 5:
            return f'({self.e(TUPLE, scope, d)} + ({self.e(ANY, scope, d)},))'
        if c == 6:
            return f'tuple(enumerate({self.e(r.choice([LIST, STR]), scope, d)}{", " + str(r.randint(-2, 3)) if self.chance(0.3) else ""}))'
        return f'tuple(zip({self.e(LIST, scope, d)}, {self.e(r.choice([LIST, STR]), scope, d)}))'

    def e_dict(self, scope, d):
        r = self.r
        c = r.randint(0, 8)
        if c == 8 and self.chance(0.3):
            return self.text_dict(scope, d)  # gen_text.py
        if c <= 2:
            keys = r.sample(KEY_POOL, r.randint(0, 4))
            if self.chance(0.1):
                keys.append(r.choice(keys) if keys else "'a'")  # a repeated key
            return '{' + ', '.join(f'{k}: {self.e(INT, scope, d)}' for k in keys) + '}'
        if c == 3:
            x = self.fresh('x')
            inner = scope.child()
            inner.add(x, INT)
            with self.no_flow():
                it = self.e(LIST, scope, d)
            old = self.budget
            self.budget = 0
            k = r.choice([f'str({x})', x, f'{x} % 3'])
            body = f'{{{k}: {self.e(INT, inner, d)} for {x} in {it}}}'
            self.budget = old
            return body
        if c == 4:
            return f'dict({", ".join(f"{k}={self.e(INT, scope, d)}" for k in r.sample(["a", "b", "c", "key"], r.randint(0, 3)))})'
        if c == 5:
            return f'{self.e(DICT, scope, d)}.copy()' if self.chance(0.5) else f'dict({self.e(DICT, scope, d)})'
        if c == 6:
            return f'({self.e(DICT, scope, d)} | {self.lit(DICT)})'
        if c == 7:
            return f'dict(zip({self.lit(STR)}, {self.e(LIST, scope, d)}))'
        if self.chance(0.4):
            return self.star_dict(scope, d)
        return f'dict(enumerate({self.e(LIST, scope, d)}))'

    def bad_call(self, scope, d):
        """A builtin or method called with the wrong number or kind of arguments (TypeError messages)."""
        r = self.r
        a, b = self.e(INT, scope, 1), self.e(STR, scope, 1)
        with self.no_flow():
            L = self.e(LIST, scope, 1)
            D = self.e(DICT, scope, 1)
        forms = [
            f'len({L}, {a})', 'len()', 'abs()', f'abs({a}, {a})', 'sum()', f'sorted({L}, {a})', f'sorted({L}, kee=abs)',
            'min()', f'max({L}, key={a})', f'int({a}, {a}, {a})', f'int(x={a})', f'float({a}, {a})', f'list({L}, {L})',
            f'tuple({L}, {L})', f'str({b}, {b}, {b}, {b})', f'{L}.append()', f'{L}.append({a}, {a})', f'{L}.pop({a}, {a})',
            f'{L}.index()', f'{L}.insert({a})', f'{L}.count()', f'{D}.get()', f'{D}.pop()', f'{D}.get({a}, {a}, {a})',
            f'{b}.split({a})', f'{b}.replace({b})', f'{b}.join({a})', f'{b}.startswith({a})', f'{b}.find()',
            f'{b}.strip({a})', f'print(sep={a})', f'print(end={a})', f'range()', f'range({b})',
            f'range({a}, {a}, {a}, {a})', f'isinstance({a})', f'isinstance({a}, {a})', f'next({L})', f'iter({a})',
            f'enumerate({a})', f'zip({a})', f'bool({a}, {a})', f'repr()', f'hash({L})', f'dict({a})', f'dict([{a}])',
            f'{D}.update({a})', f'{L}.sort({a})', f'{L}.sort(key={a})', f'{L}.remove()', f'{b}.upper({a})',
            f'{b}.count()', f'{b}.endswith(({a},))', f'min({L}, default={a}, key=abs, x=1)', f'{L}.extend({a})',
            f'sum({L}, {b})', f'sum({L}, start={a}, x=1)', f'{D}.setdefault()',
            f'{L}.sort({a}, {a}, {a})', f'{L}.sort({a}, key=abs)', f'{b}.find(None)', f'{b}.replace({b}, None)',
            f'{D}.pop({L})', f'{{}}.pop({L})', f'int({a}, {b})', f'int({L}, {a})', f'sum({a}, {b})',
            f"int({b} * {r.choice([60, 120, 250])})", f'{b}.count({a})', f'{b}.split({b}, {b})',
            f'sorted({L}, key=abs, reverse=True, x=1)', f'{L}.sort(kee=abs)', f'zip({L}, stric=True)',
            f"int({b}, bse=10)", f'str(objec={a})', f'{b}.endswith(({b}, {a}))', f'{b}.startswith(({a}, {b}))',
        ]
        return f'len(str({r.choice(forms)}))'

    def printf(self, scope, d):
        """printf-style `str % args`."""
        r = self.r
        conv = [('%s', ANY), ('%r', ANY), ('%a', STR), ('%d', INT), ('%i', INT), ('%5d', INT), ('%-5d|', INT),
                ('%05d', INT), ('%+d', INT), ('%x', INT), ('%#X', INT), ('%o', INT), ('%#o', INT), ('%c', INT),
                ('%.2f', FLOAT), ('%10.3f', FLOAT), ('%e', FLOAT), ('%.3E', FLOAT), ('%g', FLOAT), ('%G', FLOAT),
                ('%-8s|', STR), ('%.2s', STR), ('%8r', STR), ('%%', None), ('%f', INT), ('%d', FLOAT), ('% d', INT),
                ('%*d', 'star'), ('%.*f', 'starf')]
        parts, args = [], []
        for _ in range(r.randint(1, 3)):
            c, t = r.choice(conv)
            parts.append(r.choice(['', ' ', 'x=', ':']) + c)
            if t == 'star':
                args += [str(r.randint(-6, 8)), self.e(INT, scope, d)]
            elif t == 'starf':
                args += [str(r.randint(0, 6)), self.e(FLOAT, scope, d)]
            elif t is not None and (t == ANY or 'r' in c or 'a' in c):  # %s, %r, %a: possibly a repr
                with self.expanding():
                    args.append(self.e(self.maybe_wrong(t) if t != ANY else ANY, scope, d))
            elif t is not None:
                args.append(self.e(self.maybe_wrong(t), scope, d))
        fmt = ''.join(parts)
        if self.chance(0.05):
            args.append(self.lit(INT))  # not all arguments converted
        if len(args) == 1 and self.chance(0.6):
            return f'({fmt!r} % {args[0]})'
        if self.chance(0.1) and '%' in fmt:
            return f'({"%(a)s-%(b)r"!r} % {{"a": {self.e(INT, scope, d)}, "b": {self.e(STR, scope, d)}}})'
        return f'({fmt!r} % ({", ".join(args)}{"," if len(args) == 1 else ""}))'

    def gen_call(self, g: Func, scope, d):
        args = []
        for _, pt in g.params:
            args.append(self.e(pt, scope, d) if pt != INT else (self.small_int(scope) if self.chance(0.7) else self.e(INT, scope, d)))
        return f'{g.name}({", ".join(args)})'

    # ------------------------------------------------------------------ statements

    def block(self, scope: Scope, n_min=1, n_max=4, ind='    ') -> list[str]:
        lines = []
        for _ in range(self.r.randint(n_min, n_max)):
            lines += self.stmt(scope, ind)
        return lines or [ind + 'pass']

    def stmt(self, scope: Scope, ind: str) -> list[str]:
        r = self.r
        self.nest += 1
        try:
            compound = self.nest <= 3
            weights = {
                'assign': 14, 'reassign': 8, 'aug': 8, 'print': 7, 'listmut': 5, 'dictmut': 4,
                'if': 7 if compound else 0, 'for': 6 if compound else 0, 'while': 3 if compound else 0,
                'try': 9 if compound and self.nest <= 2 else 0, 'unpack': 2, 'call': 2, 'assert': 0.5 if self.try_depth else 0.1,
                'raise': 1 if self.try_depth else 0.2, 'next': 1 if self.gens else 0, 'global': 2 if self.global_decl else 0,
                'del': 1, 'breakcont': 3 if self.loop_depth else 0, 'return': 1 if self.in_func and not self.in_gen else 0,
                'yield': 5 if self.in_gen else 0, 'closure': 2, 'setmut': 1, 'probe': 2,
                'mathmore': 1.5 if self.math_alias else 0,
            }
            kinds = list(weights)
            kind = r.choices(kinds, [weights[k] for k in kinds])[0]
            with self.stmt_budget(1):
                out = getattr(self, 's_' + kind)(scope, ind)
            return out if out else [ind + 'pass']
        finally:
            self.nest -= 1

    def expr_depth(self):
        return self.r.choice([1, 2, 2, 3])

    def s_assign(self, scope, ind):
        t = self.r.choices(VALUE_TYPES, [30, 12, 8, 16, 16, 8, 10])[0]
        rhs = self.e(t, scope, self.expr_depth())
        name = self.fresh()
        scope.add(name, t)
        return [f'{ind}{name} = {rhs}']

    def s_reassign(self, scope, ind):
        cands = [n for n, t in scope.names.items() if t in VALUE_TYPES]
        if not cands:
            return self.s_assign(scope, ind)
        name = self.r.choice(cands)
        t = scope.names[name]
        if t in SEQ_TYPES:
            self.budget = 1
        return [f'{ind}{name} = {self.e(t, scope, self.expr_depth())}']

    def s_aug(self, scope, ind):
        r = self.r
        cands = [n for n, t in scope.names.items() if t in (INT, FLOAT, STR, LIST)]
        if not cands:
            return self.s_assign(scope, ind)
        name = r.choice(cands)
        t = scope.names[name]
        if t == INT:
            op = r.choice(['+=', '-=', '//=', '%=', '&=', '|=', '^=', '*=', '<<=', '>>=', '**='])
            if op == '*=':
                rhs = self.small_int(scope)
            elif op in ('<<=', '>>='):
                rhs = str(r.randint(0, 40) if self.chance(0.97) else -1)
            elif op in ('//=', '%='):
                rhs = self.divisor(scope, 2)
            elif op == '**=':
                rhs = str(r.randint(0, 1))  # the variable may hold a float: x ** 2 is libm's (see float_power)
            else:
                rhs = self.e(self.maybe_wrong(INT), scope, 2)
            return [f'{ind}{name} {op} {rhs}']
        if t == FLOAT:
            op = r.choice(['+=', '-=', '*=', '/=', '//=', '%='])
            rhs = self.divisor(scope, 2) if op in ('/=', '//=', '%=') and self.chance(0.7) else self.num(scope, 2)
            return [f'{ind}{name} {op} {rhs}']
        self.budget = 0  # `s += t` copies s already
        if t == STR:
            return [f'{ind}{name} += {self.e(self.maybe_wrong(STR), scope, 2)}']
        if self.frozen_lists:
            return []
        return [f'{ind}{name} += {self.e(LIST, scope, 2)}']

    def s_print(self, scope, ind):
        r = self.r
        if self.chance(0.12):
            return self.star_print(scope, ind)
        self.storing = False
        try:
            args = [self.e(r.choice(VALUE_TYPES + [ANY]), scope, 2) for _ in range(r.randint(0, 4))]
        finally:
            self.storing = True
        if self.chance(0.25):
            args.append(f'sep={r.choice(["", ", ", "-", " | ", None])!r}')
        if self.chance(0.2):
            args.append(f'end={r.choice(["", "!\\n", " ", "\\n\\n", None])!r}')
        return [f'{ind}print({", ".join(args)})']

    def s_listmut(self, scope, ind):
        r = self.r
        lists = scope.of(LIST)
        if not lists:
            return self.s_assign(scope, ind)
        L = r.choice(lists)
        # While a for loop walks a list, only operations that cannot grow a list (a list iterator
        # reads the current length at each step: shrinking and reordering under it are fine).
        c = r.choice([6, 7, 8, 9, 10, 12, 13]) if self.frozen_lists else r.randint(0, 13)
        self.budget = 0
        if c <= 3:
            return [f'{ind}{L}.append({self.e(INT, scope, 2)})']
        if c == 4:
            if not self.loop_depth and not self.in_func and self.chance(0.2):
                return [f'{ind}{L} *= {r.randint(-1, 3)}']
            return [f'{ind}{L}.extend({self.e(r.choice([LIST, LIST, TUPLE, STR]), scope, 1)})']
        if c == 5:
            return [f'{ind}{L}.insert({self.e(INT, scope, 1)}, {self.e(INT, scope, 2)})']
        if c == 6:
            return [f'{ind}{L}.pop({self.index(scope, L) if self.chance(0.5) else ""})']
        if c == 7 and self.risk(0.5):
            return [f'{ind}{L}.remove({self.e(INT, scope, 1)})']
        if c == 8:
            m = r.choice(['reverse', 'sort', 'clear', 'sort'])
            arg = r.choice(['reverse=True', 'key=abs', ''] + [f'key={k}' for k in self.key_funcs]) if m == 'sort' else ''
            return [f'{ind}{L}.{m}({arg})']
        if c <= 10:
            return [f'{ind}{L}[{self.index(scope, L)}] = {self.e(INT, scope, 2)}']
        if c == 11:
            return [f'{ind}{L}[{self.slice_(scope)}] = {self.e(r.choice([LIST, LIST, TUPLE, STR]), scope, 1)}']
        if c == 12:
            if self.chance(0.5):
                return [f'{ind}{L}[{self.index(scope, L)}] {r.choice(["+=", "-=", "^=", "//=", "|="])} {self.e(INT, scope, 1)}']
            if self.chance(0.05) and not self.loop_depth and not self.frozen_lists:
                return [f'{ind}{L}.append({L})']  # a list that contains itself: repr [...]
            return [f'{ind}del {L}[{self.index(scope, L)}]']
        return [f'{ind}del {L}[{self.slice_(scope)}]']

    def s_dictmut(self, scope, ind):
        r = self.r
        ds = scope.of(DICT)
        if not ds:
            return self.s_assign(scope, ind)
        D = r.choice(ds)
        c = r.randint(0, 7)
        self.budget = 0
        if c <= 1:
            return [f'{ind}{D}[{self.key(scope)}] = {self.e(INT, scope, 2)}']
        if c == 2:
            k = self.key(scope)
            return [f'{ind}{D}[{k}] = {D}.get({k}, 0) + {self.e(INT, scope, 1)}']
        if c == 3:
            return [f'{ind}{D}[{self.key(scope)}] {r.choice(["+=", "-=", "*=", "//="])} {self.small_int(scope)}']
        if c == 4 and self.risk(0.5):
            return [f'{ind}del {D}[{self.key(scope)}]']
        if c == 5 and self.risk(0.5):
            return [f'{ind}{D}.pop({self.key(scope)})']
        if c == 6:
            if self.chance(0.3):
                return [f'{ind}{D} |= {self.lit(DICT)}']
            return [f'{ind}{D}.update({self.lit(DICT) if self.chance(0.6) else ", ".join(f"{k}={self.e(INT, scope, 1)}" for k in r.sample("abc", 2))})']
        if self.chance(0.2):
            return [f'{ind}{D}.clear()']
        if self.risk(0.3):  # the last inserted pair; KeyError 'popitem(): dictionary is empty'
            return [f'{ind}print({D}.popitem())']
        return [f'{ind}{D}.setdefault({self.key(scope)}, {self.e(INT, scope, 1)})']

    def s_if(self, scope, ind):
        r = self.r
        lines = [f'{ind}if {self.e(BOOL if self.chance(0.85) else ANY, scope, 2)}:']
        lines += self.block(scope.child(), 1, 3, ind + '    ')
        for _ in range(r.choice([0, 0, 1, 2])):
            lines.append(f'{ind}elif {self.e(BOOL, scope, 2)}:')
            lines += self.block(scope.child(), 1, 2, ind + '    ')
        if self.chance(0.5):
            lines.append(f'{ind}else:')
            lines += self.block(scope.child(), 1, 2, ind + '    ')
        return lines

    def loop_body(self, scope, ind, frozen=False):
        old = (self.loop_depth, self.frozen_lists)
        self.loop_depth += 1
        self.frozen_lists = self.frozen_lists or frozen
        try:
            return self.block(scope, 1, 4, ind)
        finally:
            self.loop_depth, self.frozen_lists = old

    def s_for(self, scope, ind):
        r = self.r
        inner = scope.child()
        c = r.randint(0, 11)
        frozen = False
        if self.loop_depth >= 2:
            c = 0
        x = self.fresh('i')
        if c <= 3:
            a = r.randint(-3, 3)
            b = a + r.randint(-1, 7)
            forms = [f'range({r.randint(0, 7)})', f'range({a}, {b})', f'range({b}, {a}, -1)',
                     f'range({a}, {b + 3}, {r.choice([2, 3])})']
            head = f'for {x} in {r.choice(forms)}:'
            inner.add(x, INT)
        elif c <= 5 and scope.of(LIST):
            L = r.choice(scope.of(LIST))
            if self.chance(0.4):
                head = f'for {x} in {L}:'
                frozen = True
            else:
                head = f'for {x} in {r.choice([L + "[:]", "sorted(" + L + ")", "list(" + L + ")", L + "[::-1]"])}:'
            inner.add(x, INT)
        elif c == 6:
            with self.no_flow():
                head = f'for {x} in {self.e(STR, scope, 1)}:'
            inner.add(x, STR)
        elif c == 7 and scope.of(DICT):
            D = r.choice(scope.of(DICT))
            y = self.fresh('i')
            m = r.choice(['items', 'keys', 'values', 'items'])
            if m == 'items':
                head = f'for {x}, {y} in {D}.items():'
                inner.add(x, ANY)
                inner.add(y, INT)
            elif m == 'keys':
                head = f'for {x} in {D}{".keys()" if self.chance(0.5) else ""}:'
                inner.add(x, ANY)
            else:
                head = f'for {x} in {D}.values():'
                inner.add(x, INT)
            # Mutating the dict being walked raises RuntimeError in both; allowed (rarely).
        elif c == 8 and self.gens:
            g = r.choice(self.gens)
            head = f'for {x} in {self.gen_call(g, scope, 1)}:'
            inner.add(x, INT)
        elif c == 9:
            y = self.fresh('i')
            with self.no_flow():
                if self.chance(0.5):
                    head = f'for {x}, {y} in enumerate({self.e(LIST, scope, 1)}{", " + str(r.randint(-2, 5)) if self.chance(0.3) else ""}):'
                else:
                    head = f'for {x}, {y} in zip({self.e(LIST, scope, 1)}, {self.e(r.choice([LIST, STR]), scope, 1)}):'
            frozen = True
            inner.add(x, INT)
            inner.add(y, ANY)
        elif c == 10:
            head = f'for {x} in ({", ".join(self.e(INT, scope, 1) for _ in range(r.randint(0, 4)))},):'.replace('(,)', '()')
            inner.add(x, INT)
        else:
            head = f'for {x} in range({r.randint(1, 5)}):'
            inner.add(x, INT)
        lines = [ind + head] + self.loop_body(inner, ind + '    ', frozen)
        if self.chance(0.1):
            lines += [f'{ind}else:'] + self.block(scope.child(), 1, 2, ind + '    ')
        return lines

    def s_while(self, scope, ind):
        r = self.r
        w = self.fresh('w')  # the guard: never in scope, so nothing else assigns it
        inner = scope.child()
        if self.chance(0.3):
            lines = [f'{ind}{w} = 0', f'{ind}while True:', f'{ind}    {w} += 1',
                     f'{ind}    if {w} > {r.randint(0, 6)}{" or " + self.e(BOOL, scope, 2) if self.chance(0.4) else ""}:',
                     f'{ind}        break']
            return lines + self.loop_body(inner, ind + '    ')
        cond = f'{w} < {r.randint(0, 6)}'
        if self.chance(0.5):
            cond += f' and {self.e(BOOL, scope, 2)}'
        lines = [f'{ind}{w} = 0', f'{ind}while {cond}:', f'{ind}    {w} += 1']
        lines += self.loop_body(inner, ind + '    ')
        if self.chance(0.1):
            lines += [f'{ind}else:'] + self.block(scope.child(), 1, 2, ind + '    ')
        return lines

    def s_breakcont(self, scope, ind):
        kw = self.r.choice(['break', 'continue'])
        return [f'{ind}if {self.e(BOOL, scope, 2)}:', f'{ind}    {kw}']

    def s_try(self, scope, ind):
        r = self.r
        self.try_depth += 1
        try:
            lines = [f'{ind}try:'] + self.block(scope.child(), 1, 3, ind + '    ')
        finally:
            self.try_depth -= 1
        for _ in range(r.choice([1, 1, 2])):
            if self.chance(0.75):
                types = r.sample(EXC_TYPES, r.choice([1, 1, 2]))
            else:
                types = [r.choice(EXC_EXTRA)]
            tt = types[0] if len(types) == 1 else '(' + ', '.join(types) + ')'
            hs = scope.child()
            if self.chance(0.7):
                e = self.fresh('e')
                lines.append(f'{ind}except {tt} as {e}:')
                show = r.choice([e, e, f'repr({e})', f'{e}.args', f'str({e})', f'f"{{{e}!r}}"', f'repr({e}.__context__)',
                                 f'isinstance({e}, {r.choice(EXC_TYPES + EXC_EXTRA)})', f'len({e}.args)'])
                lines.append(f'{ind}    print({r.choice(types)!r}, {show})')
                if self.chance(0.05):
                    lines.append(f'{ind}    raise {r.choice(EXC_TYPES)}({self.lit(STR)}) from {e}')
            else:
                lines.append(f'{ind}except {tt}:')
                lines.append(f'{ind}    print({tt.strip("()").split(",")[0]!r})' if self.chance(0.5) else f'{ind}    pass')
            if self.chance(0.3):
                lines += self.block(hs, 1, 2, ind + '    ')
            if self.chance(0.05):
                lines.append(f'{ind}    raise')
        if not self.in_gen and self.chance(0.15):
            lines.append(f'{ind}else:')
            lines += self.block(scope.child(), 1, 2, ind + '    ')
        if not self.in_gen and self.chance(0.15):
            lines.append(f'{ind}finally:')
            lines += self.block(scope.child(), 1, 2, ind + '    ')
        return lines

    def s_unpack(self, scope, ind):
        r = self.r
        if self.chance(0.35):
            return self.starred_unpack(scope, ind)
        same = [t for t in VALUE_TYPES if len(scope.of(t)) >= 2]
        if same and self.chance(0.5):
            t = r.choice(same)
            a, b = r.sample(scope.of(t), 2)
            return [f'{ind}{a}, {b} = {b}, {a}']
        n = r.randint(2, 3)
        names = [self.fresh() for _ in range(n)]
        if not self.risk(0.3):
            types = [r.choice([INT, STR, FLOAT]) for _ in names]
            rhs = ', '.join(self.e(t, scope, 1) for t in types)
            if self.risk(0.1):
                rhs += ', 0'  # too many values
            for nm, t in zip(names, types):
                scope.add(nm, t)
            return [f'{ind}{", ".join(names)} = {rhs}']
        src = self.e(r.choice([TUPLE, LIST, STR]), scope, 1)
        for nm in names:
            scope.add(nm, ANY)
        return [f'{ind}{", ".join(names)} = {src}']

    def s_call(self, scope, ind):
        ret = self.r.choice(VALUE_TYPES)
        call = self.call_of(scope, 2, ret)
        if call is None:
            return self.s_print(scope, ind)
        return [f'{ind}{call}']

    def s_assert(self, scope, ind):
        msg = f', {self.e(STR, scope, 1)}' if self.chance(0.6) else ''
        return [f'{ind}assert {self.e(BOOL, scope, 2)}{msg}']

    def s_raise(self, scope, ind):
        r = self.r
        t = r.choice(EXC_TYPES + ['RuntimeError', 'StopIteration' if self.in_gen else 'ArithmeticError'])
        arg = self.e(r.choice([STR, STR, INT]), scope, 1) if self.chance(0.8) else ''
        if self.chance(0.15):
            arg = f'{self.lit(STR)}, {self.e(INT, scope, 1)}'  # several args: str(e) is the args tuple's repr
        return [f'{ind}if {self.e(BOOL, scope, 2)}:', f'{ind}    raise {t}({arg})']

    def s_next(self, scope, ind):
        g = self.r.choice(self.gens)
        it = self.fresh('it')
        v = self.fresh()
        default = f', {self.lit(INT)}' if self.chance(0.6) else ''
        lines = [f'{ind}{it} = {self.gen_call(g, scope, 1)}', f'{ind}{v} = next({it}{default})']
        scope.add(v, INT)
        if self.chance(0.5):
            lines.append(f'{ind}{v} += next({it}, 0)')
        if self.chance(0.3):
            # The generator methods: send (its yields are statements: the value is dropped), throw, close.
            kind = self.r.choice(['send', 'send', 'throw', 'close'])
            if kind == 'send':
                lines.append(f'{ind}{v} += {it}.send({self.e(INT, scope, 1)})')
            elif kind == 'throw':
                lines.append(f'{ind}{v} += {it}.throw({self.r.choice(EXC_TYPES)}({self.lit(STR)}))')
            else:
                lines.append(f'{ind}{it}.close()')
                lines.append(f'{ind}{v} += next({it}, 0)')
        # A suspended generator is abandoned here: generator bodies never contain try/finally.
        return lines

    def s_global(self, scope, ind):
        if not self.global_decl:
            return []
        g = self.r.choice(sorted(self.global_decl))
        t = self.globals[g]
        if t == INT:
            return [f'{ind}{g} += {self.e(INT, scope, 1)}']
        self.budget = 0
        return [f'{ind}{g} = {self.e(t, scope, 1)}']

    def declare_globals(self):
        """`global G` lines for the top of a function body (a declaration must precede every use)."""
        if not self.globals or not self.chance(0.4):
            return []
        self.global_decl = set(self.r.sample(sorted(self.globals), 1))
        return [f'    global {g}' for g in sorted(self.global_decl)]

    def s_del(self, scope, ind):
        own = sorted(n for n in scope.own if scope.names.get(n) in VALUE_TYPES)  # a set's order varies with PYTHONHASHSEED
        if not own:
            return self.s_assign(scope, ind)
        n = self.r.choice(own)
        del scope.names[n]
        scope.own.discard(n)
        return [f'{ind}del {n}']

    def s_return(self, scope, ind):
        return [f'{ind}if {self.e(BOOL, scope, 2)}:', f'{ind}    return {self.e(self.cur_ret, scope, 2)}']

    def s_yield(self, scope, ind):
        if self.chance(0.15):
            return [f'{ind}if {self.e(BOOL, scope, 1)}:', f'{ind}    return {self.e(INT, scope, 1) if self.chance(0.5) else ""}'.rstrip()]
        return [f'{ind}yield {self.e(INT, scope, 2)}']

    # ------------------------------------------------------------------ functions and the program

    def start_function(self, in_func, in_gen=False, in_nested=False):
        self.in_nested = in_nested
        self.loop_depth = 0
        self.frozen_lists = False
        self.in_func = in_func
        self.in_gen = in_gen
        self.global_decl = set()
        self.nest = 0

    def function(self, name, params, ret, body_scope=None):
        self.start_function(True)
        self.cur_ret = ret
        scope = Scope(dict(params))
        lines = [f'def {name}({", ".join(p for p, _ in params)}):']
        lines += self.declare_globals()
        lines += self.block(scope, 1, 5)
        with self.stmt_budget(1):
            lines.append(f'    return {self.e(ret, scope, 2)}')
        return lines

    def generator(self, name, params):
        self.start_function(True, in_gen=True)
        scope = Scope(dict(params))
        lines = [f'def {name}({", ".join(p for p, _ in params)}):']
        lines += self.block(scope, 0, 2)
        i = self.fresh('i')
        n = params[0][0]
        inner = scope.child()
        inner.add(i, INT)
        if self.chance(0.35):
            lines += self.yield_from(scope, '    ')
        lines.append(f'    for {i} in range({n} % {self.r.randint(3, 8)}):')
        self.loop_depth = 1
        body = self.block(inner, 0, 3, '        ')
        self.loop_depth = 0
        with self.stmt_budget(1):
            body.append(f'        yield {self.e(INT, inner, 2)}')
        lines += body
        if self.chance(0.4):
            with self.stmt_budget(1):
                lines.append(f'    yield {self.e(INT, scope, 1)}')
        return lines

    def yield_from(self, scope, ind):
        """`yield from` an earlier generator (keeping its return value, an int or None), a list of ints or
        a range; the delegate's loops are bounded, so the delegation is too."""
        r = self.r
        if self.gens and self.chance(0.6):
            v = self.fresh()
            line = f'{ind}{v} = yield from {self.gen_call(r.choice(self.gens), scope, 1)}'
            scope.add(v, ANY)
            return [line]
        with self.stmt_budget(1):
            src = self.e(LIST, scope, 1) if self.chance(0.5) else f'range({self.small_int(scope)} % {r.randint(2, 6)})'
        return [f'{ind}yield from {src}']

    def program(self):
        r = self.r
        out = self.module_prelude()  # gen_module.py: imports, computed globals, a module-level loop
        for k in range(r.choice([0, 0, 1, 2])):
            t = r.choice([INT, INT, STR, FLOAT])
            g = f'G{k}'
            out.append(f'{g} = {self.lit(t)}')
            self.globals[g] = t
        if out:
            out.append('')
        for k in range(r.choice([0, 1, 1, 2])):
            name = f'gen{k}'
            params = [(f'n{self.counter}', INT)] + ([(f's{self.counter}', STR)] if self.chance(0.3) else [])
            self.counter += 1
            out += self.generator(name, params) + ['', '']
            self.gens.append(Func(name, params, INT, 'gen'))
        for k in range(r.choice([0, 0, 1])):
            out += self.recursive(f'rec{k}') + ['', '']
        for k in range(r.choice([0, 0, 1])):
            out += self.key_function(f'key{k}') + ['', '']
        for k in range(r.choice([0, 0, 1, 2, 3])):
            name = f'f{k}'
            params = [(f'p{self.counter}_{j}', r.choice([INT, INT, FLOAT, STR, LIST, BOOL])) for j in range(r.randint(0, 3))]
            self.counter += 1
            ret = r.choice([INT, INT, FLOAT, STR, LIST, BOOL, TUPLE])
            out += self.function(name, params, ret) + ['', '']
            self.funcs.append(Func(name, params, ret))
        for k in range(r.choice([0, 0, 1, 1, 2])):
            out += self.star_function(f'v{k}') + ['', '']

        # main: maybe literal parameters, nested helpers with defaults, then statements.
        self.start_function(False)
        main_params = []
        call_args = []
        if self.chance(0.25):
            for j in range(r.randint(1, 2)):
                t = r.choice([INT, STR, FLOAT])
                main_params.append((f'a{j}', t))
                if t == INT:
                    call_args.append(str(int_literal(r)))
                elif t == FLOAT:
                    call_args.append(repr(r.choice([0.5, -2.25, 1e-07, 3.14159, -0.0, 1e300, 123456.789])))
                else:
                    call_args.append(repr(r.choice(STR_POOL)))  # a literal: the call line holds no chr()
        scope = Scope(dict(main_params))
        lines = [f'def main({", ".join(p for p, _ in main_params)}):']
        lines += self.declare_globals()
        decl = self.global_decl
        for k in range(r.choice([0, 0, 1, 1, 2])):
            lines += self.nested_def(k)
            scope.add(f'h{k}', 'func')
            self.start_function(False)
        self.global_decl = decl
        lines += self.block(scope, 3, 9)
        reps = [n for n, t in scope.names.items() if t in REPRESENTABLE]
        r.shuffle(reps)
        with self.stmt_budget(99):
            if reps and self.chance(0.8):
                ret = ', '.join(reps[:r.randint(1, 5)])
            else:
                ret = self.e(r.choice(VALUE_TYPES), scope, 2)
        lines.append(f'    return {ret}')
        out += lines
        return '\n'.join(out) + '\n', f'main({", ".join(call_args)})'

    def recursive(self, name):
        """A bounded recursive function of one int (depth < 13, so far from the recursion limit)."""
        r = self.r
        self.start_function(True)
        self.cur_ret = INT
        scope = Scope({'n': INT})
        lines = [f'def {name}(n):', f'    if n <= {r.randint(0, 1)}:', f'        return {self.e(INT, scope, 1)}']
        if self.chance(0.3):
            lines += [f'    print({r.choice(["n", "-n", repr("rec"), "n * n"])}, end={r.choice(["", " ", ","])!r})']
        if self.chance(0.3):
            # n stays out of reach here: reassigning it could make the recursion unbounded, and the
            # depth at which RecursionError strikes in CPython depends on this harness's own frames.
            lines += self.block(Scope(), 1, 2)
        with self.stmt_budget(1):
            rest = self.e(INT, scope, 1)
        if self.chance(0.2):
            call = f'{name}(n - 1) + {name}(n - 2)'
        else:
            call = f'{name}(n - {r.choice([1, 1, 2])})'
        op = r.choice(['+', '-', '^', '|', '+'])
        lines.append(f'    return {call} {op} {rest}' if self.chance(0.7) else f'    return {rest} {op} {call}')
        self.rec_funcs.append(name)
        return lines

    def key_function(self, name):
        """A one-int function for sort keys, min/max keys."""
        r = self.r
        body = r.choice(['-x', 'x % 3', 'abs(x - 5)', '(x % 4, -x)', 'str(x)', 'x // 2', '(x > 0, x % 3)', 'x * x', '-abs(x)'])
        self.key_funcs.append(name)
        if self.chance(0.3):  # shows when and how often sorted/min/max call the key
            return [f'def {name}(x):', f"    print('key', x, end=' ')", f'    return {body}']
        return [f'def {name}(x):', f'    return {body}']

    def nested_def(self, k):
        """A helper defined inside main with default arguments (it sees only its parameters and globals)."""
        r = self.r
        name = f'h{k}'
        n = r.randint(1, 3)
        nd = r.randint(1, n)
        params = [(f'q{j}', r.choice([INT, INT, STR, FLOAT, LIST])) for j in range(n)]  # a list default is shared by calls
        defaults = {}
        plist = []
        for j, (pn, pt) in enumerate(params):
            if j >= n - nd:
                defaults[pn] = self.lit(pt)
                plist.append(f'{pn}={defaults[pn]}')
            else:
                plist.append(pn)
        ret = r.choice([INT, STR, FLOAT, LIST])
        self.start_function(True, in_nested=True)
        self.cur_ret = ret
        scope = Scope(dict(params))
        lines = [f'    def {name}({", ".join(plist)}):']
        lines += self.block(scope, 0, 3, '        ')
        with self.stmt_budget(1):
            lines.append(f'        return {self.e(ret, scope, 2)}')
        f = Func(name, params, ret)
        f.defaults = defaults
        f.local = True
        self.funcs.append(f)
        return lines


def generate(rng: random.Random):
    return Gen(rng).program()
