/**
 * A superblock optimizer: from its hotspot, an executor runs the straight-line region up to and
 * including the next branch or back edge in one go, without the interpreter's dispatch loop.
 *
 * Region: the hotspot instruction, then from where it continues (a back edge's target, the
 * instruction after a RESUME) forward to the first jump or terminator, included. FOR_ITER does not
 * end it: its fall-through is the loop body, and the executor leaves when it jumps. Coming back to
 * its own hotspot ends the plan too, and at run time the executor then runs the region again, so
 * a loop body without branches runs entirely in the executor.
 *
 * Instructions: at compile time each one is compiled into a closure — the frequent ones (locals,
 * constants, operators, comparisons, branches, globals) into specialised closures whose operands
 * are resolved once and which call the runtime's semantic helpers (`binaryOp`, `compareOp`,
 * `truthy`, `getItem`, `vm.loadGlobal`) exactly as the interpreter's handlers do; every other one
 * into a call of the interpreter's own handler (`HANDLERS`), which is the interpreter's semantics
 * by construction. A specialised closure that meets an unusual case (an unbound local) delegates to
 * the handler, so the exception it raises cannot drift from the interpreter's.
 *
 * Frames: the region stops before returns, yields and RETURN_GENERATOR (statically), and before a
 * CALL of a Python function, a FOR_ITER over a generator or a SEND to one (a guard checked at run time: the
 * executor leaves with `ip` at that instruction, a state the interpreter reaches after N
 * instructions). Steps: one per instruction executed (the VM counted the first ENTER_EXECUTOR),
 * never past the budget, so outcomes, step counts and exhaustion are the interpreter's.
 * Exceptions: one raised mid-region leaves `ip` = raising index + 1 and propagates; the VM unwinds
 * as if that instruction had raised.
 * @spec #executor-contract @spec #executor-exceptions
 */
import type { Code } from '../isa/code';
import { originalArg, originalOp } from '../isa/code-view';
import { BY_OPCODE, OP, type Opcode } from '../isa/table';
import type { Frame } from '../interp/frame';
import { HANDLERS, type Handler } from '../interp/handlers';
import type { Vm } from '../interp/vm';
import { ALL_CAPABILITIES, type Executor, type Optimizer } from '../optimizer/api';
import { binaryOp } from '../runtime/binary';
import { compareOp } from '../runtime/compare';
import { getItem } from '../runtime/subscript';
import { truthy } from '../runtime/unary';
import { PyFunction, PyGenerator, type PyValue } from '../runtime/values';

/** One instruction of a region: runs with `f.ip` already past it, like an interpreter handler. */
export type Run = (vm: Vm, f: Frame) => void;
/** Checked before an instruction; false means: leave the region before it (a side exit). */
export type Guard = (f: Frame) => boolean;

/** A planned region: the hotspot instruction first, then the straight-line instructions after it. */
export interface Region {
  /** Instruction indices, in execution order. */
  readonly pcs: readonly number[];
  /** Their original opcodes (an installed ENTER_EXECUTOR is seen through). */
  readonly ops: readonly number[];
  readonly runs: readonly Run[];
  readonly guards: readonly (Guard | null)[];
  /** A FOR_ITER in the region: when it jumps (the iterator is exhausted) the executor leaves. */
  readonly sideExits: readonly boolean[];
}

/** Regions are at most this long (straight-line code is short; this bounds compile work). */
export const MAX_REGION = 256;
/**
 * An executor that leaves this many entries in a row right after the hotspot instruction (its first
 * guard fails: a CALL of a Python function, a FOR_ITER over a generator) does nothing useful: it
 * removes itself with vm.replaceExecutor, and the optimizer declines that hotspot from then on.
 */
export const STALL_LIMIT = 16;

/** Instructions the region stops before: they leave the frame. */
const LEAVES_FRAME = new Set<number>([OP.RETURN_VALUE, OP.RETURN_CONST, OP.RETURN_GENERATOR, OP.YIELD_VALUE, OP.ENTER_EXECUTOR]);

/**
 * The region ends after a jump of any kind, or an instruction that never falls through — except
 * FOR_ITER, whose fall-through is the loop body: the region goes on, and leaves when it jumps.
 */
function endsRegion(op: number): boolean {
  const d = BY_OPCODE.get(op)!;
  return op !== OP.FOR_ITER && (d.operand === 'jump' || d.terminator);
}

const isTrue = (v: PyValue): boolean => (v === true ? true : v === false ? false : truthy(v));

