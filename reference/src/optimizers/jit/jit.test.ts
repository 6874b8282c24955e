import { loadProgram, runEntry } from '../../program';
import type { Outcome, Program } from '../../api';
import { planJitRegion, RECOMPILE_AFTER } from '.';
import { CAUGHT_IN_LOOP_MAIN, COUNT_GENERATOR, MOD_SUM_MAIN, FIRST_HOT, program, RecordingJit, run } from './test-support';
import { STEP_SLICE } from './executor';
import { ALL_CAPABILITIES, Capability } from '../../optimizer/api';

/** Run with and without the JIT: the same outcome (value or exception, output, steps). */
function same(p: Program, entry: string, budget?: number, capabilities = ALL_CAPABILITIES): { jit: RecordingJit; outcome: Outcome } {
  const plain = run(p, entry, { budget });
  const jit = new RecordingJit(capabilities);
  const outcome = run(p, entry, { budget, optimizer: jit, hotspot: FIRST_HOT });
  expect(outcome).toEqual(plain);
  return { jit, outcome };
}


const LOOP = program({ main: MOD_SUM_MAIN });

/** Adds x to itself n times: with ints the fast path holds, with lists every guard fails. */
const ADD = program({
  main: `.params n x
  RESUME 0
  LOAD_FAST x
  STORE_FAST acc
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST_LOAD_FAST acc, x
  BINARY_OP +
  STORE_FAST acc
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST acc
  LOAD_GLOBAL len + NULL
  LOAD_FAST acc
  CALL 1
  RETURN_VALUE`,
});

/** Recursive fib: calls and returns go through the trampoline, from compiled code to compiled code. */
const FIB = program({
  fib: `.params n
  RESUME 0
  LOAD_FAST n
  LOAD_CONST 2
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L1
  LOAD_FAST n
  RETURN_VALUE
L1:
  LOAD_GLOBAL fib + NULL
  LOAD_FAST n
  LOAD_CONST 1
  BINARY_OP -
  CALL 1
  LOAD_GLOBAL fib + NULL
  LOAD_FAST n
  LOAD_CONST 2
  BINARY_OP -
  CALL 1
  BINARY_OP +
  RETURN_VALUE`,
});

/** A generator consumed by a for loop: yields and resumptions go through the trampoline. */
const GEN = program({
  squares: `.params n
  .generator
  RETURN_GENERATOR
  POP_TOP
  RESUME 0
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, i
  BINARY_OP *
  YIELD_VALUE 1
  RESUME 1
  POP_TOP
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  RETURN_CONST None`,
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL squares + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST x
  LOAD_FAST_LOAD_FAST total, x
  BINARY_OP +
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE`,
});

/** A loop reads the global `step`; on one iteration a callee rebinds it (STORE_GLOBAL). */
const REBIND = program({
  bump: `.params i
  RESUME 0
  LOAD_FAST i
  LOAD_CONST 700
  COMPARE_OP bool(==)
  POP_JUMP_IF_FALSE L1
  LOAD_CONST 5
  STORE_GLOBAL step
L1:
  RETURN_CONST None`,
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_GLOBAL bump + NULL
  LOAD_FAST i
  CALL 1
  POP_TOP
  LOAD_FAST total
  LOAD_GLOBAL step
  BINARY_OP +
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE`,
  },
);

/** `down` recurses without end (RecursionError); `depth(500)` after it must still have the full depth. */
const RECURSION = program({
  down: `.params n
  RESUME 0
  LOAD_GLOBAL down + NULL
  LOAD_FAST n
  LOAD_CONST 1
  BINARY_OP +
  CALL 1
  RETURN_VALUE`,
  depth: `.params n
  RESUME 0
  LOAD_FAST n
  LOAD_CONST 0
  COMPARE_OP bool(==)
  POP_JUMP_IF_FALSE L1
  RETURN_CONST 0
L1:
  LOAD_CONST 1
  LOAD_GLOBAL depth + NULL
  LOAD_FAST n
  LOAD_CONST 1
  BINARY_OP -
  CALL 1
  BINARY_OP +
  RETURN_VALUE`,
  main: `.params n
  RESUME 0
  NOP
L1:
  LOAD_GLOBAL down + NULL
  LOAD_CONST 0
  CALL 1
  POP_TOP
L2:
  LOAD_GLOBAL depth + NULL
  LOAD_FAST n
  CALL 1
  RETURN_VALUE
L3:
  PUSH_EXC_INFO
  LOAD_GLOBAL RecursionError
  CHECK_EXC_MATCH
  POP_JUMP_IF_FALSE L4
  POP_TOP
L6:
  POP_EXCEPT
  JUMP_BACKWARD_NO_INTERRUPT L2
L4:
  RERAISE 0
L5:
  COPY 3
  POP_EXCEPT
  RERAISE 1
  ExceptionTable:
    L1 to L2 -> L3 [0]
    L3 to L6 -> L5 [1] lasti
    L4 to L5 -> L5 [1] lasti`,
});

