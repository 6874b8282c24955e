"""Hot loops that break an assumption a JIT author makes: one fixture per assumption.

Each program runs its loop long enough for an executor to be installed (hundreds of back edges)
and meets the breaking case again and again after that, so a certifier checking every executor
run in lockstep catches an optimizer that relies on the assumption at the first wrong run. The
comment above each definition names the assumption and the mutant of the gallery
(conformance/test/mutants/) that makes it. Expectations come from CPython 3.13 (build.py).
"""

H = 'hot/assumptions/'
C = ['cpython']

FIX = [
# Assumption: the product of two ints below 2**31 fits a double exactly (int-add-unchecked).
dict(path=H + 'modular-product-past-2pow53',
     desc='Modular arithmetic with a 30-bit prime: every product a * b before % MOD is past 2**53 and must stay exact',
     spec=['int-bigint', 'int-representation', 'int-modulo'], tags=['arith', 'bigint'] + C,
     src='''
def main(n):
    MOD = 1000000007
    acc = 1
    power = 1
    trail = []
    for i in range(1, n):
        acc = acc * (i + 123456789) % MOD
        power = power * 987654321 % MOD
        if i % 50 == 0:
            trail.append((acc, power))
    return acc, power, trail
''', entry='main(400)'),

# Assumption: shifts of small ints fit 32 bits (shift-int32).
dict(path=H + 'bit-reverse-32',
     desc='Reversing the bits of 32-bit words: (r << 1) | bit passes 2**31 and must not wrap',
     spec=['int-shift', 'int-bitwise'], tags=['arith'] + C,
     src='''
def main(n):
    out = []
    for k in range(n):
        x = k * 2654435761 % 4294967296
        r = 0
        for _ in range(32):
            r = (r << 1) | (x & 1)
            x >>= 1
        out.append(r)
    return sum(out), out[:6], max(out) >= 2 ** 31
''', entry='main(40)'),

# Assumption: bool is an int, so bitwise operators on bools return ints (bool-bitwise-int).
dict(path=H + 'bool-flags-bitwise',
     desc='Flags accumulated with |, & and ^ on bools stay bools (True | False is True, not 1)',
     spec=['int-bitwise', 'value-bool'], tags=['arith', 'compare'] + C,
     src='''
def main(n):
    any_big = False
    all_small = True
    odd_parity = False
    history = []
    for i in range(n):
        v = (i * 37) % 101
        any_big = any_big | (v > 90)
        all_small = all_small & (v < 100)
        odd_parity = odd_parity ^ (v % 2 == 1)
        if i % 40 == 39:
            history.append((any_big, all_small, odd_parity))
    return any_big, all_small, odd_parity, history
''', entry='main(300)'),

# Assumption: an int power that comes out whole is an int (int-pow-negative-exponent).
dict(path=H + 'unit-powers-negative-exponent',
     desc='x ** e with negative e is a float even for x = 1 and x = -1 ((-1) ** -3 is -1.0)',
     spec=['int-power', 'float-repr'], tags=['arith', 'float'] + C,
     src='''
def main(rounds):
    table = []
    total = 0
    for r in range(rounds):
        for x in (-2, -1, 1, 2):
            for e in range(-3, 4):
                term = x ** e
                total = total + term
                if r == rounds - 1:
                    table.append(term)
    return total, table
''', entry='main(12)'),

# Assumption: -x of a float is 0 - x (float-negate-zero).
dict(path=H + 'mirror-negative-zero',
     desc='Mirrored coordinates: -(0.0) is -0.0, and its repr keeps the sign',
     spec=['float-special', 'float-repr', 'op-UNARY_NEGATIVE'], tags=['float'] + C,
     src='''
def main(n):
    xs = []
    for i in range(n):
        xs.append(float(i % 5))
    mirrored = []
    for x in xs:
        mirrored.append(-x)
    return mirrored[-10:], str(mirrored[0]), repr(-mirrored[5])
''', entry='main(300)'),

# Assumption: a >= b is not (a < b) (float-ge-negated-lt).
dict(path=H + 'nan-range-filter',
     desc='A range filter over data with nan: every comparison with nan is False, chained or not',
     spec=['float-special', 'numeric-compare-mixed', 'op-COMPARE_OP'], tags=['float', 'compare'] + C,
     src='''
def main(n):
    nan = float('nan')
    data = []
    for i in range(n):
        data.append(nan if i % 7 == 3 else (i % 13) * 0.5)
    inside = 0
    above = 0
    at_most = 0
    for v in data:
        if 1.0 <= v <= 4.0:
            inside += 1
        if v >= 3.0:
            above += 1
        if v <= 2.5:
            at_most += 1
    return inside, above, at_most
''', entry='main(350)'),

# Assumption: ** on floats never fails (float-pow-unchecked).
dict(path=H + 'float-power-overflow',
     desc='Repeated squaring overflows: float ** raises OverflowError, and 0.0 ** -1.0 raises ZeroDivisionError',
     spec=['float-special', 'int-power', 'exception-match'], tags=['float', 'exceptions'] + C,
     src='''
def main(n):
    finite = []
    overflows = 0
    zero_div = 0
    for i in range(n):
        x = 1.0 + (i % 20) / 4.0
        try:
            for _ in range(12):
                x = x ** 2.0
            finite.append(x)
        except OverflowError:
            overflows += 1
        try:
            y = (i % 3 - 1.0) ** -1.0
        except ZeroDivisionError:
            zero_div += 1
    return len(finite), overflows, zero_div, finite[:3]
''', entry='main(120)'),

# Assumption: JS's number-to-string prints floats as Python does (float-format-js).
dict(path=H + 'fstring-float-magnitudes',
     desc='f-strings of floats from 1e-08 to 1e+20: Python switches to exponent notation below 1e-04 and from 1e+16',
     spec=['float-repr', 'str-format', 'op-FORMAT_SIMPLE'], tags=['float', 'str'] + C,
     src='''
def main(n):
    lines = []
    total = 0
    for i in range(n):
        x = (1 + i % 3) * 10.0 ** (i % 29 - 8)
        s = f"{x}"
        total += len(s)
        if i >= n - 29:
            lines.append(s)
    return total, lines
''', entry='main(290)'),

# Assumption: a str's length and indices are its UTF-16 units (str-len-utf16, str-index-utf16).
dict(path=H + 'astral-text-len-index',
     desc='Strings with characters outside the BMP: len() and s[i] count code points, not UTF-16 units',
     spec=['str-ops', 'builtin-len', 'sequence-index'], tags=['str', 'builtins'] + C,
     src='''
def main(n):
    smile = chr(0x1F600)
    words = []
    for i in range(n):
        words.append('ab' * (i % 3) + smile * (i % 4) + chr(0xE9))
    total = 0
    codes = 0
    for i in range(n):
        w = words[i]
        total += len(w)
        codes += ord(w[i % len(w)])
    return total, codes
''', entry='main(300)'),

# Assumption: list indices are non-negative (list-negative-index).
dict(path=H + 'circular-smoothing',
     desc='Circular smoothing: xs[i - 1] at i = 0 is the last item, in every round of a hot loop',
     spec=['sequence-index', 'list-ops', 'op-BINARY_SUBSCR'], tags=['containers'] + C,
     src='''
def main(rounds, n):
    xs = []
    for i in range(n):
        xs.append((i * i) % 17)
    for r in range(rounds):
        ys = []
        for i in range(n):
            ys.append((xs[i - 1] + 2 * xs[i] + xs[(i + 1) % n]) // 4)
        xs = ys
    return xs
''', entry='main(12, 25)'),

# Assumption: the index of a list store is in range (list-store-unchecked).
dict(path=H + 'table-store-index-error',
     desc='A fixed-size table: storing past its end raises IndexError, which the loop catches',
     spec=['list-ops', 'sequence-index', 'exception-match'], tags=['containers', 'exceptions'] + C,
     src='''
def main(n):
    slots = [0] * 8
    overflow = []
    for i in range(n):
        k = (i * 7) % 11
        try:
            slots[k] = i
        except IndexError:
            overflow.append(k)
    return slots, len(overflow), overflow[:6]
''', entry='main(300)'),

# Assumption: xs[:] is a pure expression and can share the list (list-slice-copy-elided).
dict(path=H + 'snapshot-slice-copy',
     desc='Snapshots taken with cur[:] inside the loop are copies: later updates of cur do not reach them',
     spec=['slicing', 'list-ops', 'identity'], tags=['containers'] + C,
     src='''
def main(n):
    history = []
    cur = [0, 0, 0]
    for i in range(n):
        snap = cur[:]
        cur[i % 3] += i
        history.append(snap)
    return history[-4:], history[0] is cur, history[-1] == cur, len(history)
''', entry='main(400)'),

# Assumption: a for loop's list does not grow while it runs (list-iter-len-hoisted).
dict(path=H + 'worklist-append-during-for',
     desc='Breadth-first work list: items appended to the list being iterated are visited by the same loop',
     spec=['list-ops', 'op-FOR_ITER', 'methods-list'], tags=['containers', 'control-flow'] + C,
     src='''
def main(n):
    queue = [1]
    visited = 0
    total = 0
    for node in queue:
        visited += 1
        total += node
        if node < n:
            queue.append(2 * node)
            queue.append(2 * node + 1)
    return visited, total, len(queue)
''', entry='main(200)'),

# Assumption: list membership is identity (list-contains-identity).
dict(path=H + 'visited-tuples-membership',
     desc='x in list finds equal tuples built in the loop, 2.0 among ints, and True among 1s',
     spec=['list-ops', 'dict-key-equality', 'op-CONTAINS_OP'], tags=['containers', 'compare'] + C,
     src='''
def main(n):
    visited = []
    repeats = 0
    for i in range(n):
        p = (i % 9, i % 4)
        if p in visited:
            repeats += 1
        else:
            visited.append(p)
    ints = [0, 1, 2, 3]
    hits = 0
    for i in range(n):
        if (i % 6) / 2 in ints:
            hits += 1
        if (i % 2 == 1) in ints:
            hits += 1
    return len(visited), repeats, hits
''', entry='main(300)'),

# Assumption: a dict read of a missing key can return a default (dict-subscript-get).
dict(path=H + 'count-with-keyerror',
     desc='Counting with try: d[k] += 1 / except KeyError: d[k] = 1, with new keys appearing all through the loop',
     spec=['dict-ops', 'exception-match', 'op-BINARY_SUBSCR'], tags=['containers', 'exceptions'] + C,
     src='''
def main(n):
    counts = {}
    misses = 0
    for i in range(n):
        k = i % 7 + (i // 40) * 10
        try:
            counts[k] += 1
        except KeyError:
            counts[k] = 1
            misses += 1
    return misses, len(counts), counts[0], counts[k]
''', entry='main(400)'),

# Assumption: a loop over a dict does not change its size (dict-iter-size-unchecked).
dict(path=H + 'dict-purge-while-iterating',
     desc='Deleting (then adding) keys of the dict a loop iterates raises RuntimeError at the next step, late in a long loop',
     spec=['dict-ops', 'op-FOR_ITER', 'exception-message'], tags=['containers', 'exceptions'] + C,
     src='''
def main(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    messages = []
    seen = 0
    try:
        for k in d:
            seen += 1
            if k == n - 20:
                del d[k]
    except RuntimeError as e:
        messages.append(str(e))
    try:
        for k in d:
            seen += 1
            if k == n - 10:
                d[-k] = 0
    except RuntimeError as e:
        messages.append(str(e))
    return seen, len(d), messages
''', entry='main(300)'),

# Assumption: 1, 1.0 and True are distinct keys, or the last one stored wins (dict-key-replaced).
dict(path=H + 'group-by-bool-into-int-keys',
     desc='Grouping by a predicate into a dict keyed 0 and 1: d[True] updates the entry of 1, which keeps its key 1',
     spec=['dict-key-equality', 'dict-ops'], tags=['containers'] + C,
     src='''
def main(n):
    groups = {0: 0, 1: 0}
    halves = {0: 0, 1: 0, 2: 0}
    for i in range(n):
        groups[i % 3 == 0] += i
        halves[(i % 3) * 1.0] += 1
    return groups, halves, list(groups), list(halves)
''', entry='main(300)'),

# Assumption: comparing values of different types gives some answer (compare-mixed-js).
dict(path=H + 'max-skips-incomparable',
     desc='A running maximum over mixed data: None < int and str > int raise TypeError, which the loop counts',
     spec=['numeric-compare-mixed', 'exception-match', 'exception-message'], tags=['compare', 'exceptions'] + C,
     src='''
def main(n):
    data = []
    for i in range(n):
        r = i % 9
        data.append(None if r == 4 else ('x' if r == 7 else (i * 31) % 97))
    best = 0
    skipped = 0
    message = ''
    for v in data:
        try:
            if v > best:
                best = v
        except TypeError as e:
            skipped += 1
            message = str(e)
    return best, skipped, message
''', entry='main(360)'),

# Assumption: `is` between floats compares values (is-float-value).
dict(path=H + 'float-identity-nan-sentinel',
     desc='A nan sentinel found with `is` (nan is itself), and equal floats computed apart that are not the same object',
     spec=['identity', 'float-special', 'op-IS_OP'], tags=['float', 'compare'] + C,
     src='''
def main(n):
    missing = float('nan')
    values = []
    for i in range(n):
        values.append(missing if i % 5 == 0 else float(i % 4))
    sentinels = 0
    same = 0
    for v in values:
        if v is missing:
            sentinels += 1
        w = v * 1.0
        if w is v:
            same += 1
    return sentinels, same
''', entry='main(300)'),

# Assumption: == of two unboxed values is JS === (eq-strict-bool-int).
dict(path=H + 'bool-equals-int',
     desc='Bools compared with ints: True == 1 and False == 0 hold, and != agrees',
     spec=['numeric-compare-mixed', 'value-bool', 'op-COMPARE_OP'], tags=['compare'] + C,
     src='''
def main(n):
    flags = []
    for i in range(n):
        flags.append(i % 3 == 0)
    ones = 0
    zeros = 0
    differ = 0
    for i in range(n):
        f = flags[i]
        if f == 1:
            ones += 1
        if f == 0:
            zeros += 1
        if f != i % 2:
            differ += 1
    return ones, zeros, differ
''', entry='main(300)'),

# Assumption: when the executor handles a raise itself, the stack is at the handler's depth (except-stack-kept).
dict(path=H + 'raise-mid-expression',
     desc='ZeroDivisionError raised in the middle of total += 100 // d: the handler runs with the pending operand dropped',
     spec=['exception-unwind', 'exception-table', 'zero-division'], tags=['exceptions', 'arith'] + C,
     src='''
def main(n):
    total = 0
    errors = 0
    for i in range(n):
        try:
            total += 100 // (i % 7)
        except ZeroDivisionError:
            errors += 1
    return total, errors
''', entry='main(300)'),

# Assumption: builtin names are constants (builtin-bound-at-compile).
dict(path=H + 'module-shadows-max',
     desc='A module-level def max(a, b) that accepts None shadows the builtin in a hot loop',
     spec=['globals-lookup', 'call-python', 'builtin-max'], tags=['builtins', 'calls'] + C,
     src='''
def max(a, b):
    if a is None:
        return b
    return a if a >= b else b

def main(n):
    best = None
    for i in range(n):
        best = max(best, (i * 37) % 101)
    return best
''', entry='main(300)'),

# Assumption: a global read in a loop keeps its value while the set of globals is unchanged (global-cache-size-guard).
dict(path=H + 'global-rebound-in-loop',
     desc='A global counter rebound inside the loop (global total; total += i) is read afresh every iteration',
     spec=['globals-lookup', 'op-STORE_GLOBAL', 'op-LOAD_GLOBAL'], tags=['control-flow'] + C,
     globals={'total': '0', 'limit': '50'},
     src='''
def main(n):
    global total, limit
    crossed = []
    for i in range(n):
        total = total + i
        if total > limit:
            crossed.append(i)
            limit = limit * 2
    return total, limit, crossed
''', entry='main(300)'),

# Assumption: a method loaded from a variable belongs to the object it was first loaded from (method-cache-receiver).
dict(path=H + 'chunks-rebound-list',
     desc='Splitting into chunks: chunk.append after chunk = [] appends to the new list',
     spec=['call-method', 'methods-list', 'op-LOAD_ATTR'], tags=['containers', 'calls'] + C,
     src='''
def main(n):
    chunks = []
    chunk = []
    for i in range(n):
        chunk.append(i)
        if len(chunk) == 7:
            chunks.append(chunk)
            chunk = []
    return len(chunks), chunks[-1], chunk
''', entry='main(300)'),

# Assumption: len() of a container is loop-invariant (len-memoized).
dict(path=H + 'drain-queue-len',
     desc='A work queue drained and refilled in one loop: len(queue) at the top of the body is read afresh every time',
     spec=['builtin-len', 'methods-list'], tags=['containers', 'builtins'] + C,
     src='''
def main(n):
    queue = [0, 1, 2, 3, 4]
    total = 0
    popped = 0
    while queue:
        total += len(queue)
        x = queue.pop()
        popped += 1
        if x < n:
            queue.append(x + 2)
            if x % 9 == 0:
                queue.append(x + 5)
    return popped, total
''', entry='main(60)'),

# Assumption: print output can be batched per executor run (print-buffered).
dict(path=H + 'print-then-raise',
     desc='A loop that prints, then raises: the line printed before the raise comes before the handler line',
     spec=['builtin-print', 'print-format', 'exception-unwind'], tags=['output', 'exceptions'] + C,
     src='''
def main(n):
    errors = 0
    for i in range(n):
        print('item', i)
        try:
            x = 10 // (i % 17 - 16)
        except ZeroDivisionError:
            errors += 1
            print('zero at', i)
    return errors
''', entry='main(120)'),

# Assumption: round() rounds halves up (round-half-up).
dict(path=H + 'round-halves-to-even',
     desc='round() of exact halves rounds to even: round(2.5) == 2, round(3.5) == 4, round(-0.5) == 0',
     spec=['builtin-round', 'float-truediv'], tags=['float', 'builtins'] + C,
     src='''
def main(n):
    total = 0
    evens = 0
    for i in range(-n, n):
        r = round(i / 2)
        total += r
        if r % 2 == 0:
            evens += 1
    return total, evens, round(2.5), round(-3.5)
''', entry='main(150)'),

# Assumption: int(x) rounds down (int-of-float-floor).
dict(path=H + 'int-truncates-negative-floats',
     desc='int() of a negative float truncates toward zero: int(-2.5) == -2, int(-0.1) == 0',
     spec=['builtin-int', 'float-truediv'], tags=['float', 'builtins'] + C,
     src='''
def main(n):
    total = 0
    zeros = 0
    for i in range(-n, n):
        k = int(i / 3)
        total += k
        if k == 0:
            zeros += 1
    return total, zeros
''', entry='main(150)'),

# Assumption: a repeat count is never negative (str-repeat-js).
dict(path=H + 'pad-negative-width',
     desc="Padding words to a width with ' ' * (width - len(w)): a word longer than the width gets no padding",
     spec=['str-ops', 'builtin-len', 'op-BINARY_OP'], tags=['str'] + C,
     src='''
def main(n):
    words = []
    for i in range(n):
        words.append('w' * (i % 12 + 1))
    width = 8
    total = 0
    lines = []
    for w in words:
        line = w + ' ' * (width - len(w)) + '|'
        total += len(line)
        lines.append(line)
    return total, lines[:12]
''', entry='main(240)'),
]
