/**
 * The JIT's code generator: a region (plan.ts) becomes the source of one JavaScript function.
 *
 * Shape: a `for (;;) switch (pc)` over the region's basic blocks. Stack slots the region touches
 * are JS locals (`s3` is the value-stack slot 3), locals stay in the frame's array. A block starts
 * only when the budget has room for all of it — otherwise the executor leaves at the block's
 * first instruction and the interpreter exhausts the budget at the same step. Steps are counted
 * as the interpreter's loop counts them, but added to `st` once per block: inside a block the
 * emitter knows how many it has passed (`k`), and wherever the count is seen (an exit, a handler,
 * a raise) the code writes `st + k`.
 *
 * Fast paths (small ints, floats, list and tuple indexing, range and list iteration, identity,
 * bool tests) are inlined behind type guards. When a guard fails, and for every instruction the
 * JIT does not specialise, the *generic path* runs: the stack is spilled to the frame (the exact
 * interpreter state before the instruction), the interpreter's own handler runs the instruction,
 * and the executor reloads the stack and goes on — or, when the handler pushed a frame (a call of
 * a Python function, a generator resumed), returns that frame. Exceptions leave with the state the
 * interpreter's handler would have left (operands popped, `ip` past the raising instruction).
 * @spec #jit-codegen
 */
import type { JitInstruction, JitPlan } from './plan';
import { jumpTarget } from './plan';
import { slotBit, slotRange, syncedSlots, type SyncedSlots } from './sync';
import { regionName } from './v8-tier';
import { CALL_PRELUDE, emitCall, emitGeneratorResume, emitNestedLeave, type EmitParts } from './calls';

/** Past a safe integer: 2**53 (V8's parser folds the literal expression; shorter source). */
const UNSAFE = '2**53';
const COMPARE_JS = ['<', '<=', '===', '!==', '>', '>='] as const;
/**
 * The instructions specialised() has code for; every other one runs the interpreter's handler
 * (sync.ts relies on this: only these may leave a stack slot's JS local ahead of the frame).
 */
const SPECIALISED = new Set([
  'NOP', 'RESUME', 'LOAD_FAST', 'LOAD_FAST_CHECK', 'LOAD_FAST_AND_CLEAR', 'LOAD_FAST_LOAD_FAST', 'STORE_FAST',
  'STORE_FAST_STORE_FAST', 'STORE_FAST_LOAD_FAST', 'LOAD_CONST', 'LOAD_GLOBAL', 'POP_TOP', 'PUSH_NULL', 'COPY', 'SWAP',
  'JUMP_FORWARD', 'JUMP_BACKWARD_NO_INTERRUPT', 'JUMP_BACKWARD', 'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_TRUE',
  'POP_JUMP_IF_NONE', 'POP_JUMP_IF_NOT_NONE', 'TO_BOOL', 'UNARY_NOT', 'UNARY_NEGATIVE', 'IS_OP', 'BINARY_OP',
  'COMPARE_OP', 'BINARY_SUBSCR', 'STORE_SUBSCR', 'FOR_ITER', 'CALL',
]);
/** Returns and yields: their handler switches to the caller's frame. */
const LEAVES_FRAME = new Set(['RETURN_VALUE', 'RETURN_CONST', 'YIELD_VALUE']);

/** What the generated function receives from the executor (names used in the source). */
export interface JitBindings {
  /** Interpreter handlers by pc, for the generic path. */
  readonly H: readonly unknown[];
  /** The code's constants and names. */
  readonly K: readonly unknown[];
  readonly N: readonly string[];
  /** Slow-path counters per specialised site. */
  readonly F: Int32Array;
  /** The values of the globals (or builtins) the region loads, resolved at compile time. */
  readonly G: readonly unknown[];
  readonly PyFloat: unknown;
  readonly floatPow: unknown;
  /** Out-of-line fast paths (fast.ts). */
  readonly fast: unknown;
  /** The frame-state writes of exits and generic paths (exits.ts). */
  readonly X: unknown;
  /** For unwinding an exception to a handler of the same frame: the exception class and Vm.handlerFor. */
  readonly PyException: unknown;
  readonly handlerFor: unknown;
  /** The emitted region's runs of handler-only instructions. */
  readonly RUNS: readonly Int32Array[];
  /** For emitters that write list items inline (the jit's mutants). */
  readonly PyList: unknown;
  readonly PyRangeIterator: unknown;
  readonly isIdentical: unknown;
  readonly SMALL: number;
}

