/**
 * Compiled calls: a `CALL` of a plain Python function whose entry has a compiled region, and a
 * `FOR_ITER` over a suspended generator whose resume point has one, run the other frame's region
 * as a JS call — a *nested activation* — instead of leaving through the trampoline. The frames are
 * the interpreter's (built, linked and unlinked exactly as CALL, FOR_ITER, RETURN_VALUE and
 * YIELD_VALUE do); only the dispatch between them is gone.
 *
 * Protocol: an activation gets `nest` (0 when the trampoline entered it, else how many compiled
 * callers wait below it on the JS stack). A nested activation ends in one of three ways:
 * - a return of a plain function: it unlinks its frame and returns the value;
 * - a generator's yield or return: it suspends or closes the generator and returns the value, or
 *   `EXHAUSTED_GENERATOR` for a return;
 * - anything else (budget, slice, an exit, a generic path that switched frames, its executor
 *   invalidated): it leaves the VM state exact and returns the innermost frame. Its caller had
 *   written its own state back before the call, so it returns that frame too, up to the trampoline.
 * Exceptions propagate as JS exceptions through every activation, each caller's state already
 * exact; the VM unwinds from the innermost frame as usual.
 * @spec #jit-calls
 */
import { CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS, type Code } from '../../isa/code';
import { Frame } from '../../interp/frame';
import { MAX_FRAMES, type Vm } from '../../interp/vm';
import { PyFunction, PyGenerator } from '../../runtime/values';
import type { JitInstruction } from './plan';
import { jumpTarget } from './plan';

/**
 * Compiled callers one activation may have below it on the JS stack. Past it a call goes through
 * the trampoline (whose activation starts again at 0): Python's recursion limit allows 999 frames,
 * and each nested activation is one JS frame of generated code — under 500 bytes of stack even
 * before V8 optimizes it (600 nested activations ran in a 300 KB stack; Node's default is ~1 MB),
 * so 400 of them leave most of the stack to the host.
 */
export const MAX_NEST = 400;

/** Spare frames a call site keeps (a recursion as deep as the limit allows reuses them all). */
const MAX_SPARES = 1000;

/** What a nested activation returns when its generator returned (FOR_ITER jumps to its exit). */
export const EXHAUSTED_GENERATOR: unique symbol = Symbol('jit.exhausted-generator');

/** Flags that make binding more than `locals[i] = args[i]`, or the call more than a frame. */
const NOT_PLAIN = CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR;

/** A region the executor can run nested: what JitExecutor offers calls.ts. */
export interface NestedRegion {
  /**
   * The region's generated function, called as `nested(vm, f, region, pc, limit, nest)` to run
   * the region on `f` from `pc` as a nested activation (see the protocol above): a direct call,
   * one JS frame per nested Python frame.
   */
  readonly nested: (vm: Vm, f: Frame, self: NestedRegion, pc: number, limit: number, nest: number) => unknown;
  /** Still installed where it was (neither replaced, removed nor invalidated since). */
  installed(vm: Vm): boolean;
}

/**
 * One call site's memory of the last region it ran nested (a monomorphic inline cache): the
 * callee's code (and, for a generator, where it continues) and the region. A hit still asks the
 * VM whether that region is installed.
 */
export interface SiteCache {
  code: Code | null;
  ip: number;
  region: NestedRegion | null;
  /**
   * Frames calls from this site made and their callees returned from, all of one function, for
   * the next calls to reuse (see frameFor): a recursion going down takes them, one coming back
   * up gives them back.
   */
  readonly spares: Frame[];
  /** The function every frame in `spares` belongs to (null before the first): no load of a spare to ask. */
  sparesOf: PyFunction | null;
}

/** Counts the optimizer's executor entries: the only moments a certifier or a tool sees the VM's frames. */
export interface EntryClock {
  entries: number;
}

/**
 * The frame for a call of `func` from `site`: a spare frame of `func`, reset to what `new Frame`
 * makes (ip 0, every local unbound, an empty stack), else a new one. A spare is a frame a nested
 * callee returned from with no executor entry in between (the caller checks the clock): built and
 * dropped between two entries, no one but this site has ever seen it, so reusing it is not
 * observable — and saves three allocations per call.
 */
