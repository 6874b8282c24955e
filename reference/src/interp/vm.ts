/**
 * The reference interpreter: explicit frames, exception tables, generators, a step budget.
 * @spec #interpreter-state
 */
import type { ExceptionEntry } from '../isa/code';
import { BUILTINS } from '../runtime/builtins';
import { callNative } from '../runtime/call';
import { bindArguments, NO_KEYWORDS } from '../runtime/bind';
import { typeName } from '../runtime/types';
import {
  PyBoundMethod, PyBuiltin, PyException, PyFunction, PyGenerator, PyType,
  type Host, type PyValue, type Slot,
} from '../runtime/values';
import type { Code } from '../isa/code';
import type { ApiError, Executor, Optimizer } from '../optimizer/api';
import { OPTCERT_MODULE } from '../optimizer/internals';
import { OptimizerRuntime } from '../optimizer/runtime';
import { WatchedDict } from '../runtime/watched-dict';
import { OP } from '../isa/table';
import { BudgetExhausted, pyError } from './errors';
import { Frame } from './frame';
import { DISPATCH, STEP_DISPATCH, type Handler } from './handlers';

/** CPython's default recursion limit, less the module frame a fixture's entry call runs under. */
export const MAX_FRAMES = 999;

export interface ExcSlot {
  handled: PyException | null;
}

export type Completion = { readonly kind: 'return' | 'yield'; readonly value: PyValue };

/** The globals, watched by the VM's optimizer runtime (a change invalidates the executors that depend on them). */
function watchedGlobals(vm: Vm): WatchedDict<string, PyValue> {
  const globals = new WatchedDict<string, PyValue>();
  globals.watcher = (dict) => vm.optimizers.namespaceChanging(dict);
  return globals;
}

export class Vm implements Host {
  /** Watched: executors may depend on it (@spec #dependency-globals). */
  readonly globals: Map<string, PyValue> = watchedGlobals(this);
  readonly builtins: ReadonlyMap<string, PyValue> = new Map<string, PyValue>([...BUILTINS, ['_optcert', OPTCERT_MODULE]]);
  /** Optimizers `_optcert.set_optimizer(name)` can register: the samples and a fixture's own. */
  namedOptimizers = new Map<string, () => Optimizer>();
  /** Printed output, in order. */
  readonly output: string[] = [];
  /**
   * CPython's exc_info chain: the base slot, then one slot per running generator (the generator
   * itself). PUSH_EXC_INFO / POP_EXCEPT work on the top slot.
   * @spec #exception-handled-state
   */
  readonly excBase: ExcSlot = { handled: null };
  readonly excSlots: ExcSlot[] = [this.excBase];
  /** Set by RERAISE: the exception keeps its context. */
  reraising = false;
  steps = 0;
  budget: number;
  /** The frame executing now; null when no Python code runs. */
  frame: Frame | null = null;
  /** Python frames currently active (for the recursion limit). */
  depth = 0;
  /** Set by RERAISE with oparg 1: the lasti the next handler is given. */
  reraiseLasti: number | null = null;
  /** The code objects this VM runs (its own copies: executors are installed into them). */
  codes: Code[] = [];
  /** The dispatch table: swapped for counting hotspot handlers while an optimizer is registered. */
  dispatch: Handler[] = DISPATCH;
  readonly optimizers: OptimizerRuntime = new OptimizerRuntime(this);
  /** When set, called with each executed opcode (coverage). */
  onInstruction: ((op: number) => void) | null = null;
  private completion: Completion | null = null;
  /** Frames waiting under nested runs (a builtin iterating a generator), outermost first. */
  readonly suspendedChains: Frame[] = [];

  constructor(budget: number) {
    this.budget = budget;
  }

  write(text: string): void {
    this.output.push(text);
  }

  /** Call a Python function from outside any frame and run it to completion. */
  callFunction(func: PyValue, args: PyValue[]): PyValue {
    if (!(func instanceof PyFunction)) return this.callNonPython(func, args, null);
    if (this.depth >= MAX_FRAMES) throw pyError('RecursionError', 'maximum recursion depth exceeded');
    const frame = this.makeFrame(func, args, null);
    frame.entry = true;
    return this.runEntryFrame(frame).value;
  }

