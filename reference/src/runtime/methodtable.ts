/** Method tables of builtin types: name -> PyBuiltin taking the receiver as args[0]. */
import { typeError } from './exceptions';
import { isInstance, typeName } from './types';
import { PyBuiltin, type NativeImpl, type PyType, type PyValue } from './values';

const owners = new WeakMap<PyBuiltin, string>();

/** The type name a method belongs to, for `<method 'append' of 'list' objects>`. */
export function methodOwner(f: PyBuiltin): string | undefined {
  return owners.get(f);
}

export type MethodTable = ReadonlyMap<string, PyBuiltin>;

export function defineMethods(owner: string, defs: Record<string, NativeImpl>): MethodTable {
  const table = new Map<string, PyBuiltin>();
  for (const [name, impl] of Object.entries(defs)) {
    const f = new PyBuiltin(name, impl);
    owners.set(f, owner);
    table.set(name, f);
  }
  return table;
}

/** Tables are built on first use so that module load order never matters. */
export function lazyTable(owner: string, build: () => Record<string, NativeImpl>): () => MethodTable {
  let table: MethodTable | null = null;
  return () => (table ??= defineMethods(owner, build()));
}

/** One table holding the methods of several (later ones win), built on first use. */
export function mergedTable(...parts: (() => MethodTable)[]): () => MethodTable {
  let table: MethodTable | null = null;
  return () => (table ??= new Map(parts.flatMap((p) => [...p()])));
}

const descriptors = new WeakMap<PyBuiltin, PyBuiltin>();
const descriptorSet = new WeakSet<PyBuiltin>();

/** Whether f is a method looked up on its type (CPython's method_descriptor). */
export function isMethodDescriptor(f: PyValue): boolean {
  return f instanceof PyBuiltin && descriptorSet.has(f);
}

/**
 * A method looked up on its type (`str.upper`, `int.bit_length`): the same object every time, and,
 * like CPython's method descriptors, it checks its first argument is an instance of the type.
 * @spec #call-method
 */
export function methodDescriptor(f: PyBuiltin, type: PyType): PyBuiltin {
  let d = descriptors.get(f);
  if (d === undefined) {
    d = new PyBuiltin(f.name, (args, kwargs, host) => {
      if (args.length === 0) typeError(`unbound method ${type.name}.${f.name}() needs an argument`);
      if (!isInstance(args[0]!, type)) {
        typeError(`descriptor '${f.name}' for '${type.name}' objects doesn't apply to a '${typeName(args[0]!)}' object`);
      }
      return f.impl(args, kwargs, host);
    });
    owners.set(d, owners.get(f) ?? type.name);
    descriptorSet.add(d);
    descriptors.set(f, d);
  }
  return d;
}
