/**
 * Python values as the reference VM represents them.
 * None is JS `null`; bool is a JS boolean; int is a JS number holding a safe integer
 * (never -0) or a bigint outside ±(2^53 − 1); str is a JS string; the rest are objects below.
 * NULL (an empty stack slot or unbound local) is JS `undefined` and is never a Python value.
 * @spec #values
 */
import type { Code } from '../isa/code';

export type PyValue = null | boolean | number | bigint | string | PyObject;
/** A value-stack slot or local: a Python value or NULL. */
export type Slot = PyValue | undefined;

export abstract class PyObject {
  abstract readonly kind: string;
  /** Attribute protocol for objects defined outside the runtime (code objects, modules). */
  getAttr?(name: string): PyValue | undefined;
  /** Equality protocol (`==`) for the same objects. */
  equals?(other: PyValue): boolean;
  /** Hash protocol (`hash()`), consistent with equals. */
  hash?(): number | bigint;
}

/**
 * Floats are the VM's most allocated objects (every float operation makes one), so their class is
 * as cheap to construct as JS allows: no `super()` call and no class fields. With them the
 * constructor was 63 bytes of bytecode (and a field initializer besides), now 8: V8 inlines a
 * function that small anywhere, where a larger one counts against a per-function inlining budget
 * and keeps the float fast paths around it out of line. It is still a PyObject (the prototype
 * chain says so) and its `kind` is on the prototype, where every reader finds it.
 */
export class PyFloat {
  declare readonly kind: 'float';
  declare readonly value: number;
  constructor(value: number) {
    (this as { value: number }).value = value;
  }
}
Object.setPrototypeOf(PyFloat.prototype, PyObject.prototype);
Object.defineProperty(PyFloat.prototype, 'kind', { value: 'float' });

export class PyTuple extends PyObject {
  readonly kind = 'tuple';
  constructor(readonly items: readonly PyValue[]) {
    super();
  }
}

export class PyList extends PyObject {
  readonly kind = 'list';
  constructor(public items: PyValue[]) {
    super();
  }
}

/** A dict item; `slot` is its index in the dict's `slots`. */
export interface DictEntry {
  key: PyValue;
  value: PyValue;
  slot: number;
}

/**
 * Insertion-ordered dict; `keyOf` (see dict.ts) maps equal keys (1, 1.0, True) to one entry.
 * `slots` and `usable` mirror CPython's entry array (dk_entries, dk_usable), which its iterators
 * walk by index: a deleted item leaves a hole, a new one goes to the end, and only when no slot
 * is usable is the array compacted (dict.ts). A loop that deletes and adds during iteration sees
 * exactly the items CPython's would.
 * @spec #dict-ops
 */
export class PyDict extends PyObject {
  readonly kind = 'dict';
  readonly entries = new Map<string, DictEntry>();
  /** dk_entries: every item in insertion order, `undefined` where one was deleted. */
  slots: (DictEntry | undefined)[] = [];
  /** dk_usable: slots left before the next new key compacts and regrows the table. */
  usable = 0;
  /** log2 of dk_size (0: CPython's shared empty table, which any insertion replaces). */
  log2Size = 0;
  /** DK_IS_UNICODE: only str keys so far; the first other key compacts the table. */
  strKeys = true;
}

export class PyRange extends PyObject {
  readonly kind = 'range';
  constructor(readonly start: number | bigint, readonly stop: number | bigint, readonly step: number | bigint) {
    super();
  }
}

export class PySlice extends PyObject {
  readonly kind = 'slice';
  constructor(readonly start: PyValue, readonly stop: PyValue, readonly step: PyValue) {
    super();
  }
}

export class PyFunction extends PyObject {
  readonly kind = 'function';
  defaults: PyTuple | null = null;
  /** `__kwdefaults__`: keyword-only parameter name -> default (SET_FUNCTION_ATTRIBUTE 2). */
  kwdefaults: PyDict | null = null;
  /** CPython 3.13's annotation tuple (name, value, ...) from SET_FUNCTION_ATTRIBUTE 4; kept, never read. */
  annotations: PyTuple | null = null;
  /** `__closure__`: the cells of the code's free variables, in `.freevars` order (SET_FUNCTION_ATTRIBUTE 8). */
  closure: PyTuple | null = null;
  constructor(readonly code: Code, readonly globals: Map<string, PyValue>, readonly name: string) {
    super();
  }
}

/** A builtin callable. `self` is bound for methods looked up on an object. */
export type NativeImpl = (args: PyValue[], kwargs: ReadonlyMap<string, PyValue> | null, host: Host) => PyValue;

export class PyBuiltin extends PyObject {
  readonly kind = 'builtin';
  constructor(readonly name: string, readonly impl: NativeImpl) {
    super();
  }
}

