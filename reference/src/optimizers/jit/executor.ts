/**
 * A JIT executor: the region's generated function, the bindings it runs with, and what it learns
 * at run time — sites whose fast path keeps failing are recompiled generic-only, and an executor
 * that keeps leaving without doing anything gives its hotspot up.
 *
 * The trampoline: when the generated code's generic path switches frames (a call of a Python
 * function, a generator resumed by FOR_ITER, a return or a yield), the executor looks for an
 * installed JIT executor whose region can be entered where the new frame continues, and runs it
 * — real frames, the interpreter's own CALL and RETURN, only without the dispatch loop between
 * them. One entry runs at most STEP_SLICE instructions in all.
 * @spec #jit-executor
 */
import type { Code } from '../../isa/code';
import type { Frame } from '../../interp/frame';
import { HANDLERS } from '../../interp/handlers';
import { Vm } from '../../interp/vm';
import type { Executor } from '../../optimizer/api';
import { isIdentical } from '../../runtime/compare';
import { floatPow } from '../../runtime/floatops';
import * as fast from './fast';
import * as exits from './exits';
import { PyException, PyFloat, PyList, PyRangeIterator } from '../../runtime/values';
import { callBindings, type CallBindings, type EntryClock, type NestedRegion } from './calls';
import type { JitBindings, JitEmitter } from './emit';
import type { JitPlan } from './plan';
import { keepCatchingRegionsOutOfBaselineTier } from './v8-tier';

/** A site whose slow path ran this often is recompiled without its fast path. */
export const RECOMPILE_AFTER = 64;
/** At most this many recompilations per executor. */
export const MAX_RECOMPILES = 3;
/** An executor that leaves this many entries in a row having run nothing gives its hotspot up. */
export const STALL_LIMIT = 16;
/**
 * One entry runs at most this many instructions, then leaves at a block start (the interpreter,
 * or the next entry, goes on from there): a certifier's advance-N oracle replays at most 100,000
 * steps per entry, and the VM's own checks run between entries.
 */
export const STEP_SLICE = 50_000;
/** Below this bound a range iterator's next value plus its step stays a safe integer (the interpreter's). */
const SMALL_RANGE = 2 ** 52;

/**
 * `nest`: 0 when the trampoline runs the region, else a nested activation's depth (calls.ts),
 * whose steps count where the trampoline entered the outermost activation.
 */
type Compiled = (vm: Vm, f: Frame, self: NestedRegion, entry: number, limit: number, nest: number) => unknown;

export type EmitterFactory = (plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>) => JitEmitter;

/** The regions one optimizer made, by code object and entry point, for the trampoline. */
export class JitRegions {
  /** Executor entries so far (calls.ts: a frame made and dropped between two entries may be reused). */
  readonly clock: EntryClock = { entries: 0 };
  /** Per code object, by pc: the latest region that can be entered there. */
  private readonly byCode = new WeakMap<Code, (JitExecutor | undefined)[]>();

  add(e: JitExecutor): void {
    const code = e.plan.code;
    let at = this.byCode.get(code);
    if (at === undefined) {
      at = new Array<JitExecutor | undefined>(code.ops.length).fill(undefined);
      this.byCode.set(code, at);
    }
    for (const pc of e.plan.entries) at[pc] = e;
  }

  /** An executor installed now whose region can be entered at `pc` of `code`. */
  at(vm: Vm, code: Code, pc: number): JitExecutor | null {
    const e = this.byCode.get(code)?.[pc];
    return e !== undefined && e.installed(vm) ? e : null;
  }
}

export class JitExecutor implements Executor, NestedRegion {
  entries = 0;
  recompiles = 0;
  stalls = 0;
  /** Instructions run by this executor's code, including entries through the trampoline. */
  steps = 0;
  /** The generated source (for inspection and the tests). */
  source = '';
  private compiled!: Compiled;
  /** The same function, for compiled calls to run this region nested (calls.ts). */
  nested!: Compiled;
  /** Activations the trampoline ran (entries included): compiled calls keep this low. */
  trampolined = 0;
  private counters!: Int32Array;
  /** The sum of the slow-path counters when learn() last looked. */
  private slowSeen = 0;
  private sites: readonly number[] = [];
  private readonly generic = new Set<number>();
  private readonly handlers: unknown[];
  /** LOAD_GLOBAL sites resolved at compile time (pc -> index into globalValues). */
  private readonly globalSites = new Map<number, number>();
  private readonly globalValues: unknown[] = [];
  /** The VM and its executor version when installed() last found this executor installed. */
  private seenInstalledIn: Vm | null = null;
  private seenInstalledAt = -1;
  /** How the generated code finds the compiled regions of callees and generators (calls.ts). */
  private readonly calls: CallBindings;

