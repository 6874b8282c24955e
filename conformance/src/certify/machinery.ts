/**
 * The VM's machinery — what runs the state rather than being it: the dispatch table the
 * interpreter loop uses, its per-instruction hook, the builtins, the code objects it runs, the
 * optimizer runtime's registration and hotspot policy. The candidate is handed the VM and may
 * change its state (the oracle checks that), but machinery it changed would go on running the
 * program outside any executor, unchecked. During a certified run (registration is over by then)
 * none of it changes, so it is locked: a write fails and is reported, even if the candidate
 * catches the error.
 * @spec #certify-sandbox
 */
import type { Vm } from '../../../reference/src/interp/vm';
import type { PyValue } from '../../../reference/src/runtime/values';

/** A locked field was written (by the candidate, or by the VM on its behalf: registerOptimizer). */
export class MachineryWrite extends TypeError {
  constructor(readonly field: string) {
    super(`the VM's ${field} is machinery, not state: it cannot change during a certified run`);
    this.name = 'MachineryWrite';
  }
}

const VM_FIELDS = ['builtins', 'namedOptimizers', 'codes', 'dispatch', 'optimizers', 'onInstruction'] as const;
const RUNTIME_FIELDS = ['registered', 'policy', 'hotspots', 'trace'] as const;

/** A read-only view of a map: no Map.prototype method reaches the map behind it. */
class FrozenTable<K, V> implements ReadonlyMap<K, V> {
  readonly #map: ReadonlyMap<K, V>;
  constructor(map: ReadonlyMap<K, V>) {
    this.#map = new Map(map);
    Object.freeze(this);
  }
  get size(): number {
    return this.#map.size;
  }
  get(k: K): V | undefined {
    return this.#map.get(k);
  }
  has(k: K): boolean {
    return this.#map.has(k);
  }
  forEach(f: (v: V, k: K, m: ReadonlyMap<K, V>) => void): void {
    this.#map.forEach((v, k) => f(v, k, this));
  }
  entries(): MapIterator<[K, V]> {
    return this.#map.entries();
  }
  keys(): MapIterator<K> {
    return this.#map.keys();
  }
  values(): MapIterator<V> {
    return this.#map.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.#map.entries();
  }
}

function lock(target: object, field: string, label: string, onWrite: (field: string) => void): void {
  const value: unknown = (target as Record<string, unknown>)[field];
  Object.defineProperty(target, field, {
    get: () => value,
    set: () => {
      onWrite(label);
      throw new MachineryWrite(label);
    },
    enumerable: true,
    configurable: false,
  });
}

/** Lock the machinery of a VM whose optimizer is registered; `onWrite` hears of every attempt. */
export function lockMachinery(vm: Vm, onWrite: (field: string) => void): void {
  const fields = vm as unknown as Record<string, unknown>;
  fields.builtins = new FrozenTable(vm.builtins as ReadonlyMap<string, PyValue>);
  Object.freeze(vm.codes);
  Object.freeze(vm.dispatch);
  for (const f of VM_FIELDS) lock(vm, f, `vm.${f}`, onWrite);
  const runtime = vm.optimizers as unknown as Record<string, unknown>;
  if (runtime.registered) Object.freeze(runtime.registered);
  for (const f of RUNTIME_FIELDS) lock(runtime, f, `vm.optimizers.${f}`, onWrite);
}