export interface EmittedRegion {
  readonly source: string;
  /** The runs of handler-only instructions, (pc, arg) pairs (bound as RUNS). */
  readonly runs: readonly Int32Array[];
  /** Specialised sites, in the order of F's counters: the pc of each. */
  readonly sites: readonly number[];
}

/**
 * Emits one region. Subclasses (the JIT's mutants) override a piece to break one thing on
 * purpose; nothing else should need to.
 */
export class JitEmitter {
  protected readonly sites: number[] = [];
  /** Instructions whose inline code may raise, with the steps of their block counted up to them. */
  protected readonly raising: { ins: JitInstruction; k: number }[] = [];
  /** Steps of the current block counted so far and not yet added to `st`. */
  protected k = 0;

  constructor(
    protected readonly plan: JitPlan,
    /** Sites whose fast path kept failing: emitted generic only. */
    protected readonly generic: ReadonlySet<number> = new Set(),
    /**
     * LOAD_GLOBAL sites whose value was resolved at compile time (pc -> index into G): the
     * executor depends on the globals and builtins, and checks its validity after every generic
     * path, which may run code that rebinds a global.
     */
    protected readonly globals: ReadonlyMap<number, number> = new Map(),
  ) {}

  emit(): EmittedRegion {
    const p = this.plan;
    const lines: string[] = [];
    const cases: string[] = [];
    this.synced = syncedSlots(p, (ins) => this.written(ins));
    this.chainSteps();
    for (let li = 0; li < p.leaders.length; li++) cases.push(this.block(p.leaders[li]!, p.leaders[li + 1] ?? Infinity));
    const slots: string[] = [];
    for (let i = p.low; i < p.high; i++) slots.push(`s${i}`);
    lines.push(
      `const H = R.H, K = R.K, N = R.N, F = R.F, G = R.G, PyFloat = R.PyFloat, floatPow = R.floatPow, PyList = R.PyList;`,
      `const RangeIt = R.PyRangeIterator, isIdentical = R.isIdentical, SMALL = R.SMALL;`,
      `const FX = R.fast, fadd = FX.floatAdd, fsub = FX.floatSub, fmul = FX.floatMul, fdiv = FX.floatDiv, fcmp = FX.floatCompare, seqNext = FX.seqNext, NOT_SEQ = FX.NOT_SEQ, SEQ_DONE = FX.SEQ_DONE;`,
      `const getIndex = FX.getIndex, NO_ITEM = FX.NO_ITEM, setIndex = FX.setIndex, toBool = FX.toBool, RUN = FX.runHandlers, RUNS = R.RUNS, bigIntOp = FX.bigIntOp;`,
      // Read once: code a compartment evaluates (a user's jit under optcert certify) looks a global up through its scope at every use.
      `const abs = Math.abs, floor = Math.floor;`,
      CALL_PRELUDE,
      `const X = R.X, T = X.trim, XL = X.leave, XE = X.enter, PyExc = R.PyException, HANDLER = R.handlerFor;`,
      // Parenthesized: V8 compiles the function with the rest of the source, eagerly (its "PIFE"
      // heuristic), instead of pre-parsing it now and parsing it again at the first call.
      `return (function ${regionName(p)}(vm, f, self, entry, limit, nest) {`,
      `const L = f.locals, S = f.stack, B = vm.budget < limit ? vm.budget : limit;`,
      `let st = vm.steps, pc = entry, mem = true, chk = false, cur = -1;`,
      // A per-instruction hook (vm.onInstruction) is the interpreter's to call: with one installed
      // the region leaves where it was entered, and the interpreter runs (and reports) every instruction.
      `if (vm.onInstruction !== null) { f.ip = pc; return f; }`,
      `let a, b, r, v, it, t, c, e0${slots.length ? ', ' + slots.join(', ') : ''};`,
      `dispatch: for (;;) {`,
      `try {`,
      `switch (pc) {`,
      `default: { f.ip = pc; vm.steps = st; return f; }`,
      ...cases,
      `}`,
      // Only inline code that may raise sets `cur`; a handler or a nested activation that raised
      // (cur is -1 then) left the state exact already.
      `} catch (e) {`,
      `if (cur !== -1) {`,
      `switch (cur) {`,
      ...this.raising.map(({ ins, k }) => `case ${ins.pc}: ${this.at(ins).spill(ins.depth - ins.def.pops(ins.arg))}${k ? ` st += ${k};` : ''} break;`),
      `}`,
      `f.ip = cur + 1; vm.steps = st; cur = -1;`,
      `}`,
      // The interpreter's state at the raise. A Python exception with a handler in this frame is
      // unwound there, as the interpreter's loop does, and the region goes on from the handler
      // (or leaves at it: the dispatch's default); anything else leaves the executor.
      `if (!(e instanceof PyExc) || vm.frame !== f || HANDLER(f.code, f.ip - 1) === null) throw e;`,
      `vm.unwind(e); st = vm.steps; pc = f.ip; mem = true;`,
      `}`,
      `}`,
      `});`,
    );
    return { source: lines.join('\n'), sites: this.sites, runs: this.runs };
  }

