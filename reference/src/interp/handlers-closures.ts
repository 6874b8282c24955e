/**
 * The closure instructions: cells in the frame's locals, free variables copied from the
 * function's closure. Spread into HANDLERS (handlers.ts).
 * @spec #closure-cells
 */
import type { Opcode } from '../isa/table';
import { PyCell } from '../runtime/cell';
import { PyFunction, PyTuple, type PyValue } from '../runtime/values';
import { pyError } from './errors';
import type { Frame } from './frame';
import type { Handler } from './handlers';

type ClosureOp = 'MAKE_CELL' | 'LOAD_DEREF' | 'STORE_DEREF' | 'DELETE_DEREF' | 'COPY_FREE_VARS';

/** Whether local `i` is one of the code's free variables (the last `freevars.length` locals). */
function isFree(f: Frame, i: number): boolean {
  return i >= f.code.varnames.length - (f.code.freevars?.length ?? 0);
}

/** An empty cell read or deleted: CPython's _PyEval_FormatExcUnbound. @spec #closure-unbound */
function emptyCell(f: Frame, i: number): never {
  const name = f.code.varnames[i];
  if (isFree(f, i)) throw pyError('NameError', `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  throw pyError('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
}

/** The cell a DEREF instruction names; a hand-written program may point one at a plain local. */
function cellAt(f: Frame, i: number, op: ClosureOp): PyCell {
  const c = f.locals[i];
  if (c instanceof PyCell) return c;
  throw pyError('TypeError', `${op} needs a cell in local '${f.code.varnames[i]}' (MAKE_CELL or COPY_FREE_VARS puts it there)`);
}

export const CLOSURE_HANDLERS: { readonly [K in ClosureOp & Opcode]: Handler } = {
  /** @spec #op-MAKE_CELL */
  MAKE_CELL: (_vm, f, a) => {
    f.locals[a] = new PyCell(f.locals[a]);
  },
  /** @spec #op-LOAD_DEREF */
  LOAD_DEREF: (_vm, f, a) => {
    const v = cellAt(f, a, 'LOAD_DEREF').contents;
    f.stack.push(v === undefined ? emptyCell(f, a) : v);
  },
  /** @spec #op-STORE_DEREF */
  STORE_DEREF: (_vm, f, a) => {
    cellAt(f, a, 'STORE_DEREF').contents = f.stack.pop();
  },
  /** @spec #op-DELETE_DEREF */
  DELETE_DEREF: (_vm, f, a) => {
    const c = cellAt(f, a, 'DELETE_DEREF');
    if (c.contents === undefined) emptyCell(f, a);
    c.contents = undefined;
  },
  /** @spec #op-COPY_FREE_VARS */
  COPY_FREE_VARS: (_vm, f, a) => {
    const cells = closureOf(f.func, a);
    const at = f.locals.length - a;
    for (let k = 0; k < a; k++) f.locals[at + k] = cells[k];
  },
};

/** The function's closure, checked against what the code expects. @spec #closure-make-function */
function closureOf(func: PyFunction | null, n: number): readonly PyValue[] {
  const closure = func?.closure ?? null;
  if (closure === null || closure.items.length !== n || !closure.items.every((c) => c instanceof PyCell)) {
    const has = closure === null ? 'none' : `${closure.items.length} item${closure.items.length === 1 ? '' : 's'}`;
    throw pyError('TypeError', `${func ? func.name : 'code'}() requires a closure of exactly ${n} cell${n === 1 ? '' : 's'}, has ${has}`);
  }
  return closure.items;
}

/** SET_FUNCTION_ATTRIBUTE 8: a tuple of cells becomes the function's `__closure__`. @spec #closure-make-function */
export function setClosure(func: PyFunction, value: PyValue): void {
  if (!(value instanceof PyTuple) || !value.items.every((c) => c instanceof PyCell)) {
    throw pyError('TypeError', 'SET_FUNCTION_ATTRIBUTE closure needs a tuple of cells');
  }
  func.closure = value;
}
