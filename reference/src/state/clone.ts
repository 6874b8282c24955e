/**
 * A deep copy of a VM's state, with object identity kept (two references to one list stay two
 * references to one new list). Code objects, types, builtins, data descriptors and modules are
 * immutable and shared. The copy runs the plain interpreter: no optimizer, no executors entered
 * (its vm.step() sees through ENTER_EXECUTOR), so it can replay what the interpreter would do.
 * @spec #interpreter-state
 */
import type { Code } from '../isa/code';
import { Frame } from '../interp/frame';
import { STEP_DISPATCH } from '../interp/handlers';
import { Vm } from '../interp/vm';
import { OptimizerRuntime } from '../optimizer/runtime';
import { PyDataDescriptor } from '../runtime/descriptor';
import { inheritObjectId } from '../runtime/dict';
import { MATH_CONSTANTS } from '../runtime/math';
import { PyBuiltin, PyFloat, PyType } from '../runtime/values';
import { NEW_OBJECT, type Identity } from './tokens';

function shared(v: object): boolean {
  if (ArrayBuffer.isView(v)) return true;
  // A data descriptor (`int.real`) is one immutable object per (type, name), like its type.
  if (v instanceof PyType || v instanceof PyBuiltin || v instanceof PyDataDescriptor) return true;
  if ((v as { kind?: unknown }).kind === 'module' || MATH_CONSTANTS.has(v)) return true;
  // A code object: plain data with instruction arrays.
  return ArrayBuffer.isView((v as { ops?: unknown }).ops) && 'exceptionTable' in v;
}

/**
 * The constants of these code objects and the objects they hold. They are immutable and the code
 * objects are shared, so a copy keeps them as they are: it must still see LOAD_CONST push the
 * very object that an iterator or a frame already holds (identity is part of the state).
 */
export function sharedConstants(codes: readonly Code[]): ReadonlySet<object> {
  const kept = new Set<object>();
  const keep = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || kept.has(v)) return;
    kept.add(v);
    if (Array.isArray(v)) v.forEach(keep);
    else if (!shared(v)) for (const x of Object.values(v)) keep(x);
  };
  for (const code of codes) keep(code.consts);
  return kept;
}

export class Cloner {
  /** Original -> its copy (the entry state's objects and theirs). */
  readonly copies = new Map<object, unknown>();

  constructor(private readonly kept: ReadonlySet<object>) {}

  value<T>(v: T): T {
    if (v === null || typeof v !== 'object') return v;
    const known = this.copies.get(v);
    if (known !== undefined) return known as T;
    if (this.kept.has(v)) return v;
    // Floats are the commonest object of a state (every float result is one): their one field.
    if (Object.getPrototypeOf(v) === PyFloat.prototype) {
      const f = new PyFloat((v as unknown as PyFloat).value);
      this.copies.set(v, f);
      inheritObjectId(v, f);
      return f as T;
    }
    // Arrays next (locals, stacks, items: most of a state), and no array is shared.
    if (Array.isArray(v)) {
      const a: unknown[] = new Array(v.length);
      this.copies.set(v, a);
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        a[i] = x === null || typeof x !== 'object' ? x : this.value(x);
      }
      return a as T;
    }
    if (shared(v)) return v;
    if (v instanceof Frame) return this.frame(v) as T;
    if (v instanceof Map) {
      const m = new Map();
      this.copies.set(v, m);
      for (const [k, x] of v) m.set(k === null || typeof k !== 'object' ? k : this.value(k), x === null || typeof x !== 'object' ? x : this.value(x));
      return m as T;
    }
    const o = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    this.copies.set(v, o);
    inheritObjectId(v, o);
    // Scalar fields copied in place: most of an object's fields, and a call each otherwise.
    for (const key of Object.keys(v)) {
      const x: unknown = (v as Record<string, unknown>)[key];
      o[key] = x === null || typeof x !== 'object' ? x : this.value(x);
    }
    return o as T;
  }

  /** Frames are most of a deep recursion's state: copied field by field, without reflection. */
  private frame(f: Frame): Frame {
    const o = Object.create(Frame.prototype) as Frame;
    this.copies.set(f, o);
    const w = o as unknown as Record<keyof Frame, unknown>;
    w.ip = f.ip;
    w.locals = this.value(f.locals);
    w.stack = this.value(f.stack);
    w.back = this.value(f.back);
    w.gen = this.value(f.gen);
    w.entry = f.entry;
    w.forIterExit = f.forIterExit;
    w.ops = f.ops;
    w.args = f.args;
    w.code = f.code;
    w.func = this.value(f.func);
    return o;
  }
}

/** Every own field of a float: the copy above must not miss one (checked by the state tests). */
export const FLOAT_FIELDS: readonly (keyof PyFloat)[] = ['value'];

