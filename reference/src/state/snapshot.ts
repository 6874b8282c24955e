/**
 * A deep, plain-data snapshot of the whole VM state. Objects get canonical ids in the order a
 * fixed traversal first meets them, so two states with the same shape and the same aliasing
 * have equal snapshots.
 * @spec #interpreter-state
 */
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import type { PyObject, Slot } from '../runtime/values';
import { framesOutermostFirst } from './frames';
import { describeObject, floatKey, type Scalar } from './shape';

export type ValueNode =
  | { readonly t: 'NULL' }
  | { readonly t: 'None' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int'; readonly v: string }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'ref'; readonly id: number };

export interface FrameNode {
  readonly code: string;
  /** The code object's local names: reports name a local by them; never compared. */
  readonly varnames?: readonly string[];
  readonly ip: number;
  readonly locals: readonly ValueNode[];
  readonly stack: readonly ValueNode[];
  /** Where a FOR_ITER caller continues when this generator frame returns; -1 if none. */
  readonly forIterExit: number;
  /** The entry frame of a run (the entry call, or a builtin's nested run of a generator). */
  readonly entry: boolean;
}

export interface HeapNode {
  readonly kind: string;
  /** Scalar facts (float value, generator state, names). */
  readonly props: Readonly<Record<string, Scalar>>;
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
    varnames: f.code.varnames,
    ip: f.ip,
    locals: f.locals.map(value),
    stack: f.stack.map(value),
    forIterExit: f.forIterExit,
    entry: f.entry,
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
    const props: Record<string, Scalar> = {};
    const slots: Record<string, ValueNode> = {};
    let items: ValueNode[] | undefined;
    let fr: FrameNode | null | undefined;
    describeObject(o, {
      prop: (k, v) => void (props[k] = v),
      float: (v) => void (props.value = floatKey(v)),
      slot: (k, v) => void (slots[k] = value(v)),
      item: (v) => void (items ??= []).push(value(v)),
      frame: (f) => void (fr = f && frame(f)),
    });
    return { kind: o.kind, props, slots, ...(items ? { items } : {}), ...(fr !== undefined ? { frame: fr } : {}) };
  };

  const frames = framesOutermostFirst(vm).map(frame);
  const globals: Record<string, ValueNode> = {};
  for (const [k, v] of vm.globals) globals[k] = value(v);
  const handled = value(vm.excBase.handled);
  return { frames, globals, handled, output: vm.output.join(''), heap };
}