  /**
   * The stack slots this instruction's code may assign a JS local (a mask, sync.ts), or null when it
   * always runs the handler on written-back state. Outputs, except where the code writes fewer.
   */
  protected written(ins: JitInstruction): number | null {
    const { def, arg, depth: d } = ins;
    if (this.generic.has(ins.pc) || !(SPECIALISED.has(def.name) || LEAVES_FRAME.has(def.name))) return null;
    const p = this.plan;
    switch (def.name) {
      case 'FOR_ITER': // the iterator stays; the next value is pushed
      case 'COPY':
        return slotRange(p, d, d + 1);
      case 'SWAP':
        return slotBit(p, d - 1) | slotBit(p, d - arg);
      default: {
        const after = d - def.pops(arg);
        return slotRange(p, after, after + def.pushes(arg));
      }
    }
  }

  /** Slots in sync before each instruction, and at each exit stub (sync.ts). */
  private synced: SyncedSlots = { get: () => undefined };
  /** Where the code being emitted is: slots below `below` in `mask` are in sync. */
  private here = { mask: 0, below: 0 };

  /** Emit what follows as code of `ins` (before it, or inside it below its inputs). */
  protected at(ins: JitInstruction): this {
    this.here = { mask: this.synced.get(ins.pc) ?? 0, below: ins.depth - ins.def.pops(ins.arg) };
    return this;
  }

  /**
   * Write the JS locals for slots [low, depth) back to the frame's stack — all but those below the
   * current instruction's inputs that are known to be in sync already.
   */
  protected spill(depth: number): string {
    return `${this.slots(depth)}T(S, ${depth});`;
  }

  /** spill() without cutting the frame's stack to `depth` (exits.ts's helpers do that). */
  protected slots(depth: number): string {
    let out = '';
    const { mask, below } = this.here;
    for (let i = this.plan.low; i < depth; i++) if (i >= below || (mask & slotBit(this.plan, i)) === 0) out += `S[${i}] = s${i}; `;
    return out;
  }

  /**
   * Take slots [low, depth) from the frame's stack into JS locals. The frame's array keeps its
   * (now stale) entries: nothing reads it until the next spill, which rewrites it and sets its length.
   */
  protected reload(depth: number, from = this.plan.low): string {
    let out = '';
    for (let i = Math.max(from, this.plan.low); i < depth; i++) out += `s${i} = S[${i}]; `;
    return out;
  }

  /** Leave before the instruction at pc (register mode): the interpreter runs it. */
  protected exitBefore(pc: number, depth: number): string {
    return `{ ${this.slots(depth)}return XL(vm, f, ${pc}, ${this.steps()}, ${depth}); }`;
  }

  /** A compiled block's instructions. */
  private bodyOf(start: number, next: number): JitInstruction[] {
    const body: JitInstruction[] = [];
    for (let pc = start; pc < next; pc++) {
      const ins = this.plan.instructions.get(pc);
      if (ins === undefined) break;
      body.push(ins);
      if (ins.def.terminator || ins.def.jumpEffect) break;
    }
    return body;
  }

