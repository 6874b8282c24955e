import { loadProgram, runEntry } from './program';

const MODULE = `
  RESUME 0
  LOAD_CONST 0
  LOAD_CONST None
  IMPORT_NAME math
  STORE_NAME math
  LOAD_CONST 0
  LOAD_CONST ('sqrt', 'pi')
  IMPORT_NAME math
  IMPORT_FROM sqrt
  STORE_NAME sqrt
  IMPORT_FROM pi
  STORE_NAME PI
  POP_TOP
  LOAD_CONST 0
  STORE_NAME N
  LOAD_NAME range
  PUSH_NULL
  LOAD_CONST 3
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_NAME i
  LOAD_NAME N
  LOAD_NAME i
  BINARY_OP +=
  STORE_NAME N
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  DELETE_NAME i
  LOAD_CONST <code main>
  MAKE_FUNCTION
  STORE_NAME main
  RETURN_CONST None
`;

const MAIN = `.params k
  RESUME 0
  LOAD_GLOBAL sqrt + NULL
  LOAD_FAST k
  CALL 1
  LOAD_GLOBAL PI
  BINARY_OP +
  LOAD_GLOBAL math
  LOAD_ATTR floor + NULL|self
  LOAD_CONST 2.5
  CALL 1
  BINARY_OP +
  LOAD_GLOBAL N
  BINARY_OP +
  RETURN_VALUE
`;

function run(code: Record<string, string>, entry: string) {
  const loaded = loadProgram({ code });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const r = runEntry(loaded.program, entry);
  if (!r.ok) throw new Error(r.error.message);
  return r.outcome;
}

describe('module code', () => {
  test('runs before the entry call; STORE_NAME, LOAD_NAME, DELETE_NAME, import math', () => {
    // CPython 3.13: math.sqrt(4) + math.pi + math.floor(2.5) + 3
    expect(run({ '<module>': MODULE, main: MAIN }, 'main(4)')).toMatchObject({ kind: 'return', repr: '10.141592653589793' });
  });

  test('a deleted module name is gone: NameError as CPython words it', () => {
    const m = MODULE.replace('RETURN_CONST None', 'LOAD_NAME i\n  RETURN_VALUE');
    expect(run({ '<module>': m, main: MAIN }, 'main(4)')).toMatchObject({ kind: 'raise', type: 'NameError', message: "name 'i' is not defined" });
  });

  test('an entry the module never binds is refused before running', () => {
    const loaded = loadProgram({ code: { '<module>': MODULE, main: MAIN } });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(runEntry(loaded.program, 'other(1)')).toMatchObject({ ok: false, error: { code: 'ENTRY_UNKNOWN_FUNCTION' } });
  });

  test('importing any module but math is IMPORT_UNSUPPORTED, naming it', () => {
    const loaded = loadProgram({ code: { '<module>': MODULE.replace('IMPORT_NAME math\n  STORE_NAME math', 'IMPORT_NAME os\n  STORE_NAME math'), main: MAIN } });
    expect(loaded).toMatchObject({ ok: false, stage: 'invalid', error: { code: 'IMPORT_UNSUPPORTED', unit: '<module>', line: 5 } });
    expect(!loaded.ok && loaded.error.message).toContain("'os'");
  });

  test('from math import a missing name: ImportError', () => {
    const m = MODULE.replace("IMPORT_FROM sqrt", 'IMPORT_FROM nosuch');
    expect(run({ '<module>': m, main: MAIN }, 'main(4)')).toMatchObject({ kind: 'raise', type: 'ImportError', message: "cannot import name 'nosuch' from 'math' (unknown location)" });
  });
});
