/**
 * The JIT's region: every instruction reachable from where the hotspot continues (a back edge's
 * target, the instruction after a RESUME), along normal control flow, up to the instructions that
 * leave the frame (returns, yields), which become exits. Basic blocks and the value-stack depth
 * before each instruction come from the instruction table, so the emitter knows statically which
 * JS local holds which stack slot.
 * @spec #jit-region
 */
import type { Code } from '../../isa/code';
import { originalArg, originalOp } from '../../isa/code-view';
import { BY_OPCODE, OP, type InstructionDef } from '../../isa/table';
import { hotspotKindAt } from '../../optimizer/runtime';
import type { HotspotKind } from '../../optimizer/api';

/** The executor stops before RETURN_GENERATOR: the frame becomes a generator's. */
const LEAVES_FRAME = new Set<number>([OP.RETURN_GENERATOR]);

/**
 * Instructions after which execution may go on in another frame (a call, a generator resumed or
 * suspended, a return): where they continue is a block start, so that the JIT's trampoline can
 * enter the region there when the other frame comes back.
 */
const SWITCHES_FRAME = new Set<string>(['CALL', 'CALL_KW', 'CALL_FUNCTION_EX', 'SEND', 'YIELD_VALUE', 'FOR_ITER']);

/** A region larger than this is not compiled (its source would cost more than it saves). */
export const MAX_REGION = 4000;

export interface JitInstruction {
  readonly pc: number;
  readonly op: number;
  readonly arg: number;
  readonly def: InstructionDef;
  /** Stack depth before the instruction. */
  readonly depth: number;
}

export interface JitPlan {
  readonly code: Code;
  /** The hotspot instruction. */
  readonly offset: number;
  readonly kind: HotspotKind;
  /** Where execution continues after the hotspot instruction. */
  readonly start: number;
  /** Compiled instructions by pc. */
  readonly instructions: ReadonlyMap<number, JitInstruction>;
  /** Instructions the executor leaves before (frame-leaving ones), with their depth. */
  readonly exits: ReadonlyMap<number, number>;
  /** Block leaders, ascending: each starts a `case` of the generated dispatch. */
  readonly leaders: readonly number[];
  /** Where the region can be entered with the frame's stack in memory: the leaders of compiled blocks. */
  readonly entries: ReadonlySet<number>;
  /** The lowest stack slot the region reads or writes: slots below stay in the frame's stack. */
  readonly low: number;
  /** One past the highest stack slot the region uses. */
  readonly high: number;
  /** Some exception handler of the frame covers a region instruction: exceptions are unwound inside the region. */
  readonly catches: boolean;
}

/** Where a taken jump lands (FOR_ITER skips END_FOR and POP_TOP at its target). */
export function jumpTarget(def: InstructionDef, arg: number): number {
  return arg + (def.name === 'FOR_ITER' ? 2 : 0);
}

/** Depth before every instruction of the code (-1: unreachable), from normal and exception edges. */
export function stackDepths(code: Code): Int32Array | null {
  const n = code.ops.length;
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [];
  const reach = (pc: number, d: number): boolean => {
    if (pc < 0 || pc >= n || d < 0) return false;
    if (depth[pc] === -1) {
      depth[pc] = d;
      work.push(pc);
    }
    return depth[pc] === d;
  };
  reach(0, 0);
  while (work.length) {
    const pc = work.pop()!;
    const d = depth[pc]!;
    const op = originalOp(code, pc);
    const arg = originalArg(code, pc);
    const def = BY_OPCODE.get(op);
    if (def === undefined) return null;
    for (const h of code.exceptionTable) {
      if (pc >= h.start && pc < h.end && !reach(h.target, h.depth + (h.lasti ? 1 : 0) + 1)) return null;
    }
    if (def.jumpEffect && !reach(jumpTarget(def, arg), d + def.jumpEffect(arg))) return null;
    if (!def.terminator && pc + 1 < n && !reach(pc + 1, d - def.pops(arg) + def.pushes(arg))) return null;
  }
  return depth;
}