  /**
   * By compiled block: its steps plus those of the blocks it falls through into (its chain). The
   * budget is checked for a whole chain where control enters it — from the dispatch, or at a
   * compiled jump — and not again where one block falls into the next. Code that may take steps
   * of its own inside a chain (a handler, a nested activation) checks again for the rest.
   */
  private readonly chains = new Map<number, number>();

  private chainSteps(): void {
    const { leaders, exits } = this.plan;
    const bodies = new Map<number, JitInstruction[]>();
    for (let li = 0; li < leaders.length; li++) {
      if (!exits.has(leaders[li]!)) bodies.set(leaders[li]!, this.bodyOf(leaders[li]!, leaders[li + 1] ?? Infinity));
    }
    for (let li = leaders.length - 1; li >= 0; li--) {
      const body = bodies.get(leaders[li]!);
      if (body === undefined) continue;
      const last = body[body.length - 1]!;
      const next = leaders[li + 1];
      const falls = !last.def.terminator && next !== undefined && last.pc + 1 === next && bodies.has(next);
      this.chains.set(leaders[li]!, body.length + (falls ? this.chains.get(next)! : 0));
    }
  }

  private block(start: number, next: number): string {
    const p = this.plan;
    const exitDepth = p.exits.get(start);
    if (exitDepth !== undefined) {
      this.here = { mask: this.synced.get(start) ?? 0, below: exitDepth };
      return `case ${start}: { if (!mem) { ${this.spill(exitDepth)} } f.ip = ${start}; vm.steps = st; return f; }`;
    }
    const body = this.bodyOf(start, next);
    const first = body[0]!;
    const chain = this.chains.get(start)!;
    // Steps of the blocks this one falls through into: the room a check in this block must see.
    const fall = chain - body.length;
    this.at(first);
    this.k = 0;
    const out = [
      `case ${start}: {`,
      // From the dispatch (the state in the frame): check the chain here. A compiled jump checked
      // where it jumped; a block falling into this one checked for both.
      `if (mem) { ${this.reload(first.depth)}mem = false; if (st + ${chain} > B) return XL(vm, f, ${start}, st, ${first.depth}); }`,
    ];
    for (let i = 0; i < body.length; ) {
      let j = i;
      while (j < body.length && this.runnable(body[j]!)) j++;
      if (j - i >= 2) {
        out.push(this.at(body[i]!).handlerRun(body.slice(i, j), body.length - j + fall));
        i = j;
        continue;
      }
      this.rest = body.length - i - 1 + fall;
      const code = this.at(body[i]!).instruction(body[i]!);
      if (code !== '') out.push(code);
      i++;
    }
    const last = body[body.length - 1]!;
    // Into the next block: the next case when it starts there (JS's switch falls through, no dispatch).
    // A jump's code added the steps where it jumped; falling through to the next block adds them here.
    const onward = last.def.terminator ? '' : last.pc + 1 === next ? this.flush() : this.jump(last.pc + 1);
    if (onward !== '') out.push(onward);
    out.push('}');
    return out.join('\n');
  }

  /** Instructions after the one being emitted in its chain (their steps were checked where the chain was entered). */
  private rest = 0;
  /** Runs of handler-only instructions: (pc, arg) pairs, bound as RUNS. */
  protected readonly runs: Int32Array[] = [];

  /** An instruction a run of handlers can take: the handler alone, no jump, the frame stays. */
  private runnable(ins: JitInstruction): boolean {
    const p = this.plan;
    return this.written(ins) === null && !ins.def.jumpEffect && !ins.def.terminator && !(ins.pc === p.offset && p.kind === 'back_edge');
  }

