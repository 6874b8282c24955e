V = ['verifier']
def inv(path, code, desc, spec, asm, entry='main()', extra_code=None):
    d = dict(path='verifier/' + path, desc=desc, spec=spec, tags=V, asm={'main': asm}, entry=entry, expect={'invalid': code})
    if extra_code:
        d['code'] = extra_code
    return d

HANDLER_BASE = '''RESUME 0
L1:
LOAD_CONST 1
L2:
POP_TOP
L3:
RETURN_CONST None
L4:
PUSH_EXC_INFO
POP_TOP
POP_EXCEPT
RETURN_CONST 'caught'
ExceptionTable:
'''

FIX = [
inv('stack-underflow-pop-empty', 'STACK_UNDERFLOW', 'POP_TOP right after RESUME, on an empty value stack; the rest of the code is valid',
    ['verify-stack-underflow', 'op-POP_TOP', 'assembly-text'], '''RESUME 0
POP_TOP          ; nothing to pop
RETURN_CONST None
'''),
inv('stack-underflow-binary-op', 'STACK_UNDERFLOW', 'BINARY_OP + with only one operand on the stack',
    ['verify-stack-underflow', 'op-BINARY_OP'], '''RESUME 0
LOAD_CONST 1
BINARY_OP +      ; needs two operands, has one
RETURN_VALUE
'''),
inv('stack-underflow-call-without-null', 'STACK_UNDERFLOW', 'CALL 1 needs callable, self_or_null and 1 argument (3 items) but LOAD_GLOBAL without + NULL left only 2',
    ['verify-stack-underflow', 'op-CALL', 'op-LOAD_GLOBAL'], '''RESUME 0
LOAD_GLOBAL print        ; no NULL pushed
LOAD_CONST 'x'
CALL 1                   ; pops 3
RETURN_VALUE
'''),
inv('stack-underflow-one-path', 'STACK_UNDERFLOW', 'RETURN_VALUE on the taken branch of POP_JUMP_IF_FALSE finds an empty stack; the fall-through path is fine',
    ['verify-stack-underflow', 'op-POP_JUMP_IF_FALSE'], '''.params c
RESUME 0
LOAD_FAST c
POP_JUMP_IF_FALSE L1
LOAD_CONST 1
RETURN_VALUE
L1:
RETURN_VALUE             ; reached with depth 0
''', entry='main(False)'),
inv('stack-depth-mismatch-join', 'STACK_DEPTH_MISMATCH', 'Two paths reach the same RETURN_VALUE with depths 2 (fall-through) and 1 (jump)',
    ['verify-stack-depth', 'op-POP_JUMP_IF_FALSE'], '''.params c
RESUME 0
LOAD_CONST 1
LOAD_FAST c
POP_JUMP_IF_FALSE L1     ; depth 1 on this edge
LOAD_CONST 2             ; depth 2 on the fall-through
L1:
RETURN_VALUE
''', entry='main(True)'),
inv('stack-depth-mismatch-loop', 'STACK_DEPTH_MISMATCH', 'A loop body that pushes one value per iteration: the loop head is reached with depth 0 and then 1',
    ['verify-stack-depth', 'op-JUMP_BACKWARD'], '''RESUME 0
L1:
LOAD_CONST 1
JUMP_BACKWARD L1         ; back to L1 with one more item
'''),
inv('jump-target-raw-out-of-range', 'JUMP_OUT_OF_RANGE', 'JUMP_FORWARD with a raw absolute target #99 in a 3-instruction code object',
    ['verify-jump-target', 'op-JUMP_FORWARD', 'assembly-raw-operand', 'operand-kinds'], '''RESUME 0
JUMP_FORWARD #99
RETURN_CONST None
'''),
inv('jump-target-past-end', 'JUMP_OUT_OF_RANGE', 'POP_JUMP_IF_TRUE to a label placed after the last instruction (index == number of instructions)',
    ['verify-jump-target', 'op-POP_JUMP_IF_TRUE', 'assembly-instructions'], '''.params c
RESUME 0
LOAD_FAST c
POP_JUMP_IF_TRUE L1
RETURN_CONST None
L1:
''', entry='main(True)'),
inv('jump-direction-backward-conditional', 'JUMP_DIRECTION', 'POP_JUMP_IF_TRUE jumps only forward in CPython 3.13; a backward target is rejected (back edges are JUMP_BACKWARD, the hotspot instruction)',
    ['verify-jump-direction', 'op-POP_JUMP_IF_TRUE'], '''.params c
RESUME 0
L1:
LOAD_FAST c
POP_JUMP_IF_TRUE L1
RETURN_CONST None
''', entry='main(False)'),
inv('jump-direction-forward-back-edge', 'JUMP_DIRECTION', 'JUMP_BACKWARD to a later instruction is rejected: a back edge must not point forward',
    ['verify-jump-direction', 'op-JUMP_BACKWARD'], '''RESUME 0
JUMP_BACKWARD L1
L1:
RETURN_CONST None
'''),
inv('operand-const-index', 'OPERAND_OUT_OF_RANGE', 'LOAD_CONST #3 in a code object with no constants',
    ['verify-operand-range', 'op-LOAD_CONST', 'assembly-raw-operand', 'operand-kinds'], '''RESUME 0
LOAD_CONST #3
RETURN_VALUE
'''),
inv('operand-local-index', 'OPERAND_OUT_OF_RANGE', 'LOAD_FAST #2 in a code object with a single local',
    ['verify-operand-range', 'op-LOAD_FAST', 'assembly-raw-operand', 'operand-kinds'], '''.params a
RESUME 0
LOAD_FAST #2
RETURN_VALUE
''', entry='main(1)'),
inv('operand-global-name-index', 'OPERAND_OUT_OF_RANGE', 'LOAD_GLOBAL #9 refers to names[4] (+ NULL) in a code object with no names',
    ['verify-operand-range', 'op-LOAD_GLOBAL', 'assembly-raw-operand', 'operand-kinds'], '''RESUME 0
LOAD_GLOBAL #9
CALL 0
RETURN_VALUE
'''),
inv('operand-local-pair-index', 'OPERAND_OUT_OF_RANGE', 'LOAD_FAST_LOAD_FAST #18 refers to locals 1 and 2 in a code object with a single local',
    ['verify-operand-range', 'op-LOAD_FAST_LOAD_FAST', 'assembly-raw-operand', 'operand-kinds'], '''.params a
RESUME 0
LOAD_FAST_LOAD_FAST #18
BINARY_OP +
RETURN_VALUE
''', entry='main(1)'),
inv('enter-executor', 'ENTER_EXECUTOR_IN_PROGRAM', 'ENTER_EXECUTOR exists only at run time; a program that contains it is invalid',
    ['verify-enter-executor', 'op-ENTER_EXECUTOR'], '''RESUME 0
ENTER_EXECUTOR 0
RETURN_CONST None
'''),
inv('exception-table-start-after-end', 'EXCEPTION_TABLE_INVALID', 'An exception-table entry whose start (L2) is after its end (L1)',
    ['verify-exception-table', 'exception-table', 'assembly-exception-table'], HANDLER_BASE + '  L2 to L1 -> L4 [0]\n'),
inv('exception-table-target-out-of-range', 'EXCEPTION_TABLE_INVALID', 'An exception-table entry whose handler target is one past the last instruction',
    ['verify-exception-table', 'exception-table', 'assembly-exception-table'], HANDLER_BASE.replace("RETURN_CONST 'caught'\n", "RETURN_CONST 'caught'\nL9:\n") + '  L1 to L3 -> L9 [0]\n'),
inv('exception-table-overlap', 'EXCEPTION_TABLE_INVALID', 'Two exception-table entries cover the same instruction (POP_TOP at L2)',
    ['verify-exception-table', 'exception-table', 'assembly-exception-table'], HANDLER_BASE + '  L1 to L3 -> L4 [0]\n  L2 to L4 -> L4 [0]\n'),
inv('exception-table-depth-too-deep', 'EXCEPTION_TABLE_INVALID', 'An exception-table entry with depth 2 covering instructions where the stack holds at most 1 item',
    ['verify-exception-table', 'exception-table', 'assembly-exception-table'], HANDLER_BASE + '  L1 to L3 -> L4 [2]\n'),
inv('falls-off-end', 'FALLS_OFF_END', 'The last instruction (POP_TOP) is not a terminator: execution would run past the end',
    ['verify-falls-off-end'], '''RESUME 0
LOAD_CONST 1
POP_TOP
'''),
inv('falls-off-end-empty', 'FALLS_OFF_END', 'A code object with no instructions at all',
    ['verify-falls-off-end', 'assembly-text'], '''; no instructions
'''),
inv('falls-off-end-conditional', 'FALLS_OFF_END', "A conditional jump's taken path reaches a last instruction that is not a terminator, so execution would run off the end",
    ['verify-falls-off-end', 'op-POP_JUMP_IF_TRUE'], '''.params c
RESUME 0
LOAD_FAST c
POP_JUMP_IF_TRUE L1
RETURN_CONST None
L1:
NOP
''', entry='main(False)'),
inv('for-iter-target-not-end-for', 'FOR_ITER_TARGET', 'FOR_ITER targets a POP_TOP, POP_TOP pair instead of END_FOR, POP_TOP',
    ['verify-for-iter-target', 'op-FOR_ITER'], '''.params xs
RESUME 0
LOAD_FAST xs
GET_ITER
L1:
FOR_ITER L2
STORE_FAST x
JUMP_BACKWARD L1
L2:
POP_TOP          ; should be END_FOR
POP_TOP
RETURN_CONST None
''', entry='main([])'),
inv('for-iter-target-no-pop-top', 'FOR_ITER_TARGET', 'FOR_ITER targets an END_FOR that is followed by NOP instead of POP_TOP',
    ['verify-for-iter-target', 'op-FOR_ITER', 'op-END_FOR'], '''.params xs
RESUME 0
LOAD_FAST xs
GET_ITER
L1:
FOR_ITER L2
STORE_FAST x
JUMP_BACKWARD L1
L2:
END_FOR
NOP              ; should be POP_TOP
RETURN_CONST None
''', entry='main([])'),
inv('bad-oparg-binary-op', 'BAD_OPARG', 'BINARY_OP #26: the NB_* operators stop at 25',
    ['verify-bad-oparg', 'op-BINARY_OP', 'assembly-raw-operand', 'operand-kinds'], '''.params a b
RESUME 0
LOAD_FAST_LOAD_FAST a, b
BINARY_OP #26
RETURN_VALUE
''', entry='main(1, 2)'),
inv('bad-oparg-compare-op', 'BAD_OPARG', 'COMPARE_OP #192 encodes comparison operator 6, beyond >= (5)',
    ['verify-bad-oparg', 'op-COMPARE_OP', 'assembly-raw-operand', 'operand-kinds'], '''.params a b
RESUME 0
LOAD_FAST_LOAD_FAST a, b
COMPARE_OP #192
RETURN_VALUE
''', entry='main(1, 2)'),
inv('bad-oparg-resume', 'BAD_OPARG', 'RESUME 8 is not a defined RESUME location',
    ['verify-bad-oparg', 'op-RESUME'], '''RESUME 8
RETURN_CONST None
'''),
inv('bad-oparg-is-op', 'BAD_OPARG', 'IS_OP #2: only 0 (is) and 1 (is not) are defined',
    ['verify-bad-oparg', 'op-IS_OP', 'assembly-raw-operand', 'operand-kinds'], '''.params a b
RESUME 0
LOAD_FAST_LOAD_FAST a, b
IS_OP #2
RETURN_VALUE
''', entry='main(1, 2)'),
inv('bad-oparg-contains-op', 'BAD_OPARG', 'CONTAINS_OP #3: only 0 (in) and 1 (not in) are defined',
    ['verify-bad-oparg', 'op-CONTAINS_OP', 'assembly-raw-operand', 'operand-kinds'], '''.params a b
RESUME 0
LOAD_FAST_LOAD_FAST a, b
CONTAINS_OP #3
RETURN_VALUE
''', entry='main(1, [1])'),
inv('bad-oparg-unsupported-intrinsic', 'BAD_OPARG', 'CALL_INTRINSIC_1 #1 (INTRINSIC_PRINT) is outside the supported intrinsics (3, 5, 6)',
    ['verify-bad-oparg', 'op-CALL_INTRINSIC_1', 'assembly-raw-operand', 'operand-kinds'], '''.params a
RESUME 0
LOAD_FAST a
CALL_INTRINSIC_1 #1
RETURN_VALUE
''', entry='main(1)'),
inv('bad-oparg-build-slice', 'BAD_OPARG', 'BUILD_SLICE 4: only 2 or 3 items make a slice',
    ['verify-bad-oparg', 'op-BUILD_SLICE'], '''RESUME 0
LOAD_CONST 1
LOAD_CONST 2
LOAD_CONST 3
LOAD_CONST 4
BUILD_SLICE 4
RETURN_VALUE
'''),
inv('bad-oparg-copy-zero', 'BAD_OPARG', 'COPY 0: the first item is COPY 1',
    ['verify-bad-oparg', 'op-COPY'], '''RESUME 0
LOAD_CONST 1
COPY 0
POP_TOP
RETURN_VALUE
'''),
inv('bad-oparg-swap-one', 'BAD_OPARG', 'SWAP 1 would swap TOS with itself; SWAP needs at least 2',
    ['verify-bad-oparg', 'op-SWAP'], '''RESUME 0
LOAD_CONST 1
LOAD_CONST 2
SWAP 1
BINARY_OP +
RETURN_VALUE
'''),
inv('bad-oparg-raise-varargs', 'BAD_OPARG', 'RAISE_VARARGS 3: only 0, 1 and 2 are defined',
    ['verify-bad-oparg', 'op-RAISE_VARARGS'], '''RESUME 0
LOAD_GLOBAL ValueError
LOAD_GLOBAL KeyError
LOAD_GLOBAL TypeError
RAISE_VARARGS 3
'''),
inv('bad-oparg-reraise', 'BAD_OPARG', 'RERAISE 2: only 0 and 1 are defined',
    ['verify-bad-oparg', 'op-RERAISE'], '''RESUME 0
LOAD_CONST 0
LOAD_CONST 0
LOAD_GLOBAL ValueError
RERAISE 2
'''),
inv('bad-oparg-convert-value', 'BAD_OPARG', 'CONVERT_VALUE #4: only 1 (str), 2 (repr) and 3 (ascii) are defined',
    ['verify-bad-oparg', 'op-CONVERT_VALUE', 'assembly-raw-operand', 'operand-kinds'], '''.params a
RESUME 0
LOAD_FAST a
CONVERT_VALUE #4
RETURN_VALUE
''', entry='main(1)'),
inv('bad-oparg-set-function-attribute', 'BAD_OPARG', 'SET_FUNCTION_ATTRIBUTE #16 names no attribute (1 defaults, 2 kwdefaults, 4 annotations, 8 closure)',
    ['verify-bad-oparg', 'op-SET_FUNCTION_ATTRIBUTE', 'assembly-raw-operand', 'operand-kinds'], '''RESUME 0
LOAD_CONST (1,)
LOAD_CONST <code main.f>
MAKE_FUNCTION
SET_FUNCTION_ATTRIBUTE #16
RETURN_VALUE
''', extra_code={'main.f': '''.params x
RESUME 0
LOAD_FAST x
RETURN_VALUE
'''}),
inv('generator-shape-return-generator-in-function', 'GENERATOR_SHAPE', 'RETURN_GENERATOR in a code object without .generator',
    ['verify-generator-shape', 'op-RETURN_GENERATOR', 'assembly-directives'], '''RETURN_GENERATOR
POP_TOP
RESUME 0
RETURN_CONST None
'''),
inv('generator-shape-missing-return-generator', 'GENERATOR_SHAPE', 'A .generator code object whose first instruction is RESUME, not RETURN_GENERATOR',
    ['verify-generator-shape', 'op-YIELD_VALUE', 'assembly-directives'], '''.generator
RESUME 0
LOAD_CONST 1
YIELD_VALUE 0
RESUME 1
POP_TOP
RETURN_CONST None
'''),
inv('generator-shape-return-generator-not-first', 'GENERATOR_SHAPE', 'A .generator code object where RETURN_GENERATOR comes after a NOP',
    ['verify-generator-shape', 'op-RETURN_GENERATOR'], '''.generator
NOP
RETURN_GENERATOR
POP_TOP
RESUME 0
RETURN_CONST None
'''),
inv('generator-shape-yield-in-function', 'GENERATOR_SHAPE', 'YIELD_VALUE in an ordinary (non-generator) function',
    ['verify-generator-shape', 'op-YIELD_VALUE'], '''RESUME 0
LOAD_CONST 1
YIELD_VALUE 0
RESUME 1
POP_TOP
RETURN_CONST None
'''),
]
