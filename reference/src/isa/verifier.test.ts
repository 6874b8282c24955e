import { assemble } from './assembler';
import { verify } from './verifier';

function check(text: string) {
  const r = assemble('f', text);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return verify(r.code);
}

const gen = (body: string) => `.generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
${body}
L9:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
ExceptionTable:
  L1 to L9 -> L9 [0] lasti`;

describe('verifier', () => {
  test('accepts CPython-shaped code, including a generator and a for loop', () => {
    expect(check(`.params xs
      RESUME 0
      LOAD_FAST xs
      GET_ITER
    L1:
      FOR_ITER L2
      POP_TOP
      JUMP_BACKWARD L1
    L2:
      END_FOR
      POP_TOP
      RETURN_CONST None`)).toBeNull();
    expect(check(gen('  LOAD_CONST 1\n  YIELD_VALUE 0\n  RESUME 5\n  POP_TOP\n  RETURN_CONST None'))).toBeNull();
  });

  test.each([
    ['empty code', '', 'FALLS_OFF_END', -1],
    ['last instruction not a terminator', 'RESUME 0\nNOP', 'FALLS_OFF_END', 1],
    ['pop from an empty stack', 'RESUME 0\nPOP_TOP\nRETURN_CONST None', 'STACK_UNDERFLOW', 1],
    ['two paths with different depths', '.params c\nRESUME 0\nLOAD_FAST c\nPOP_JUMP_IF_TRUE L1\nLOAD_CONST 1\nL1:\nRETURN_CONST None', 'STACK_DEPTH_MISMATCH', 4],
    ['a jump past the end', 'RESUME 0\nJUMP_FORWARD #9', 'JUMP_OUT_OF_RANGE', 1],
    ['a backward POP_JUMP_IF', '.params c\nL1: RESUME 0\nLOAD_FAST c\nPOP_JUMP_IF_TRUE L1\nRETURN_CONST None', 'JUMP_DIRECTION', 2],
    ['a forward JUMP_BACKWARD', 'RESUME 0\nJUMP_BACKWARD L1\nL1: RETURN_CONST None', 'JUMP_DIRECTION', 1],
    ['a constant index out of range', 'RESUME 0\nRETURN_CONST #4', 'OPERAND_OUT_OF_RANGE', 1],
    ['ENTER_EXECUTOR', 'RESUME 0\nENTER_EXECUTOR 0\nRETURN_CONST None', 'ENTER_EXECUTOR_IN_PROGRAM', 1],
    ['BINARY_OP @', 'RESUME 0\nLOAD_CONST 1\nLOAD_CONST 1\nBINARY_OP @\nRETURN_VALUE', 'BAD_OPARG', 3],
    ['RESUME 8', 'RESUME 8\nRETURN_CONST None', 'BAD_OPARG', 0],
    ['LIST_APPEND 0', 'RESUME 0\nBUILD_LIST 0\nLIST_APPEND 0\nRETURN_CONST None', 'BAD_OPARG', 2],
    ['FOR_ITER not aimed at END_FOR', '.params xs\nRESUME 0\nLOAD_FAST xs\nGET_ITER\nL1: FOR_ITER L2\nPOP_TOP\nJUMP_BACKWARD L1\nL2: POP_TOP\nRETURN_CONST None', 'FOR_ITER_TARGET', 3],
    ['YIELD_VALUE outside a generator', 'RESUME 0\nLOAD_CONST 1\nYIELD_VALUE 0\nRETURN_CONST None', 'GENERATOR_SHAPE', 2],
    ['a generator without RETURN_GENERATOR', '.generator\nRESUME 0\nRETURN_CONST None', 'GENERATOR_SHAPE', 0],
    ['an exception entry with start >= end', 'L1: RESUME 0\nRETURN_CONST None\nExceptionTable:\n  L1 to L1 -> L1 [0]', 'EXCEPTION_TABLE_INVALID', 0],
    ['a handler depth above the stack', 'L1: RESUME 0\nL2: RETURN_CONST None\nL3:\nExceptionTable:\n  L1 to L2 -> L2 [2]', 'EXCEPTION_TABLE_INVALID', 0],
  ])('rejects %s with %s at instruction %i', (_what, text, code, index) => {
    expect(check(text)).toMatchObject({ code, index });
  });
});