  /**
   * Several instructions in a row that only the interpreter's handlers run: write the stack back
   * once, run the handlers in a loop (fast.ts), reload what they left. `rest`: the block's
   * instructions after the run.
   */
  protected handlerRun(run: readonly JitInstruction[], rest: number): string {
    const pairs = new Int32Array(run.length * 2);
    let low = Infinity;
    run.forEach((ins, k) => {
      pairs[2 * k] = ins.pc;
      pairs[2 * k + 1] = ins.arg;
      low = Math.min(low, ins.depth - ins.def.pops(ins.arg));
    });
    const last = run[run.length - 1]!;
    const end = last.depth - last.def.pops(last.arg) + last.def.pushes(last.arg);
    const k = this.runs.length;
    this.runs.push(pairs);
    const steps = this.steps();
    this.k += run.length;
    return `{ ${this.spill(run[0]!.depth)} vm.steps = ${steps}; r = RUN(vm, f, H, RUNS[${k}], B - ${rest}); chk = true; ` +
      `if (r !== 0) return r === 1 ? vm.frame : f;${this.validity()} ${this.rebase()} ${this.reload(end, low)}}`;
  }

  /** Once invalid (a handler ran code that rebound a global), leave: nothing assumed holds any more. */
  private validity(): string {
    return this.globals.size > 0 ? ' if (!vm.isExecutorValid(self)) return f;' : '';
  }

  /** Count the step, as the interpreter's loop does (no hook is installed: see block()): in `k`, no code. */
  protected count(_ins: JitInstruction): string {
    this.k++;
    return '';
  }

  /** The exact step count here (plus `delta`), as JS. */
  protected steps(delta = 0): string {
    const k = this.k + delta;
    return k === 0 ? 'st' : `st + ${k}`;
  }

  /** After code that counted steps itself (a handler, a nested activation): `st` from the VM's count. */
  protected rebase(): string {
    return this.k === 0 ? 'st = vm.steps;' : `st = vm.steps - ${this.k};`;
  }

  /** The block's steps added to `st`, before code goes to another block. */
  protected flush(): string {
    return this.k === 0 ? '' : `st += ${this.k};`;
  }

  /** The interpreter's handler on the spilled state; then reload, or follow a jump or a new frame. */
  protected genericPath(ins: JitInstruction): string {
    const { pc, arg, def, depth } = ins;
    const head = `${this.slots(depth)}XE(vm, f, ${pc + 1}, ${this.steps()}, ${depth}); H[${pc}](vm, f, ${arg}); chk = true;` +
      ` if (vm.frame !== f) return vm.frame;${this.validity()}`;
    // To another block: there `st` is the whole count.
    if (def.jumpEffect || def.terminator) return `{ ${head} st = vm.steps; pc = f.ip; mem = true; continue dispatch; }`;
    // The handler may have run Python code (a builtin calling a function): the block's checked
    // room may be gone. The state is exact now, in the frame.
    const room = this.rest > 0 ? ` if (${this.roomGone()}) return f;` : '';
    const rebase = ` ${this.rebase()}`;
    // Handlers pop and push only at the top: the slots below what it popped still hold what was spilled.
    return `{ ${head}${rebase}${room} ${this.reload(depth - def.pops(arg) + def.pushes(arg), depth - def.pops(arg))}}`;
  }

  /**
   * A local read that found the slot unbound: the interpreter's handler raises UnboundLocalError
   * (it reads only locals), and the catch leaves the state it would have left.
   */
  protected unbound(ins: JitInstruction): string {
    this.raising.push({ ins, k: this.k });
    return `{ cur = ${ins.pc}; H[${ins.pc}](vm, f, ${ins.arg}); }`;
  }

  /**
   * The slow path of a specialised site (a guard failed, before any effect): count it, then take
   * the generic path and go on. Leaving the executor here instead would make the source smaller,
   * but a site that fails often would then leave at every failure until it is recompiled — and the
   * sites after it would only start failing once it stopped: each a trip through the interpreter
   * and an executor entry (on the certification corpus, 28,000 entries instead of 17,000).
   */
  protected slowPath(ins: JitInstruction): string {
    const k = this.sites.length;
    this.sites.push(ins.pc);
    return `{ F[${k}]++; ${this.genericPath(ins)} }`;
  }