  /**
   * Push the entry frame of a call without running it; drive it with step().
   * @spec #single-step
   */
  begin(func: PyFunction, args: PyValue[]): void {
    if (this.frame !== null) throw new Error('internal: begin() while a frame is running');
    const frame = this.makeFrame(func, args, null);
    frame.entry = true;
    this.enterFrame(frame, null);
  }

  /** The entry call's result once step() has run it to completion (null before). */
  takeCompletion(): Completion | null {
    const c = this.completion;
    this.completion = null;
    return c;
  }

  /**
   * Host.resume: run a generator in a nested loop until it yields or returns; with `raising`, the
   * exception is raised in the generator where it stopped (generator.throw / close).
   * @spec #generator-builtin-consume
   */
  resume(gen: PyGenerator, send: PyValue, raising: PyException | null = null): { done: false; value: PyValue } | { done: true; value: PyValue } {
    if (gen.state === 'running') throw pyError('ValueError', 'generator already executing');
    if (gen.state === 'closed') {
      if (raising !== null) throw raising;
      return { done: true, value: null };
    }
    /** @spec #generator-send */
    if (gen.state === 'created' && send !== null && raising === null) {
      throw pyError('TypeError', "can't send non-None value to a just-started generator");
    }
    if (this.depth >= MAX_FRAMES) throw pyError('RecursionError', 'maximum recursion depth exceeded');
    const frame = gen.frame as Frame;
    frame.stack.push(send);
    gen.state = 'running';
    frame.entry = true;
    this.excSlots.push(gen);
    const c = this.runEntryFrame(frame, raising);
    return c.kind === 'yield' ? { done: false, value: c.value } : { done: true, value: c.value };
  }

  /** Host.resumeRaising: generator.throw's and close()'s resumption. @spec #generator-throw */
  resumeRaising(gen: PyGenerator, exc: PyException): { done: false; value: PyValue } | { done: true; value: PyValue } {
    return this.resume(gen, null, exc);
  }

  private runEntryFrame(frame: Frame, raising: PyException | null = null): Completion {
    const saved = this.frame;
    if (saved) this.suspendedChains.push(saved);
    try {
      this.enterFrame(frame, null);
      // A thrown exception is raised by the instruction the generator stopped at (its YIELD_VALUE).
      if (raising !== null) this.unwind(raising);
      this.loop();
      const c = this.completion!;
      this.completion = null;
      return c;
    } finally {
      frame.entry = false;
      this.frame = saved;
      if (saved) this.suspendedChains.pop();
    }
  }

  private enterFrame(frame: Frame, back: Frame | null): void {
    /** @spec #recursion-limit */
    if (this.depth >= MAX_FRAMES) throw pyError('RecursionError', 'maximum recursion depth exceeded');
    this.depth++;
    frame.back = back;
    this.frame = frame;
  }

  /** Run until the entry frame completes. */
  private loop(): void {
    let f = this.frame;
    while (f !== null) {
      if (this.steps >= this.budget) throw new BudgetExhausted(this.steps);
      this.steps++;
      const ip = f.ip;
      f.ip = ip + 1;
      const op = f.ops[ip]!;
      if (this.onInstruction !== null) this.onInstruction(op);
      try {
        this.dispatch[op]!(this, f, f.args[ip]!);
      } catch (e) {
        if (!(e instanceof PyException)) throw e;
        this.unwind(e);
      }
      f = this.frame;
    }
  }

  /** Register an optimizer, or unregister with null. @spec #registration */
  registerOptimizer(o: Optimizer | null): ApiError | null {
    return this.optimizers.register(o);
  }

  /** @spec #replace-executor */
  replaceExecutor(code: Code, offset: number, executor: Executor | null): ApiError | null {
    return this.optimizers.replace(code, offset, executor);
  }

  /** The executor installed at `offset`, or null. @spec #get-executor */
  getExecutor(code: Code, offset: number): Executor | null {
    return this.optimizers.getExecutor(code, offset);
  }

  /** Changes whenever an executor is installed, replaced, removed or invalidated anywhere. @spec #get-executor */
  get executorVersion(): number {
    return this.optimizers.version;
  }

  /** `executor` depends on `dependency` (a namespace, a function, a code object…) from now on. @spec #executor-dependencies */
  addExecutorDependency(executor: Executor, dependency: object): ApiError | null {
    return this.optimizers.addDependency(executor, dependency);
  }