/** The continuation of a hotspot: where the executor starts after the hotspot instruction. */
function continuation(code: Code, offset: number): { kind: HotspotKind; start: number } | null {
  const op = originalOp(code, offset);
  const arg = originalArg(code, offset);
  const kind = hotspotKindAt(op, arg);
  if (kind === null) return null;
  return { kind, start: kind === 'back_edge' ? arg : offset + 1 };
}

/** Plan the region of the hotspot at `offset`; null when there is nothing worth compiling. */
export function planJitRegion(code: Code, offset: number): JitPlan | null {
  const from = continuation(code, offset);
  if (from === null) return null;
  const depths = stackDepths(code);
  if (depths === null || depths[offset] === -1 || depths[from.start] === -1) return null;
  const instructions = new Map<number, JitInstruction>();
  const exits = new Map<number, number>();
  const targets = new Set<number>([from.start]);
  const work = [from.start];
  let catches = false;
  if (from.kind !== 'back_edge') {
    // The RESUME itself, for entries from the trampoline (the VM counts it when it enters us).
    instructions.set(offset, { pc: offset, op: OP.RESUME, arg: originalArg(code, offset), def: BY_OPCODE.get(OP.RESUME)!, depth: depths[offset]! });
    targets.add(offset);
  }
  const seen = new Set<number>(work);
  const visit = (pc: number): void => {
    if (pc < code.ops.length && !seen.has(pc)) {
      seen.add(pc);
      work.push(pc);
    }
  };
  while (work.length) {
    const pc = work.pop()!;
    const op = originalOp(code, pc);
    const arg = originalArg(code, pc);
    const def = BY_OPCODE.get(op)!;
    const depth = depths[pc]!;
    if (LEAVES_FRAME.has(op) || def.runtimeOnly || depth < 0) {
      exits.set(pc, depth);
      continue;
    }
    instructions.set(pc, { pc, op, arg, def, depth });
    if (instructions.size > MAX_REGION) return null;
    // The handlers that cover it: an exception the region's code raises in this frame is unwound
    // there and the region goes on (emit.ts), as the interpreter's loop goes on after unwinding.
    for (const h of code.exceptionTable) {
      if (pc >= h.start && pc < h.end) {
        catches = true;
        targets.add(h.target);
        visit(h.target);
      }
    }
    if (def.jumpEffect) {
      const t = jumpTarget(def, arg);
      targets.add(t);
      visit(t);
    }
    if (!def.terminator) {
      visit(pc + 1);
      if (def.jumpEffect || SWITCHES_FRAME.has(def.name)) targets.add(pc + 1);
    }
  }
  if (instructions.size === 0) return null;
  const leaders = new Set<number>(targets);
  for (const pc of exits.keys()) leaders.add(pc);
  for (const ins of instructions.values()) {
    if (ins.def.terminator || ins.def.jumpEffect) leaders.add(ins.pc + 1);
  }
  let low = depths[from.start]!;
  let high = low;
  for (const ins of instructions.values()) {
    const after = ins.depth - ins.def.pops(ins.arg) + ins.def.pushes(ins.arg);
    low = Math.min(low, ins.depth - ins.def.pops(ins.arg));
    high = Math.max(high, ins.depth, after, ins.def.jumpEffect ? ins.depth + ins.def.jumpEffect(ins.arg) : 0);
  }
  for (const d of exits.values()) {
    low = Math.min(low, d);
    high = Math.max(high, d);
  }
  const sorted = [...leaders].filter((pc) => instructions.has(pc) || exits.has(pc)).sort((a, b) => a - b);
  const entries = new Set(sorted.filter((pc) => instructions.has(pc)));
  return { code, offset, kind: from.kind, start: from.start, instructions, exits, leaders: sorted, entries, low, high, catches };
}
