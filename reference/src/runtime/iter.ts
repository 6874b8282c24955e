/** The iterator protocol for builtin iterables; generators run through host.resume. */
import { callValue } from './callkey';
import { newException, raise, typeError } from './exceptions';
import { intAdd } from './intops';
import { rangeLength } from './rangeops';
import { hasSurrogates } from './strings';
import { MemoryError, OverflowError, RuntimeError, ValueError, typeName } from './types';
import { truthy } from './unary';
import { PySet, PySetIterator, setIterNext } from './setobject';
import {
  PyDict, PyDictIterator, PyDictView, PyEnumerate, PyFilter, PyGenerator, PyList, PyMap, PyRange, PyRangeIterator,
  PyReversed, PySeqIterator, PyTuple, PyZip, type Host, type PyValue,
} from './values';

/**
 * Exhausted sequence iterators park here so that later appends are not seen (as CPython); public
 * because a JIT that inlines list iteration must park them the same way.
 */
export const SEQ_ITER_EXHAUSTED = -1;

/** Longest list a range may be materialized into (CPython would need gigabytes past this). */
const MAX_MATERIALIZE = 2 ** 27;
const SSIZE_MAX = 2n ** 63n - 1n;

/** @spec #builtin-next */
export function isIterator(v: PyValue): boolean {
  return v instanceof PySeqIterator || v instanceof PyRangeIterator || v instanceof PyDictIterator ||
    v instanceof PyGenerator || v instanceof PyEnumerate || v instanceof PyZip || v instanceof PyReversed ||
    v instanceof PyMap || v instanceof PyFilter || v instanceof PySetIterator;
}

/** @spec #op-GET_ITER */
export function isIterable(v: PyValue): boolean {
  return v instanceof PyList || v instanceof PyTuple || typeof v === 'string' || v instanceof PyRange ||
    v instanceof PyDict || v instanceof PyDictView || v instanceof PySet || isIterator(v);
}

/** iter(v). @spec #op-GET_ITER */
export function getIter(v: PyValue): PyValue {
  if (v instanceof PyList || v instanceof PyTuple || typeof v === 'string') return new PySeqIterator(v);
  if (v instanceof PyRange) return new PyRangeIterator(v.start, v.stop, v.step);
  if (v instanceof PyDict) return new PyDictIterator(v, 'keys', v.entries.size);
  if (v instanceof PyDictView) return new PyDictIterator(v.dict, v.what, v.dict.entries.size);
  if (v instanceof PySet) return new PySetIterator(v);
  if (isIterator(v)) return v;
  return typeError(`'${typeName(v)}' object is not iterable`);
}

/**
 * next(it), or undefined when exhausted. A generator's return value is dropped here; next()
 * (builtins.ts) resumes generators itself to keep it.
 * @spec #op-FOR_ITER
 */
export function iterNext(it: PyValue, host: Host): PyValue | undefined {
  if (it instanceof PySeqIterator) return seqNext(it);
  if (it instanceof PyRangeIterator) return rangeNext(it);
  if (it instanceof PyGenerator) {
    const r = host.resume(it, null);
    return r.done ? undefined : r.value;
  }
  if (it instanceof PyDictIterator) return dictNext(it);
  if (it instanceof PyEnumerate) {
    const item = iterNext(it.iter, host);
    if (item === undefined) return undefined;
    const r = new PyTuple([it.count, item]);
    it.count = intAdd(it.count, 1);
    return r;
  }
  if (it instanceof PyZip) return zipNext(it, host);
  if (it instanceof PyReversed) return reversedNext(it);
  if (it instanceof PyMap) return mapNext(it, host);
  if (it instanceof PyFilter) return filterNext(it, host);
  if (it instanceof PySetIterator) return setIterNext(it);
  return typeError(`'${typeName(it)}' object is not an iterator`);
}

/** Index-based, so a list iterator sees items appended during the loop. */
function seqNext(it: PySeqIterator): PyValue | undefined {
  const i = it.index;
  if (i === SEQ_ITER_EXHAUSTED) return undefined;
  const seq = it.seq;
  if (typeof seq === 'string') {
    if (i >= seq.length) {
      it.index = SEQ_ITER_EXHAUSTED;
      return undefined;
    }
    // The index counts UTF-16 units; an astral character advances it by two.
    const c = seq.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    it.index = i + w;
    return w === 1 ? seq[i]! : seq.slice(i, i + 2);
  }
  if (i >= seq.items.length) {
    it.index = SEQ_ITER_EXHAUSTED;
    return undefined;
  }
  it.index = i + 1;
  return seq.items[i]!;
}

function rangeNext(it: PyRangeIterator): PyValue | undefined {
  const v = it.next;
  if (it.step > 0 ? v >= it.stop : v <= it.stop) return undefined;
  it.next = intAdd(v, it.step);
  return v;
}

