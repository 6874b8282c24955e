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

/**
 * For every compiled instruction (by pc), the slots in sync before it; for every exit stub, the
 * slots in sync when a compiled edge reaches it. `written` gives the slots (a mask) the emitter's
 * code for an instruction may assign, or null when it always runs the handler on written-back state.
 */
export function syncedSlots(plan: JitPlan, written: (ins: JitInstruction) => number | null): Map<number, number> {
  const blockIn = new Map<number, number>();
  const leaders = plan.leaders;
  const isLeader = new Set(leaders);
  for (const pc of leaders) blockIn.set(pc, ALL);
  const before = new Map<number, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const start of leaders) {
      if (!plan.instructions.has(start)) continue;
      let state = blockIn.get(start)!;
      for (let pc = start; ; pc++) {
        const ins = plan.instructions.get(pc);
        if (ins === undefined) break;
        before.set(pc, state);
        const outputs = written(ins);
        state = outputs === null ? ALL : state & ~outputs;
        const targets: number[] = [];
        if (ins.def.jumpEffect) targets.push(jumpTarget(ins.def, ins.arg));
        if (!ins.def.terminator) targets.push(pc + 1);
        for (const t of targets) {
          if (!isLeader.has(t)) continue;
          const old = blockIn.get(t)!;
          const met = old & state;
          if (met !== old) {
            blockIn.set(t, met);
            changed = true;
          }
        }
        if (ins.def.terminator || ins.def.jumpEffect || isLeader.has(pc + 1)) break;
      }
    }
  }
  for (const pc of plan.exits.keys()) before.set(pc, blockIn.get(pc) ?? 0);
  return before;
}
