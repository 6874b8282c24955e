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

/** `total = (total + i * 3) % 1000003` for i below n: a while loop with no handler. */
export const MOD_SUM_MAIN = `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_CONST 0
  STORE_FAST i
L1:
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L2
  LOAD_FAST_LOAD_FAST total, i
  LOAD_CONST 3
  BINARY_OP *
  BINARY_OP +
  LOAD_CONST 1000003
  BINARY_OP %
  STORE_FAST total
  LOAD_FAST i
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST i
  JUMP_BACKWARD L1
L2:
  LOAD_FAST total
  RETURN_VALUE`;

/** CPython 3.13's code for `def count(n): i = 0; while i < n: yield i; i += 1`. */
export const COUNT_GENERATOR = `.params n
  .generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
  LOAD_CONST 0
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L5
L2:
  LOAD_FAST i
  YIELD_VALUE 0
  RESUME 5
  POP_TOP
  LOAD_FAST i
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L4
L3:
  JUMP_BACKWARD L2
L4:
  RETURN_CONST None
L5:
  RETURN_CONST None
L6:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
  ExceptionTable:
    L1 to L3 -> L6 [0] lasti
    L4 to L6 -> L6 [0] lasti`;

/** CPython 3.13's code for `def main(n): total = 0; for i in range(n): try: total += 10 // (i % 3) except ZeroDivisionError: total += 1; return total`. */
export const CAUGHT_IN_LOOP_MAIN = `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L4
  STORE_FAST i
  NOP
L2:
  LOAD_FAST total
  LOAD_CONST 10
  LOAD_FAST i
  LOAD_CONST 3
  BINARY_OP %
  BINARY_OP //
  BINARY_OP +=
  STORE_FAST total
L3:
  JUMP_BACKWARD L1
L4:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE
L5:
  PUSH_EXC_INFO
  LOAD_GLOBAL ZeroDivisionError
  CHECK_EXC_MATCH
  POP_JUMP_IF_FALSE L7
  POP_TOP
  LOAD_FAST total
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST total
L6:
  POP_EXCEPT
  JUMP_BACKWARD L1
L7:
  RERAISE 0
L8:
  COPY 3
  POP_EXCEPT
  RERAISE 1
  ExceptionTable:
    L2 to L3 -> L5 [1]
    L5 to L6 -> L8 [2] lasti
    L7 to L8 -> L8 [2] lasti`;
