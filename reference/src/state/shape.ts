/**
 * What of each heap object and frame is state: the one table that the snapshot (readable, for
 * differences) and the state tokens (fast, for equality) are both derived from, so they cannot
 * disagree about what two equal states share.
 * @spec #interpreter-state
 */
import { PyCode, type Code } from '../isa/code';
import { PyCell } from '../runtime/cell';
import type { Frame } from '../interp/frame';
import {
  PyBoundMethod, PyBuiltin, PyDict, PyDictIterator, PyDictView, PyEnumerate, PyException, PyFloat, PyFunction,
  PyFilter, PyGenerator, PyList, PyMap, PyRange, PyRangeIterator, PyReversed, PySeqIterator, PySlice, PyTuple, PyType,
  PyZip, type PyObject, type Slot,
} from '../runtime/values';

import { PySet, PySetIterator } from '../runtime/setobject';
import { describeSetObject } from './shape-sets';

export type Scalar = string | number | boolean | null;

/** Receives an object's parts in a fixed order: scalar facts, named references, ordered items, its frame. */
export interface ShapeSink {
  prop(name: string, value: Scalar): void;
  slot(name: string, value: Slot): void;
  item(value: Slot): void;
  /** A float's value (compared as Object.is does: -0 is not 0, NaN is NaN). */
  float(value: number): void;
  /** A generator's frame: null while it runs (the frame is then on the frame stack). */
  frame(f: Frame | null): void;
  /**
   * The code object itself, after its name: the run's code objects are shared by every copy of the
   * state, so an equal-named code object made elsewhere is not the same code (tokens only).
   */
  code?(c: Code): void;
}

/** A float's value as readable state: -0 is not 0, every NaN is one NaN. */
export function floatKey(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

export function describeObject(o: PyObject, s: ShapeSink): void {
  if (o instanceof PyFloat) return s.float(o.value);
  if (o instanceof PyList || o instanceof PyTuple) {
    for (const v of o.items) s.item(v);
    return;
  }
  if (o instanceof PyDict) {
    // The entry array as CPython lays it out (holes included: iteration observes them), and
    // what decides where the next key lands.
    s.prop('usable', o.usable);
    s.prop('log2Size', o.log2Size);
    s.prop('strKeys', o.strKeys);
    for (const e of o.slots) {
      s.item(e === undefined ? undefined : e.key);
      s.item(e === undefined ? undefined : e.value);
    }
    // Lookup order (repr, copies) is the entry array's unless something broke the dict.
    const order = lookupOrderIfNotSlotOrder(o);
    if (order !== null) s.prop('order', order);
    return;
  }
  if (o instanceof PySet || o instanceof PySetIterator) return describeSetObject(o, s);
  if (o instanceof PyRange || o instanceof PyRangeIterator) {
    if (o instanceof PyRange) s.prop('start', String(o.start));
    else s.prop('next', String(o.next));
    s.prop('stop', String(o.stop));
    return s.prop('step', String(o.step));
  }
  if (o instanceof PySlice) {
    s.slot('start', o.start);
    s.slot('stop', o.stop);
    return s.slot('step', o.step);
  }
  if (o instanceof PyFunction) {
    s.prop('name', o.name);
    s.prop('code', o.code.name);
    s.code?.(o.code);
    s.slot('defaults', o.defaults);
    /** @spec #call-kwdefaults */
    s.slot('kwdefaults', o.kwdefaults);
    return s.slot('closure', o.closure);
  }
  /** @spec #closure-state */
  if (o instanceof PyCell) return s.slot('contents', o.contents);
  if (o instanceof PyCode) {
    s.prop('code', o.code.name);
    return s.code?.(o.code);
  }
  if (o instanceof PyBuiltin || o instanceof PyType) return s.prop('name', o.name);
  if (o instanceof PyBoundMethod) {
    s.prop('name', o.func.name);
    return s.slot('self', o.self);
  }
  if (o instanceof PyException) {
    s.prop('type', o.type.name);
    s.slot('args', o.args);
    s.slot('cause', o.cause);
    s.slot('context', o.context);
    return s.slot('value', o.value);
  }
  if (o instanceof PyGenerator) {
    s.prop('name', o.name);
    s.prop('state', o.state);
    s.slot('handled', o.handled);
    return s.frame(o.state === 'running' ? null : (o.frame as Frame));
  }
  if (o instanceof PySeqIterator || o instanceof PyReversed) {
    s.prop('index', o.index);
    return s.slot('seq', o.seq);
  }
  if (o instanceof PyDictIterator || o instanceof PyDictView) {
    if (o instanceof PyDictIterator) {
      s.prop('index', o.index);
      s.prop('size', o.size);
      s.prop('remaining', o.remaining);
    }
    s.prop('what', o.what);
    return s.slot('dict', o.dict);
  }
  if (o instanceof PyEnumerate) {
    s.prop('count', String(o.count));
    return s.slot('iter', o.iter);
  }
  if (o instanceof PyZip) {
    for (const it of o.iters) s.item(it);
    return;
  }
  if (o instanceof PyMap) {
    s.slot('func', o.func);
    for (const it of o.iters) s.item(it);
    return;
  }
  if (o instanceof PyFilter) {
    s.slot('func', o.func);
    return s.slot('iter', o.iter);
  }
  // Any other kind: its scalar fields, in declaration order.
  for (const [k, v] of Object.entries(o)) if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') s.prop(k, v);
}

/** Null when the lookup map lists the entries in array order, each at its own slot; else that order. */
export function lookupOrderIfNotSlotOrder(d: PyDict): string | null {
  let last = -1;
  let consistent = true;
  for (const e of d.entries.values()) {
    if (e.slot <= last || d.slots[e.slot] !== e) {
      consistent = false;
      break;
    }
    last = e.slot;
  }
  return consistent ? null : [...d.entries.values()].map((e) => (d.slots[e.slot] === e ? e.slot : `${e.slot}?`)).join(',');
}
