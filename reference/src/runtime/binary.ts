/** BINARY_OP: every NB_* operator, with a cheap path for two small ints. */
import { asInt } from './args';
import { dictCopy, dictMerge } from './dict';
import { dictUpdate } from './dictupdate';
import { newException, raise, typeError } from './exceptions';
import { floatFloorDiv, floatMod, floatPow, floatTrueDiv } from './floatops';
import {
  MAX_SAFE, intAdd, intAnd, intFloorDiv, intLshift, intMod, intMul, intOr, intPowNonNeg, intRshift,
  intSub, intToFloat, intTrueDiv, intXor, type PyInt,
} from './intops';
import { appendAll, collect, isIterable } from './iter';
import { NO_HOST } from './nohost';
import { percentFormat } from './printf';
import { PySet } from './setobject';
import { setBinary } from './setops';
import { MemoryError, OverflowError, typeName } from './types';
import { PyDict, PyDictView, PyFloat, PyList, PyRange, PyTuple, type Host, type PyValue } from './values';
import { BINARY_OPS } from '../isa/table';

/** CPython's NB_* numbering (dis._nb_ops); in-place forms are these + 13. */
export const NB_ADD = 0;
export const NB_AND = 1;
export const NB_FLOOR_DIVIDE = 2;
export const NB_LSHIFT = 3;
export const NB_MATRIX_MULTIPLY = 4;
export const NB_MULTIPLY = 5;
export const NB_REMAINDER = 6;
export const NB_OR = 7;
export const NB_POWER = 8;
export const NB_RSHIFT = 9;
export const NB_SUBTRACT = 10;
export const NB_TRUE_DIVIDE = 11;
export const NB_XOR = 12;
export const NB_INPLACE = 13;

/** Longest str/list a repeat may build here; CPython would need gigabytes beyond it. */
const MAX_REPEAT = 2 ** 28;

/**
 * BINARY_OP. In-place forms behave like the plain ones except on lists (`+=` extends and `*=`
 * repeats in place) and dicts (`|=` updates). `host` is needed only when `list += generator`.
 * @spec #op-BINARY_OP
 */
export function binaryOp(op: number, a: PyValue, b: PyValue, host?: Host): PyValue {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case NB_ADD:
      case NB_ADD + NB_INPLACE: {
        const r = a + b;
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        break;
      }
      case NB_SUBTRACT:
      case NB_SUBTRACT + NB_INPLACE: {
        const r = a - b;
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        break;
      }
      case NB_MULTIPLY:
      case NB_MULTIPLY + NB_INPLACE: {
        const r = a * b + 0;
        if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        break;
      }
      case NB_REMAINDER:
      case NB_REMAINDER + NB_INPLACE:
        if (a >= 0 && b > 0) return a % b;
        break;
      case NB_FLOOR_DIVIDE:
      case NB_FLOOR_DIVIDE + NB_INPLACE:
        if (a >= 0 && b > 0) return (a - (a % b)) / b;
        break;
      case NB_TRUE_DIVIDE:
      case NB_TRUE_DIVIDE + NB_INPLACE:
        if (b !== 0) return new PyFloat(a / b);
        break;
      case NB_AND:
      case NB_AND + NB_INPLACE:
        if ((a | 0) === a && (b | 0) === b) return a & b;
        break;
      case NB_OR:
      case NB_OR + NB_INPLACE:
        if ((a | 0) === a && (b | 0) === b) return a | b;
        break;
      case NB_XOR:
      case NB_XOR + NB_INPLACE:
        if ((a | 0) === a && (b | 0) === b) return a ^ b;
        break;
      case NB_RSHIFT:
      case NB_RSHIFT + NB_INPLACE:
        if ((a | 0) === a && b >= 0 && b < 32) return a >> b;
        break;
    }
  }
  return binarySlow(op, a, b, host);
}