/** A method bound to its receiver (what LOAD_ATTR without the method bit pushes). */
export class PyBoundMethod extends PyObject {
  readonly kind = 'method';
  constructor(readonly self: PyValue, readonly func: PyBuiltin) {
    super();
  }
}

/** A class: builtin types and exception types. */
export class PyType extends PyObject {
  readonly kind = 'type';
  constructor(
    readonly name: string,
    readonly base: PyType | null,
    /** Calling the type (int(x), ValueError('m')). */
    readonly construct: NativeImpl | null,
  ) {
    super();
  }
}

export class PyException extends PyObject {
  readonly kind = 'exception';
  context: PyException | null = null;
  cause: PyException | null = null;
  /** StopIteration.value */
  value: PyValue = null;
  constructor(readonly type: PyType, readonly args: PyTuple) {
    super();
  }
}

export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

/** The frame type is the interpreter's; values only need to hold it. */
export interface SuspendedFrame {
  readonly code: Code;
}

export class PyGenerator extends PyObject {
  readonly kind = 'generator';
  state: GeneratorState = 'created';
  /** The exception this generator's own handlers are handling (CPython's gi_exc_state). */
  handled: PyException | null = null;
  constructor(readonly name: string, readonly frame: SuspendedFrame) {
    super();
  }
}

/** Builtin iterators keep their position as plain fields so snapshots can see it. */
export class PySeqIterator extends PyObject {
  readonly kind = 'seq_iterator';
  index = 0;
  constructor(readonly seq: PyList | PyTuple | string) {
    super();
  }
}

export class PyRangeIterator extends PyObject {
  readonly kind = 'range_iterator';
  constructor(public next: number | bigint, readonly stop: number | bigint, readonly step: number | bigint) {
    super();
  }
}

/** CPython's dictiterobject: `index` is di_pos (a slot), `size` di_used, `remaining` len. */
export class PyDictIterator extends PyObject {
  readonly kind = 'dict_iterator';
  index = 0;
  remaining: number;
  constructor(readonly dict: PyDict, readonly what: 'keys' | 'values' | 'items', public size: number) {
    super();
    this.remaining = size;
  }
}

export class PyEnumerate extends PyObject {
  readonly kind = 'enumerate';
  constructor(readonly iter: PyValue, public count: number | bigint) {
    super();
  }
}

export class PyZip extends PyObject {
  readonly kind = 'zip';
  /** zip(strict=True): raise ValueError when the iterables run out unevenly. */
  strict = false;
  constructor(readonly iters: readonly PyValue[]) {
    super();
  }
}

/**
 * reversed() of a list (CPython's list_reverseiterator: it re-reads the list's length at each step),
 * a tuple or a str (CPython's `reversed` object). `index` is the next item's index (for a str, the
 * UTF-16 index of the last unit of the next code point); -1 when exhausted.
 */
export class PyReversed extends PyObject {
  readonly kind = 'reversed';
  constructor(readonly seq: PyList | PyTuple | string, public index: number) {
    super();
  }
}

/** map(func, *iterables): calls func on the next item of every iterator, lazily. */
export class PyMap extends PyObject {
  readonly kind = 'map';
  constructor(readonly func: PyValue, readonly iters: readonly PyValue[]) {
    super();
  }
}

/** filter(func, iterable); func None keeps the true items. */
export class PyFilter extends PyObject {
  readonly kind = 'filter';
  constructor(readonly func: PyValue, readonly iter: PyValue) {
    super();
  }
}

/** A bare `object()` instance (used as a unique sentinel). */
export class PyPlainObject extends PyObject {
  readonly kind = 'object';
}

/** dict.keys() / values() / items() views. */
export class PyDictView extends PyObject {
  readonly kind = 'dict_view';
  constructor(readonly dict: PyDict, readonly what: 'keys' | 'values' | 'items') {
    super();
  }
}

/** What runtime helpers need from the VM. */
export interface Host {
  /** Append to the program's printed output. */
  write(text: string): void;
  /**
   * Resume a generator with `send` (None for next()). Runs its frame in a nested interpreter loop
   * that shares the step budget. Returns the yielded value, or DONE with the return value.
   * A Python exception escaping the generator is thrown as a PyException.
   */
  resume(gen: PyGenerator, send: PyValue): { done: false; value: PyValue } | { done: true; value: PyValue };
  /** Optional: resume a generator by raising `exc` where it stopped (generator.throw and close). */
  resumeRaising?(gen: PyGenerator, exc: PyException): { done: false; value: PyValue } | { done: true; value: PyValue };
  /**
   * Optional: call any Python callable (a PyFunction in a nested interpreter loop). Lets natives
   * such as sorted(key=f) and min(key=f) take Python functions; without it they raise TypeError.
   */
  call?(callee: PyValue, args: PyValue[]): PyValue;
}

export const None = null;