function frameFor(site: SiteCache, func: PyFunction): Frame {
  const spares = site.spares;
  if (site.sparesOf !== func || spares.length === 0) return new Frame(func.code, func);
  const spare = spares.pop()!;
  spare.ip = 0;
  const locals = spare.locals;
  for (let i = 0; i < locals.length; i++) locals[i] = undefined;
  const stack = spare.stack;
  while (stack.length !== 0) stack.pop();
  return spare;
}

/** Keep `frame`, which a nested callee called from `site` returned from, for frameFor. */
function release(site: SiteCache, frame: Frame): void {
  const spares = site.spares;
  if (site.sparesOf !== frame.func) {
    if (spares.length !== 0) spares.length = 0;
    site.sparesOf = frame.func;
  }
  if (spares.length < MAX_SPARES) spares.push(frame);
}

/**
 * Resume the suspended generator `gen` as FOR_ITER does: the consumer's `ip` past FOR_ITER and the
 * steps written, the generator's frame linked with `exit` as its loop exit, the sent None pushed,
 * the generator running and its exception slot on the VM's stack. Returns its frame.
 */
function resume(vm: Vm, consumer: Frame, gen: PyGenerator, ip: number, exit: number, steps: number): Frame {
  consumer.ip = ip;
  vm.steps = steps;
  // A generator's frame is the interpreter's Frame (values.ts names only what a generator needs of it).
  const r = gen.frame as Frame;
  vm.depth++;
  r.back = consumer;
  vm.frame = r;
  r.forIterExit = exit;
  r.stack.push(null);
  gen.state = 'running';
  vm.excSlots.push(gen);
  return r;
}

/** The end of a nested activation's frame: unlinked, its caller current again, the steps written; returns `value`. */
function unlink(vm: Vm, f: Frame, steps: number, value: unknown): unknown {
  const back = f.back;
  f.back = null;
  vm.frame = back;
  vm.steps = steps;
  return value;
}

/** A nested generator's yield, after its state was written: suspended, its exception slot popped, unlinked. */
function suspend(vm: Vm, f: Frame, steps: number, value: unknown): unknown {
  vm.excSlots.pop();
  vm.depth--;
  return unlink(vm, f, steps, value);
}

/** A nested generator's return, after its stack was written: closed at `ip`, unlinked; FOR_ITER's exit. */
function close(vm: Vm, f: Frame, ip: number, steps: number): symbol {
  f.ip = ip;
  f.gen!.state = 'closed';
  vm.excSlots.pop();
  vm.depth--;
  unlink(vm, f, steps, undefined);
  return EXHAUSTED_GENERATOR;
}

/** Looks up the region an installed executor offers at `pc` of `code`. */
export type RegionLookup = (vm: Vm, code: Code, pc: number) => NestedRegion | null;

/** What the generated code of calls needs (added to the region's bindings as `C`). */
export interface CallBindings {
  readonly PyFunction: unknown;
  readonly PyGenerator: unknown;
  readonly Frame: unknown;
  readonly MAX_FRAMES: number;
  readonly MAX_NEST: number;
  readonly DONE: symbol;
  /** The compiled entry of `func` when a call with `n` positional arguments can run it nested (a miss of `site`). */
  readonly callee: (vm: Vm, func: PyFunction, n: number, site: SiteCache) => NestedRegion | null;
  /** The compiled region a suspended generator's frame continues in, if any (a miss of `site`). */
  readonly resumable: (vm: Vm, frame: Frame, site: SiteCache) => NestedRegion | null;
  /** One cache per call site, by pc. */
  readonly sites: readonly SiteCache[];
  readonly clock: EntryClock;
  readonly frameFor: (site: SiteCache, func: PyFunction) => Frame;
  readonly release: (site: SiteCache, frame: Frame) => void;
  /** `site`'s region for a call of `func` with `n` arguments when it still holds, else callee's answer. */
  readonly callRegion: (vm: Vm, func: PyFunction, n: number, site: SiteCache) => NestedRegion | null;
  /** `site`'s region for resuming `frame` when it still holds, else resumable's answer. */
  readonly resumeRegion: (vm: Vm, frame: Frame, site: SiteCache) => NestedRegion | null;
  readonly resume: typeof resume;
  readonly unlink: typeof unlink;
  readonly suspend: typeof suspend;
  readonly close: typeof close;
}

