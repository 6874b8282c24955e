/**
 * A scripted optimizer: an optimizer built from plain data (a fixture's `optimizer:` mapping), so
 * that fixtures can pin down the VM side of the API exactly: where compile is asked, what a
 * decline, a throw or a non-executor does, and executors that advance exactly k instructions
 * through the interpreter and then replace or remove themselves, or throw.
 * @spec #optimizer-api
 */
import type { Code } from '../isa/code';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { Capability, type CapabilityName, type Executor, type Optimizer } from '../optimizer/api';

/** An executor that runs `advance` instructions with `vm.step`, then acts on its m-th entry. */
export interface ScriptedExecutorSpec {
  /** Instructions to execute through the interpreter per entry (stops early when no frame is left). */
  readonly advance: number;
  /** On this entry (1-based), after advancing, replace itself with `with`. @spec #replace-executor */
  readonly replaceAfter?: number;
  readonly with?: ScriptedExecutorSpec;
  /** On this entry, after advancing, remove itself (`replaceExecutor(code, offset, null)`). */
  readonly removeAfter?: number;
  /** On this entry, after advancing, throw a JS Error (an optimizer fault). @spec #optimizer-faults */
  readonly throwAfter?: number;
  /**
   * Declared at compile: `globals` (the VM's globals), `builtins`, `code` (the code object compiled
   * for), `function:NAME` (the function bound to the global NAME then, if any).
   * @spec #executor-dependencies
   */
  readonly dependsOn?: readonly ScriptedDependency[];
}

export type ScriptedDependency = 'globals' | 'builtins' | 'code' | `function:${string}`;

/** The object a scripted dependency names, at compile time (null: nothing to depend on). */
function dependencyObject(d: ScriptedDependency, code: Code, vm: Vm): object | null {
  if (d === 'globals') return vm.globals;
  if (d === 'builtins') return vm.builtins;
  if (d === 'code') return code;
  const bound = vm.globals.get(d.slice('function:'.length));
  return typeof bound === 'object' && bound !== null ? bound : null;
}

/**
 * What compile does at a hotspot: decline (null), throw a JS Error, return something that is not an
 * executor (42), or return a scripted executor.
 * @spec #compile
 */
export type ScriptedBehaviour = 'decline' | 'throw' | 'garbage' | ScriptedExecutorSpec;

export interface ScriptedOptimizerDef {
  /** Default "scripted". */
  readonly name?: string;
  /** Capability names, or a raw integer (so that invalid masks such as 0 or 8 can be registered). */
  readonly capabilities: readonly CapabilityName[] | number;
  /** Default 1; any number, so that registration faults (0, -1, NaN) can be tested. */
  readonly optimizationCost?: number;
  /** Default 1. */
  readonly runCost?: number;
  /** Behaviour at hotspots not listed in `at`; default "decline". */
  readonly default?: ScriptedBehaviour;
  /** `"<code name>@<offset>"` -> behaviour. */
  readonly at?: Readonly<Record<string, ScriptedBehaviour>>;
}

/** The capability bitmask a definition declares. */
export function scriptedCapabilities(caps: ScriptedOptimizerDef['capabilities']): number {
  if (typeof caps === 'number') return caps;
  let mask = 0;
  for (const name of caps) {
    const bit = (Capability as Readonly<Record<string, number>>)[name];
    if (bit === undefined) throw new TypeError(`scripted optimizer: unknown capability '${String(name)}'`);
    mask |= bit;
  }
  return mask;
}

/** The key of a hotspot in `at`. */
export function hotspotKey(codeName: string, offset: number): string {
  return `${codeName}@${offset}`;
}

/** Split an `at` key into code name and offset (null when it is not `<name>@<digits>`). */
export function parseHotspotKey(key: string): { readonly code: string; readonly offset: number } | null {
  const m = /^(.+)@(0|[1-9][0-9]*)$/.exec(key);
  return m ? { code: m[1]!, offset: Number(m[2]) } : null;
}

class ScriptedExecutor implements Executor {
  /** Entries so far. */
  entries = 0;

  constructor(readonly spec: ScriptedExecutorSpec, readonly code: Code, readonly offset: number) {}

  /** @spec #executor-contract */
  execute(_frame: Frame, vm: Vm): Frame {
    const n = ++this.entries;
    // Invalidated by its own work: stop at once (CPython's _CHECK_VALIDITY after each instruction).
    for (let i = 0; i < this.spec.advance && vm.frame !== null && vm.isExecutorValid(this); i++) vm.step(vm.frame);
    const { replaceAfter, with: next, removeAfter, throwAfter } = this.spec;
    if (replaceAfter === n && next !== undefined) vm.replaceExecutor(this.code, this.offset, scriptedExecutor(next, this.code, this.offset, vm));
    if (removeAfter === n) vm.replaceExecutor(this.code, this.offset, null);
    if (throwAfter === n) throw new Error(`scripted executor for ${hotspotKey(this.code.name, this.offset)} throws on entry ${n}`);
    // Null when the executor's steps ended every frame (the contract allows it; the type does not say so).
    return vm.frame as Frame;
  }
}

/** A scripted executor with its dependencies declared. */
function scriptedExecutor(spec: ScriptedExecutorSpec, code: Code, offset: number, vm: Vm): ScriptedExecutor {
  const executor = new ScriptedExecutor(spec, code, offset);
  for (const d of spec.dependsOn ?? []) {
    const o = dependencyObject(d, code, vm);
    if (o !== null) vm.addExecutorDependency(executor, o);
  }
  return executor;
}

export function scriptedOptimizer(def: ScriptedOptimizerDef): Optimizer {
  const capabilities = scriptedCapabilities(def.capabilities);
  const fallback = def.default ?? 'decline';
  const at = def.at ?? {};
  return {
    name: def.name ?? 'scripted',
    capabilities,
    optimizationCost: def.optimizationCost ?? 1,
    runCost: def.runCost ?? 1,
    compile(code: Code, offset: number, vm: Vm): Executor | null {
      const key = hotspotKey(code.name, offset);
      const behaviour = Object.prototype.hasOwnProperty.call(at, key) ? at[key]! : fallback;
      switch (behaviour) {
        case 'decline':
          return null;
        case 'throw':
          throw new Error(`scripted optimizer: compile throws at ${key}`);
        case 'garbage':
          return 42 as unknown as Executor;
        default:
          return scriptedExecutor(behaviour, code, offset, vm);
      }
    },
  };
}
