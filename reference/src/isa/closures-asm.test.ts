/** `.cells` / `.freevars` in assembly text, the disassembler and the verifier (spec/code-objects.md#code-cells). */
import { assemble } from './assembler';
import { codeEquals } from './code-view';
import { disassemble } from './disassembler';
import { verify } from './verifier';

const GENEXPR = `.params .0
.locals .0 x limit
.freevars limit
.generator
COPY_FREE_VARS 1
RETURN_GENERATOR
POP_TOP
RESUME 0
LOAD_FAST .0
L1: FOR_ITER L2
STORE_FAST x
LOAD_FAST x
LOAD_DEREF limit
COMPARE_OP >
YIELD_VALUE 0
RESUME 5
POP_TOP
JUMP_BACKWARD L1
L2: END_FOR
POP_TOP
RETURN_CONST None
`;

const OWNER = `.params a
.locals a b
.cells a b
MAKE_CELL a
MAKE_CELL b
RESUME 0
LOAD_DEREF a
STORE_DEREF b
DELETE_DEREF a
RETURN_CONST None
`;

function code(text: string) {
  const r = assemble('f', text);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.code;
}

describe('cells and free variables in assembly', () => {
  test.each([['a generator expression', GENEXPR], ['an owner of cells', OWNER]])('%s round-trips through the disassembler and verifies', (_what, text) => {
    const c = code(text);
    const again = code(disassemble(c));
    expect(codeEquals(c, again)).toBe(true);
    expect(again.cellvars ?? []).toEqual(c.cellvars ?? []);
    expect(again.freevars ?? []).toEqual(c.freevars ?? []);
    expect(verify(c)).toBeNull();
  });

  test('code objects that differ only in their cells are not equal', () => {
    const plain = code('.locals a b\nRESUME 0\nRETURN_CONST None\n');
    const cells = code('.locals a b\n.cells b\nRESUME 0\nRETURN_CONST None\n');
    const free = code('.locals a b\n.freevars b\nRESUME 0\nRETURN_CONST None\n');
    expect(codeEquals(plain, cells)).toBe(false);
    expect(codeEquals(cells, free)).toBe(false);
  });

  test.each([
    ['.cells before .locals', '.cells a\nRESUME 0\nRETURN_CONST None\n', 1],
    ['a cell that is not a local', '.locals a\n.cells b\nRESUME 0\nRETURN_CONST None\n', 2],
    ['.freevars not the last locals', '.locals a b\n.freevars a\nRESUME 0\nRETURN_CONST None\n', 2],
    ['a name both cell and free', '.locals a\n.cells a\n.freevars a\nRESUME 0\nRETURN_CONST None\n', 3],
  ])('%s is ASM_BAD_DIRECTIVE at its line', (_what, text, line) => {
    const r = assemble('f', text);
    expect(r.ok ? null : [r.error.code, r.error.line]).toEqual(['ASM_BAD_DIRECTIVE', line]);
  });

  test.each([
    ['LOAD_DEREF of a plain local', '.locals a\nRESUME 0\nLOAD_DEREF a\nRETURN_VALUE\n', 1],
    ['STORE_DEREF of a plain local', '.locals a b\n.cells a\nRESUME 0\nLOAD_CONST 1\nSTORE_DEREF b\nRETURN_CONST None\n', 2],
    ['MAKE_CELL of a free variable', '.locals a\n.freevars a\nMAKE_CELL a\nCOPY_FREE_VARS 1\nRESUME 0\nRETURN_CONST None\n', 0],
    ['COPY_FREE_VARS of too few', '.locals a b\n.freevars a b\nCOPY_FREE_VARS 1\nRESUME 0\nRETURN_CONST None\n', 0],
  ])('%s is CELL_OPERAND', (_what, text, index) => {
    expect(verify(code(text))).toMatchObject({ code: 'CELL_OPERAND', index });
  });
});