export function callBindings(lookup: RegionLookup | null, code: Code, clock: EntryClock): CallBindings {
  const none = (): null => null;
  const sites: SiteCache[] = [];
  for (let pc = 0; pc < code.ops.length; pc++) sites.push({ code: null, ip: -1, region: null, spares: [], sparesOf: null });
  const remember = (site: SiteCache, code: Code, ip: number, region: NestedRegion | null): NestedRegion | null => {
    if (region !== null) {
      site.code = code;
      site.ip = ip;
      site.region = region;
    }
    return region;
  };
  const callee = lookup === null ? none : (vm: Vm, func: PyFunction, n: number, site: SiteCache): NestedRegion | null => {
    const code = func.code;
    // Exactly the positional parameters, nothing keyword-only: no defaults, no errors in binding.
    if (code.argcount !== n || (code.flags & NOT_PLAIN) !== 0 || (code.kwonlyargcount ?? 0) !== 0) return null;
    // pc 0: the function's own first instruction (cells and free variables come first, so a
    // function with them has no region there).
    return remember(site, code, 0, lookup(vm, code, 0));
  };
  const resumable = lookup === null ? none : (vm: Vm, frame: Frame, site: SiteCache) => remember(site, frame.code, frame.ip, lookup(vm, frame.code, frame.ip));
  return {
    sites,
    clock,
    frameFor,
    release,
    resume,
    unlink,
    suspend,
    close,
    callee,
    resumable,
    callRegion: (vm, func, n, site) => (site.code === func.code && site.region!.installed(vm) ? site.region : callee(vm, func, n, site)),
    resumeRegion: (vm, frame, site) =>
      site.code === frame.code && site.ip === frame.ip && site.region!.installed(vm) ? site.region : resumable(vm, frame, site),
    PyFunction,
    PyGenerator,
    Frame,
    MAX_FRAMES,
    MAX_NEST: lookup === null ? 0 : MAX_NEST,
    DONE: EXHAUSTED_GENERATOR,
  };
}

/** The generated function's prologue line for the call bindings. */
export const CALL_PRELUDE =
  'const C = R.C, PyFunction = C.PyFunction, PyGenerator = C.PyGenerator, Frame = C.Frame, MAXF = C.MAX_FRAMES, MAXN = C.MAX_NEST, DONE = C.DONE, IC = C.sites, CLOCK = C.clock, frameFor = C.frameFor, release = C.release;\n' +
  'const CR = C.callRegion, RR = C.resumeRegion, RESUME = C.resume, UNLINK = C.unlink, SUSPEND = C.suspend, CLOSE = C.close;';

/** The emitter's pieces the call code is made of (JitEmitter passes its own). */
export interface EmitParts {
  /** The exact step count at this point, as JS (the emitter counts a block's steps in bulk). */
  steps(): string;
  /** `st` from the VM's count, after code that counted steps itself. */
  rebase(): string;
  /** After code that took steps of its own: whether the rest of the block's chain no longer fits ('' if none is left). */
  roomGone(): string;
  spill(depth: number): string;
  genericPath(ins: JitInstruction): string;
  jump(to: number): string;
  /** `{ …; return f; }` when the executor has become invalid, else '' (no globals assumed). */
  validity(exit: string): string;
}

/**
 * CALL of a plain Python function with a compiled entry: build and link the frame as CALL does
 * (`locals[i] = args[i]`, `back`, `vm.frame`, the depth), the caller's state written back first
 * (stack below the call, `ip` past it, the steps), then run the callee nested. The depth check
 * comes first: at the limit the generic path raises CPython's RecursionError where CALL does.
 * @spec #jit-calls
 */
