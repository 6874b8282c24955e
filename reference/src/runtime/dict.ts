/**
 * Dict keys. `keyOf` maps values that compare equal and hash alike in CPython to one string:
 * 1, 1.0 and True share a key; 'a' and 1 never collide. Non-string keys are self-delimiting so
 * tuple keys can concatenate their items' keys.
 * @spec #dict-key-equality
 */
import { copyEntries, insertEntry, mergeEntries, removeEntry } from './dicttable';
import { keyError, typeError } from './exceptions';
import { isSafe } from './intops';
import { rangeLength } from './rangeops';
import { typeName } from './types';
import {
  PyBoundMethod, PyDict, PyDictView, PyFloat, PyList, PyObject, PyRange, PySlice, PyTuple, type PyValue,
} from './values';

const ids = new WeakMap<object, number>();
let nextId = 1;

/**
 * A copy of the VM state (the advance-N oracle's) stands for the same objects: the copy of an
 * object keeps its identity number, so the copied dicts' identity keys (nan, functions) still
 * find their entries.
 */
export function inheritObjectId(original: object, copy: object): void {
  const id = ids.get(original);
  if (id !== undefined) ids.set(copy, id);
}

/** A stable identity number for an object (CPython's id(), minus the address). */
export function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/** @spec #dict-key-equality */
export function keyOf(v: PyValue): string {
  return typeof v === 'string' ? 's' + v : partKey(v);
}

/** Like keyOf, but strings are length-prefixed so that the result is self-delimiting. */
function partKey(v: PyValue): string {
  switch (typeof v) {
    case 'string':
      return `s${v.length}:${v}`;
    case 'number':
    case 'bigint':
      return `i${v};`;
    case 'boolean':
      return v ? 'i1;' : 'i0;';
    default:
      return v === null ? 'N' : objectKey(v);
  }
}

function objectKey(v: PyObject): string {
  if (v instanceof PyFloat) return floatKey(v);
  if (v instanceof PyTuple) return `t(${v.items.map(partKey).join('')})`;
  if (v instanceof PyList || v instanceof PyDict || (v instanceof PyDictView && v.what !== 'values')) {
    typeError(`unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PyRange) return rangeKey(v);
  if (v instanceof PySlice) return `S${partKey(v.start)}${partKey(v.stop)}${partKey(v.step)}`;
  if (v instanceof PyBoundMethod) return `m${identityKey(v.self)}${identityKey(v.func)}`;
  if (v.hash && v.equals) return protocolKey(v);
  return identityKey(v);
}

/** Objects with the hash/equals protocol (code objects): equal objects share the first one's key. */
const protocolBuckets = new Map<number | bigint, PyObject[]>();

function protocolKey(v: PyObject): string {
  const h = v.hash!();
  let bucket = protocolBuckets.get(h);
  if (!bucket) protocolBuckets.set(h, (bucket = []));
  let i = bucket.findIndex((o) => o === v || v.equals!(o));
  if (i < 0) i = bucket.push(v) - 1;
  return `h${h}.${i};`;
}

/** Integral floats hash like the int; nan hashes by identity (as in CPython 3.10+). */
function floatKey(f: PyFloat): string {
  const x = f.value;
  if (Number.isNaN(x)) return identityKey(f);
  if (Number.isInteger(x)) return isSafe(x) ? `i${x + 0};` : `i${BigInt(x)};`;
  return `f${x};`;
}

/** Ranges compare as sequences: equal length, and equal start/step where they matter. */
function rangeKey(r: PyRange): string {
  const n = rangeLength(r);
  if (n === 0) return 'r0;';
  if (n === 1) return `r1;${r.start};`;
  return `r${n};${r.start};${r.step};`;
}

function identityKey(v: PyValue): string {
  return v !== null && typeof v === 'object' ? `o${objectId(v)};` : partKey(v);
}

/** @spec #dict-ops */
export function dictGet(d: PyDict, key: PyValue): PyValue | undefined {
  return d.entries.get(keyOf(key))?.value;
}

/** d[key] = value; an existing entry keeps its original key object and position. @spec #dict-ops */
export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const k = keyOf(key);
  const e = d.entries.get(k);
  if (e) e.value = value;
  else insertEntry(d, k, key, value);
}

/** d[key], KeyError(key) if missing. @spec #dict-ops */
export function dictGetItem(d: PyDict, key: PyValue): PyValue {
  const e = d.entries.get(keyOf(key));
  if (!e) keyError(key);
  return e.value;
}

/** del d[key], KeyError(key) if missing. @spec #dict-ops */
export function dictDelete(d: PyDict, key: PyValue): void {
  if (!removeEntry(d, keyOf(key))) keyError(key);
}

/** @spec #dict-ops */
export function dictContains(d: PyDict, key: PyValue): boolean {
  return d.entries.has(keyOf(key));
}

/** @spec #methods-dict */
export function dictCopy(d: PyDict): PyDict {
  return copyEntries(d, dictSet);
}

/** dict.update(other) for another dict. @spec #methods-dict */
export function dictMerge(d: PyDict, other: PyDict): void {
  mergeEntries(d, other, dictSet);
}
