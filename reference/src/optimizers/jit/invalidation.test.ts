import { INVALIDATIONS_BEFORE_LOOKUP } from '.';
import { FIRST_HOT, program, RecordingJit, run } from './test-support';

// for i in range(n): g = g + i   (g a module global the loop reads and rebinds every iteration)
const REBINDS_GLOBAL = program(
  {
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
  { g: '0' },
);

test('a loop that rebinds a global it reads stops being recompiled at every store', () => {
  const plain = run(REBINDS_GLOBAL, 'main(300)');
  const jit = new RecordingJit();
  const { steps: _steps, ...outcome } = run(REBINDS_GLOBAL, 'main(300)', { optimizer: jit, hotspot: FIRST_HOT });
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
