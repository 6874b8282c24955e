/**
 * Which stack slots a write-back may skip. The generated code keeps stack slots in JS locals and
 * writes them to the frame's stack before the interpreter's handler runs or the executor leaves.
 * A slot whose local is known to equal the frame's entry on every path to that point — nothing
 * wrote the local since the last write-back or reload — needs no write. Typically the iterators of
 * enclosing loops: written once by GET_ITER's handler, then only read.
 *
 * A forward must-analysis over the region's blocks: a block entered from the dispatch (the entry,
 * or after a handler that jumped) reloads every slot, so only the compiled edges between blocks
 * constrain it. An instruction the emitter specialises may write its outputs in a JS local (they
 * stop being in sync); one it leaves to the handler writes every slot back first and reloads its
 * outputs (all in sync after it).
 * @spec #jit-codegen
 */
import type { JitInstruction, JitPlan } from './plan';
import { jumpTarget } from './plan';

/** Slots tracked: [low, low + TRACKED); the others are always written back. */
const TRACKED = 30;
const ALL = (1 << TRACKED) - 1;

/** Bit of `slot` in a mask, 0 when it is not tracked. */
export const slotBit = (plan: JitPlan, slot: number): number => {
  const k = slot - plan.low;
  return k >= 0 && k < TRACKED ? 1 << k : 0;
};

/** The bits of slots [from, to). */
export function slotRange(plan: JitPlan, from: number, to: number): number {
  let m = 0;
  for (let s = from; s < to; s++) m |= slotBit(plan, s);
  return m;
}

/** Masks by pc; `get` answers undefined where nothing is known (not compiled, no exit). */
export interface SyncedSlots {
  get(pc: number): number | undefined;
}

/**
 * For every compiled instruction (by pc), the slots in sync before it; for every exit stub, the
 * slots in sync when a compiled edge reaches it. `written` gives the slots (a mask) the emitter's
 * code for an instruction may assign, or null when it always runs the handler on written-back state.
 * Arrays by pc, not maps: this runs at every compile, and its cost is part of the compile cost.
 */
export function syncedSlots(plan: JitPlan, written: (ins: JitInstruction) => number | null): SyncedSlots {
  const n = plan.code.ops.length + 1;
  const UNSET = -1;
  const isLeader = new Uint8Array(n);
  const blockIn = new Int32Array(n);
  for (const pc of plan.leaders) {
    isLeader[pc] = 1;
    blockIn[pc] = ALL;
  }
  // What each instruction may write; UNSET when it always runs the handler (everything in sync after it).
  const writes = new Int32Array(n).fill(UNSET);
  for (const [pc, ins] of plan.instructions) writes[pc] = written(ins) ?? UNSET;
  const before = new Int32Array(n).fill(UNSET);
  const meet = (t: number, state: number): boolean => {
    if (t >= n || isLeader[t] === 0) return false;
    const old = blockIn[t]!;
    const met = old & state;
    if (met === old) return false;
    blockIn[t] = met;
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const start of plan.leaders) {
      if (!plan.instructions.has(start)) continue;
      let state = blockIn[start]!;
      for (let pc = start; ; pc++) {
        const ins = plan.instructions.get(pc);
        if (ins === undefined) break;
        before[pc] = state;
        const w = writes[pc]!;
        state = w === UNSET ? ALL : state & ~w;
        if (ins.def.jumpEffect && meet(jumpTarget(ins.def, ins.arg), state)) changed = true;
        if (!ins.def.terminator && meet(pc + 1, state)) changed = true;
        if (ins.def.terminator || ins.def.jumpEffect || isLeader[pc + 1] === 1) break;
      }
    }
  }
  for (const pc of plan.exits.keys()) before[pc] = blockIn[pc]!;
  return { get: (pc) => (pc >= 0 && pc < n && before[pc] !== UNSET ? before[pc] : undefined) };
}
