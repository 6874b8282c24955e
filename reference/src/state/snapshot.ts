/**
 * A deep, plain-data snapshot of the whole VM state. Objects get canonical ids in the order a
 * fixed traversal first meets them, so two states with the same shape and the same aliasing
 * have equal snapshots.
 * @spec #interpreter-state
 */
import { PyCode } from '../isa/code';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import {
  PyBoundMethod, PyBuiltin, PyDict, PyDictIterator, PyDictView, PyEnumerate, PyException, PyFloat, PyFunction,
  PyFilter, PyGenerator, PyList, PyMap, PyRange, PyRangeIterator, PyReversed, PySeqIterator, PySlice, PyTuple, PyType,
  PyZip, type PyObject, type Slot,
} from '../runtime/values';

export type ValueNode =
  | { readonly t: 'NULL' }
  | { readonly t: 'None' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int'; readonly v: string }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'ref'; readonly id: number };

export interface FrameNode {
  readonly code: string;
  readonly ip: number;
  readonly locals: readonly ValueNode[];
  readonly stack: readonly ValueNode[];
}

export interface HeapNode {
  readonly kind: string;
  /** Scalar facts (float value, generator state, names). */
  readonly props: Readonly<Record<string, string | number | boolean | null>>;
  /** Referenced values, by field name. */
  readonly slots: Readonly<Record<string, ValueNode>>;
  readonly items?: readonly ValueNode[];
  readonly frame?: FrameNode | null;
}

export interface StateSnapshot {
  /** Frame chains: first the chains suspended under nested runs, then the running chain; each outermost first. */
  readonly frames: readonly FrameNode[];
  readonly globals: Readonly<Record<string, ValueNode>>;
  readonly handled: ValueNode;
  readonly output: string;
  readonly heap: readonly HeapNode[];
}

function chain(top: Frame | null): Frame[] {
  const out: Frame[] = [];
  for (let f = top; f; f = f.back) out.unshift(f);
  return out;
}

export function snapshot(vm: Vm): StateSnapshot {
  const ids = new Map<object, number>();
  const heap: HeapNode[] = [];

  const value = (v: Slot): ValueNode => {
    if (v === undefined) return { t: 'NULL' };
    if (v === null) return { t: 'None' };
    switch (typeof v) {
      case 'boolean':
        return { t: 'bool', v };
      case 'number':
      case 'bigint':
        return { t: 'int', v: String(v) };
      case 'string':
        return { t: 'str', v };
    }
    return { t: 'ref', id: object(v) };
  };

  const frame = (f: Frame): FrameNode => ({
    code: f.code.name,
    ip: f.ip,
    locals: f.locals.map(value),
    stack: f.stack.map(value),
  });

  const object = (o: PyObject): number => {
    const known = ids.get(o);
    if (known !== undefined) return known;
    const id = heap.length;
    ids.set(o, id);
    heap.push({ kind: o.kind, props: {}, slots: {} });
    heap[id] = describe(o);
    return id;
  };

  const describe = (o: PyObject): HeapNode => {
    const node = (props: HeapNode['props'], slots: HeapNode['slots'] = {}, items?: ValueNode[], fr?: FrameNode | null): HeapNode => ({
      kind: o.kind, props, slots, ...(items ? { items } : {}), ...(fr !== undefined ? { frame: fr } : {}),
    });
    if (o instanceof PyFloat) return node({ value: Object.is(o.value, -0) ? '-0' : String(o.value) });
    if (o instanceof PyList || o instanceof PyTuple) return node({}, {}, o.items.map(value));
    if (o instanceof PyDict) {
      const items: ValueNode[] = [];
      for (const e of o.entries.values()) items.push(value(e.key), value(e.value));
      return node({}, {}, items);
    }
    if (o instanceof PyRange) return node({ start: String(o.start), stop: String(o.stop), step: String(o.step) });
    if (o instanceof PySlice) return node({}, { start: value(o.start), stop: value(o.stop), step: value(o.step) });
    if (o instanceof PyFunction) return node({ name: o.name, code: o.code.name }, { defaults: value(o.defaults) });
    if (o instanceof PyCode) return node({ code: o.code.name });
    if (o instanceof PyBuiltin) return node({ name: o.name });
    if (o instanceof PyType) return node({ name: o.name });
    if (o instanceof PyBoundMethod) return node({ name: o.func.name }, { self: value(o.self) });
    if (o instanceof PyException) {
      return node({ type: o.type.name }, { args: value(o.args), cause: value(o.cause), context: value(o.context), value: value(o.value) });
    }
    if (o instanceof PyGenerator) {
      const f = o.frame as Frame;
      const running = o.state === 'running';
      return node({ name: o.name, state: o.state }, { handled: value(o.handled) }, undefined, running ? null : frame(f));
    }
    if (o instanceof PySeqIterator) return node({ index: o.index }, { seq: value(o.seq) });
    if (o instanceof PyRangeIterator) return node({ next: String(o.next), stop: String(o.stop), step: String(o.step) });
    if (o instanceof PyDictIterator) return node({ index: o.index, what: o.what, size: o.size }, { dict: value(o.dict) });
    if (o instanceof PyDictView) return node({ what: o.what }, { dict: value(o.dict) });
    if (o instanceof PyEnumerate) return node({ count: String(o.count) }, { iter: value(o.iter) });
    if (o instanceof PyZip) return node({}, {}, o.iters.map(value));
    if (o instanceof PyReversed) return node({ index: o.index }, { seq: value(o.seq) });
    if (o instanceof PyMap) return node({}, { func: value(o.func) }, o.iters.map(value));
    if (o instanceof PyFilter) return node({}, { func: value(o.func), iter: value(o.iter) });
    const fields: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(o)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v as never;
    return node(fields);
  };

  const frames = [...vm.suspendedChains.flatMap((top) => chain(top)), ...chain(vm.frame)].map(frame);
  const globals: Record<string, ValueNode> = {};
  for (const [k, v] of vm.globals) globals[k] = value(v);
  const handled = value(vm.excBase.handled);
  return { frames, globals, handled, output: vm.output.join(''), heap };
}