/**
 * CPython 3.13's code for `dive(n, d)`: `100 // d` at the bottom of n compiled calls, so a zero
 * `d` raises ZeroDivisionError n frames down; `main` catches it around the call in its loop.
 */
const DIVE = program({
  dive: `.params n d
  RESUME 0
  LOAD_FAST n
  LOAD_CONST 0
  COMPARE_OP bool(==)
  POP_JUMP_IF_FALSE L1
  LOAD_CONST 100
  LOAD_FAST d
  BINARY_OP //
  RETURN_VALUE
L1:
  LOAD_CONST 1
  LOAD_GLOBAL dive + NULL
  LOAD_FAST n
  LOAD_CONST 1
  BINARY_OP -
  LOAD_FAST d
  CALL 2
  BINARY_OP +
  RETURN_VALUE`,
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_CONST 0
  STORE_FAST caught
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
  LOAD_GLOBAL dive + NULL
  LOAD_FAST i
  LOAD_CONST 6
  BINARY_OP %
  LOAD_FAST i
  LOAD_CONST 4
  BINARY_OP %
  CALL 2
  BINARY_OP +=
  STORE_FAST total
L3:
  JUMP_BACKWARD L1
L4:
  END_FOR
  POP_TOP
  LOAD_FAST_LOAD_FAST total, caught
  BUILD_TUPLE 2
  RETURN_VALUE
L5:
  PUSH_EXC_INFO
  LOAD_GLOBAL ZeroDivisionError
  CHECK_EXC_MATCH
  POP_JUMP_IF_FALSE L7
  POP_TOP
  LOAD_FAST caught
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST caught
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
    L7 to L8 -> L8 [2] lasti`,
});

/** CPython 3.13's code for a pipeline of two generators (`count`, `evens`) drained by a for loop. */
const PIPE = program({
  count: COUNT_GENERATOR,
  evens: `.params xs
  .generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
  LOAD_FAST xs
  GET_ITER
L2:
  FOR_ITER L5
  STORE_FAST x
  LOAD_FAST x
  LOAD_CONST 2
  BINARY_OP %
  LOAD_CONST 0
  COMPARE_OP bool(==)
L3:
  POP_JUMP_IF_TRUE L4
  JUMP_BACKWARD L2
L4:
  LOAD_FAST x
  LOAD_CONST 3
  BINARY_OP *
  YIELD_VALUE 0
  RESUME 5
  POP_TOP
  JUMP_BACKWARD L2
L5:
  END_FOR
  POP_TOP
  RETURN_CONST None
L6:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
  ExceptionTable:
    L1 to L3 -> L6 [0] lasti
    L4 to L6 -> L6 [0] lasti`,
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL evens + NULL
  LOAD_GLOBAL count + NULL
  LOAD_FAST n
  CALL 1
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST v
  LOAD_FAST_LOAD_FAST total, v
  BINARY_OP +=
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE`,
});

