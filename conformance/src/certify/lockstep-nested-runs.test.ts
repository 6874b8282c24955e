/**
 * Regression: the oracle's copy of the VM replays what the plain interpreter does, in nested runs
 * too (a builtin such as list() consuming a generator). The code objects are shared, so a copy
 * whose nested loop dispatched ENTER_EXECUTOR ran the candidate's own executors: a broken
 * executor at a generator's resume then broke the oracle's replay the same way, and every replay
 * certified the candidate's executors once more inside the oracle (nested lockstep, steps
 * attributed to the wrong instruction).
 */
import type { Frame } from '../../../reference/src/interp/frame';
import type { Vm } from '../../../reference/src/interp/vm';
import { Capability, type Executor, type Optimizer } from '../../../reference/src/optimizer/api';
import { parseFixture } from '../fixtures/load';
import { referenceVm } from '../run/reference-vm';
import { certifyFixture, DEFAULT_CERTIFY_OPTIONS } from './certify-fixture';

const TEXT = `id: t.generator-consumed-by-list
description: list() consumes a generator in a nested run
spec: [op-YIELD_VALUE]
program:
  functions:
    g: |
      .params n
      .generator
        RETURN_GENERATOR
        POP_TOP
      L1:
        RESUME 0
        LOAD_GLOBAL range + NULL
        LOAD_FAST n
        CALL 1
        GET_ITER
      L2:
        FOR_ITER L3
        STORE_FAST i
        LOAD_FAST i
        LOAD_CONST 10
        BINARY_OP *
        YIELD_VALUE 0
        RESUME 5
        POP_TOP
        JUMP_BACKWARD L2
      L3:
        END_FOR
        POP_TOP
        RETURN_CONST None
      L4:
        CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
        RERAISE 1
      ExceptionTable:
        L1 to L4 -> L4 [0] lasti
    main: |
        RESUME 0
        LOAD_GLOBAL list + NULL
        LOAD_GLOBAL g + NULL
        LOAD_CONST 3
        CALL 1
        CALL 1
        RETURN_VALUE
entry: "main()"
expect:
  return: "[0, 10, 20]"
`;

/**
 * Honest executors: at main's entry, step the interpreter through the call of list(g(3)); at the
 * generator's resume after a yield, step the RESUME. Each counts its runs.
 */
function candidate(runs: { main: number; resume: number }): () => Optimizer {
  return () => ({
    name: 'nested-run-probe',
    capabilities: Capability.FUNCTION_ENTRY | Capability.RESUME_AFTER_YIELD,
    optimizationCost: 1,
    runCost: 1,
    compile(code, offset): Executor | null {
      if (code.name === 'main' && offset === 0) {
        return {
          execute(frame: Frame, vm: Vm) {
            runs.main++;
            // RESUME .. CALL g(3), RETURN_GENERATOR (in g's frame), CALL list(...): stop before the return.
            for (let i = 0; i < 7; i++) vm.step();
            return vm.frame;
          },
        };
      }
      if (code.name === 'g' && offset > 2) {
        return {
          execute(frame: Frame, vm: Vm) {
            runs.resume++;
            vm.step(frame);
            return vm.frame;
          },
        };
      }
      return null;
    },
  });
}

it('the oracle does not run the candidate executors inside a nested run it replays', () => {
  const parsed = parseFixture('nested.yaml', TEXT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostic));
  const runs = { main: 0, resume: 0 };
  const verdict = certifyFixture(referenceVm, parsed.fixture, candidate(runs), DEFAULT_CERTIFY_OPTIONS);
  expect(verdict.status).toBe('pass');
  // The live run resumes the generator after each of its three yields; the oracle's replay of
  // main's executor (which ran list()) must resume it in the plain interpreter.
  expect(runs).toEqual({ main: 1, resume: 3 });
  if (verdict.status === 'pass') expect(verdict.entries).toBe(4);
});
