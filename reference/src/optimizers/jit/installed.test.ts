/**
 * JitExecutor.installed() answers from the VM's executor version while no executor table changed
 * (spec/optimizer-api.md#get-executor); every way an executor stops being installed — removed,
 * replaced, invalidated, the optimizer replaced — must still make it answer no.
 */
import { runEntry } from '../../program';
import type { Vm } from '../../interp/vm';
import { Capability } from '../../optimizer/api';
import { JitExecutor } from '.';
import { FIRST_HOT, program, RecordingJit } from './test-support';

// for i in range(n): t = t + i; return t
const LOOP = program({
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST t
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST t
  LOAD_FAST i
  BINARY_OP +
  STORE_FAST t
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST t
  RETURN_VALUE`,
});

/** A run whose loop executor is installed at the end, with the VM it ran on. */
function ran(): { vm: Vm; loop: JitExecutor } {
  // Back edges only: a function-entry region would take the loop in before its back edge is hot.
  const jit = new RecordingJit(Capability.BACK_EDGE);
  const r = runEntry(LOOP, 'main(50)', { optimizer: jit, hotspot: FIRST_HOT });
  if (!r.ok) throw new Error(r.error.message);
  const loop = jit.made.find((e) => e.plan.kind === 'back_edge');
  if (loop === undefined) throw new Error('no loop executor');
  return { vm: r.vm!, loop };
}

describe('JitExecutor.installed', () => {
  test('yes while installed, and the version does not move when nothing changes', () => {
    const { vm, loop } = ran();
    const version = vm.executorVersion;
    expect(loop.installed(vm)).toBe(true);
    expect(loop.installed(vm)).toBe(true);
    expect(vm.executorVersion).toBe(version);
  });

  test('no once removed, though it said yes just before', () => {
    const { vm, loop } = ran();
    expect(loop.installed(vm)).toBe(true);
    const version = vm.executorVersion;
    expect(vm.replaceExecutor(loop.plan.code, loop.plan.offset, null)).toBeNull();
    expect(vm.executorVersion).not.toBe(version);
    expect(loop.installed(vm)).toBe(false);
  });

  test('no once another executor replaced it', () => {
    const { vm, loop } = ran();
    expect(loop.installed(vm)).toBe(true);
    const other = { execute: (f: unknown) => f };
    expect(vm.replaceExecutor(loop.plan.code, loop.plan.offset, other as never)).toBeNull();
    expect(loop.installed(vm)).toBe(false);
  });

  test('no once invalidated', () => {
    const { vm, loop } = ran();
    expect(loop.installed(vm)).toBe(true);
    vm.invalidateAllExecutors();
    expect(loop.installed(vm)).toBe(false);
  });

  test('no once the optimizer is replaced (its executors are removed)', () => {
    const { vm, loop } = ran();
    expect(loop.installed(vm)).toBe(true);
    expect(vm.registerOptimizer(null)).toBeNull();
    expect(loop.installed(vm)).toBe(false);
  });

  test('a yes remembered for one VM is not an answer for another at the same version', () => {
    const first = ran();
    const second = ran();
    expect(first.loop.installed(first.vm)).toBe(true);
    // Two identical runs made the same changes: the second VM is at the version remembered.
    expect(second.vm.executorVersion).toBe(first.vm.executorVersion);
    expect(first.vm.replaceExecutor(first.loop.plan.code, first.loop.plan.offset, null)).toBeNull();
    expect(first.loop.installed(second.vm)).toBe(false);
  });
});