  /** False once `executor` has been invalidated. @spec #executor-validity */
  isExecutorValid(executor: Executor): boolean {
    return this.optimizers.isValid(executor);
  }

  /** Invalidate every executor that depends on `dependency`. @spec #invalidate-dependency */
  invalidateDependency(dependency: object): void {
    this.optimizers.invalidateDependency(dependency);
  }

  /** Invalidate every executor. @spec #invalidate-all */
  invalidateAllExecutors(): void {
    this.optimizers.invalidateAll();
  }

  /**
   * Execute exactly one instruction of the current frame (the public single-step API).
   * Returns false when there is no frame to step.
   * @spec #single-step
   */
  step(frame?: Frame): boolean {
    const f = this.frame;
    if (f === null) return false;
    if (frame !== undefined && frame !== f) throw new Error('internal: step(frame) needs the innermost frame');
    if (this.steps >= this.budget) throw new BudgetExhausted(this.steps);
    this.steps++;
    const ip = f.ip;
    f.ip = ip + 1;
    const op = f.ops[ip]!;
    try {
      STEP_DISPATCH[op]!(this, f, f.args[ip]!);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      this.unwind(e);
    }
    return true;
  }

  /** Find the handler covering `index`. @spec #exception-table */
  static handlerFor(code: Code, index: number): ExceptionEntry | null {
    for (const e of code.exceptionTable) if (index >= e.start && index < e.end) return e;
    return null;
  }

  /**
   * Route a raised exception: to a handler in the current frame, else pop frames until one has
   * a handler; past the entry frame it leaves the loop as a JS throw.
   * @spec #exception-unwind
   */
  unwind(exc: PyException): void {
    if (!this.reraising) this.attachContext(exc);
    this.reraising = false;
    // An executor's own steps may already have carried the exception out of every frame.
    if (this.frame === null) throw exc;
    let f = this.frame;
    let lasti = this.reraiseLasti;
    this.reraiseLasti = null;
    for (;;) {
      const index = f.ip - 1;
      const h = Vm.handlerFor(f.code, index);
      if (h) {
        f.stack.length = h.depth;
        if (h.lasti) f.stack.push(lasti ?? index);
        f.stack.push(exc);
        f.ip = h.target;
        return;
      }
      lasti = null;
      const caller = this.leaveFrame(f);
      if (f.entry || caller === null) {
        this.frame = null;
        throw exc;
      }
      this.frame = f = caller;
    }
  }

  /** The exception a bare `raise` re-raises: the innermost slot that holds one. */
  topmostHandled(): PyException | null {
    for (let i = this.excSlots.length - 1; i >= 0; i--) {
      const h = this.excSlots[i]!.handled;
      if (h !== null) return h;
    }
    return null;
  }

  /** A newly raised exception remembers the one being handled (`__context__`), without cycles. */
  private attachContext(exc: PyException): void {
    const handled = this.topmostHandled();
    // Routing an exception again (out of a builtin's nested run, out of an executor) is no new raise.
    if (handled === null || handled === exc || exc.context !== null) return;
    for (let c: PyException | null = handled; c; c = c.context) {
      if (c.context === exc) {
        c.context = null;
        break;
      }
    }
    exc.context = handled;
  }

  /** Pop `f` off the frame stack; returns its caller. */
  leaveFrame(f: Frame): Frame | null {
    this.depth--;
    if (f.gen) {
      f.gen.state = 'closed';
      this.excSlots.pop();
    }
    const caller = f.back;
    f.back = null;
    return caller;
  }

  /** RETURN_VALUE / RETURN_CONST. @spec #call-python */
  doReturn(f: Frame, value: PyValue): void {
    const forIter = f.gen !== null && !f.entry;
    const caller = this.leaveFrame(f);
    if (f.entry || caller === null) {
      this.completion = { kind: 'return', value };
      this.frame = null;
      return;
    }
    this.frame = caller;
    if (forIter && caller.ops[caller.ip - 1] === OP.SEND) {
      /** @spec #op-SEND */
      caller.stack.push(value);
      caller.ip = f.forIterExit;
    } else if (forIter) {
      /** @spec #generator-for-iter */
      caller.stack.pop();
      caller.ip = f.forIterExit;
    } else {
      caller.stack.push(value);
    }
  }

