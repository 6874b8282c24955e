/**
 * Regression: the oracle's copy of the VM must keep the identity of constants. Two iterators over
 * the same constant tuple (nested loops over `(-1, 0, 1)`) hold one object; so does the code
 * object's LOAD_CONST. A copy that cloned the tuple made a correct executor fail advance-n.
 */
import type { Frame } from '../../../reference/src/interp/frame';
import type { Vm } from '../../../reference/src/interp/vm';
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

/**
 * Frame and object identity are state: an executor that steps correctly but leaves an equal copy
 * of its frame (or of a list) in place of the original fails advance-n at once, not only when a
 * later program step happens to notice.
 */
describe('identity of frames and objects is part of the compared state', () => {
  const copyFrame = (frame: Frame, vm: Vm): Frame => {
    const twin = Object.create(Object.getPrototypeOf(frame)) as Frame;
    Object.assign(twin, frame, { locals: [...frame.locals], stack: [...frame.stack] });
    // The copy takes the original's place as the innermost frame.
    (vm as unknown as { frame: Frame }).frame = twin;
    return twin;
  };
  const substituting = (substitute: (frame: Frame, vm: Vm) => Frame): (() => Optimizer) => () => ({
    name: 'substitute',
    capabilities: 4,
    optimizationCost: 1,
    runCost: 1,
    compile: () => ({
      execute(frame, vm) {
        vm.step(frame);
        return substitute(frame, vm);
      },
    }),
  });

  test('a substituted frame is named by its place', () => {
    const parsed = parseFixture('/t.yaml', TEXT);
    if (!parsed.ok) throw new Error(parsed.diagnostic.message);
    const verdict = certifyFixture(referenceVm, parsed.fixture, substituting(copyFrame), DEFAULT_CERTIFY_OPTIONS);
    expect(verdict).toMatchObject({ status: 'fail', violations: [{ rule: 'advance-n', difference: expect.stringContaining('frames[0] (identity)') }] });
  });

  test('a substituted iterator (an equal copy) fails advance-n', () => {
    const parsed = parseFixture('/t.yaml', TEXT);
    if (!parsed.ok) throw new Error(parsed.diagnostic.message);
    const swapIterator = (frame: Frame, vm: Vm): Frame => {
      const top = frame.stack[frame.stack.length - 1];
      if (top && typeof top === 'object') {
        frame.stack[frame.stack.length - 1] = Object.assign(Object.create(Object.getPrototypeOf(top)) as object, top) as typeof top;
      }
      return vm.frame!;
    };
    const verdict = certifyFixture(referenceVm, parsed.fixture, substituting(swapIterator), DEFAULT_CERTIFY_OPTIONS);
    expect(verdict).toMatchObject({ status: 'fail', violations: [{ rule: 'advance-n', difference: expect.stringContaining('identity') }] });
  });
});
