/**
 * The VM side of the optimizer API: registration, hotspot counting, ENTER_EXECUTOR,
 * replacement, and the trace.
 * @spec #optimizer-api
 */
import { executorSlots, installedAt, type Code, type InstalledExecutor } from '../isa/code';
import { BY_OPCODE, OP, RESUME_HOTSPOTS } from '../isa/table';
import type { Frame } from '../interp/frame';
import { DISPATCH, dispatchTable, type Handler } from '../interp/handlers';
import type { Vm } from '../interp/vm';
import { Countdowns } from '../hotspot/countdown';
import { makePolicy, type HotspotConfig, type HotspotPolicy, type Site } from '../hotspot/policy';
import { BudgetExhausted } from '../interp/errors';
import { PyException } from '../runtime/values';
import { Capability, KIND_BIT, type ApiError, type Executor, type HotspotKind, type Optimizer } from './api';
import { checkOptimizer, type Registered } from './registration';
import { ExecutorDependencies } from './dependencies';
import type { FaultPhase, InvalidationCause, TraceEvent } from './trace';

/** At most this many executors per code object (CPython's limit). @spec #executor-limits */
export const MAX_EXECUTORS_PER_CODE = 256;

/**
 * Thrown by a host (a certifier's guard) to abort the run from inside compile or execute: the VM
 * never catches it, so it leaves runEntry as it is.
 */
export class HostInterrupt {}

/** An optimizer or executor broke the contract in a way the VM cannot recover from. */
export class OptimizerFault {
  constructor(readonly phase: FaultPhase, readonly rule: string, readonly message: string) {}
}

/** Which hotspot a RESUME is, by its oparg: 1 after a yield, 2 after a yield from's yield. @spec #hotspot-kinds */
export function resumeKind(arg: number): HotspotKind | null {
  return RESUME_HOTSPOTS[arg & 3]!;
}

/** The hotspot kind of the (original) instruction at `offset`, if it is one. */
export function hotspotKindAt(op: number, arg: number): HotspotKind | null {
  const role = BY_OPCODE.get(op)?.hotspot;
  return role === 'back_edge' ? 'back_edge' : role === 'resume' ? resumeKind(arg) : null;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  if (e instanceof PyException) return `Python ${e.type.name} escaped the optimizer`;
  return String(e);
}

/** What a certifier attaches to a VM's optimizer runtime. */
export interface RuntimeObserver {
  /** Wraps every executor installed (getExecutor still returns the original). */
  readonly wrap?: (executor: Executor, code: Code, offset: number) => Executor;
  /** Called with every event, traced or not (a certifier listens for faults). */
  readonly listener?: (e: TraceEvent) => void;
}

/**
 * Observers live here, not on the runtime object an optimizer can reach through the VM, so that
 * no optimizer can unwrap its executors or silence the fault listener.
 * @spec #certify-sandbox
 */
const OBSERVERS = new WeakMap<OptimizerRuntime, RuntimeObserver>();

/** Attach a certifier to a VM's optimizer runtime (internal: not part of the public API). */
export function observeRuntime(runtime: OptimizerRuntime, observer: RuntimeObserver): void {
  OBSERVERS.set(runtime, observer);
}

export class OptimizerRuntime {
  registered: Registered | null = null;
  policy: HotspotPolicy | null = null;
  private config: HotspotConfig = {};
  /** Trace events, when tracing is on. */
  trace: TraceEvent[] | null = null;
  private nextId = 1;
  /** Bumped at every (un)registration; an executor carries the generation that made it. */
  private generation = 0;
  /** Executors whose execute is on the JS stack, innermost last. */
  private readonly running: InstalledExecutor[] = [];
  private readonly countdowns = new Countdowns();
  private readonly dependencies = new ExecutorDependencies();
  /** Executors by their VM-assigned number (every installation and replacement gets one). */
  private readonly byNumber = new Map<number, Executor>();
  /** Changed at every change of an executor table (private: nothing but the VM can move it). */
  #version = 0;

  constructor(private readonly vm: Vm) {}

  get hotspots(): HotspotConfig {
    return this.config;
  }