  /** YIELD_VALUE. @spec #generator-resume */
  doYield(f: Frame, value: PyValue): void {
    const gen = f.gen!;
    gen.state = 'suspended';
    this.excSlots.pop();
    this.depth--;
    const caller = f.back;
    f.back = null;
    if (f.entry || caller === null) {
      this.completion = { kind: 'yield', value };
      this.frame = null;
      return;
    }
    this.frame = caller;
    caller.stack.push(value);
  }

  /** RETURN_GENERATOR: the frame becomes a suspended generator handed to the caller. @spec #generator-create */
  doReturnGenerator(f: Frame): void {
    const gen = new PyGenerator(f.code.name, f);
    const entry = f.entry;
    f.entry = false;
    const caller = this.leaveFrame(f);
    f.gen = gen;
    gen.state = 'created';
    if (entry || caller === null) {
      this.completion = { kind: 'return', value: gen };
      this.frame = null;
      return;
    }
    this.frame = caller;
    caller.stack.push(gen);
  }

  /** FOR_ITER on a generator: run its frame on top of the caller. @spec #generator-for-iter */
  resumeFromForIter(caller: Frame, gen: PyGenerator, exit: number): boolean {
    if (gen.state === 'closed') return false;
    if (gen.state === 'running') throw pyError('ValueError', 'generator already executing');
    const frame = gen.frame as Frame;
    this.enterFrame(frame, caller);
    frame.forIterExit = exit;
    frame.stack.push(null);
    gen.state = 'running';
    this.excSlots.push(gen);
    return true;
  }

  /**
   * SEND on a generator that can resume: its frame runs on top of the delegating frame; a yield
   * comes back just past the SEND, a return pushes the value and continues at the SEND's target.
   * @spec #op-SEND
   */
  resumeFromSend(caller: Frame, gen: PyGenerator, sent: PyValue, target: number): void {
    const frame = gen.frame as Frame;
    this.enterFrame(frame, caller);
    frame.forIterExit = target;
    frame.stack.push(sent);
    gen.state = 'running';
    this.excSlots.push(gen);
  }

  /** Host.call: a builtin calling back into Python (sorted(key=f)) runs a nested loop. */
  call(callee: PyValue, args: PyValue[]): PyValue {
    return this.callFunction(callee, args);
  }

  /** CALL / CALL_KW. @spec #call-python */
  callInFrame(caller: Frame, callee: Slot, args: PyValue[], kwnames: readonly string[] | null): void {
    if (callee instanceof PyFunction) {
      const frame = this.makeFrame(callee, args, kwnames);
      this.enterFrame(frame, caller);
      return;
    }
    caller.stack.push(this.callNonPython(callee, args, kwnames));
  }

  private callNonPython(callee: Slot, args: PyValue[], kwnames: readonly string[] | null): PyValue {
    if (callee instanceof PyBuiltin || callee instanceof PyType || callee instanceof PyBoundMethod) {
      let kwargs: Map<string, PyValue> | null = null;
      if (kwnames && kwnames.length) {
        kwargs = new Map();
        const values = args.splice(args.length - kwnames.length);
        kwnames.forEach((k, i) => kwargs!.set(k, values[i]!));
      }
      return callNative(callee, args, kwargs, this);
    }
    /** @spec #call-not-callable */
    throw pyError('TypeError', `'${callee === undefined ? 'NoneType' : typeName(callee)}' object is not callable`);
  }

  /** Bind arguments to a new frame: the last `kwnames.length` of `args` are the keyword ones. @spec #call-binding */
  makeFrame(func: PyFunction, args: PyValue[], kwnames: readonly string[] | null): Frame {
    const frame = new Frame(func.code, func);
    const nkw = kwnames ? kwnames.length : 0;
    const npos = args.length - nkw;
    bindArguments(func, frame.locals, nkw ? args.slice(0, npos) : args, kwnames ?? NO_KEYWORDS, nkw ? args.slice(npos) : NO_KEYWORDS);
    return frame;
  }

  /** LOAD_GLOBAL: globals, then builtins. @spec #globals-lookup */
  loadGlobal(name: string): PyValue {
    const g = this.globals.get(name);
    if (g !== undefined) return g;
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    throw pyError('NameError', `name '${name}' is not defined`);
  }
}
