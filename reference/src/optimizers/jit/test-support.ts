/**
 * What the jit's tests share: assembling a program, running an entry, the first-execution hotspot
 * setting, and an optimizer that keeps the executors it made. Test code only.
 */
import { loadProgram, runEntry } from '../../program';
import type { Outcome, Program, RunOptions } from '../../api';
import { ALL_CAPABILITIES } from '../../optimizer/api';
import { JitExecutor, JitOptimizer } from '.';

/** Assembled functions (and module globals, as literals) into a program; throws on bad input. */
export function program(functions: Record<string, string>, globals?: Record<string, string>): Program {
  const r = loadProgram(globals ? { functions, globals } : { functions });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

/** Every hotspot compiles at its first execution. */
export const FIRST_HOT: RunOptions['hotspot'] = { seed: { K: 1, N: 0, M: 0 } };

export function run(p: Program, entry: string, opts: RunOptions = {}): Outcome {
  const r = runEntry(p, entry, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.outcome;
}

/** Keeps the executors it made, to look inside them. */
export class RecordingJit extends JitOptimizer {
  readonly made: JitExecutor[] = [];
  constructor(override readonly capabilities: number = ALL_CAPABILITIES) {
    super();
  }
  override compile(...args: Parameters<JitOptimizer['compile']>) {
    const e = super.compile(...args);
    if (e instanceof JitExecutor) this.made.push(e);
    return e;
  }
}
