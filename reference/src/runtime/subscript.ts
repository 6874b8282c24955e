/** Subscripts and slices: BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, BINARY_SLICE, STORE_SLICE. */
import { asInt } from './args';
import { dictDelete, dictGetItem, dictSet } from './dict';
import { raise, typeError } from './exceptions';
import { intAdd } from './intops';
import { appendAll, collect, isIterable } from './iter';
import { NO_HOST } from './nohost';
import { rangeItem, rangeLength, rangeSlice } from './rangeops';
import { sliceIndices } from './sliceops';
import { codePoints, hasSurrogates } from './strings';
import { IndexError, ValueError, typeName } from './types';
import {
  PyDict, PyDictView, PyList, PyRange, PySlice, PyTuple, PyType, type Host, type PyValue,
} from './values';

const SSIZE_MAX = 2n ** 63n - 1n;

/**
 * Normalize a sequence index: negative counts from the end; IndexError(`message`) outside.
 * Ints that do not fit a C ssize_t fail like CPython ("cannot fit 'int' into an index-sized integer").
 * @spec #sequence-index
 */
function seqIndex(i: number | bigint, length: number, message: string): number {
  if (typeof i === 'bigint') {
    if (i > SSIZE_MAX || i < -SSIZE_MAX - 1n) raise(IndexError, "cannot fit 'int' into an index-sized integer");
    raise(IndexError, message);
  }
  const k = i < 0 ? i + length : i;
  if (k < 0 || k >= length) raise(IndexError, message);
  return k;
}

function indexTypeError(container: PyValue, key: PyValue): never {
  if (typeof container === 'string') typeError(`string indices must be integers, not '${typeName(key)}'`);
  return typeError(`${typeName(container)} indices must be integers or slices, not ${typeName(key)}`);
}

/** container[key]. @spec #op-BINARY_SUBSCR */
export function getItem(container: PyValue, key: PyValue): PyValue {
  if (container instanceof PyList || container instanceof PyTuple) {
    const items = container.items;
    const i = asInt(key);
    if (i !== undefined) return items[seqIndex(i, items.length, `${typeName(container)} index out of range`)]!;
    if (key instanceof PySlice) return sliceSeq(container, key);
    return indexTypeError(container, key);
  }
  if (container instanceof PyDict) return dictGetItem(container, key);
  if (typeof container === 'string') {
    const i = asInt(key);
    if (i !== undefined) {
      if (!hasSurrogates(container)) return container[seqIndex(i, container.length, 'string index out of range')]!;
      const cps = codePoints(container);
      return cps[seqIndex(i, cps.length, 'string index out of range')]!;
    }
    if (key instanceof PySlice) return sliceStr(container, key);
    return indexTypeError(container, key);
  }
  if (container instanceof PyRange) return rangeGetItem(container, key);
  if (container instanceof PyType) return typeError(`type '${container.name}' is not subscriptable`);
  return typeError(`'${typeName(container)}' object is not subscriptable`);
}

function sliceSeq(seq: PyList | PyTuple, s: PySlice): PyValue {
  const items = seq.items;
  const [start, , step, n] = sliceIndices(s, items.length);
  // A full tuple slice is the tuple itself, as in CPython (visible through `is`).
  if (seq instanceof PyTuple && step === 1 && n === items.length) return seq;
  const out = step === 1 ? items.slice(start, start + n) : pick(items, start, step, n);
  return seq instanceof PyList ? new PyList(out) : new PyTuple(out);
}

function pick<T>(items: readonly T[], start: number, step: number, n: number): T[] {
  const out: T[] = new Array<T>(n);
  for (let k = 0, i = start; k < n; k++, i += step) out[k] = items[i]!;
  return out;
}

function sliceStr(str: string, s: PySlice): string {
  const cps = hasSurrogates(str) ? codePoints(str) : null;
  const len = cps ? cps.length : str.length;
  const [start, , step, n] = sliceIndices(s, len);
  if (step === 1) return cps ? cps.slice(start, start + n).join('') : str.slice(start, start + n);
  return pick(cps ?? str.split(''), start, step, n).join('');
}

