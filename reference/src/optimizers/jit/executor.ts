/**
 * A JIT executor: the region's generated function, the bindings it runs with, and what it learns
 * at run time — sites whose fast path keeps failing are recompiled generic-only, and an executor
 * that keeps leaving without doing anything gives its hotspot up.
 * @spec #jit-executor
 */
import type { Frame } from '../../interp/frame';
import { HANDLERS } from '../../interp/handlers';
import type { Vm } from '../../interp/vm';
import type { Executor } from '../../optimizer/api';
import { isIdentical } from '../../runtime/compare';
import { SEQ_ITER_EXHAUSTED } from '../../runtime/iter';
import { PyFloat, PyList, PyRangeIterator, PySeqIterator, PyTuple } from '../../runtime/values';
import type { JitBindings, JitEmitter } from './emit';
import type { JitPlan } from './plan';

/** A site whose slow path ran this often is recompiled without its fast path. */
export const RECOMPILE_AFTER = 64;
/** At most this many recompilations per executor. */
export const MAX_RECOMPILES = 3;
/** An executor that leaves this many entries in a row having run nothing gives its hotspot up. */
export const STALL_LIMIT = 16;
/** Below this bound a range iterator's next value plus its step stays a safe integer (the interpreter's). */
const SMALL_RANGE = 2 ** 52;

type Compiled = (vm: Vm, f: Frame, entered: Executor | null) => Frame | null;

export type EmitterFactory = (plan: JitPlan, generic: ReadonlySet<number>) => JitEmitter;

export class JitExecutor implements Executor {
  entries = 0;
  recompiles = 0;
  stalls = 0;
  /** The generated source (for inspection and the tests). */
  source = '';
  private run!: Compiled;
  private counters!: Int32Array;
  private sites: readonly number[] = [];
  private readonly generic = new Set<number>();
  private readonly handlers: unknown[];

  constructor(
    readonly plan: JitPlan,
    private readonly emitter: EmitterFactory,
    private readonly onGiveUp: (() => void) | null = null,
  ) {
    const code = plan.code;
    this.handlers = new Array<unknown>(code.ops.length);
    for (const ins of plan.instructions.values()) this.handlers[ins.pc] = HANDLERS[ins.def.name as keyof typeof HANDLERS];
    this.build();
  }

  /** Generate the source and turn it into a function, once per (re)compilation. */
  private build(): void {
    const { source, sites } = this.emitter(this.plan, this.generic).emit();
    const counters = new Int32Array(sites.length);
    const bindings: JitBindings & { code: unknown } = {
      H: this.handlers,
      K: this.plan.code.consts,
      N: this.plan.code.names,
      F: counters,
      PyFloat,
      PyList,
      PyTuple,
      PyRangeIterator,
      PySeqIterator,
      isIdentical,
      SMALL: SMALL_RANGE,
      EXHAUSTED: SEQ_ITER_EXHAUSTED,
      code: this.plan.code,
    };
    this.run = new Function('R', source)(bindings) as Compiled;
    this.source = source;
    this.counters = counters;
    this.sites = sites;
  }

  execute(f: Frame, vm: Vm): Frame | null {
    this.entries++;
    const code = this.plan.code;
    const offset = this.plan.offset;
    const entered = vm.getExecutor(code, offset);
    const before = vm.steps;
    let out: Frame | null = f;
    try {
      out = this.run(vm, f, entered);
    } finally {
      this.learn(vm, f, out, before, entered);
    }
    return out;
  }

  private learn(vm: Vm, f: Frame, out: Frame | null, before: number, entered: Executor | null): void {
    if (this.recompiles < MAX_RECOMPILES) {
      const failing = this.sites.filter((_, k) => this.counters[k]! >= RECOMPILE_AFTER);
      if (failing.length > 0) {
        for (const pc of failing) this.generic.add(pc);
        this.recompiles++;
        this.build();
      }
    }
    const stalled = out === f && vm.steps === before;
    if (!stalled) this.stalls = 0;
    else if (++this.stalls >= STALL_LIMIT && entered !== null && vm.getExecutor(this.plan.code, this.plan.offset) === entered) {
      this.onGiveUp?.();
      vm.replaceExecutor(this.plan.code, this.plan.offset, null);
    }
  }
}
