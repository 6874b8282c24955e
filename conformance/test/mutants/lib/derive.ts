/**
 * Building blocks for the mutant gallery (`conformance/test/mutants/`): the correct samples'
 * parts, opened up so that a mutant changes exactly one thing. The certifier never imports this
 * module: a mutant is caught only by what it does.
 * @spec #certification
 */
import {
  originalArg, BY_OPCODE, ALL_CAPABILITIES, planRegion, SuperblockExecutor, type Code, type Opcode,
  type Frame, type Vm, type Executor, type Optimizer, type Region, type Run, type Code as PublicCode,
  type Executor as PublicExecutor, type Frame as PublicFrame, type Optimizer as PublicOptimizer,
  type PyValue as PublicValue, type Vm as PublicVm,
} from '../../../../index';

export type { Region, Run } from '../../../../index';

/** One instruction of a planned region, as a patch sees it. */
export interface InstructionSite {
  readonly code: Code;
  /** Its index in the code object. */
  readonly pc: number;
  readonly op: number;
  readonly name: Opcode;
  readonly arg: number;
  /** The closure the correct superblock compiled for it. */
  readonly run: Run;
}

/** Returns the closure to use instead of `site.run`, or undefined to keep it. */
export type Patch = (site: InstructionSite) => Run | undefined;

/** `planRegion` with some instructions' closures replaced. */
export function patchedRegion(code: Code, offset: number, patch: Patch): Region | null {
  const region = planRegion(code, offset);
  if (region === null) return null;
  const runs = region.runs.map((run, k) => {
    const pc = region.pcs[k]!;
    const op = region.ops[k]!;
    return patch({ code, pc, op, name: BY_OPCODE.get(op)!.name as Opcode, arg: originalArg(code, pc), run }) ?? run;
  });
  return { ...region, runs };
}

/**
 * The `superblock` sample with some instruction closures patched: the same capabilities, costs,
 * region planning, looping, step accounting and give-up logic.
 */
export class PatchedSuperblock implements Optimizer {
  readonly capabilities: number = ALL_CAPABILITIES;
  readonly optimizationCost: number = 4;
  readonly runCost: number = 0.8;
  private readonly givenUp = new WeakMap<Code, Set<number>>();

  constructor(
    readonly name: string,
    private readonly patch: Patch,
  ) {}

  compile(code: Code, offset: number): Executor | null {
    if (this.givenUp.get(code)?.has(offset)) return null;
    const region = patchedRegion(code, offset, this.patch);
    if (region === null) return null;
    return new SuperblockExecutor(region, (c, o) => {
      const set = this.givenUp.get(c) ?? new Set<number>();
      this.givenUp.set(c, set.add(o));
    });
  }
}

/**
 * A single-pass region executor: the superblock's region, run once per entry (no looping back to
 * its hotspot), with the same step accounting and side exits. Correct as written; mutants
 * override one of its decisions.
 */
export class OnePassExecutor implements Executor {
  entries = 0;

  constructor(readonly region: Region) {}

  /** A guard failed before the instruction at `pc`: leave so the interpreter runs it. `last` is the last instruction run. */
  protected sideExit(f: Frame, pc: number, _last: number): void {
    f.ip = pc;
  }

  /**
   * The closure of the instruction at `pc` threw `e` (f.ip is already pc + 1). A Python exception
   * propagates: the VM unwinds as if that instruction had raised.
   */
  protected raised(e: unknown, _f: Frame, _pc: number): Frame | null {
    throw e;
  }

  execute(f: Frame, vm: Vm): Frame | null {
    this.entries++;
    const { pcs, runs, guards, sideExits } = this.region;
    // The VM already counted the hotspot instruction (ENTER_EXECUTOR); never run past the budget.
    const room = vm.budget - vm.steps + 1;
    const limit = Math.min(pcs.length, room);
    let last = -1;
    let k = 0;
    let left = false;
    for (; k < limit; k++) {
      const pc = pcs[k]!;
      const guard = guards[k]!;
      if (guard !== null && !guard(f)) {
        this.sideExit(f, pc, last);
        left = true;
        break;
      }
      f.ip = pc + 1;
      try {
        runs[k]!(vm, f);
      } catch (e) {
        vm.steps += k;
        return this.raised(e, f, pc);
      }
      last = pc;
      if (sideExits[k] && f.ip !== pc + 1) {
        k++;
        left = true;
        break;
      }
    }
    // The budget is spent: stop where the interpreter would.
    if (!left && k < pcs.length) f.ip = pcs[k]!;
    vm.steps += k - 1;
    return f;
  }
}

/** An optimizer of OnePassExecutors (or a subclass), at every hotspot kind. */
export class OnePassOptimizer implements Optimizer {
  readonly capabilities: number = ALL_CAPABILITIES;
  readonly optimizationCost: number = 2;
  readonly runCost: number = 0.9;

  constructor(
    readonly name: string,
    private readonly make: (region: Region, code: Code, offset: number) => Executor,
    private readonly patch: Patch = () => undefined,
  ) {}

  compile(code: Code, offset: number): Executor | null {
    const region = patchedRegion(code, offset, this.patch);
    return region === null ? null : this.make(region, code, offset);
  }
}

/** Room for `n` more interpreter steps within the budget (vm.step throws BudgetExhausted past it). */
export function hasRoom(vm: Vm, n = 1): boolean {
  return vm.budget - vm.steps >= n;
}

// ---------------------------------------------------------------------------------------------
// Building blocks that use only the package's public entry (so they can move behind it as is).


/** The rule a mutant states (a type only: the certifier never sees the gallery's modules). */
export type { RuleId } from '../../../../index';

/**
 * A `CALL` patch that inlines the builtin `name`: when the callee of a positional `CALL` is the
 * VM's own builtin of that name (not a global that shadows it) and `fast(args)` returns a value,
 * the arguments and callee are replaced by that value; otherwise the instruction runs as compiled.
 */
export function inlineBuiltin(name: string, fast: (args: readonly PublicValue[], vm: PublicVm, f: PublicFrame) => PublicValue | undefined): Patch {
  return ({ name: op, arg: argc, run }) => {
    if (op !== 'CALL') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const base = s.length - argc - 2;
      if (base >= 0 && s[base + 1] === undefined && s[base] === vm.builtins.get(name)) {
        const r = fast(s.slice(base + 2) as PublicValue[], vm, f);
        if (r !== undefined) {
          s.length = base;
          s.push(r);
          return;
        }
      }
      run(vm, f);
    };
  };
}

/** An optimizer with another's capabilities, costs and compile, whose executors `wrap` wraps. */
export class WrappingOptimizer implements PublicOptimizer {
  readonly capabilities: number;
  readonly optimizationCost: number;
  readonly runCost: number;

  constructor(
    readonly name: string,
    private readonly inner: PublicOptimizer,
    private readonly wrap: (executor: PublicExecutor) => PublicExecutor,
  ) {
    this.capabilities = inner.capabilities;
    this.optimizationCost = inner.optimizationCost;
    this.runCost = inner.runCost;
  }

  compile(code: PublicCode, offset: number, vm: PublicVm): PublicExecutor | null {
    const executor = this.inner.compile(code, offset, vm);
    return executor === null ? null : this.wrap(executor);
  }
}
