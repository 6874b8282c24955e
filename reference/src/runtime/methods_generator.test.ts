import { loadProgram, newVm } from '../program';
import { OP } from '../isa/table';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { Capability } from '../optimizer/api';
import { closeGenerator, delegateOf } from './methods_generator';
import { PyGenerator } from './values';

/** gen yields outside any try (RESUME 5: CPython's depth-1 bit), guarded inside one (RESUME 1). */
const FUNCTIONS = {
  gen: `.generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
  LOAD_CONST 1
  YIELD_VALUE 0
  RESUME 5
  POP_TOP
  RETURN_CONST None
L2:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
ExceptionTable:
  L1 to L2 -> L2 [0] lasti
`,
  outer: `.generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
  LOAD_GLOBAL gen + NULL
  CALL 0
  GET_YIELD_FROM_ITER
  LOAD_CONST None
L2:
  SEND L5
L3:
  YIELD_VALUE 1
L4:
  RESUME 2
  JUMP_BACKWARD_NO_INTERRUPT L2
L5:
  END_SEND
  RETURN_VALUE
L6:
  CLEANUP_THROW
L7:
  JUMP_BACKWARD_NO_INTERRUPT L5
L8:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
ExceptionTable:
  L1 to L3 -> L8 [0] lasti
  L3 to L4 -> L6 [2]
  L4 to L7 -> L8 [0] lasti
`,
  main: `  RESUME 0
  LOAD_GLOBAL outer + NULL
  CALL 0
  STORE_FAST g
  LOAD_GLOBAL next + NULL
  LOAD_FAST g
  CALL 1
  POP_TOP
  LOAD_FAST g
  RETURN_VALUE
`,
};

/** Run main: it returns `outer` suspended in its yield from, `gen` suspended under it. */
function suspended(withExecutorAtGenResume: boolean): { vm: Vm; outer: PyGenerator; inner: PyGenerator } {
  const loaded = loadProgram({ functions: FUNCTIONS });
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  const vm = newVm(loaded.program, 10_000);
  const outer = vm.callFunction(vm.globals.get('main')!, []) as PyGenerator;
  const inner = delegateOf(outer) as PyGenerator;
  if (withExecutorAtGenResume) {
    const never = { execute: (f: Frame) => f };
    vm.registerOptimizer({ name: 'installer', capabilities: Capability.RESUME_AFTER_YIELD, optimizationCost: 1, runCost: 1, compile: () => null });
    const code = (inner.frame as Frame).code;
    expect(vm.replaceExecutor(code, 5, never)).toBeNull();
    expect(code.ops[5]).toBe(OP.ENTER_EXECUTOR);
  }
  return { vm, outer, inner };
}

describe('generator.close through yield from', () => {
  test('the delegate of a generator suspended in a yield from is the receiver on its stack', () => {
    const { outer, inner } = suspended(false);
    expect(outer.state).toBe('suspended');
    expect(inner).toBeInstanceOf(PyGenerator);
    expect(inner.name).toBe('gen');
    expect(delegateOf(inner)).toBeNull();
  });

  test.each([false, true])('close() closes the delegate without running it at a depth-1 RESUME (executor installed: %s), then the delegating generator by GeneratorExit', (installed) => {
    const { vm, outer, inner } = suspended(installed);
    const before = vm.steps;
    expect(closeGenerator(outer, vm)).toBeNull();
    expect([outer.state, inner.state]).toEqual(['closed', 'closed']);
    // Only outer ran: GeneratorExit at its YIELD_VALUE 1 -> CLEANUP_THROW re-raises -> the
    // StopIteration handler's CALL_INTRINSIC_1 and RERAISE. gen's own resume ran nothing.
    expect(vm.steps - before).toBe(3);
  });
});