  /** To another block: the steps so far added, the room for the target's chain checked (else leave before it). */
  protected jump(to: number): string {
    const flush = this.flush();
    const chain = this.chains.get(to);
    let check = '';
    if (chain !== undefined) {
      const target = this.plan.instructions.get(to)!;
      const [here, k] = [this.here, this.k];
      // The target's sync state: the meet over the edges into it, so it holds on this one too.
      this.here = { mask: this.synced.get(to) ?? 0, below: target.depth - target.def.pops(target.arg) };
      this.k = 0;
      check = ` if (st + ${chain} > B) ${this.exitBefore(to, target.depth)}`;
      [this.here, this.k] = [here, k];
    }
    return `${flush}${check} pc = ${to}; continue dispatch;`;
  }

  /** After code that took steps of its own: the rest of the chain no longer fits (a JS condition), or '' when nothing is left. */
  protected roomGone(): string {
    return this.rest > 0 ? `st > B - ${this.rest + this.k}` : '';
  }

  protected instruction(ins: JitInstruction): string {
    const p = this.plan;
    if (ins.pc === p.offset && p.kind === 'back_edge' && ins.def.name === 'JUMP_BACKWARD') {
      // Our own back edge: loop here, unless a generic path ran code that replaced us.
      return `if (chk) { chk = false; if (!self.installed(vm)) ${this.exitBefore(ins.pc, ins.depth)} } ` +
        `${this.count(ins)} ${this.jump(ins.arg)}`;
    }
    if (LEAVES_FRAME.has(ins.def.name)) {
      // A frame a builtin runs in a nested loop ends that loop: the interpreter does it.
      const value = ins.def.name === 'RETURN_CONST' ? `K[${ins.arg}]` : `s${ins.depth - 1}`;
      const after = ins.depth - ins.def.pops(ins.arg);
      return `if (f.entry) ${this.exitBefore(ins.pc, ins.depth)} ${this.count(ins)} ${emitNestedLeave(this.parts(), ins, value, after)} ${this.genericPath(ins)}`;
    }
    const counted = this.count(ins);
    const body = this.generic.has(ins.pc) || !SPECIALISED.has(ins.def.name) ? this.genericPath(ins) : this.specialised(ins);
    return counted === '' ? body : `${counted} ${body}`;
  }