  /**
   * Choosing the profile. Under `cpython313` the counters live with the code objects from the
   * start, so back edges count before any optimizer registers.
   * @spec #hotspot-cpython313-lifetime
   */
  set hotspots(config: HotspotConfig) {
    this.config = config;
    if (this.countersOutliveRegistration()) {
      this.policy = makePolicy(config, 1, 1);
      this.vm.dispatch = countingDispatch(this.countedKinds());
    }
  }

  /** CPython 3.13: executors and counters belong to the code objects, not to the optimizer. @spec #hotspot-cpython313-lifetime */
  private countersOutliveRegistration(): boolean {
    return this.config.profile === 'cpython313';
  }

  /** Under `cpython313` back edges always count (CPython's JUMP_BACKWARD ticks whatever optimizer is set). */
  private countedKinds(): number {
    const declared = this.registered?.capabilities ?? 0;
    return this.countersOutliveRegistration() ? declared | Capability.BACK_EDGE : declared;
  }

  emit(e: TraceEvent): void {
    this.trace?.push(e);
    OBSERVERS.get(this)?.listener?.(e);
  }

  /** registerOptimizer(o | null): replacing or removing an optimizer removes every installed executor. @spec #registration */
  register(o: Optimizer | null): ApiError | null {
    let next: Registered | null = null;
    if (o !== null) {
      const checked = checkOptimizer(o);
      if ('rule' in checked) {
        this.emit({ kind: 'fault', phase: 'register', rule: checked.rule, message: checked.message });
        return checked;
      }
      next = checked;
    }
    const keep = this.countersOutliveRegistration();
    if (!keep) this.removeAll();
    this.generation++;
    if (this.registered) this.emit({ kind: 'unregistered', optimizer: this.registered.name });
    this.registered = next;
    if (keep) {
      /** @spec #hotspot-cpython313-lifetime */
      this.vm.dispatch = countingDispatch(this.countedKinds());
      if (next !== null) this.emit({ kind: 'registered', optimizer: next.name, capabilities: next.capabilities });
      return null;
    }
    for (const code of this.vm.codes) code.sites!.length = 0;
    this.countdowns.reset(this.vm.codes);
    if (next === null) {
      this.policy = null;
      this.vm.dispatch = DISPATCH;
      return null;
    }
    this.policy = makePolicy(this.hotspots, next.optimizationCost, next.runCost);
    this.vm.dispatch = countingDispatch(next.capabilities);
    this.emit({ kind: 'registered', optimizer: next.name, capabilities: next.capabilities });
    return null;
  }

  getExecutor(code: Code, offset: number): Executor | null {
    if (code.ops[offset] !== OP.ENTER_EXECUTOR) return null;
    return installedAt(code, offset)?.executor ?? null;
  }

  /** Unchanged as long as every getExecutor answer is. @spec #get-executor */
  get version(): number {
    return this.#version;
  }

  /**
   * Counting handlers call this at each execution of a declared-kind hotspot. Returns true when an
   * executor was installed and has already run (the caller must not execute the instruction).
   * @spec #hotspot-detection
   */
  hotspot(f: Frame, offset: number, kind: HotspotKind): boolean {
    const policy = this.policy!;
    this.countdowns.settle(policy);
    const code = f.code;
    const sites = code.sites!;
    const site = sites[offset] ?? (sites[offset] = policy.newSite());
    if (!policy.tick(site)) return this.keepCounting(policy, code, offset, site);
    const taker = this.registered;
    if (taker === null || (taker.capabilities & KIND_BIT[kind]) === 0) {
      /** No optimizer takes this kind: CPython's default optimizer declines, silently. @spec #hotspot-cpython313-lifetime */
      policy.declined(site);
      return this.keepCounting(policy, code, offset, site);
    }
    this.emit({ kind: 'hotspot', code: code.name, offset, hotspot: kind, counters: policy.counters(site) });
    const executor = this.compile(code, offset);
    if (executor === null) {
      this.policy!.declined(site);
      return this.keepCounting(policy, code, offset, site);
    }
    if (!this.install(code, offset, executor)) {
      this.policy!.declined(site);
      return this.keepCounting(policy, code, offset, site);
    }
    /** @spec #enter-at-once */
    f.ip = offset + 1;
    this.enter(f, code.args[offset]!);
    return true;
  }