function rangeGetItem(r: PyRange, key: PyValue): PyValue {
  const i = asInt(key);
  if (i !== undefined) {
    const n = rangeLength(r);
    const k = i < 0 ? intAdd(i, n) : i;
    if (k < 0 || k >= n) raise(IndexError, 'range object index out of range');
    return rangeItem(r, k);
  }
  if (key instanceof PySlice) return rangeSlice(r, key);
  return typeError(`range indices must be integers or slices, not ${typeName(key)}`);
}

/** container[start:stop] (BINARY_SLICE; None bounds). @spec #op-BINARY_SLICE */
export function getSlice(container: PyValue, start: PyValue, stop: PyValue): PyValue {
  return getItem(container, new PySlice(start, stop, null));
}

/** container[key] = value. `host` is needed only to consume a generator assigned to a slice. @spec #op-STORE_SUBSCR */
export function setItem(container: PyValue, key: PyValue, value: PyValue, host?: Host): void {
  if (container instanceof PyDict) return dictSet(container, key, value);
  if (container instanceof PyList) {
    const i = asInt(key);
    if (i !== undefined) {
      container.items[seqIndex(i, container.items.length, 'list assignment index out of range')] = value;
      return;
    }
    if (key instanceof PySlice) return assignSlice(container, key, value, host);
    return indexTypeError(container, key);
  }
  return unsupportedItem(container, key, 'assignment');
}

/**
 * PyObject_SetItem/DelItem on a type without item assignment. Sequence-like types first convert
 * an int key (so a huge one fails as IndexError) and then use PySequence_*'s wording.
 */
function unsupportedItem(container: PyValue, key: PyValue, what: 'assignment' | 'deletion'): never {
  const seqLike = typeof container === 'string' || container instanceof PyTuple || container instanceof PyRange ||
    container instanceof PyDictView;
  const i = seqLike ? asInt(key) : undefined;
  if (i !== undefined) {
    if (typeof i === 'bigint' && (i > SSIZE_MAX || i < -SSIZE_MAX - 1n)) {
      raise(IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (what === 'deletion') typeError(`'${typeName(container)}' object doesn't support item deletion`);
  }
  return typeError(`'${typeName(container)}' object does not support item ${what}`);
}

/** container[start:stop] = value. @spec #op-STORE_SLICE */
export function setSlice(container: PyValue, start: PyValue, stop: PyValue, value: PyValue, host?: Host): void {
  setItem(container, new PySlice(start, stop, null), value, host);
}

/** list[slice] = iterable (list_ass_subscript). @spec #slicing */
function assignSlice(list: PyList, s: PySlice, value: PyValue, host: Host | undefined): void {
  const items = list.items;
  let [start, stop, step, n] = sliceIndices(s, items.length);
  // Copy the source first: it may be the list itself.
  if (!isIterable(value)) typeError('must assign iterable to extended slice');
  const seq = collect(value, host ?? NO_HOST);
  if (step === 1) {
    if (stop < start) stop = start;
    // No spread: huge sequences would overflow the JS stack.
    const tail = items.slice(stop);
    items.length = start;
    appendAll(items, seq);
    appendAll(items, tail);
    return;
  }
  if (seq.length !== n) {
    raise(ValueError, `attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
  }
  for (let k = 0, i = start; k < n; k++, i += step) items[i] = seq[k]!;
}

/** del container[key]. @spec #op-DELETE_SUBSCR */
export function delItem(container: PyValue, key: PyValue): void {
  if (container instanceof PyDict) return dictDelete(container, key);
  if (container instanceof PyList) {
    const items = container.items;
    const i = asInt(key);
    if (i !== undefined) {
      items.splice(seqIndex(i, items.length, 'list assignment index out of range'), 1);
      return;
    }
    if (key instanceof PySlice) return deleteSlice(container, key);
    return indexTypeError(container, key);
  }
  return unsupportedItem(container, key, 'deletion');
}

function deleteSlice(list: PyList, s: PySlice): void {
  const [start, , step, n] = sliceIndices(s, list.items.length);
  if (n === 0) return;
  if (step === 1) {
    list.items.splice(start, n);
    return;
  }
  // Compact in place, keeping the items array (others may hold it).
  const items = list.items;
  const lo = step > 0 ? start : start + (n - 1) * step;
  const stride = Math.abs(step);
  let w = lo;
  for (let r = lo; r < items.length; r++) {
    if (r >= lo && (r - lo) % stride === 0 && (r - lo) / stride < n) continue;
    items[w++] = items[r]!;
  }
  items.length = w;
}

