/**
 * Cells are state (spec/closures.md#closure-state): shared by identity, copied with identity, and
 * a cell swapped for an equal one is a different state.
 */
import type { Program } from '../api';
import type { Vm } from '../interp/vm';
import { loadProgram, newVm, runEntry } from '../program';
import { PyCell } from '../runtime/cell';
import { PyFunction, PyTuple } from '../runtime/values';
import { cloneWithIdentity } from './clone';
import { compareStates } from './compare';
import { snapshot } from './snapshot';
import { sameTokens, stateTokens } from './tokens';

// What CPython 3.13 compiles for: n = 0; get = lambda: n; def put(v): nonlocal n; n = v; put(5); return get()
const SHARED = {
  functions: {
    main: `.locals n get put
.cells n
MAKE_CELL n
RESUME 0
LOAD_CONST 0
STORE_DEREF n
LOAD_FAST n
BUILD_TUPLE 1
LOAD_CONST <code get>
MAKE_FUNCTION
SET_FUNCTION_ATTRIBUTE closure
STORE_FAST get
LOAD_FAST n
BUILD_TUPLE 1
LOAD_CONST <code put>
MAKE_FUNCTION
SET_FUNCTION_ATTRIBUTE closure
STORE_FAST put
LOAD_FAST put
PUSH_NULL
LOAD_CONST 5
CALL 1
POP_TOP
LOAD_FAST get
PUSH_NULL
CALL 0
RETURN_VALUE
`,
  },
  code: {
    get: `.locals n
.freevars n
COPY_FREE_VARS 1
RESUME 0
LOAD_DEREF n
RETURN_VALUE
`,
    put: `.params v
.locals v n
.freevars n
COPY_FREE_VARS 1
RESUME 0
LOAD_FAST v
STORE_DEREF n
RETURN_CONST None
`,
  },
};

function program(): Program {
  const r = loadProgram(SHARED);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

/** main, stopped just before `put(5)`'s CALL (index 19) runs: both closures made. */
function beforeCall(): Vm {
  const vm = newVm(program(), 1000);
  vm.begin(vm.globals.get('main') as PyFunction, []);
  const main = vm.frame!;
  while (main.ip < 19) vm.step();
  expect(vm.frame).toBe(main);
  return vm;
}

describe('cells', () => {
  test('a store through one closure is read through the other', () => {
    const r = runEntry(program(), 'main()');
    expect(r.ok && r.outcome).toMatchObject({ kind: 'return', repr: '5' });
  });

  test('two closures that share a cell reference one heap object; the frame holds the same cell', () => {
    const vm = beforeCall();
    const s = snapshot(vm);
    const locals = s.frames[0]!.locals;
    const ref = (v: (typeof locals)[number]) => (v.t === 'ref' ? v.id : -1);
    const cellId = ref(locals[0]!);
    expect(s.heap[cellId]!.kind).toBe('cell');
    expect(s.heap[cellId]!.slots.contents).toEqual({ t: 'int', v: '0' });
    for (const fn of [locals[1]!, locals[2]!]) {
      const closure = s.heap[ref(fn)]!.slots.closure!;
      expect(s.heap[ref(closure)]!.items).toEqual([{ t: 'ref', id: cellId }]);
    }
  });

  test('a cell swapped for an equal fresh cell is a different state (identity), a changed content too', () => {
    const vm = beforeCall();
    const { copy, live, reference } = cloneWithIdentity(vm);
    expect(sameTokens(stateTokens(vm, live), stateTokens(copy, reference))).toBe(true);

    const original = vm.frame!.locals[0] as PyCell;
    vm.frame!.locals[0] = new PyCell(original.contents);
    expect(sameTokens(stateTokens(vm, live), stateTokens(copy, reference))).toBe(false);
    // Without identity the fresh cell differs by aliasing: the closures still hold the old one.
    expect(compareStates(snapshot(copy), snapshot(vm))?.path).toMatch(/^frames\[0\]\.locals\[[012]\]/);

    vm.frame!.locals[0] = original;
    original.contents = 6;
    expect(compareStates(snapshot(copy), snapshot(vm))?.path).toBe('frames[0].locals[0].contents');
  });

  test('the copy keeps the sharing: writing its cell is seen by its closures, not the original', () => {
    const vm = beforeCall();
    const { copy } = cloneWithIdentity(vm);
    const cell = copy.frame!.locals[0] as PyCell;
    const get = copy.frame!.locals[1] as PyFunction;
    expect((get.closure as PyTuple).items[0]).toBe(cell);
    expect(cell).not.toBe(vm.frame!.locals[0]);
  });
});