  /** Let the counting handler count the site's quiet ticks itself, unless compile re-registered. */
  private keepCounting(policy: HotspotPolicy, code: Code, offset: number, site: Site): false {
    if (this.policy === policy && code.sites![offset] === site) this.countdowns.arm(policy, code, offset, site);
    return false;
  }

  /** @spec #compile */
  private compile(code: Code, offset: number): Executor | null {
    const r = this.registered!;
    this.emit({ kind: 'compile', code: code.name, offset });
    let result: unknown;
    try {
      result = r.optimizer.compile(code, offset, this.vm);
    } catch (e) {
      if (e instanceof HostInterrupt) throw e;
      this.emit({ kind: 'fault', phase: 'compile', rule: 'compile.throws', message: describe(e), code: code.name, offset });
      return null;
    }
    if (result === null) {
      this.emit({ kind: 'declined', code: code.name, offset });
      return null;
    }
    if (typeof result !== 'object' || typeof (result as Executor).execute !== 'function') {
      this.emit({ kind: 'fault', phase: 'compile', rule: 'compile.result', message: `compile returned ${describe(result)}, not an executor or null`, code: code.name, offset });
      return null;
    }
    return result as Executor;
  }

  private wrapped(executor: Executor, code: Code, offset: number): Executor {
    const wrap = OBSERVERS.get(this)?.wrap;
    return wrap ? wrap(executor, code, offset) : executor;
  }

  /** Rewrite the instruction at `offset` to ENTER_EXECUTOR. @spec #enter-executor */
  private install(code: Code, offset: number, executor: Executor): boolean {
    if (!this.dependencies.isValid(executor)) {
      this.emit({ kind: 'fault', phase: 'compile', rule: 'executor.invalidated', message: 'an invalidated executor cannot be installed again', code: code.name, offset });
      return false;
    }
    const slots = executorSlots(code);
    let index = slots.indexOf(undefined);
    if (index < 0) {
      if (slots.length >= MAX_EXECUTORS_PER_CODE) {
        this.emit({ kind: 'fault', phase: 'compile', rule: 'executor.limit', message: `${code.name} already has ${MAX_EXECUTORS_PER_CODE} executors`, code: code.name, offset });
        return false;
      }
      index = slots.length;
      slots.push(undefined);
    }
    const slot: InstalledExecutor = {
      executor, entry: this.wrapped(executor, code, offset), offset, id: this.nextId++, originalOp: code.ops[offset]!, originalArg: code.args[offset]!,
      generation: this.generation,
    };
    slots[index] = slot;
    this.byNumber.set(slot.id, executor);
    code.ops[offset] = OP.ENTER_EXECUTOR;
    code.args[offset] = index;
    this.#version++;
    this.emit({ kind: 'installed', code: code.name, offset, executor: slot.id });
    return true;
  }

  private uninstall(code: Code, offset: number, reason: 'replaced-by-null' | 'optimizer-changed'): void {
    const index = code.args[offset]!;
    const slot = executorSlots(code)[index]!;
    code.ops[offset] = slot.originalOp;
    code.args[offset] = slot.originalArg;
    executorSlots(code)[index] = undefined;
    this.#version++;
    if (this.policy) this.countdowns.settle(this.policy);
    this.countdowns.disarm(code, offset);
    code.sites![offset] = undefined;
    this.emit({ kind: 'removed', code: code.name, offset, executor: slot.id, reason });
  }

  private removeAll(): void {
    for (const code of this.vm.codes) {
      for (let i = 0; i < code.ops.length; i++) if (code.ops[i] === OP.ENTER_EXECUTOR) this.uninstall(code, i, 'optimizer-changed');
    }
  }