/** Every own field of a Frame: the copy above must not miss one (checked by the state tests). */
export const FRAME_FIELDS: readonly (keyof Frame)[] = ['ip', 'locals', 'stack', 'back', 'gen', 'entry', 'forIterExit', 'ops', 'args', 'code', 'func'];

/** The fields of a Vm that make up its state (everything snapshot() reads, and what running needs). */
export function cloneVmState(vm: Vm, budget = Number.MAX_SAFE_INTEGER, constants: ReadonlySet<object> = sharedConstants(vm.codes)): Vm {
  return cloneWithIdentity(vm, budget, constants).copy;
}

/** A copy of the state at executor entry, and how to tell each later object's origin in it. */
export interface IdentifiedCopy {
  readonly copy: Vm;
  /** For the live VM: an entry-state object -> its copy; anything newer -> NEW_OBJECT. */
  readonly live: Identity;
  /** For the copy as it runs on: one of its entry objects -> itself; anything newer -> NEW_OBJECT. */
  readonly reference: Identity;
  /** The objects the copy shares with the live VM rather than copies (the code objects' constants). */
  readonly kept: ReadonlySet<object>;
}

/** @spec #state-identity */
export function cloneWithIdentity(vm: Vm, budget = Number.MAX_SAFE_INTEGER, constants: ReadonlySet<object> = sharedConstants(vm.codes)): IdentifiedCopy {
  const copy = cloneInto(vm, budget, constants);
  const { copies } = copy.cloner;
  let made: Set<unknown> | null = null;
  return {
    copy: copy.vm,
    live: (o) => (copies.get(o) as object | undefined) ?? NEW_OBJECT,
    reference: (o) => ((made ??= new Set(copies.values())).has(o) ? o : NEW_OBJECT),
    kept: constants,
  };
}

/**
 * Every field a Vm has when constructed, each set afresh by cloneInto or reset to what the
 * constructor gives it; a Vm with other fields (a field added to the class, or one a run added) is
 * never reused.
 */
const RESET_FIELDS: ReadonlySet<string> = new Set([
  'globals', 'builtins', 'namedOptimizers', 'output', 'excBase', 'excSlots', 'reraising', 'steps', 'budget', 'frame', 'depth',
  'reraiseLasti', 'codes', 'dispatch', 'optimizers', 'onInstruction', 'completion', 'suspendedChains',
]);
const constructedFields = Object.keys(new Vm(0));
const reusable = constructedFields.every((k) => RESET_FIELDS.has(k));
/** Copies the oracle is done with: constructing a Vm (its builtins table) costs more than resetting one. */
const spareCopies: Vm[] = [];
const MAX_SPARE_COPIES = 8;

/**
 * The oracle is done with this copy of the state (made by cloneWithIdentity): nothing will read it
 * again, so it may be reset into a later copy. Only a copy with no field but a constructed Vm's,
 * and an empty table of named optimizers, is kept.
 */
export function releaseCopy(copy: Vm): void {
  if (!reusable || spareCopies.length >= MAX_SPARE_COPIES || copy.namedOptimizers.size !== 0 || spareCopies.includes(copy)) return;
  const keys = Object.keys(copy);
  if (keys.length !== constructedFields.length || !keys.every((k) => RESET_FIELDS.has(k))) return;
  spareCopies.push(copy);
}

/** A Vm as its constructor leaves it, but for the fields cloneInto sets. */
function blankVm(budget: number): Vm {
  const spare = spareCopies.pop();
  if (spare === undefined) return new Vm(budget);
  const w = spare as unknown as Record<string, unknown>;
  w.output = [];
  w.reraising = false;
  w.budget = budget;
  w.reraiseLasti = null;
  w.optimizers = new OptimizerRuntime(spare);
  w.onInstruction = null;
  return spare;
}

function cloneInto(vm: Vm, budget: number, constants: ReadonlySet<object>): { vm: Vm; cloner: Cloner } {
  const c = new Cloner(constants);
  const copy = blankVm(budget);
  const w = copy as unknown as Record<string, unknown>;
  const r = vm as unknown as Record<string, unknown>;
  w.globals = c.value(vm.globals);
  copy.output.push(...vm.output);
  w.excBase = c.value(vm.excBase);
  w.excSlots = c.value(vm.excSlots);
  w.frame = c.value(vm.frame);
  w.suspendedChains = c.value(vm.suspendedChains);
  w.completion = c.value(r.completion);
  copy.depth = vm.depth;
  copy.steps = 0;
  copy.codes = vm.codes;
  // Nested runs (a builtin consuming a generator) must see through ENTER_EXECUTOR too: the code
  // objects are shared, and their executors are the candidate's.
  copy.dispatch = STEP_DISPATCH;
  return { vm: copy, cloner: c };
}
