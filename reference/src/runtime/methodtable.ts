/** Method tables of builtin types: name -> PyBuiltin taking the receiver as args[0]. */
import { PyBuiltin, type NativeImpl } from './values';

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