/**
 * CPython's dictiter_iternext*: the next live slot at or after the iterator's position in the
 * dict's entry array (dicttable.ts), so an item added during the loop is seen only if it lands
 * past that position. A size change raises, and keeps raising; an iterator that finds an item
 * after yielding as many as the dict held raises "keys changed" once, then is exhausted.
 */
function dictNext(it: PyDictIterator): PyValue | undefined {
  if (it.index === SEQ_ITER_EXHAUSTED) return undefined;
  const d = it.dict;
  if (d.entries.size !== it.size) {
    it.size = -1; // sticky, as CPython's di_used = -1
    raise(RuntimeError, 'dictionary changed size during iteration');
  }
  const slots = d.slots;
  let i = it.index;
  while (i < slots.length && slots[i] === undefined) i++;
  const e = slots[i];
  if (e === undefined) {
    it.index = SEQ_ITER_EXHAUSTED;
    return undefined;
  }
  if (it.remaining === 0) {
    it.index = SEQ_ITER_EXHAUSTED;
    raise(RuntimeError, 'dictionary keys changed during iteration');
  }
  it.index = i + 1;
  it.remaining--;
  return it.what === 'keys' ? e.key : it.what === 'values' ? e.value : new PyTuple([e.key, e.value]);
}

function zipNext(z: PyZip, host: Host): PyValue | undefined {
  const n = z.iters.length;
  if (n === 0) return undefined;
  const items: PyValue[] = [];
  for (let i = 0; i < n; i++) {
    const item = iterNext(z.iters[i]!, host);
    if (item === undefined) {
      if (z.strict) zipStrictCheck(z, i, host);
      return undefined;
    }
    items.push(item);
  }
  return new PyTuple(items);
}

/** zip(strict=True): every iterator must run out together. */
function zipStrictCheck(z: PyZip, i: number, host: Host): void {
  const plural = (k: number): string => (k === 1 ? ' ' : 's 1-');
  if (i > 0) raise(ValueError, `zip() argument ${i + 1} is shorter than argument${plural(i)}${i}`);
  for (let k = 1; k < z.iters.length; k++) {
    if (iterNext(z.iters[k]!, host) !== undefined) {
      raise(ValueError, `zip() argument ${k + 1} is longer than argument${plural(k)}${k}`);
    }
  }
}

/** CPython's listreviter_next / reversed_next: a list's current length bounds the index. @spec #builtin-reversed */
function reversedNext(it: PyReversed): PyValue | undefined {
  const i = it.index;
  const seq = it.seq;
  if (typeof seq === 'string') {
    if (i < 0) return undefined;
    const lo = seq.charCodeAt(i);
    const w = i > 0 && lo >= 0xdc00 && lo <= 0xdfff && (seq.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? 2 : 1;
    it.index = i - w;
    return seq.slice(i - w + 1, i + 1);
  }
  if (i >= 0 && i < seq.items.length) {
    it.index = i - 1;
    return seq.items[i]!;
  }
  it.index = -1;
  return undefined;
}

/** The next item of every iterator, in order (stop at the first exhausted one), then func(*items). @spec #builtin-map */
function mapNext(m: PyMap, host: Host): PyValue | undefined {
  const items: PyValue[] = [];
  for (const it of m.iters) {
    const v = iterNext(it, host);
    if (v === undefined) return undefined;
    items.push(v);
  }
  return callValue(m.func, items, host);
}

/** @spec #builtin-filter */
function filterNext(f: PyFilter, host: Host): PyValue | undefined {
  for (;;) {
    const v = iterNext(f.iter, host);
    if (v === undefined) return undefined;
    if (truthy(f.func === null ? v : callValue(f.func, [v], host))) return v;
  }
}

/** items.push(...more) without spreading (a spread of ~10^5 items overflows the JS stack). */
export function appendAll(items: PyValue[], more: readonly PyValue[]): void {
  for (let i = 0; i < more.length; i++) items.push(more[i]!);
}

/** All items of an iterable, e.g. for list(x) or a *-unpack. @spec #generator-builtin-consume */
export function collect(iterable: PyValue, host: Host): PyValue[] {
  if (iterable instanceof PyList || iterable instanceof PyTuple) return iterable.items.slice();
  if (typeof iterable === 'string') return hasSurrogates(iterable) ? Array.from(iterable) : iterable.split('');
  if (iterable instanceof PyRange) {
    const n = rangeLength(iterable);
    if (n > SSIZE_MAX) raise(OverflowError, 'Python int too large to convert to C ssize_t');
    if (n > MAX_MATERIALIZE) throw newException(MemoryError);
  }
  const it = getIter(iterable);
  const out: PyValue[] = [];
  for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) out.push(v);
  return out;
}
