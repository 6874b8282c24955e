/**
 * The side-by-side walk's short cut for the objects most states are made of (floats, lists,
 * tuples, dicts, functions, cells, range and sequence iterators): their parts compared in place,
 * in the order shape.ts describes them, instead of recording both as tokens first. The verdict is
 * the token records' (paired.ts): the same parts, the same comparison of each, and every object
 * paired in the same order. Anything else, or a part no record would hold as a value (a JS
 * function, a symbol), is left to the records: null.
 * @spec #interpreter-state
 */
import { PyCell } from '../runtime/cell';
import { PyDict, PyFloat, PyFunction, PyList, PyRangeIterator, PySeqIterator, PyTuple, type PyObject } from '../runtime/values';
import type { Pairing } from './paired';
import { lookupOrderIfNotSlotOrder } from './shape';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** A value's tag in a token record (tokens.ts): NULL, NONE, BOOL, INT, STR; objects are paired. */
const NOT_A_VALUE = -1;

function tagOf(v: unknown): number {
  switch (typeof v) {
    case 'undefined':
      return 0;
    case 'boolean':
      return 2;
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'object':
      return v === null ? 1 : 5;
    default:
      return NOT_A_VALUE;
  }
}

/** Two tokens compared as the records compare them: Object.is on numbers, === on everything else. */
export function sameToken(x: unknown, y: unknown): boolean {
  return x !== y ? x !== x && y !== y : !(x === 0 && 1 / (x as number) !== 1 / (y as number));
}

/** An int's payload as the records hold it: a bigint only outside the safe range, as its digits. */
const intPayload = (v: number | bigint): number | string => (typeof v === 'bigint' ? (v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : String(v)) : v);

/** Thrown out of a comparison when a part is no value a record holds: the records decide then. */
const LEAVE_TO_RECORDS = Symbol('leave to the records');

/** Two slots' values: tags and payloads as the records compare them, objects paired. */
function sameValue(x: unknown, y: unknown, pairing: Pairing): boolean {
  const tx = tagOf(x);
  const ty = tagOf(y);
  if (tx === NOT_A_VALUE || ty === NOT_A_VALUE) throw LEAVE_TO_RECORDS;
  if (tx !== ty) return false;
  if (tx === 5) return pairing.pair(x as object, y as object);
  if (tx === 3) return sameToken(intPayload(x as number | bigint), intPayload(y as number | bigint));
  return tx <= 1 || sameToken(x, y);
}

function sameItems(a: unknown, b: unknown, pairing: Pairing): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) throw LEAVE_TO_RECORDS;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], pairing)) return false;
  return true;
}

type Parts = (r: never, l: never, pairing: Pairing) => boolean;

/** By prototype: each is the branch of describeObject that objects of exactly that class take. */
const BY_PROTOTYPE = new Map<object, Parts>([
  [PyFloat.prototype, (r: PyFloat, l: PyFloat) => sameToken(r.value, l.value)],
  [PyList.prototype, (r: PyList, l: PyList, p: Pairing) => sameItems(r.items, l.items, p)],
  [PyTuple.prototype, (r: PyTuple, l: PyTuple, p: Pairing) => sameItems(r.items, l.items, p)],
  [
    PyFunction.prototype,
    (r: PyFunction, l: PyFunction, p: Pairing) =>
      describable(r.code) &&
      describable(l.code) &&
      sameToken(r.name, l.name) &&
      sameToken(r.code.name, l.code.name) &&
      sameToken(r.code, l.code) &&
      sameValue(r.defaults, l.defaults, p) &&
      sameValue(r.kwdefaults, l.kwdefaults, p) &&
      sameValue(r.closure, l.closure, p),
  ],
  [PyCell.prototype, (r: PyCell, l: PyCell, p: Pairing) => sameValue(r.contents, l.contents, p)],
  [PySeqIterator.prototype, (r: PySeqIterator, l: PySeqIterator, p: Pairing) => sameToken(r.index, l.index) && sameValue(r.seq, l.seq, p)],
  [
    PyRangeIterator.prototype,
    (r: PyRangeIterator, l: PyRangeIterator) =>
      anInt(r.next) && anInt(r.stop) && anInt(r.step) && anInt(l.next) && anInt(l.stop) && anInt(l.step) &&
      String(r.next) === String(l.next) && String(r.stop) === String(l.stop) && String(r.step) === String(l.step),
  ],
  [PyDict.prototype, (r: PyDict, l: PyDict, p: Pairing) => sameDicts(r, l, p)],
]);

/** Guards: where describing the object would throw, the records are left to throw it. */
function describable(v: unknown): true {
  if (v === null || v === undefined) throw LEAVE_TO_RECORDS;
  return true;
}

function anInt(v: unknown): true {
  if (typeof v !== 'number' && typeof v !== 'bigint') throw LEAVE_TO_RECORDS;
  return true;
}

/** The dict's entry array and lookup map as describing it reads them, or LEAVE_TO_RECORDS. */
function dictParts(d: PyDict): { slots: readonly (PyDict['slots'][number])[]; order: string | null } {
  const slots = d.slots;
  if (!Array.isArray(slots) || !(d.entries instanceof Map)) throw LEAVE_TO_RECORDS;
  for (let i = 0; i < slots.length; i++) if (slots[i] === null) throw LEAVE_TO_RECORDS;
  for (const e of d.entries.values()) if (e === null || e === undefined) throw LEAVE_TO_RECORDS;
  return { slots, order: lookupOrderIfNotSlotOrder(d) };
}

function sameDicts(r: PyDict, l: PyDict, pairing: Pairing): boolean {
  const rp = dictParts(r);
  const lp = dictParts(l);
  if (!sameToken(r.usable, l.usable) || !sameToken(r.log2Size, l.log2Size) || !sameToken(r.strKeys, l.strKeys)) return false;
  const a = rp.slots;
  const b = lp.slots;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!sameValue(x === undefined ? undefined : x.key, y === undefined ? undefined : y.key, pairing)) return false;
    if (!sameValue(x === undefined ? undefined : x.value, y === undefined ? undefined : y.value, pairing)) return false;
  }
  return rp.order === lp.order;
}

/**
 * Whether two objects of one kind have equal parts, pairing the objects they hold; null when the
 * token records must decide (another class, or a part that is not a value).
 */
export function samePartsDirectly(r: PyObject, l: PyObject, pairing: Pairing): boolean | null {
  const proto = Object.getPrototypeOf(r) as object;
  if (Object.getPrototypeOf(l) !== proto) return null;
  const parts = BY_PROTOTYPE.get(proto) as ((r: PyObject, l: PyObject, p: Pairing) => boolean) | undefined;
  if (parts === undefined) return null;
  try {
    return parts(r, l, pairing);
  } catch (e) {
    if (e === LEAVE_TO_RECORDS) return null;
    throw e;
  }
}