  /**
   * replaceExecutor(code, offset, e | null): install, replace or remove the executor at a hotspot of
   * a kind the registered optimizer declared. The old executor is never entered again.
   * @spec #replace-executor
   */
  replace(code: Code, offset: number, executor: Executor | null): ApiError | null {
    const fail = (rule: string, message: string): ApiError => {
      this.emit({ kind: 'fault', phase: 'replace', rule, message, code: code?.name, offset });
      return { rule, message };
    };
    if (!this.registered) return fail('replace.no-optimizer', 'no optimizer is registered');
    const caller = this.running[this.running.length - 1];
    if (caller && caller.generation !== this.generation) {
      return fail('replace.stale-executor', 'an executor of a previous optimizer cannot install or replace executors');
    }
    if (!code || !this.vm.codes.includes(code)) return fail('replace.unknown-code', 'not a code object of this VM');
    if (!Number.isInteger(offset) || offset < 0 || offset >= code.ops.length) return fail('replace.offset', `offset ${offset} is outside ${code.name}`);
    const live = code.ops[offset] === OP.ENTER_EXECUTOR ? installedAt(code, offset)! : null;
    const kind = hotspotKindAt(live ? live.originalOp : code.ops[offset]!, live ? live.originalArg : code.args[offset]!);
    if (kind === null || (this.registered.capabilities & KIND_BIT[kind]) === 0) {
      return fail('replace.not-a-hotspot', `${code.name}@${offset} is not a hotspot of a declared kind`);
    }
    if (executor !== null && (typeof executor !== 'object' || typeof executor.execute !== 'function')) {
      return fail('replace.not-an-executor', 'replaceExecutor needs an executor or null');
    }
    if (executor !== null && !this.dependencies.isValid(executor)) {
      return fail('executor.invalidated', 'an invalidated executor cannot be installed again');
    }
    if (executor === null) {
      if (live) this.uninstall(code, offset, 'replaced-by-null');
      return null;
    }
    if (!live) return this.install(code, offset, executor) ? null : { rule: 'executor.limit', message: 'too many executors' };
    const index = code.args[offset]!;
    const slot: InstalledExecutor = { ...live, executor, entry: this.wrapped(executor, code, offset), id: this.nextId++, generation: this.generation };
    executorSlots(code)[index] = slot;
    this.byNumber.set(slot.id, executor);
    this.#version++;
    this.emit({ kind: 'replaced', code: code.name, offset, old: live.id, executor: slot.id });
    return null;
  }

  /** The executor the VM numbered `n` (installed or replaced as that number), if any. */
  executorNumbered(n: number): Executor | undefined {
    return this.byNumber.get(n);
  }

  /** `executor` depends on `dependency` from now on. @spec #executor-dependencies */
  addDependency(executor: Executor, dependency: unknown): ApiError | null {
    if (typeof executor !== 'object' || executor === null || typeof executor.execute !== 'function') {
      return { rule: 'dependency.not-an-executor', message: 'addExecutorDependency needs an executor' };
    }
    if ((typeof dependency !== 'object' && typeof dependency !== 'function') || dependency === null) {
      return { rule: 'dependency.not-an-object', message: `a dependency is an object (a namespace, a function, a code object), got ${typeof dependency}` };
    }
    this.dependencies.add(executor, dependency);
    return null;
  }

  /** False once the executor has been invalidated. @spec #executor-validity */
  isValid(executor: Executor): boolean {
    return this.dependencies.isValid(executor);
  }

  /** A namespace the program can change is about to change (its watcher). @spec #dependency-globals */
  namespaceChanging(dict: object): void {
    if (this.dependencies.isWatched(dict)) this.invalidateDependency(dict, 'globals');
  }

  /**
   * `_Py_Executors_InvalidateDependency`: invalidate every executor that depends on `o`.
   * @spec #invalidate-dependency
   */
  invalidateDependency(o: object, cause: InvalidationCause = 'dependency'): void {
    const dependents = this.dependencies.dependents(o);
    if (dependents.length === 0) return;
    const hit = new Set(dependents);
    this.invalidateInstalled((e) => hit.has(e), cause);
    for (const e of dependents) this.dependencies.invalidate(e);
  }

  /** `_Py_Executors_InvalidateAll` (`sys._clear_internal_caches()`). @spec #invalidate-all */
  invalidateAll(): void {
    this.invalidateInstalled(() => true, 'all');
    for (const e of this.dependencies.all()) this.dependencies.invalidate(e);
  }

  /** Invalidate the installed executors `which` selects, in code-object then offset order. */
  private invalidateInstalled(which: (e: Executor) => boolean, cause: InvalidationCause): void {
    for (const code of this.vm.codes) {
      for (let i = 0; i < code.ops.length; i++) {
        if (code.ops[i] !== OP.ENTER_EXECUTOR) continue;
        const slot = installedAt(code, i)!;
        if (!which(slot.executor)) continue;
        this.dependencies.invalidate(slot.executor);
        this.detach(code, i);
        this.emit({ kind: 'invalidated', code: code.name, offset: i, executor: slot.id, cause });
      }
    }
  }

