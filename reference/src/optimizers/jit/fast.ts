/**
 * Fast paths the generated code calls instead of inlining them (and the loop over a run of
 * instructions it leaves to the interpreter's handlers): the float forms of arithmetic and
 * comparison (a float with a float, or with a small int, which converts to a double exactly, as in
 * CPython) and the next item of a list or tuple iterator. Each answers `undefined` (or NOT_SEQ)
 * when its operands are not its case, and the site takes its slow path.
 *
 * Why out of line: every inlined branch grows the region's source, and V8 neither parses it for
 * free (the compile cost) nor optimizes a function past its bytecode size limit (a 190-instruction
 * loop body then runs unoptimized, 5x slower). V8 inlines these small functions where they are hot.
 * @spec #jit-codegen
 */
import type { Frame } from '../../interp/frame';
import type { Vm } from '../../interp/vm';
import { intAdd, intFloorDiv, intMod, intMul, intSub, type PyInt } from '../../runtime/intops';
import { SEQ_ITER_EXHAUSTED } from '../../runtime/iter';
import { PyFloat, PyList, PySeqIterator, PyTuple } from '../../runtime/values';

// The classes the inlined parts test, as module constants: an imported name compiles to a property
// load from the module object at each use, which the inlining budget counts too.
const Float = PyFloat;
const List = PyList;

// Each helper is written out, not made by a factory: V8 keeps type feedback per function, and
// one shared body for every operator would see every operand kind and call its operator through
// a closure it cannot inline. The hot helpers test their commonest case first and call out for the
// rest: V8 inlines while the bytecode it has inlined into a function stays under a budget (about
// 920 bytes), and a large region has dozens of these sites (nbody's loop: 62), so the smaller the
// inlined part, the more sites get it (V8's --trace-turbo-inlining shows which).

/** `+` with a float operand; undefined when neither operand is a float or the other is not a small int. */
export function floatAdd(a: unknown, b: unknown): PyFloat | undefined {
  return a instanceof Float && b instanceof Float ? new Float(a.value + b.value) : floatAddMixed(a, b);
}

function floatAddMixed(a: unknown, b: unknown): PyFloat | undefined {
  if (a instanceof PyFloat) return typeof b === 'number' ? new PyFloat(a.value + b) : undefined;
  return typeof a === 'number' && b instanceof PyFloat ? new PyFloat(a + b.value) : undefined;
}

/** `-` with a float operand. */
export function floatSub(a: unknown, b: unknown): PyFloat | undefined {
  return a instanceof Float && b instanceof Float ? new Float(a.value - b.value) : floatSubMixed(a, b);
}

function floatSubMixed(a: unknown, b: unknown): PyFloat | undefined {
  if (a instanceof PyFloat) return typeof b === 'number' ? new PyFloat(a.value - b) : undefined;
  return typeof a === 'number' && b instanceof PyFloat ? new PyFloat(a - b.value) : undefined;
}

/** `*` with a float operand. */
export function floatMul(a: unknown, b: unknown): PyFloat | undefined {
  return a instanceof Float && b instanceof Float ? new Float(a.value * b.value) : floatMulMixed(a, b);
}

function floatMulMixed(a: unknown, b: unknown): PyFloat | undefined {
  if (a instanceof PyFloat) return typeof b === 'number' ? new PyFloat(a.value * b) : undefined;
  return typeof a === 'number' && b instanceof PyFloat ? new PyFloat(a * b.value) : undefined;
}

/** `/` with a float operand: a zero divisor is the slow path (ZeroDivisionError). */
export function floatDiv(a: unknown, b: unknown): PyFloat | undefined {
  return a instanceof Float && b instanceof Float && b.value !== 0 ? new Float(a.value / b.value) : floatDivMixed(a, b);
}

function floatDivMixed(a: unknown, b: unknown): PyFloat | undefined {
  if (a instanceof PyFloat) {
    if (b instanceof PyFloat) return undefined;
    return typeof b === 'number' && b !== 0 ? new PyFloat(a.value / b) : undefined;
  }
  return typeof a === 'number' && b instanceof PyFloat && b.value !== 0 ? new PyFloat(a / b.value) : undefined;
}

/** COMPARE_OP with a float operand, by `arg >> 5` (< <= == != > >=); undefined when not that case. */
export function floatCompare(a: unknown, b: unknown, op: number): boolean | undefined {
  let x: number;
  let y: number;
  if (a instanceof PyFloat) {
    x = a.value;
    if (b instanceof PyFloat) y = b.value;
    else if (typeof b === 'number') y = b;
    else return undefined;
  } else if (typeof a === 'number' && b instanceof PyFloat) {
    x = a;
    y = b.value;
  } else return undefined;
  // JS's comparisons on doubles, NaN included, are Python's.
  switch (op) {
    case 0: return x < y;
    case 1: return x <= y;
    case 2: return x === y;
    case 3: return x !== y;
    case 4: return x > y;
    default: return x >= y;
  }
}

