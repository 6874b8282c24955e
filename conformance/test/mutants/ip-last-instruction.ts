/**
 * Mutant: at a side exit the instruction pointer is written back one instruction short.
 *
 * A single-pass region executor (the `superblock` region, run once per entry). When a guard
 * fails before an instruction (a `CALL` of a Python function, a `FOR_ITER` over a generator) the
 * executor hands the frame back so the interpreter can run that instruction, writing back the
 * index of the last instruction it *completed* — CPython 3.11's `prev_instr` convention — where
 * this VM's `ip` is the *next* instruction (3.12's `instr_ptr`). The interpreter then runs the
 * completed instruction a second time (typically pushing an argument twice). Subtle because it
 * only happens on the rare exit path, and when the guard fails right after the hotspot the
 * written-back index is the hotspot itself, which the VM's progress rule happens to repair.
 */
import type { Frame, Optimizer, RuleId } from '../../../index';
import { OnePassExecutor, OnePassOptimizer } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'side exit writes back the last completed instruction as ip (off by one)';

class PrevInstrExecutor extends OnePassExecutor {
  protected override sideExit(f: Frame, _pc: number, last: number): void {
    f.ip = last;
  }
}

export function createOptimizer(): Optimizer {
  return new OnePassOptimizer('ip-last-instruction', (region) => new PrevInstrExecutor(region));
}