function binarySlow(op: number, a: PyValue, b: PyValue, host: Host | undefined): PyValue {
  const base = op >= NB_INPLACE ? op - NB_INPLACE : op;
  if (base < 0 || base > NB_XOR) throw new Error(`internal: BINARY_OP oparg ${op}`);
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    // bool & | ^ bool stay bool.
    if (base === NB_AND) return a && b;
    if (base === NB_OR) return a || b;
    if (base === NB_XOR) return a !== b;
  }
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined && ib !== undefined) {
    const r = intOp(base, ia, ib);
    if (r !== undefined) return r;
  } else if ((a instanceof PyFloat || ia !== undefined) && (b instanceof PyFloat || ib !== undefined)) {
    const r = floatOp(base, a, b);
    if (r !== undefined) return r;
  } else {
    const r = a instanceof PySet ? setOp(base, op >= NB_INPLACE, a, b, host) : op >= NB_INPLACE ? inplaceOp(base, a, b, host) : objectOp(base, a, b);
    if (r !== undefined) return r;
  }
  return unsupported(op, a, b);
}

/** @spec #int-representation */
function intOp(base: number, a: PyInt, b: PyInt): PyValue | undefined {
  switch (base) {
    case NB_ADD: return intAdd(a, b);
    case NB_SUBTRACT: return intSub(a, b);
    case NB_MULTIPLY: return intMul(a, b);
    case NB_FLOOR_DIVIDE: return intFloorDiv(a, b);
    case NB_REMAINDER: return intMod(a, b);
    case NB_TRUE_DIVIDE: return new PyFloat(intTrueDiv(a, b));
    // A negative exponent makes it a float power (CPython's long_pow defers to float_pow).
    case NB_POWER: return b < 0 ? new PyFloat(floatPow(intToFloat(a), intToFloat(b))) : intPowNonNeg(a, b);
    case NB_LSHIFT: return intLshift(a, b);
    case NB_RSHIFT: return intRshift(a, b);
    case NB_AND: return intAnd(a, b);
    case NB_OR: return intOr(a, b);
    case NB_XOR: return intXor(a, b);
    default: return undefined;
  }
}

const toDouble = (v: PyValue): number => (v instanceof PyFloat ? v.value : intToFloat(asInt(v)!));

/** float op float, or a float mixed with an int (converted, OverflowError if too large). */
function floatOp(base: number, a: PyValue, b: PyValue): PyValue | undefined {
  switch (base) {
    case NB_ADD: return new PyFloat(toDouble(a) + toDouble(b));
    case NB_SUBTRACT: return new PyFloat(toDouble(a) - toDouble(b));
    case NB_MULTIPLY: return new PyFloat(toDouble(a) * toDouble(b));
    case NB_TRUE_DIVIDE: return new PyFloat(floatTrueDiv(toDouble(a), toDouble(b)));
    case NB_FLOOR_DIVIDE: return new PyFloat(floatFloorDiv(toDouble(a), toDouble(b)));
    case NB_REMAINDER: return new PyFloat(floatMod(toDouble(a), toDouble(b)));
    case NB_POWER: return new PyFloat(floatPow(toDouble(a), toDouble(b)));
    default: return undefined;
  }
}

const SET_SYMBOLS: Partial<Record<number, '|' | '&' | '-' | '^'>> = { [NB_OR]: '|', [NB_AND]: '&', [NB_SUBTRACT]: '-', [NB_XOR]: '^' };

/** | & - ^ and their in-place forms on sets. @spec #set-ops */
function setOp(base: number, inplace: boolean, a: PySet, b: PyValue, host: Host | undefined): PyValue | undefined {
  const symbol = SET_SYMBOLS[base];
  return symbol ? setBinary(symbol, inplace, a, b, host ?? NO_HOST) : undefined;
}

