/** Rich comparison (COMPARE_OP), equality and identity. */
import { asInt } from './args';
import { typeError } from './exceptions';
import { intCompare, type PyInt } from './intops';
import { rangeLength } from './rangeops';
import { PySet } from './setobject';
import { setOrder } from './setops';
import { strCompare } from './strings';
import { typeName } from './types';
import {
  PyBoundMethod, PyDict, PyDictView, PyFloat, PyList, PyRange, PySlice, PyTuple, type PyValue,
} from './values';
import { COMPARE_OPS } from '../isa/table';

export const LT = 0;
export const LE = 1;
export const EQ = 2;
export const NE = 3;
export const GT = 4;
export const GE = 5;

/** COMPARE_OP with `op` = oparg >> 5 (index into COMPARE_OPS). Always a bool. @spec #op-COMPARE_OP */
export function compareOp(op: number, a: PyValue, b: PyValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case LT: return a < b;
      case LE: return a <= b;
      case EQ: return a === b;
      case NE: return a !== b;
      case GT: return a > b;
      default: return a >= b;
    }
  }
  return richCompare(op, a, b);
}

/** a < b is b > a: the operator CPython tries on the right operand. */
const REFLECTED: readonly number[] = [GT, GE, EQ, NE, LT, LE];

function fromOrder(op: number, c: number): boolean {
  // c is NaN when unordered (a float nan is involved): every test but != is false.
  switch (op) {
    case LT: return c < 0;
    case LE: return c <= 0;
    case EQ: return c === 0;
    case NE: return !(c === 0);
    case GT: return c > 0;
    default: return c >= 0;
  }
}

function richCompare(op: number, a: PyValue, b: PyValue): boolean {
  const c = numericOrder(a, b);
  if (c !== undefined) return fromOrder(op, c);
  if (typeof a === 'string' && typeof b === 'string') return fromOrder(op, strCompare(a, b));
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    return sequenceCompare(op, a.items, b.items);
  }
  if (op === EQ) return pyEquals(a, b);
  if (op === NE) return !pyEquals(a, b);
  if (a instanceof PySet || b instanceof PySet) {
    // set_richcompare on the left, else the reflected operator on the right.
    const r = a instanceof PySet ? setOrder(COMPARE_OPS[op] as '<', a, b) : setOrder(COMPARE_OPS[REFLECTED[op]!] as '<', b as PySet, a);
    if (r !== undefined) return r;
  }
  return typeError(`'${COMPARE_OPS[op]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * Order of two numbers (int, bool, float; exact across int/float, even for huge ints),
 * NaN if unordered, undefined if either is not a number.
 * @spec #numeric-compare-mixed
 */
export function numericOrder(a: PyValue, b: PyValue): number | undefined {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined) {
    if (ib !== undefined) return intCompare(ia, ib);
    if (b instanceof PyFloat) return compareIntFloat(ia, b.value);
    return undefined;
  }
  if (!(a instanceof PyFloat)) return undefined;
  if (ib !== undefined) return -compareIntFloat(ib, a.value);
  if (b instanceof PyFloat) {
    const x = a.value;
    const y = b.value;
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  return undefined;
}

/** Exact comparison of an int with a double (CPython's float_richcompare). @spec #numeric-compare-mixed */
export function compareIntFloat(i: PyInt, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (typeof i === 'number') return i < f ? -1 : i > f ? 1 : 0;
  if (!Number.isFinite(f)) return f > 0 ? -1 : 1;
  const fl = Math.floor(f);
  const c = intCompare(i, BigInt(fl));
  if (c !== 0) return c;
  return f > fl ? -1 : 0;
}

/** list_richcompare / tuplerichcompare: first differing item decides, else the lengths. */
function sequenceCompare(op: number, v: readonly PyValue[], w: readonly PyValue[]): boolean {
  if (v.length !== w.length && (op === EQ || op === NE)) return op === NE;
  let i = 0;
  for (; i < v.length && i < w.length; i++) if (!itemEquals(v[i]!, w[i]!)) break;
  if (i >= v.length || i >= w.length) return fromOrder(op, v.length - w.length);
  if (op === EQ) return false;
  if (op === NE) return true;
  return compareOp(op, v[i]!, w[i]!);
}

/** Identity first, then ==, as containers compare items (so [nan] == [same nan] holds). @spec #op-COMPARE_OP */
export function itemEquals(a: PyValue, b: PyValue): boolean {
  return a === b || pyEquals(a, b);
}

/** The == operator. @spec #op-COMPARE_OP */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const c = numericOrder(a, b);
  if (c !== undefined) return c === 0;
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a.equals) return a.equals(b);
  if (a instanceof PyList) return b instanceof PyList && sequenceCompare(EQ, a.items, b.items);
  if (a instanceof PyTuple) return b instanceof PyTuple && sequenceCompare(EQ, a.items, b.items);
  if (a instanceof PyDict) return b instanceof PyDict && dictEquals(a, b);
  if (a instanceof PyRange) return b instanceof PyRange && rangeEquals(a, b);
  if (a instanceof PySlice) {
    return b instanceof PySlice && sequenceCompare(EQ, [a.start, a.stop, a.step], [b.start, b.stop, b.step]);
  }
  if (a instanceof PyDictView) return b instanceof PyDictView && viewEquals(a, b);
  if (a instanceof PyBoundMethod) return b instanceof PyBoundMethod && a.self === b.self && a.func === b.func;
  return false;
}

function dictEquals(a: PyDict, b: PyDict): boolean {
  if (a.entries.size !== b.entries.size) return false;
  for (const [k, e] of a.entries) {
    const o = b.entries.get(k);
    if (!o || !itemEquals(e.value, o.value)) return false;
  }
  return true;
}

function rangeEquals(a: PyRange, b: PyRange): boolean {
  const n = rangeLength(a);
  if (n !== rangeLength(b)) return false;
  if (n === 0) return true;
  if (a.start !== b.start) return false;
  return n === 1 || a.step === b.step;
}

/** keys and items views compare like sets; values views only by identity. */
function viewEquals(a: PyDictView, b: PyDictView): boolean {
  if (a.what !== b.what || a.what === 'values') return false;
  if (a.dict.entries.size !== b.dict.entries.size) return false;
  for (const [k, e] of a.dict.entries) {
    const o = b.dict.entries.get(k);
    if (!o) return false;
    if (a.what === 'items' && !itemEquals(e.value, o.value)) return false;
  }
  return true;
}

/**
 * IS_OP. For None, bools and objects this is identity. For ints and strs CPython's answer is
 * implementation-defined (small-int cache, interning); optcert answers value equality.
 * Floats are objects here: `x is y` holds only for the same PyFloat.
 * @spec #identity
 */
export function isIdentical(a: PyValue, b: PyValue): boolean {
  return a === b;
}