/** Compile one instruction into a closure with the interpreter's semantics. */
export function compileInstruction(code: Code, op: number, arg: number): Run {
  const name = BY_OPCODE.get(op)!.name as Opcode;
  const h: Handler = HANDLERS[name];
  switch (name) {
    case 'NOP':
    case 'RESUME':
      return () => {};
    case 'LOAD_FAST':
    case 'LOAD_FAST_CHECK':
      return (vm, f) => {
        const v = f.locals[arg];
        if (v === undefined) h(vm, f, arg); // raises UnboundLocalError, as the interpreter does
        else f.stack.push(v);
      };
    case 'LOAD_FAST_LOAD_FAST': {
      const a = arg >> 4;
      const b = arg & 15;
      return (vm, f) => {
        const x = f.locals[a];
        const y = f.locals[b];
        if (x === undefined || y === undefined) h(vm, f, arg);
        else f.stack.push(x, y);
      };
    }
    case 'STORE_FAST':
      return (_vm, f) => {
        f.locals[arg] = f.stack.pop();
      };
    case 'STORE_FAST_STORE_FAST': {
      const a = arg >> 4;
      const b = arg & 15;
      return (_vm, f) => {
        f.locals[a] = f.stack.pop();
        f.locals[b] = f.stack.pop();
      };
    }
    case 'LOAD_CONST': {
      const c = code.consts[arg];
      return (_vm, f) => {
        f.stack.push(c);
      };
    }
    case 'LOAD_GLOBAL': {
      const global = code.names[arg >> 1]!;
      return arg & 1
        ? (vm, f) => {
            f.stack.push(vm.loadGlobal(global), undefined);
          }
        : (vm, f) => {
            f.stack.push(vm.loadGlobal(global));
          };
    }
    case 'POP_TOP':
      return (_vm, f) => {
        f.stack.pop();
      };
    case 'BINARY_OP':
      return (vm, f) => {
        const s = f.stack;
        const right = s.pop() as PyValue;
        const left = s.pop() as PyValue;
        s.push(binaryOp(arg, left, right, vm));
      };
    case 'COMPARE_OP': {
      const cmp = arg >> 5;
      return arg & 16
        ? (_vm, f) => {
            const s = f.stack;
            const right = s.pop() as PyValue;
            const left = s.pop() as PyValue;
            s.push(truthy(compareOp(cmp, left, right)));
          }
        : (_vm, f) => {
            const s = f.stack;
            const right = s.pop() as PyValue;
            const left = s.pop() as PyValue;
            s.push(compareOp(cmp, left, right));
          };
    }
    case 'TO_BOOL':
      return (_vm, f) => {
        f.stack.push(truthy(f.stack.pop() as PyValue));
      };
    case 'BINARY_SUBSCR':
      return (_vm, f) => {
        const s = f.stack;
        const key = s.pop() as PyValue;
        const container = s.pop() as PyValue;
        s.push(getItem(container, key));
      };
    case 'POP_JUMP_IF_FALSE':
      return (_vm, f) => {
        if (!isTrue(f.stack.pop() as PyValue)) f.ip = arg;
      };
    case 'POP_JUMP_IF_TRUE':
      return (_vm, f) => {
        if (isTrue(f.stack.pop() as PyValue)) f.ip = arg;
      };
    case 'JUMP_FORWARD':
    case 'JUMP_BACKWARD':
    case 'JUMP_BACKWARD_NO_INTERRUPT':
      return (_vm, f) => {
        f.ip = arg;
      };
    default:
      return (vm, f) => h(vm, f, arg);
  }
}

/** The run-time guard of an instruction that may switch frames, or null when it never does. */
function guardFor(op: number, arg: number): Guard | null {
  if (op === OP.CALL) return (f) => !(f.stack[f.stack.length - 2 - arg] instanceof PyFunction);
  if (op === OP.CALL_KW) return (f) => !(f.stack[f.stack.length - 3 - arg] instanceof PyFunction);
  if (op === OP.CALL_FUNCTION_EX) return (f) => !(f.stack[f.stack.length - 3 - (arg & 1)] instanceof PyFunction);
  if (op === OP.FOR_ITER) return (f) => !(f.stack[f.stack.length - 1] instanceof PyGenerator);
  // SEND resumes a generator receiver (below the sent value) in a frame of its own.
  if (op === OP.SEND) return (f) => !(f.stack[f.stack.length - 2] instanceof PyGenerator);
  return null;
}

/**
 * Plan the region from the hotspot at `offset`: the hotspot instruction, then from where it
 * continues (a back edge's target, the instruction after a RESUME) forward up to and including the
 * first jump or terminator, stopping before any instruction that leaves the frame. Null when the
 * region would hold nothing beyond the hotspot instruction.
 */