export function emitCall(e: EmitParts, ins: JitInstruction): string {
  const { pc, arg: n, depth: d } = ins;
  const base = d - n - 2;
  const args: string[] = [];
  for (let i = 0; i < n; i++) args.push(`v[${i}] = s${base + 2 + i};`);
  return `a = s${base}; if (a instanceof PyFunction && s${base + 1} === undefined && nest < MAXN && vm.depth < MAXF && (t = CR(vm, a, ${n}, IC[${pc}])) !== null) { ` +
    `${e.spill(base)} f.ip = ${pc + 1}; vm.steps = ${e.steps()}; c = frameFor(IC[${pc}], a); v = c.locals; ${args.join(' ')} e0 = CLOCK.entries; vm.depth++; c.back = f; vm.frame = c; ` +
    `r = t.nested(vm, c, t, 0, limit, nest + 1); ` +
    `if (r instanceof Frame) return r; ` +
    `if (CLOCK.entries === e0) release(IC[${pc}], c); ` +
    `s${base} = r; ${e.rebase()} chk = true;${e.validity(`${e.spill(base + 1)} return f;`)}${leaveWhenFull(e, base, pc + 1)} } ` +
    `else ${e.genericPath(ins)}`;
}

/**
 * FOR_ITER over a suspended generator whose frame continues in a compiled region: link and
 * resume its frame as FOR_ITER does (`back`, `forIterExit`, the sent None, `running`, the
 * exception slot, the depth), then run it nested; its yield is the next value, its return the
 * loop's exit. Returns the source of an `else if` branch for emit.ts's FOR_ITER.
 * @spec #jit-calls
 */
export function emitGeneratorResume(e: EmitParts, ins: JitInstruction): string {
  const { pc, depth: d } = ins;
  const done = jumpTarget(ins.def, ins.arg);
  return `else if (it instanceof PyGenerator && it.state === 'suspended' && nest < MAXN && vm.depth < MAXF && (t = RR(vm, it.frame, IC[${pc}])) !== null) { ` +
    `${e.spill(d)} r = RESUME(vm, f, it, ${pc + 1}, ${done}, ${e.steps()}); ` +
    `r = t.nested(vm, r, t, r.ip, limit, nest + 1); ` +
    `if (r instanceof Frame) return r; ${e.rebase()} chk = true; ` +
    `if (r === DONE) {${e.validity(`${e.spill(d - 1)} f.ip = ${done}; return f;`)} ${e.jump(done)} } ` +
    `s${d} = r;${e.validity(`${e.spill(d + 1)} return f;`)}${leaveWhenFull(e, d, pc + 1)} } `;
}

/**
 * After a nested activation, which took steps of its own: when the rest of the chain no longer
 * fits the budget, leave before `next` — the slots below `top` were written before the call, the
 * result is `top`.
 */
function leaveWhenFull(e: EmitParts, top: number, next: number): string {
  const gone = e.roomGone();
  return gone === '' ? '' : ` if (${gone}) { S[${top}] = s${top}; return XL(vm, f, ${next}, ${e.steps()}, ${top + 1}); }`;
}

/**
 * RETURN_VALUE / RETURN_CONST / YIELD_VALUE of a nested activation: what the interpreter's
 * doReturn / doYield do, for a frame a compiled CALL or FOR_ITER entered; the value goes to the
 * JS caller instead of the caller's stack. A generator's frame stays reachable, so its stack and
 * `ip` are written back; a returning function's frame is gone. `value` is the returned value's
 * expression; `after` the stack depth once it is popped.
 * @spec #jit-calls
 */
export function emitNestedLeave(e: EmitParts, ins: JitInstruction, value: string, after: number): string {
  if (ins.def.name === 'YIELD_VALUE') {
    return `if (nest !== 0) { v = ${value}; ${e.spill(after)} f.ip = ${ins.pc + 1}; f.gen.state = 'suspended'; return SUSPEND(vm, f, ${e.steps()}, v); }`;
  }
  return `if (nest !== 0) { v = ${value}; if (f.gen === null) { vm.depth--; return UNLINK(vm, f, ${e.steps()}, v); } ` +
    `${e.spill(after)} return CLOSE(vm, f, ${ins.pc + 1}, ${e.steps()}); }`;
}