  /** The instruction's inline code, or its generic path when the JIT does not specialise it. */
  protected specialised(ins: JitInstruction): string {
    const { pc, arg, depth: d } = ins;
    const s = (i: number): string => `s${d - i}`; // s(1) is TOS before the instruction
    switch (ins.def.name) {
      case 'NOP':
      case 'RESUME':
        return '';
      case 'LOAD_FAST':
      case 'LOAD_FAST_CHECK':
        return `s${d} = L[${arg}]; if (s${d} === undefined) ${this.unbound(ins)}`;
      case 'LOAD_FAST_AND_CLEAR':
        return `s${d} = L[${arg}]; L[${arg}] = undefined;`;
      case 'LOAD_FAST_LOAD_FAST':
        return `s${d} = L[${arg >> 4}]; s${d + 1} = L[${arg & 15}]; if (s${d} === undefined || s${d + 1} === undefined) ${this.unbound(ins)}`;
      case 'STORE_FAST':
        return `L[${arg}] = ${s(1)};`;
      case 'STORE_FAST_STORE_FAST':
        return `L[${arg >> 4}] = ${s(1)}; L[${arg & 15}] = ${s(2)};`;
      case 'STORE_FAST_LOAD_FAST': {
        const a = arg >> 4;
        const b = arg & 15;
        const check = a === b ? '' : `if (L[${b}] === undefined) ${this.genericPath(ins)} else `;
        return `${check}{ L[${a}] = ${s(1)}; ${s(1)} = L[${b}]; }`;
      }
      case 'LOAD_CONST':
        return `s${d} = K[${arg}];`;
      case 'LOAD_GLOBAL': {
        const k = this.globals.get(pc);
        if (k !== undefined) return `s${d} = G[${k}];${arg & 1 ? ` s${d + 1} = undefined;` : ''}`;
        this.raising.push({ ins, k: this.k });
        return `cur = ${pc}; s${d} = vm.loadGlobal(N[${arg >> 1}]); cur = -1;${arg & 1 ? ` s${d + 1} = undefined;` : ''}`;
      }
      case 'POP_TOP':
        return '';
      case 'PUSH_NULL':
        return `s${d} = undefined;`;
      case 'COPY':
        return `s${d} = ${s(arg)};`;
      case 'SWAP':
        return `t = ${s(1)}; ${s(1)} = ${s(arg)}; ${s(arg)} = t;`;
      case 'JUMP_FORWARD':
      case 'JUMP_BACKWARD_NO_INTERRUPT':
        return this.jump(arg);
      case 'JUMP_BACKWARD':
        return this.jump(arg);
      case 'POP_JUMP_IF_FALSE':
      case 'POP_JUMP_IF_TRUE': {
        const onTrue = ins.def.name === 'POP_JUMP_IF_TRUE';
        return `v = ${s(1)}; if (v === true) { ${onTrue ? this.jump(arg) : ''} } else if (v === false) { ${onTrue ? '' : this.jump(arg)} } else ${this.slowPath(ins)}`;
      }
      case 'POP_JUMP_IF_NONE':
        return `if (${s(1)} === null) { ${this.jump(arg)} }`;
      case 'POP_JUMP_IF_NOT_NONE':
        return `if (${s(1)} !== null) { ${this.jump(arg)} }`;
      case 'TO_BOOL':
        return `if ((v = toBool(${s(1)})) !== undefined) ${s(1)} = v; else ${this.slowPath(ins)}`;
      case 'UNARY_NOT':
        return `if (typeof ${s(1)} === 'boolean') ${s(1)} = !${s(1)}; else ${this.slowPath(ins)}`;
      case 'UNARY_NEGATIVE':
        return `v = ${s(1)}; if (typeof v === 'number') ${s(1)} = 0 - v; else if (v instanceof PyFloat) ${s(1)} = new PyFloat(-v.value); else ${this.slowPath(ins)}`;
      case 'IS_OP':
        return `${s(2)} = isIdentical(${s(2)}, ${s(1)}) !== ${arg === 1};`;
      case 'BINARY_OP':
        return this.binaryOp(ins, s(2), s(1));
      case 'COMPARE_OP': {
        const js = COMPARE_JS[arg >> 5];
        if (js === undefined) return this.genericPath(ins);
        const strings = js === '===' || js === '!==' ? ` else if (typeof a === 'string' && typeof b === 'string') ${s(2)} = a ${js} b;` : '';
        return `a = ${s(2)}; b = ${s(1)}; if (typeof a === 'number' && typeof b === 'number') ${s(2)} = a ${js} b; ` +
          `else if ((r = fcmp(a, b, ${arg >> 5})) !== undefined) ${s(2)} = r;${strings} else ${this.slowPath(ins)}`;
      }
      case 'BINARY_SUBSCR':
        return `if ((v = getIndex(${s(2)}, ${s(1)})) !== NO_ITEM) ${s(2)} = v; else ${this.slowPath(ins)}`;
      case 'STORE_SUBSCR':
        return `if (!setIndex(${s(2)}, ${s(1)}, ${s(3)})) ${this.slowPath(ins)}`;
      case 'FOR_ITER':
        return this.forIter(ins);
      case 'CALL':
        return this.call(ins);
      default:
        return this.genericPath(ins);
    }
  }

  /** FOR_ITER over a small range or a list/tuple inline; the rest through the handler. */
  protected forIter(ins: JitInstruction): string {
    const d = ins.depth;
    const done = jumpTarget(ins.def, ins.arg);
    return `it = s${d - 1}; ` +
      `if (it instanceof RangeIt && typeof it.next === 'number' && typeof it.step === 'number' && typeof it.stop === 'number' && ` +
      `abs(it.stop) < SMALL && abs(it.step) < SMALL) { v = it.next; ` +
      `if (it.step > 0 ? v < it.stop : v > it.stop) { it.next = v + it.step; s${d} = v; } else { ${this.jump(done)} } } ` +
      // A generator is tested before a list: its test is one instanceof, the list's a call.
      `${emitGeneratorResume(this.parts(), ins)}else if ((v = seqNext(it)) !== NOT_SEQ) { if (v === SEQ_DONE) { ${this.jump(done)} } s${d} = v; } ` +
      `else ${this.slowPath(ins)}`;
  }