/** What seqNext answers for an iterator that is not over a list or a tuple. */
export const NOT_SEQ: unique symbol = Symbol('jit.not-a-sequence-iterator');
/** What seqNext answers when the iterator is (now) exhausted. */
export const SEQ_DONE: unique symbol = Symbol('jit.sequence-exhausted');

/** FOR_ITER's next item of a list or tuple iterator, or SEQ_DONE (the iterator then stays exhausted). */
export function seqNext(it: unknown): unknown {
  if (!(it instanceof PySeqIterator)) return NOT_SEQ;
  const seq = it.seq;
  if (!(seq instanceof PyList || seq instanceof PyTuple)) return NOT_SEQ;
  const i = it.index;
  if (i === SEQ_ITER_EXHAUSTED) return SEQ_DONE;
  if (i >= seq.items.length) {
    it.index = SEQ_ITER_EXHAUSTED;
    return SEQ_DONE;
  }
  it.index = i + 1;
  return seq.items[i];
}

/** What getIndex answers when its operands are not a list or tuple and an in-range small int. */
export const NO_ITEM: unique symbol = Symbol('jit.no-item');

/** BINARY_SUBSCR of a list or tuple by an in-range small int (negative from the end). */
export function getIndex(a: unknown, b: unknown): unknown {
  return a instanceof List && typeof b === 'number' && b >= 0 && b < a.items.length ? a.items[b] : getIndexOther(a, b);
}

/** getIndex's other cases: a tuple, a negative index, or not the case at all. */
function getIndexOther(a: unknown, b: unknown): unknown {
  if (!(a instanceof PyList || a instanceof PyTuple) || typeof b !== 'number') return NO_ITEM;
  const items = a.items;
  const i = b < 0 ? b + items.length : b;
  return i >= 0 && i < items.length ? items[i] : NO_ITEM;
}

/** STORE_SUBSCR into a list at an in-range small int; false when that is not the case. */
export function setIndex(a: unknown, b: unknown, value: unknown): boolean {
  if (a instanceof List && typeof b === 'number' && b >= 0 && b < a.items.length) {
    a.items[b] = value as PyList['items'][number];
    return true;
  }
  return setIndexOther(a, b, value);
}

/** setIndex's other cases: a negative index, or not the case at all. */
function setIndexOther(a: unknown, b: unknown, value: unknown): boolean {
  if (!(a instanceof PyList) || typeof b !== 'number') return false;
  const items = a.items;
  const i = b < 0 ? b + items.length : b;
  if (i < 0 || i >= items.length) return false;
  items[i] = value as (typeof items)[number];
  return true;
}

/** TO_BOOL of a bool, small int, None, str or list; undefined for anything else. */
export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (typeof v === 'string') return v.length !== 0;
  if (v instanceof PyList) return v.items.length !== 0;
  return undefined;
}

type Handler = (vm: Vm, f: Frame, arg: number) => void;

/**
 * Consecutive instructions of a block the region leaves to the interpreter's handlers, run as the
 * interpreter's loop would: `run` holds (pc, arg) pairs; each step is counted before its handler.
 * Answers 0 when all ran, 1 when a handler switched frames, 2 when the steps a handler ran (a
 * builtin calling Python code) leave no room under `limit` for the rest: the state is then exact
 * after the instruction, and the region leaves.
 */
export function runHandlers(vm: Vm, f: Frame, handlers: readonly unknown[], run: Int32Array, limit: number): number {
  for (let k = 0; k < run.length; k += 2) {
    const pc = run[k]!;
    vm.steps++;
    f.ip = pc + 1;
    (handlers[pc] as Handler)(vm, f, run[k + 1]!);
    if (vm.frame !== f) return 1;
    if (vm.steps + (run.length - k - 2) / 2 > limit) return 2;
  }
  return 0;
}

/**
 * `+ - * // %` (by BINARY_OP's operator) of two ints of which at least one is, or whose result
 * would be, past 2^53: the interpreter's own int arithmetic, without the round trip through the
 * handler. Undefined for anything else (bools, a zero divisor: the handler raises).
 */
export function bigIntOp(op: number, a: unknown, b: unknown): PyInt | undefined {
  if ((typeof a !== 'number' && typeof a !== 'bigint') || (typeof b !== 'number' && typeof b !== 'bigint')) return undefined;
  switch (op) {
    case 0: return intAdd(a, b);
    case 10: return intSub(a, b);
    case 5: return intMul(a, b);
    case 2: return b === 0 || b === 0n ? undefined : intFloorDiv(a, b);
    case 6: return b === 0 || b === 0n ? undefined : intMod(a, b);
    default: return undefined;
  }
}