/** `maybe(x)` binds `y` only when x > 0: a reused frame must start with `y` unbound again. */
const MAYBE = program({
  maybe: `.params x
  RESUME 0
  LOAD_FAST x
  LOAD_CONST 0
  COMPARE_OP bool(>)
  POP_JUMP_IF_FALSE L1
  LOAD_FAST x
  STORE_FAST y
L1:
  LOAD_FAST_CHECK y
  RETURN_VALUE`,
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST total
  LOAD_GLOBAL maybe + NULL
  LOAD_FAST_LOAD_FAST n, i
  BINARY_OP -
  LOAD_CONST 1
  BINARY_OP -
  CALL 1
  BINARY_OP +
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE`,
});

/**
 * Activations the executors' trampolines ran in a run (`same`): with compiled calls a call or a
 * generator resumption runs nested instead, and this stays far below the number of calls.
 */
function trampolined(p: Program, entry: string, budget?: number): number {
  return same(p, entry, budget).jit.made.reduce((n, e) => n + e.trampolined, 0);
}

describe('the jit sample', () => {
  test('a CALL of a compiled function runs it nested, as a JS call; a budget may run out in any callee', () => {
    expect(trampolined(FIB, 'fib(18)')).toBeLessThan(8361 / 100); // fib(18) makes 8,361 calls
    for (const budget of [30, 31, 97, 500, 4321]) same(FIB, 'fib(18)', budget);
  });

  test('the recursion limit inside compiled calls is the interpreter\'s: RecursionError at the same step, caught, full depth again', () => {
    const { outcome } = same(RECURSION, 'main(500)');
    expect(outcome).toMatchObject({ kind: 'return', repr: '500' });
    expect(trampolined(RECURSION, 'main(900)')).toBeLessThan(1900); // 999 + 901 calls, each two activations through the trampoline
    for (const budget of [1200, 2500, 5003]) same(RECURSION, 'main(900)', budget);
  });

  test('an exception raised n compiled frames down unwinds through them to the handler', () => {
    const { outcome } = same(DIVE, 'main(300)');
    expect(outcome).toMatchObject({ kind: 'return', repr: '(14325, 75)' }); // CPython 3.13's result
    expect(trampolined(DIVE, 'main(300)')).toBeLessThan(1350 / 4); // 1,350 calls, 75 exceptions out of the executors
    for (const budget of [200, 777, 2000]) same(DIVE, 'main(300)', budget);
  });

  test('a frame a nested callee returned from is reused only as a new frame would be: its locals unbound again', () => {
    const { outcome } = same(MAYBE, 'main(500)');
    expect(outcome).toMatchObject({ kind: 'raise', type: 'UnboundLocalError' });
    expect(trampolined(MAYBE, 'main(500)')).toBeLessThan(500 / 20);
  });

  test('FOR_ITER resumes a suspended generator nested: its yields and its return come back as JS returns', () => {
    const { outcome } = same(PIPE, 'main(3000)');
    expect(outcome).toMatchObject({ kind: 'return', repr: '6745500' }); // CPython 3.13's result
    expect(trampolined(PIPE, 'main(3000)')).toBeLessThan(4500 / 20); // 4,500 resumptions
    for (const budget of [60, 61, 1000, 7777]) same(PIPE, 'main(3000)', budget);
  });

  test('globals are resolved at compile time under a dependency: rebinding one invalidates the executor', () => {
    const p = { ...REBIND, source: { ...REBIND.source, globals: { step: '1' } } };
    const withGlobals = loadProgram(p.source);
    if (!withGlobals.ok) throw new Error(withGlobals.error.message);
    const plain = runEntry(withGlobals.program, 'main(1000)', {});
    const jit = new RecordingJit(Capability.BACK_EDGE);
    const fast = runEntry(withGlobals.program, 'main(1000)', { optimizer: jit, hotspot: FIRST_HOT, trace: true });
    if (!plain.ok || !fast.ok) throw new Error('did not run');
    expect(fast.outcome).toEqual(plain.outcome);
    expect(jit.made[0]!.source).toContain('G[');
    expect((fast.trace ?? []).some((e) => e.kind === 'invalidated')).toBe(true);
    expect(jit.made.length).toBeGreaterThanOrEqual(2);
  });

  test('a nested callee that rebinds a global the caller assumed: the caller leaves right after the call', () => {
    const withGlobals = loadProgram({ ...REBIND.source, globals: { step: '1' } });
    if (!withGlobals.ok) throw new Error(withGlobals.error.message);
    const plain = runEntry(withGlobals.program, 'main(1000)', {});
    const jit = new RecordingJit(ALL_CAPABILITIES);
    const fast = runEntry(withGlobals.program, 'main(1000)', { optimizer: jit, hotspot: FIRST_HOT, trace: true });
    if (!plain.ok || !fast.ok) throw new Error('did not run');
    expect(fast.outcome).toEqual(plain.outcome);
    expect((fast.trace ?? []).some((e) => e.kind === 'invalidated')).toBe(true);
    // bump ran nested: its executor was entered by the VM only before main's loop was compiled.
    const bump = jit.made.find((e) => e.plan.code.name === 'bump')!;
    expect(bump.trampolined).toBeLessThan(10);
  });

  test('calls and returns between compiled functions stay in compiled code (the trampoline)', () => {
    const { jit, outcome } = same(FIB, 'fib(18)');
    const inside = jit.made.reduce((n, e) => n + e.steps, 0);
    expect(inside / (outcome as { steps: number }).steps).toBeGreaterThan(0.99);
    expect(jit.made.length).toBe(1);
  });

  test('a generator and its consumer run in compiled code across yields', () => {
    const { jit, outcome } = same(GEN, 'main(3000)');
    const inside = jit.made.reduce((n, e) => n + e.steps, 0);
    expect(inside / (outcome as { steps: number }).steps).toBeGreaterThan(0.99);
    for (const budget of [100, 101, 5000]) same(GEN, 'main(3000)', budget);
  });

  test('a nested callee running past the entry\'s slice leaves at a block start, and every caller with it', () => {
    const outer = program({
      main: LOOP.source.functions!.main!,
      outer: `.params n
  RESUME 0
  LOAD_GLOBAL main + NULL
  LOAD_FAST n
  CALL 1
  LOAD_GLOBAL main + NULL
  LOAD_FAST n
  CALL 1
  BINARY_OP +
  RETURN_VALUE`,
      top: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL range + NULL
  LOAD_CONST 3
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST total
  LOAD_GLOBAL outer + NULL
  LOAD_FAST n
  CALL 1
  BINARY_OP +
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE`,
    });
    // Each call of main runs 15 instructions an iteration: 5,000 iterations pass STEP_SLICE.
    expect(5000 * 15).toBeGreaterThan(STEP_SLICE);
    same(outer, 'top(5000)');
    for (const budget of [60_000, 150_001]) same(outer, 'top(5000)', budget);
  });

  test('a hot loop runs inside its executor, in slices of at most STEP_SLICE instructions', () => {
    const { jit } = same(LOOP, 'main(20000)', undefined, Capability.BACK_EDGE);
    const loop = jit.made.find((e) => e.plan.kind === 'back_edge')!;
    expect(loop).toBeDefined();
    // 20,000 iterations of 15 instructions: a handful of entries, not one per iteration.
    expect(loop.entries).toBeGreaterThanOrEqual(Math.floor((20000 * 15) / STEP_SLICE));
    expect(loop.entries).toBeLessThan(20);
  });

  test('the region is the loop, planned from the table: back edge, blocks, stack slots', () => {
    const code = LOOP.codes.get('main')!;
    const backEdge = [...code.ops.keys()].find((i) => code.ops[i] === 77)!;
    const plan = planJitRegion(code, backEdge)!;
    expect(plan.kind).toBe('back_edge');
    expect(plan.start).toBe(5);
    expect([...plan.exits.keys()]).toEqual([]);
    expect(plan.leaders).toEqual([5, 8, backEdge + 1]);
    expect([plan.low, plan.high]).toEqual([0, 3]);
  });

  test('exhaustion inside the executor happens at the interpreter\'s step', () => {
    for (const budget of [40, 41, 57, 1000, 12345]) {
      same(LOOP, 'main(5000)', budget);
      same(LOOP, 'main(5000)', budget, Capability.BACK_EDGE);
    }
  });

  test('a site whose guard keeps failing is recompiled without its fast path', () => {
    const { jit } = same(ADD, `main(${RECOMPILE_AFTER * 4}, [1, 2])`, undefined, Capability.BACK_EDGE);
    const loop = jit.made.find((e) => e.plan.kind === 'back_edge')!;
    expect(loop.recompiles).toBe(1);
    expect(loop.source).not.toContain("typeof a === 'number'");
    const ints = same(ADD, `main(${RECOMPILE_AFTER * 4}, 7)`, undefined, Capability.BACK_EDGE).jit.made.find((e) => e.plan.kind === 'back_edge')!;
    expect(ints.recompiles).toBe(0);
    expect(ints.source).toContain("typeof a === 'number'");
  });

  test('int results that leave the safe range take the generic path (bigint), floats stay exact', () => {
    same(ADD, 'main(80, 140737488355328)');
    same(ADD, 'main(200, 0.1)');
    same(ADD, 'main(10, -0.0)');
  });
});

test('an exception caught in the same frame is unwound inside the region: the loop stays in its executor', () => {
  const p = program({ main: CAUGHT_IN_LOOP_MAIN });
  const jit = new RecordingJit();
  expect(run(p, 'main(30)', { optimizer: jit, hotspot: FIRST_HOT })).toMatchObject({ kind: 'return', repr: '160' });
  // Ten ZeroDivisionErrors: each would leave the executor, and the next back edge enter it again.
  expect(jit.made.reduce((n, e) => n + e.entries, 0)).toBeLessThan(4);
});