  /** CALL: a plain Python function with a compiled entry runs nested (calls.ts); the rest generic. */
  protected call(ins: JitInstruction): string {
    return emitCall(this.parts(), ins);
  }

  /** The pieces calls.ts builds its code from. */
  protected parts(): EmitParts {
    return {
      steps: () => this.steps(),
      rebase: () => this.rebase(),
      roomGone: () => this.roomGone(),
      spill: (depth) => this.spill(depth),
      genericPath: (ins) => this.genericPath(ins),
      jump: (to) => this.jump(to),
      validity: (exit) => (this.globals.size > 0 ? ` if (!vm.isExecutorValid(self)) { ${exit} }` : ''),
    };
  }

  /** BINARY_OP on two small ints or two floats inline (the in-place forms too: both are immutable). */
  protected binaryOp(ins: JitInstruction, left: string, right: string): string {
    const op = ins.arg >= 13 ? ins.arg - 13 : ins.arg;
    const slow = this.slowPath(ins);
    // Ints: the result must stay a safe integer (else the slow path makes it a big int). Floats,
    // and a float with a small int, go through fast.ts; the slow path appears once per site.
    const ints = (expr: string, cond = ''): string =>
      `if (typeof a === 'number' && typeof b === 'number'${cond} && (r = ${expr}) < ${UNSAFE} && r > -(${UNSAFE})) ${left} = r;`;
    const floats = (fn: string): string => ` else if ((r = ${fn}(a, b)) !== undefined) ${left} = r;`;
    // Ints past 2^53 (or a result past it): the interpreter's int arithmetic, called directly.
    const bigs = ` else if ((r = bigIntOp(${op}, a, b)) !== undefined) ${left} = r;`;
    const head = `a = ${left}; b = ${right}; `;
    switch (op) {
      case 0: // + (two strs concatenate as JS strings: a str never holds a lone surrogate, #str-code-points)
        return head + ints('a + b') + floats('fadd') + ` else if (typeof a === 'string' && typeof b === 'string') ${left} = a + b;` + bigs + ` else ${slow}`;
      case 10: // -
        return head + ints('a - b') + floats('fsub') + bigs + ` else ${slow}`;
      case 5: // * (an int product of 0 and a negative is -0 in JS, 0 in Python)
        return head + ints('a * b + 0') + floats('fmul') + bigs + ` else ${slow}`;
      case 2: // // (exact for safe ints: the rounded quotient never crosses an integer)
        return head + ints('floor(a / b) + 0', ' && b !== 0') + bigs + ` else ${slow}`;
      case 6: // % (the sign of the divisor, as Python's)
        return head + `if (typeof a === 'number' && typeof b === 'number' && b !== 0) { r = a % b; if (r !== 0 && (r < 0) !== (b < 0)) r += b; ${left} = r + 0; }` +
          bigs + ` else ${slow}`;
      case 11: // / (both operands exact doubles: the quotient is correctly rounded, as CPython's)
        return head + `if (typeof a === 'number' && typeof b === 'number' && b !== 0) ${left} = new PyFloat(a / b);` + floats('fdiv') + ` else ${slow}`;
      case 8: { // ** with a float operand (the other a float or a small int): the interpreter's floatPow, which may raise
        this.raising.push({ ins, k: this.k });
        return head + `if (a instanceof PyFloat ? b instanceof PyFloat || typeof b === 'number' : typeof a === 'number' && b instanceof PyFloat) ` +
          `{ cur = ${ins.pc}; ${left} = new PyFloat(floatPow(typeof a === 'number' ? a : a.value, typeof b === 'number' ? b : b.value)); cur = -1; } else ${slow}`;
      }
      case 1: // &
      case 7: // |
      case 12: { // ^
        const js = op === 1 ? '&' : op === 7 ? '|' : '^';
        return head + `if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) ${left} = a ${js} b; else ${slow}`;
      }
      case 9: // >>
        return head + `if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && b >= 0 && b < 32) ${left} = a >> b; else ${slow}`;
      case 3: // <<
        return head + `if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && b >= 0 && b <= 21) ${left} = a * (1 << b); else ${slow}`;
      default:
        return this.genericPath(ins);
    }
  }
}
