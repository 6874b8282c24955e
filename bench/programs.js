'use strict';
// Benchmark programs: CPython 3.13 bytecode (from `dis`, Python source beside each) and the
// same work written in plain JS. The plain JS keeps every value a small integer, as the
// interpreted program does, so neither side pays for overflow.

const loop = {
  source: `def loop(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * 3) % 1000003
        i += 1
    return total`,
  functions: {
    loop: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_CONST 0
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L2
L1:
  LOAD_FAST_LOAD_FAST total, i
  LOAD_CONST 3
  BINARY_OP *
  BINARY_OP +
  LOAD_CONST 1000003
  BINARY_OP %
  STORE_FAST total
  LOAD_FAST i
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L2
  JUMP_BACKWARD L1
L2:
  LOAD_FAST total
  RETURN_VALUE
`,
  },
  entry: 'loop',
  n: 1_000_000,
  js(n) {
    let total = 0;
    let i = 0;
    while (i < n) {
      total = (total + i * 3) % 1000003;
      i += 1;
    }
    return total;
  },
};

const fib = {
  source: `def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)`,
  functions: {
    fib: `.params n
  RESUME 0
  LOAD_FAST n
  LOAD_CONST 2
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L1
  LOAD_FAST n
  RETURN_VALUE
L1:
  LOAD_GLOBAL fib + NULL
  LOAD_FAST n
  LOAD_CONST 1
  BINARY_OP -
  CALL 1
  LOAD_GLOBAL fib + NULL
  LOAD_FAST n
  LOAD_CONST 2
  BINARY_OP -
  CALL 1
  BINARY_OP +
  RETURN_VALUE
`,
  },
  entry: 'fib',
  n: 25,
  js: function fibJs(n) {
    return n < 2 ? n : fibJs(n - 1) + fibJs(n - 2);
  },
};

const generator = {
  source: `def gen(n):
    i = 0
    while i < n:
        yield i % 7
        i += 1
def consume(n):
    total = 0
    for v in gen(n):
        total += v
    return total`,
  functions: {
    gen: `.params n
.generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
  LOAD_CONST 0
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L5
L2:
  LOAD_FAST i
  LOAD_CONST 7
  BINARY_OP %
  YIELD_VALUE 0
  RESUME 5
  POP_TOP
  LOAD_FAST i
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L4
L3:
  JUMP_BACKWARD L2
L4:
  RETURN_CONST None
L5:
  RETURN_CONST None
L6:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
ExceptionTable:
  L1 to L3 -> L6 [0] lasti
  L4 to L6 -> L6 [0] lasti
`,
    consume: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL gen + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST v
  LOAD_FAST_LOAD_FAST total, v
  BINARY_OP +=
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE
`,
  },
  entry: 'consume',
  n: 300_000,
  js(n) {
    function* gen(m) {
      let i = 0;
      while (i < m) {
        yield i % 7;
        i += 1;
      }
    }
    let total = 0;
    for (const v of gen(n)) total += v;
    return total;
  },
};

module.exports = { loop, fib, generator };
