M = ['malformed']
def mal(path, code, desc, asm, entry='main()', extra_code=None, also=()):
    """A malformed-assembly fixture; `also` lists the anchors it cites besides assembly-malformed."""
    d = dict(path='malformed/' + path, desc=desc, spec=['assembly-malformed', *also], tags=M, asm={'main': asm}, entry=entry, expect={'malformed': code})
    if extra_code:
        d['code'] = extra_code
    return d

FIX = [
mal('unknown-instruction', 'ASM_UNKNOWN_INSTRUCTION', 'GET_AWAITABLE is a CPython 3.13 instruction but not part of the subset', '''RESUME 0
LOAD_CONST None
GET_AWAITABLE 0
RETURN_VALUE
''', also=['assembly-text', 'assembly-instructions']),
mal('unknown-instruction-misspelled', 'ASM_UNKNOWN_INSTRUCTION', 'LOAD_CONSTANT is not an instruction name (LOAD_CONST is)', '''RESUME 0
LOAD_CONSTANT 1
RETURN_VALUE
''', also=['assembly-instructions']),
mal('missing-operand', 'ASM_MISSING_OPERAND', 'LOAD_CONST without its constant operand', '''RESUME 0
LOAD_CONST
RETURN_VALUE
''', also=['assembly-instructions', 'operand-kinds']),
mal('missing-operand-jump', 'ASM_MISSING_OPERAND', 'JUMP_FORWARD without a label', '''RESUME 0
JUMP_FORWARD
RETURN_CONST None
''', also=['assembly-instructions', 'operand-kinds']),
mal('unexpected-operand', 'ASM_UNEXPECTED_OPERAND', 'RETURN_VALUE takes no operand but is given one', '''RESUME 0
LOAD_CONST 1
RETURN_VALUE x
''', also=['assembly-instructions', 'operand-kinds']),
mal('bad-operand-binop', 'ASM_BAD_OPERAND', "BINARY_OP plus: the operand must be an operator symbol such as '+'", '''.params a b
RESUME 0
LOAD_FAST_LOAD_FAST a, b
BINARY_OP plus
RETURN_VALUE
''', entry='main(1, 2)', also=['assembly-instructions', 'operand-kinds']),
mal('bad-operand-uint', 'ASM_BAD_OPERAND', 'BUILD_LIST two: a uint operand must be a decimal integer', '''RESUME 0
LOAD_CONST 1
LOAD_CONST 2
BUILD_LIST two
RETURN_VALUE
''', also=['assembly-instructions', 'operand-kinds']),
mal('bad-operand-compare', 'ASM_BAD_OPERAND', "COMPARE_OP <>: not one of < <= == != > >= (or bool(op))", '''.params a b
RESUME 0
LOAD_FAST_LOAD_FAST a, b
COMPARE_OP <>
RETURN_VALUE
''', entry='main(1, 2)', also=['assembly-instructions', 'operand-kinds']),
mal('bad-literal-unterminated-string', 'ASM_BAD_LITERAL', 'LOAD_CONST with an unterminated string literal', '''RESUME 0
LOAD_CONST 'abc
RETURN_VALUE
''', also=['assembly-text', 'assembly-instructions']),
mal('bad-literal-list', 'ASM_BAD_LITERAL', 'LOAD_CONST [1, 2]: a list is not a constant literal (only None, bools, ints, floats, strings, tuples, code)', '''RESUME 0
LOAD_CONST [1, 2]
RETURN_VALUE
''', also=['assembly-instructions']),
mal('unknown-label', 'ASM_UNKNOWN_LABEL', 'JUMP_FORWARD to a label that is never defined', '''RESUME 0
JUMP_FORWARD L9
L1:
RETURN_CONST None
''', also=['assembly-instructions']),
mal('duplicate-label', 'ASM_DUPLICATE_LABEL', 'The label L1 is defined twice', '''.params c
RESUME 0
LOAD_FAST c
POP_JUMP_IF_FALSE L1
L1:
LOAD_CONST 1
L1:
RETURN_VALUE
''', entry='main(True)', also=['assembly-instructions']),
mal('unknown-local', 'ASM_UNKNOWN_NAME', 'With .locals declared (a), LOAD_FAST names an undeclared local b', '''.params a
.locals a
RESUME 0
LOAD_FAST b
RETURN_VALUE
''', entry='main(1)', also=['assembly-directives']),
mal('unknown-directive', 'ASM_BAD_DIRECTIVE', '.frobnicate is not a directive', '''.frobnicate
RESUME 0
RETURN_CONST None
''', also=['assembly-text', 'assembly-directives']),
mal('directive-after-instruction', 'ASM_BAD_DIRECTIVE', 'A .params directive after the first instruction', '''RESUME 0
.params a
RETURN_CONST None
''', also=['assembly-directives']),
mal('unknown-code', 'ASM_UNKNOWN_CODE', '<code main.helper> names no code object of the program', '''RESUME 0
LOAD_CONST <code main.helper>
MAKE_FUNCTION
RETURN_VALUE
''', also=['assembly-instructions']),
mal('bad-exception-entry', 'ASM_BAD_EXCEPTION_ENTRY', "An ExceptionTable line that is not 'start to end -> target [depth]' (uses => and omits the depth)", '''RESUME 0
L1:
LOAD_CONST 1
POP_TOP
L2:
RETURN_CONST None
L3:
PUSH_EXC_INFO
POP_TOP
POP_EXCEPT
RETURN_CONST 'caught'
ExceptionTable:
  L1 to L2 => L3
''', also=['assembly-exception-table']),
mal('local-pair-range', 'ASM_LOCAL_PAIR_RANGE', 'LOAD_FAST_LOAD_FAST names local q, index 16, which does not fit the 4-bit local_pair field', '''.locals a b c d e f g h i j k l m n o p q
RESUME 0
LOAD_CONST 1
STORE_FAST q
LOAD_CONST 2
STORE_FAST a
LOAD_FAST_LOAD_FAST a, q
BINARY_OP +
RETURN_VALUE
''', also=['assembly-directives', 'operand-kinds']),
]
