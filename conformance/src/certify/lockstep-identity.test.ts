/**
 * Regression: the oracle's copy of the VM must keep the identity of constants. Two iterators over
 * the same constant tuple (nested loops over `(-1, 0, 1)`) hold one object; so does the code
 * object's LOAD_CONST. A copy that cloned the tuple made a correct executor fail advance-n.
 */
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import { parseFixture } from '../fixtures/load';
import { referenceVm } from '../run/reference-vm';
import { certifyFixture, DEFAULT_CERTIFY_OPTIONS } from './certify-fixture';

const TEXT = `id: t.nested-constant-tuples
description: nested loops over one constant tuple
spec: [op-FOR_ITER]
program:
  functions:
    main: |
      RESUME 0
        LOAD_CONST 0
        STORE_FAST n
        LOAD_CONST (-1, 0, 1)
        GET_ITER
      L1:
        FOR_ITER L4
        STORE_FAST a
        LOAD_CONST (-1, 0, 1)
        GET_ITER
      L2:
        FOR_ITER L3
        STORE_FAST b
        LOAD_FAST_LOAD_FAST n, a
        BINARY_OP +=
        LOAD_FAST b
        BINARY_OP +=
        STORE_FAST n
        JUMP_BACKWARD L2
      L3:
        END_FOR
        POP_TOP
        JUMP_BACKWARD L1
      L4:
        END_FOR
        POP_TOP
        LOAD_FAST n
        RETURN_VALUE
entry: main()
expect:
  return: "0"
`;

/** Each executor runs a burst of interpreter steps: correct by construction. */
const burst = (): Optimizer => ({
  name: 'burst',
  capabilities: 4,
  optimizationCost: 1,
  runCost: 1,
  compile: () => ({
    execute(frame, vm) {
      for (let i = 0; i < 5 && vm.frame === frame; i++) vm.step(frame);
      return vm.frame;
    },
  }),
});

test.each([
  ['burst', burst],
  ['superblock', SAMPLE_OPTIMIZERS.superblock!],
])('a correct executor (%s) over nested loops on one constant tuple passes', (_name, make) => {
  const parsed = parseFixture('/t.yaml', TEXT);
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  expect(certifyFixture(referenceVm, parsed.fixture, make, DEFAULT_CERTIFY_OPTIONS)).toMatchObject({ status: 'pass' });
});