  /**
   * With `vm`, the globals and builtins the region loads are resolved now and the executor
   * declares that it depends on both namespaces (the VM invalidates it when a global changes);
   * without, every LOAD_GLOBAL looks its name up.
   */
  constructor(
    readonly plan: JitPlan,
    private readonly emitter: EmitterFactory,
    private readonly regions: JitRegions | null = null,
    private readonly onGiveUp: (() => void) | null = null,
    vm: Vm | null = null,
  ) {
    const code = plan.code;
    this.handlers = new Array<unknown>(code.ops.length);
    for (const ins of plan.instructions.values()) this.handlers[ins.pc] = HANDLERS[ins.def.name as keyof typeof HANDLERS];
    if (vm !== null) this.resolveGlobals(vm);
    this.calls = callBindings(regions === null ? null : (v, c, pc) => regions.at(v, c, pc), code, regions?.clock ?? { entries: 0 });
    this.build();
  }

  /** @spec #executor-dependencies */
  private resolveGlobals(vm: Vm): void {
    for (const ins of this.plan.instructions.values()) {
      if (ins.def.name !== 'LOAD_GLOBAL') continue;
      const name = this.plan.code.names[ins.arg >> 1]!;
      const value = vm.globals.get(name) ?? vm.builtins.get(name);
      if (value === undefined) continue;
      this.globalSites.set(ins.pc, this.globalValues.length);
      this.globalValues.push(value);
    }
    if (this.globalSites.size === 0) return;
    if (vm.addExecutorDependency(this, vm.globals) !== null || vm.addExecutorDependency(this, vm.builtins) !== null) {
      // The VM would not record the dependency: look every name up instead.
      this.globalSites.clear();
      this.globalValues.length = 0;
    }
  }

  /** Generate the source and turn it into a function, once per (re)compilation. */
  private build(): void {
    keepCatchingRegionsOutOfBaselineTier();
    const { source, sites, runs } = this.emitter(this.plan, this.generic, this.globalSites).emit();
    // One counter per site: how often its slow path ran.
    const counters = new Int32Array(sites.length);
    this.slowSeen = 0;
    const bindings: JitBindings & { C: CallBindings } = {
      H: this.handlers,
      K: this.plan.code.consts,
      N: this.plan.code.names,
      F: counters,
      G: this.globalValues,
      PyFloat,
      floatPow,
      fast,
      X: exits,
      PyException,
      handlerFor: Vm.handlerFor,
      RUNS: runs,
      PyList,
      PyRangeIterator,
      isIdentical,
      SMALL: SMALL_RANGE,
      C: this.calls,
    };
    this.compiled = this.nested = new Function('R', source)(bindings) as Compiled;
    this.source = source;
    this.counters = counters;
    this.sites = sites;
  }

  execute(f: Frame, vm: Vm): Frame | null {
    this.entries++;
    if (this.regions !== null) this.regions.clock.entries++;
    const before = vm.steps;
    const limit = before + STEP_SLICE;
    const regions = this.regions;
    let exec: JitExecutor = this;
    let frame = f;
    let pc = this.plan.start;
    let out: Frame | null;
    // An exception propagates from here as it is: what is learnt is only lost for this entry.
    for (;;) {
      const at = vm.steps;
      exec.trampolined++;
      out = exec.compiled(vm, frame, exec, pc, limit, 0) as Frame | null;
      exec.steps += vm.steps - at;
      if (out === null || out === frame || vm.steps >= limit || regions === null) break;
      const next = regions.at(vm, out.code, out.ip);
      if (next === null) break;
      if (next !== exec) exec.learn();
      exec = next;
      frame = out;
      pc = out.ip;
    }
    exec.learn();
    if (exec !== this) this.learn();
    this.stalled(vm, out === f && vm.steps === before);
    return out;
  }

  /**
   * Asked at every compiled call and generator resume: answered from the VM's executor version
   * when no executor table changed since the last yes (a tenth of a generator pipeline otherwise).
   * @spec #get-executor
   */
  installed(vm: Vm): boolean {
    if (vm === this.seenInstalledIn && vm.executorVersion === this.seenInstalledAt) return true;
    if (vm.getExecutor(this.plan.code, this.plan.offset) !== this) return false;
    this.seenInstalledIn = vm;
    this.seenInstalledAt = vm.executorVersion;
    return true;
  }

  /** Recompile the sites whose fast path keeps failing. */
  private learn(): void {
    const counters = this.counters;
    if (this.recompiles >= MAX_RECOMPILES) return;
    // Slow paths taken since the last look (the generated code counts per site only).
    const total = this.slowTotal();
    if (total - this.slowSeen < RECOMPILE_AFTER) return;
    this.slowSeen = total;
    let failing = false;
    for (let k = 0; k < this.sites.length; k++) {
      if (counters[k]! >= RECOMPILE_AFTER) {
        this.generic.add(this.sites[k]!);
        failing = true;
      }
    }
    if (!failing) return;
    this.recompiles++;
    this.build();
  }

  /** Slow paths taken since the last (re)compilation, all sites together. */
  private slowTotal(): number {
    const counters = this.counters;
    let total = 0;
    for (let k = 0; k < counters.length; k++) total += counters[k]!;
    return total;
  }

  private stalled(vm: Vm, stalled: boolean): void {
    if (!stalled) this.stalls = 0;
    else if (++this.stalls >= STALL_LIMIT && vm.getExecutor(this.plan.code, this.plan.offset) === this) {
      this.onGiveUp?.();
      vm.replaceExecutor(this.plan.code, this.plan.offset, null);
    }
  }
}
