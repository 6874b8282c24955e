/**
 * A deep copy of a VM's state, with object identity kept (two references to one list stay two
 * references to one new list). Code objects, types, builtins and modules are immutable and
 * shared. The copy runs the plain interpreter: no optimizer, no executors entered
 * (its vm.step() sees through ENTER_EXECUTOR), so it can replay what the interpreter would do.
 * @spec #interpreter-state
 */
import { Vm } from '../interp/vm';
import { PyBuiltin, PyType } from '../runtime/values';

function shared(v: object): boolean {
  if (ArrayBuffer.isView(v)) return true;
  if (v instanceof PyType || v instanceof PyBuiltin) return true;
  if ((v as { kind?: unknown }).kind === 'module') return true;
  // A code object: plain data with instruction arrays.
  return ArrayBuffer.isView((v as { ops?: unknown }).ops) && 'exceptionTable' in v;
}

export class Cloner {
  private readonly copies = new Map<object, unknown>();

  /**
   * Keep these objects (and the objects they hold) as they are: the constants of the shared code
   * objects are immutable, and the copy must still see LOAD_CONST push the very object that an
   * iterator or a frame already holds (identity is part of the state).
   */
  keep(v: unknown): void {
    if (v === null || typeof v !== 'object' || this.copies.has(v)) return;
    this.copies.set(v, v);
    if (Array.isArray(v)) v.forEach((x) => this.keep(x));
    else if (!shared(v)) for (const x of Object.values(v)) this.keep(x);
  }

  value<T>(v: T): T {
    if (v === null || typeof v !== 'object') return v;
    const known = this.copies.get(v);
    if (known !== undefined) return known as T;
    if (shared(v)) return v;
    if (Array.isArray(v)) {
      const a: unknown[] = [];
      this.copies.set(v, a);
      for (let i = 0; i < v.length; i++) a[i] = this.value(v[i]);
      return a as T;
    }
    if (v instanceof Map) {
      const m = new Map();
      this.copies.set(v, m);
      for (const [k, x] of v) m.set(this.value(k), this.value(x));
      return m as T;
    }
    const o = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    this.copies.set(v, o);
    for (const key of Object.keys(v)) o[key] = this.value((v as Record<string, unknown>)[key]);
    return o as T;
  }
}

/** The fields of a Vm that make up its state (everything snapshot() reads, and what running needs). */
export function cloneVmState(vm: Vm, budget = Number.MAX_SAFE_INTEGER): Vm {
  const c = new Cloner();
  for (const code of vm.codes) c.keep(code.consts);
  const copy = new Vm(budget);
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
  return copy;
}