/** Sequence concatenation/repetition and dict union. @spec #list-ops */
function objectOp(base: number, a: PyValue, b: PyValue): PyValue | undefined {
  if (base === NB_ADD) return concat(a, b);
  if (base === NB_REMAINDER && typeof a === 'string') return percentFormat(a, b);
  if (base === NB_MULTIPLY) {
    if (isSequence(a)) return repeat(a, b);
    if (isSequence(b)) return repeat(b, a);
    return undefined;
  }
  if (base === NB_OR && a instanceof PyDict && b instanceof PyDict) {
    const d = dictCopy(a);
    dictMerge(d, b);
    return d;
  }
  return undefined;
}

function inplaceOp(base: number, a: PyValue, b: PyValue, host: Host | undefined): PyValue | undefined {
  if (a instanceof PyList) {
    if (base === NB_ADD) {
      if (!isIterable(b)) typeError(`'${typeName(b)}' object is not iterable`);
      appendAll(a.items, collect(b, host ?? NO_HOST));
      return a;
    }
    if (base === NB_MULTIPLY) {
      const items = repeatItems(a.items, count(b));
      a.items.length = 0;
      appendAll(a.items, items);
      return a;
    }
  }
  if (base === NB_OR && a instanceof PyDict) {
    dictUpdate(a, b, host ?? NO_HOST);
    return a;
  }
  // CPython tries the right operand's repeat only if the left has no sequence protocol at all.
  if (base === NB_MULTIPLY && (a instanceof PyDict || a instanceof PyRange || a instanceof PyDictView)) return undefined;
  return objectOp(base, a, b);
}

type Sequence = string | PyList | PyTuple;

const isSequence = (v: PyValue): v is Sequence => typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;

/** @spec #str-ops */
function concat(a: PyValue, b: PyValue): PyValue | undefined {
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    return typeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (a instanceof PyList) {
    if (b instanceof PyList) return new PyList(a.items.concat(b.items));
    return typeError(`can only concatenate list (not "${typeName(b)}") to list`);
  }
  if (a instanceof PyTuple) {
    if (b instanceof PyTuple) return b.items.length === 0 ? a : a.items.length === 0 ? b : new PyTuple(a.items.concat(b.items));
    return typeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
  }
  return undefined;
}

/** The repeat count: an int (or bool) that fits a C ssize_t; negative counts mean 0. */
function count(n: PyValue): number {
  const i = asInt(n);
  if (i === undefined) typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  if (typeof i === 'bigint') {
    if (i > 2n ** 63n - 1n) raise(OverflowError, "cannot fit 'int' into an index-sized integer");
    if (i < -(2n ** 63n)) raise(OverflowError, "cannot fit 'int' into an index-sized integer");
    return i < 0n ? 0 : Infinity;
  }
  return i < 0 ? 0 : i;
}

function repeatItems(items: readonly PyValue[], n: number): PyValue[] {
  if (n === 0 || items.length === 0) return [];
  if (items.length * n > MAX_REPEAT) throw newException(MemoryError);
  // Doubling by concat: `[0] * n` is how programs make arrays, and the result stays a packed array
  // (V8's fast kind, which `new Array(n).fill(v)` would not be) at a third less than pushing.
  const total = items.length * n;
  let out = items.slice();
  while (out.length * 2 <= total) out = out.concat(out);
  if (out.length < total) out = out.concat(out.slice(0, total - out.length));
  return out;
}

function repeat(seq: Sequence, times: PyValue): PyValue {
  const n = count(times);
  if (typeof seq === 'string') {
    if (n === 0 || seq.length === 0) return '';
    if (seq.length * n > MAX_REPEAT) throw newException(MemoryError);
    return seq.repeat(n);
  }
  // tuple * 1 is the tuple itself, as in CPython.
  if (seq instanceof PyTuple && (n === 1 || seq.items.length === 0)) return seq;
  const items = repeatItems(seq.items, n);
  return seq instanceof PyList ? new PyList(items) : new PyTuple(items);
}

function unsupported(op: number, a: PyValue, b: PyValue): never {
  const sym = op === NB_POWER ? '** or pow()' : BINARY_OPS[op];
  return typeError(`unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}
