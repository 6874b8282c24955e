/**
 * The side-by-side walk's short cut for the objects most states are made of (floats, lists,
 * tuples, dicts, functions, cells, range and sequence iterators): their parts compared in place,
 * in the order shape.ts describes them, instead of recording both as tokens first. The verdict is
 * the token records' (paired.ts): the same parts, the same comparison of each, and every object
 * paired in the same order. Anything else, or a part no record would hold as a value (a JS
 * function, a symbol), is left to the records: null.
 * @spec #interpreter-state
 */
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { PyCell } from '../runtime/cell';
import { PyDict, PyFloat, PyFunction, PyGenerator, PyList, PyRange, PyRangeIterator, PySeqIterator, PyTuple, type PyObject } from '../runtime/values';
import type { Pairing } from './paired';
import { chainOutermostFirst, chainTops } from './frames';
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
  [
    PyRange.prototype,
    (r: PyRange, l: PyRange) =>
      anInt(r.start) && anInt(r.stop) && anInt(r.step) && anInt(l.start) && anInt(l.stop) && anInt(l.step) &&
      String(r.start) === String(l.start) && String(r.stop) === String(l.stop) && String(r.step) === String(l.step),
  ],
  [PyGenerator.prototype, (r: PyGenerator, l: PyGenerator, p: Pairing) => sameGenerators(r, l, p)],
]);

/** A generator's frame as describing it reads it: none while it runs (the frame is on the stack then). */
function generatorFrame(g: PyGenerator): Frame | null {
  const f = (g.state === 'running' ? null : g.frame) as Frame | null;
  if (f && (f.code === null || f.code === undefined || !Array.isArray(f.locals) || !Array.isArray(f.stack))) throw LEAVE_TO_RECORDS;
  return f || null;
}

function sameGenerators(r: PyGenerator, l: PyGenerator, pairing: Pairing): boolean {
  const rf = generatorFrame(r);
  const lf = generatorFrame(l);
  if (!sameToken(r.name, l.name) || !sameToken(r.state, l.state) || !sameValue(r.handled, l.handled, pairing)) return false;
  if (rf === null || lf === null) return rf === lf;
  return sameFrames(rf, lf, pairing, pairing.tracksIdentity);
}

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

/** Each chain's frames, outermost first, when every one can be described; else LEAVE_TO_RECORDS. */
function chainsOf(vm: Vm): Frame[][] {
  const chains = chainTops(vm).map(chainOutermostFirst);
  for (const frames of chains) {
    for (const f of frames) {
      if (f.code === null || f.code === undefined || !Array.isArray(f.locals) || !Array.isArray(f.stack)) throw LEAVE_TO_RECORDS;
    }
  }
  return chains;
}

function sameFrames(r: Frame, l: Frame, pairing: Pairing, identity: boolean): boolean {
  if (identity && !pairing.sameOrigin(r, l)) return false;
  if (!sameToken(r.code, l.code)) return false;
  if ((r.ops === r.code.ops && r.args === r.code.args) !== (l.ops === l.code.ops && l.args === l.code.args)) return false;
  if (!sameToken(r.ip, l.ip) || !sameToken(r.forIterExit, l.forIterExit) || !sameToken(r.entry, l.entry)) return false;
  if (r.locals.length !== l.locals.length) return false;
  for (let i = 0; i < r.locals.length; i++) if (!sameValue(r.locals[i], l.locals[i], pairing)) return false;
  if (r.stack.length !== l.stack.length) return false;
  for (let i = 0; i < r.stack.length; i++) if (!sameValue(r.stack[i], l.stack[i], pairing)) return false;
  return true;
}

function sameRoots(reference: Vm, actual: Vm, pairing: Pairing, identity: boolean): boolean {
  if (!(reference.globals instanceof Map) || !(actual.globals instanceof Map)) throw LEAVE_TO_RECORDS;
  if (reference.excBase === null || typeof reference.excBase !== 'object' || actual.excBase === null || typeof actual.excBase !== 'object') throw LEAVE_TO_RECORDS;
  const rc = chainsOf(reference);
  const lc = chainsOf(actual);
  // Where the chains are not as many, the records' frame counts may line up otherwise: they decide.
  if (rc.length !== lc.length) throw LEAVE_TO_RECORDS;
  for (let c = 0; c < rc.length; c++) {
    const rf = rc[c]!;
    const lf = lc[c]!;
    if (rf.length !== lf.length) return false;
    for (let i = 0; i < rf.length; i++) if (!sameFrames(rf[i]!, lf[i]!, pairing, identity)) return false;
  }
  if (reference.globals.size !== actual.globals.size) return false;
  const rk = [...reference.globals.keys()].sort();
  const lk = [...actual.globals.keys()].sort();
  for (let i = 0; i < rk.length; i++) {
    if (!sameToken(rk[i], lk[i])) return false;
    if (!sameValue(reference.globals.get(rk[i]!), actual.globals.get(lk[i]!), pairing)) return false;
  }
  return sameValue(reference.excBase.handled, actual.excBase.handled, pairing);
}

/**
 * The roots (every chain's frames, the globals by name, the handled exception) compared in place,
 * as walkRoots records them, pairing the objects they hold in the records' order; null when the
 * records must decide (a part that is not a value, chains not as many, a frame or namespace that
 * describing would trip over).
 */
export function sameRootsDirectly(reference: Vm, actual: Vm, pairing: Pairing, identity: boolean): boolean | null {
  try {
    return sameRoots(reference, actual, pairing, identity);
  } catch (e) {
    if (e === LEAVE_TO_RECORDS) return null;
    throw e;
  }
}
