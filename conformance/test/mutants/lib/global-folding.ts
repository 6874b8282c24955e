/**
 * A back-edge optimizer that folds globals: its executor runs one loop iteration with `vm.step`,
 * except that each `LOAD_GLOBAL` in the hotspot's frame pushes the object the name was bound to at
 * compile time (globals first, then builtins). That is correct only while the globals do not
 * change, so the correct variant declares the globals namespace (and the builtins) as
 * dependencies and stops as soon as its own work invalidates it (CPython's `_CHECK_VALIDITY`).
 * Each mutant breaks one of those duties. The correct variant certifies clean on the dependency
 * fixtures (global-folding.test.ts), so a mutant's violation is its flaw's.
 * @spec #executor-dependencies
 */
import { Capability, OP, originalOp, originalArg, type Code, type Executor, type Frame, type Optimizer, type PyValue, type Vm } from '../../../../index';

export type FoldingFlaw =
  /** Correct: depends on the globals and the builtins, stops when invalidated. */
  | 'none'
  /** Declares no dependency at all. */
  | 'no-dependency'
  /** Declares the builtins where the globals were meant. */
  | 'wrong-dict'
  /** Correct dependencies, but once its own work invalidates it, it re-installs itself. */
  | 'revalidates'
  /** Correct dependencies, but it never checks its validity while it runs. */
  | 'no-validity-check';

/** Most instructions one entry runs (a loop body with calls; the rest is left to the interpreter). */
const MAX_STEPS = 10_000;

class FoldingExecutor implements Executor {
  constructor(
    private readonly code: Code,
    private readonly offset: number,
    private readonly folded: ReadonlyMap<string, PyValue>,
    private readonly flaw: FoldingFlaw,
  ) {}

  execute(frame: Frame, vm: Vm): Frame | null {
    const depth = vm.depth;
    for (let n = 0; n < MAX_STEPS; n++) {
      if (vm.frame === null || vm.depth < depth) break;
      if (n > 0 && vm.frame === frame && frame.ip === this.offset) break;
      if (this.flaw !== 'no-validity-check' && !vm.isExecutorValid(this)) {
        if (this.flaw === 'revalidates') vm.replaceExecutor(this.code, this.offset, this);
        break;
      }
      if (vm.frame === frame && this.fold(frame)) continue;
      vm.step(vm.frame);
    }
    return vm.frame;
  }

  /** LOAD_GLOBAL of a folded name: push the compile-time object (and the NULL the oparg asks for). */
  private fold(f: Frame): boolean {
    const pc = f.ip;
    if (originalOp(this.code, pc) !== OP.LOAD_GLOBAL) return false;
    const arg = originalArg(this.code, pc);
    const value = this.folded.get(this.code.names[arg >> 1]!);
    if (value === undefined) return false;
    f.stack.push(value);
    if (arg & 1) f.stack.push(undefined as unknown as PyValue);
    f.ip = pc + 1;
    return true;
  }
}

export class GlobalFoldingOptimizer implements Optimizer {
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 2;
  readonly runCost = 0.9;

  constructor(
    readonly name: string,
    private readonly flaw: FoldingFlaw,
  ) {}

  compile(code: Code, offset: number, vm: Vm): Executor | null {
    if (originalOp(code, offset) !== OP.JUMP_BACKWARD) return null;
    const folded = new Map<string, PyValue>();
    for (let pc = 0; pc < code.ops.length; pc++) {
      if (originalOp(code, pc) !== OP.LOAD_GLOBAL) continue;
      const name = code.names[originalArg(code, pc) >> 1]!;
      const value = vm.globals.get(name) ?? vm.builtins.get(name);
      if (value !== undefined) folded.set(name, value);
    }
    const executor = new FoldingExecutor(code, offset, folded, this.flaw);
    if (this.flaw === 'none' || this.flaw === 'revalidates' || this.flaw === 'no-validity-check') {
      vm.addExecutorDependency(executor, vm.globals);
      vm.addExecutorDependency(executor, vm.builtins);
    } else if (this.flaw === 'wrong-dict') {
      vm.addExecutorDependency(executor, vm.builtins);
    }
    return executor;
  }
}