export function planRegion(code: Code, offset: number): Region | null {
  const hop = originalOp(code, offset);
  const harg = originalArg(code, offset);
  let pc: number;
  if (hop === OP.JUMP_BACKWARD) pc = harg;
  else if (hop === OP.RESUME) pc = offset + 1;
  else return null;
  const pcs = [offset];
  const ops = [hop];
  const runs = [compileInstruction(code, hop, harg)];
  const guards: (Guard | null)[] = [null];
  const sideExits = [false];
  // Stop on coming back to the hotspot itself: the executor then runs the region again.
  while (pc < code.ops.length && pc !== offset && pcs.length < MAX_REGION) {
    const op = originalOp(code, pc);
    const arg = originalArg(code, pc);
    if (LEAVES_FRAME.has(op)) break;
    pcs.push(pc);
    ops.push(op);
    runs.push(compileInstruction(code, op, arg));
    guards.push(guardFor(op, arg));
    sideExits.push(op === OP.FOR_ITER);
    if (endsRegion(op)) break;
    pc++;
  }
  return pcs.length > 1 ? { pcs, ops, runs, guards, sideExits } : null;
}

export class SuperblockExecutor implements Executor {
  /** Times entered (for inspection and tests). */
  entries = 0;
  /** Passes through the region, over all entries (a loop body runs once per pass). */
  passes = 0;
  /** Consecutive entries that left right after the hotspot instruction. */
  stalls = 0;
  private readonly pcs: Int32Array;

  /** `onStall` is called when the executor gives up on its hotspot (see STALL_LIMIT). */
  constructor(
    readonly region: Region,
    private readonly onStall: ((code: Code, offset: number) => void) | null = null,
  ) {
    this.pcs = Int32Array.from(region.pcs);
  }

  execute(f: Frame, vm: Vm): Frame {
    this.entries++;
    const pcs = this.pcs;
    const { runs, guards, ops, sideExits } = this.region;
    const n = runs.length;
    const offset = pcs[0]!;
    const hook = vm.onInstruction;
    const code = f.code;
    // What the VM entered here (this executor, or a wrapper around it): replacing or removing it
    // at its hotspot (through the public API) ends the looping.
    const entered = vm.getExecutor(code, offset);
    const installed = (): boolean => entered !== null && vm.getExecutor(code, offset) === entered;
    // The VM counted the hotspot instruction of the first pass (ENTER_EXECUTOR); every other
    // instruction costs a step, and a pass stops where the interpreter would find the budget spent.
    let first = true;
    let stalled = false;
    for (;;) {
      const room = vm.budget - vm.steps + (first ? 1 : 0);
      if (room <= 0) break;
      const limit = room < n ? room : n;
      this.passes++;
      let k = 0;
      let left = false;
      try {
        for (; k < limit; k++) {
          const pc = pcs[k]!;
          const guard = guards[k]!;
          if (guard !== null && !guard(f)) {
            // Side exit before the instruction: the interpreter will run it.
            f.ip = pc;
            left = true;
            stalled = first && k === 1;
            break;
          }
          f.ip = pc + 1;
          if (hook !== null && (k > 0 || !first)) hook(ops[k]!);
          runs[k]!(vm, f);
          if (sideExits[k] && f.ip !== pc + 1) {
            // Side exit after the instruction: FOR_ITER jumped out of the loop.
            k++;
            left = true;
            break;
          }
        }
      } catch (e) {
        // The raising instruction counts; f.ip is already its index + 1, as the VM needs to unwind.
        vm.steps += first ? k : k + 1;
        throw e;
      }
      // k instructions ran in this pass (the first pass's first one was counted by the VM).
      vm.steps += first ? k - 1 : k;
      if (!left && k < n) {
        // The budget is spent: stop where the interpreter would.
        f.ip = pcs[k]!;
        break;
      }
      // Back at our own hotspot (a loop body that falls through to its back edge, or an inner
      // loop's FOR_ITER that ends right before it): run the region again rather than hand the VM a
      // state at the hotspot, which it would take for no progress (#n-zero-progress) and run the
      // back edge uncounted; unless we were replaced meanwhile.
      if (f.ip !== offset || !installed()) break;
      first = false;
    }
    if (!stalled) this.stalls = 0;
    else if (++this.stalls >= STALL_LIMIT && installed()) {
      // Nothing gained at this hotspot: give it up (only while this executor is the one installed).
      this.onStall?.(code, offset);
      vm.replaceExecutor(code, offset, null);
    }
    return f;
  }
}

export class SuperblockOptimizer implements Optimizer {
  readonly name = 'superblock';
  readonly capabilities = ALL_CAPABILITIES;
  /** Planning walks the region once and builds a closure per instruction. */
  readonly optimizationCost = 4;
  /** No dispatch loop, operands resolved at compile time. */
  readonly runCost = 0.8;
  /** Executors made so far. */
  compiled = 0;
  /** Hotspots whose executor gave up (STALL_LIMIT): declined from then on. */
  private readonly givenUp = new WeakMap<Code, Set<number>>();

  compile(code: Code, offset: number): Executor | null {
    if (this.givenUp.get(code)?.has(offset)) return null;
    const region = planRegion(code, offset);
    if (region === null) return null;
    this.compiled++;
    return new SuperblockExecutor(region, (c, o) => {
      const set = this.givenUp.get(c) ?? new Set<number>();
      this.givenUp.set(c, set.add(o));
    });
  }
}