  /**
   * Restore the original instruction. Under `cpython313` the site keeps its counter, which
   * triggered when the executor was made: the next execution is an attempt (CPython's
   * `_Py_ExecutorDetach` leaves the inline counter alone); under `seed` it starts again.
   * @spec #invalidation-counters
   */
  private detach(code: Code, offset: number): void {
    const index = code.args[offset]!;
    const slot = executorSlots(code)[index]!;
    code.ops[offset] = slot.originalOp;
    code.args[offset] = slot.originalArg;
    executorSlots(code)[index] = undefined;
    this.#version++;
    if (this.policy) this.countdowns.settle(this.policy);
    this.countdowns.disarm(code, offset);
    if (!this.countersOutliveRegistration()) code.sites![offset] = undefined;
  }

  /**
   * ENTER_EXECUTOR: run the executor from the hotspot; if it hands back the same frame still at the
   * hotspot, execute the original instruction so the VM always makes progress.
   * @spec #n-zero-progress
   */
  enter(f: Frame, index: number): void {
    const vm = this.vm;
    const slot = executorSlots(f.code)[index]!;
    const offset = f.ip - 1;
    f.ip = offset;
    this.emit({ kind: 'entered', code: f.code.name, offset, executor: slot.id });
    let returned: unknown;
    this.running.push(slot);
    try {
      returned = slot.entry.execute(f, vm);
    } catch (e) {
      if (e instanceof HostInterrupt || e instanceof BudgetExhausted) throw e;
      if (!(e instanceof PyException)) throw new OptimizerFault('execute', 'execute.throws', describe(e));
      /** @spec #executor-exceptions */
      try {
        vm.unwind(e);
      } catch (escaped) {
        this.emit({ kind: 'exited', code: f.code.name, offset, executor: slot.id, at: null, progressed: true });
        throw escaped;
      }
      returned = vm.frame;
    } finally {
      this.running.pop();
    }
    const at = vm.frame;
    if (returned !== at) {
      throw new OptimizerFault('execute', 'execute.frame', 'execute must return the innermost frame of the VM state');
    }
    const progressed = !(at === f && f.ip === offset);
    this.emit({ kind: 'exited', code: f.code.name, offset, executor: slot.id, at: at ? { code: at.code.name, ip: at.ip } : null, progressed });
    if (!progressed) {
      const current = f.code.ops[offset] === OP.ENTER_EXECUTOR ? installedAt(f.code, offset) : undefined;
      const op = current ? current.originalOp : f.code.ops[offset]!;
      const arg = current ? current.originalArg : f.code.args[offset]!;
      f.ip = offset + 1;
      DISPATCH[op]!(vm, f, arg);
    }
  }
}

/** Counting variants of the hotspot instructions, swapped in only for declared kinds. @spec #hotspot-no-optimizer */
function countingDispatch(capabilities: number): Handler[] {
  const overrides: Partial<Record<'JUMP_BACKWARD' | 'RESUME', Handler>> = {};
  if (capabilities & Capability.BACK_EDGE) {
    overrides.JUMP_BACKWARD = (vm, f, a) => {
      const offset = f.ip - 1;
      const countdown = f.code.countdown!;
      if (countdown[offset]! > 0) countdown[offset]!--;
      else if (vm.optimizers.hotspot(f, offset, 'back_edge')) return;
      f.ip = a;
    };
  }
  if (capabilities & (Capability.FUNCTION_ENTRY | Capability.RESUME_AFTER_YIELD)) {
    // RESUME itself does nothing, so there is nothing left to run after the check.
    // By RESUME's `where` bits (resumeKind reads only those): the kind to count there, if declared.
    const counted = [0, 1, 2, 3].map((where) => {
      const kind = resumeKind(where);
      return kind !== null && (capabilities & KIND_BIT[kind]) !== 0 ? kind : null;
    });
    overrides.RESUME = (vm, f, a) => {
      const kind = counted[a & 3]!;
      if (kind === null) return;
      const offset = f.ip - 1;
      const countdown = f.code.countdown!;
      if (countdown[offset]! > 0) countdown[offset]!--;
      else vm.optimizers.hotspot(f, offset, kind);
    };
  }
  return dispatchTable(overrides);
}
