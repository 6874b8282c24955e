/**
 * The `jit` sample: compiles a hot region — from a back edge the loop, from a function entry the
 * function, from a resume after yield the generator body — into one JavaScript function
 * (`new Function`), with the value stack in JS locals and type-guarded fast paths (emit.ts).
 * Every exit leaves the exact interpreter state; calls of Python functions run through the
 * interpreter's CALL and the executor returns the callee's frame.
 * @spec #jit-sample
 */
import type { Code } from '../../isa/code';
import type { Vm } from '../../interp/vm';
import { ALL_CAPABILITIES, type Executor, type Optimizer } from '../../optimizer/api';
import { JitEmitter } from './emit';
import { JitExecutor, JitRegions } from './executor';
import { planJitRegion, type JitPlan } from './plan';

export { JitEmitter } from './emit';
export { JitExecutor, RECOMPILE_AFTER, MAX_RECOMPILES, STEP_SLICE } from './executor';
export { planJitRegion, type JitPlan, type JitInstruction } from './plan';

/** Invalidated executors at one hotspot after which the next ones look globals up instead of assuming them. */
export const INVALIDATIONS_BEFORE_LOOKUP = 2;

export class JitOptimizer implements Optimizer {
  readonly name: string = 'jit';
  readonly capabilities = ALL_CAPABILITIES;
  /**
   * What `optcert certify sample:jit --reporter json` measures on the official corpus
   * (`calibration.findings[].measured`, the median of three runs, rounded): compiling a region
   * costs about as much as interpreting its code forty times (planning, source generation, and
   * `new Function`, in which V8 compiles the region in full: emit.ts parenthesizes it); an executor
   * in a fixture-sized run costs about three times the interpreter per instruction, because its
   * code is new to V8 and runs unoptimized. In steady state it is many times faster
   * (`npm run bench`); spec/jit.md#jit-sample says more.
   */
  readonly optimizationCost: number = 40;
  readonly runCost: number = 2.9;
  /** Executors made so far. */
  compiled = 0;
  private readonly givenUp = new WeakMap<Code, Set<number>>();
  private readonly regions = new JitRegions();
  /** Per hotspot: the last executor made there, and how many of its predecessors were invalidated. */
  private readonly history = new WeakMap<Code, Map<number, { last: JitExecutor; invalidated: number }>>();

  compile(code: Code, offset: number, vm: Vm): Executor | null {
    if (this.givenUp.get(code)?.has(offset)) return null;
    const plan = planJitRegion(code, offset);
    if (plan === null) return null;
    this.compiled++;
    // A site whose executors keep being invalidated (a global rebound in the loop) stops assuming
    // globals: its next executors look every name up, instead of being recompiled at every store.
    let sites = this.history.get(code);
    if (sites === undefined) this.history.set(code, (sites = new Map()));
    const seen = sites.get(offset);
    const invalidated = (seen?.invalidated ?? 0) + (seen !== undefined && !vm.isExecutorValid(seen.last) ? 1 : 0);
    const assumeGlobals = invalidated < INVALIDATIONS_BEFORE_LOOKUP;
    const executor = new JitExecutor(plan, (p, generic, globals) => this.emitter(p, generic, globals), this.regions, () => {
      const set = this.givenUp.get(code) ?? new Set<number>();
      this.givenUp.set(code, set.add(offset));
    }, assumeGlobals ? vm : null);
    sites.set(offset, { last: executor, invalidated });
    this.regions.add(executor);
    return executor;
  }

  /** The code generator; the JIT's mutants override it to break one thing on purpose. */
  protected emitter(plan: JitPlan, generic: ReadonlySet<number>, globals: ReadonlyMap<number, number>): JitEmitter {
    return new JitEmitter(plan, generic, globals);
  }
}
