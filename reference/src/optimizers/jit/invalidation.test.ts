import { loadProgram, runEntry } from '../../program';
import type { Outcome, RunOptions } from '../../api';
import { INVALIDATIONS_BEFORE_LOOKUP, JitExecutor, JitOptimizer } from '.';

/** Keeps the executors it made. */
class RecordingJit extends JitOptimizer {
  readonly made: JitExecutor[] = [];
  override compile(...args: Parameters<JitOptimizer['compile']>) {
    const e = super.compile(...args);
    if (e instanceof JitExecutor) this.made.push(e);
    return e;
  }
}

function run(entry: string, opts: RunOptions): Outcome {
  // for i in range(n): g = g + i   (g a module global the loop reads and rebinds every iteration)
  const loaded = loadProgram({
    globals: { g: '0' },
    functions: {
      main: `.params n
  RESUME 0
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_GLOBAL g
  LOAD_FAST i
  BINARY_OP +
  STORE_GLOBAL g
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_GLOBAL g
  RETURN_VALUE`,
    },
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const r = runEntry(loaded.program, entry, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.outcome;
}

test('a loop that rebinds a global it reads stops being recompiled at every store', () => {
  const plain = run('main(300)', {});
  const jit = new RecordingJit();
  const { steps: _steps, ...outcome } = run('main(300)', { optimizer: jit, hotspot: { seed: { K: 1, N: 0, M: 0 } } });
  // Not the steps: an executor invalidated at its own store comes back at its hotspot, whose back
  // edge the VM then runs uncounted (spec/optimizer-api.md#n-zero-progress).
  const { steps: _plainSteps, ...expected } = plain;
  expect(outcome).toEqual(expected);
  // At the loop's back edge, the first executors assume g and the store invalidates them; then one
  // that looks g up stays (without the rule: one executor per iteration).
  const loop = jit.made.filter((e) => e.plan.kind === 'back_edge');
  expect(loop.length).toBeLessThanOrEqual(INVALIDATIONS_BEFORE_LOOKUP + 1);
  expect(loop[loop.length - 1]!.source).toContain('vm.loadGlobal(');
});
