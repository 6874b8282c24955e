import { loadProgram, runEntry } from '../program';
import type { Outcome, Program, RunOptions } from '../api';
import type { TraceEvent } from '../optimizer/trace';
import { planRegion, STALL_LIMIT, SuperblockExecutor, SuperblockOptimizer } from './superblock';

function program(functions: Record<string, string>): Program {
  const r = loadProgram({ functions });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

/** The seed profile set to compile at the first hotspot. */
const FIRST_HOT: RunOptions['hotspot'] = { seed: { K: 1, N: 0, M: 0 } };

function run(p: Program, entry: string, opts: RunOptions = {}): { outcome: Outcome; trace: readonly TraceEvent[] } {
  const r = runEntry(p, entry, { trace: true, ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return { outcome: r.outcome, trace: r.trace ?? [] };
}

/** Run with and without superblock; same outcome (value or exception, output, steps). */
function same(p: Program, entry: string, budget?: number): { optimizer: SuperblockOptimizer; trace: readonly TraceEvent[]; outcome: Outcome } {
  const plain = run(p, entry, { budget });
  const optimizer = new SuperblockOptimizer();
  const fast = run(p, entry, { budget, optimizer, hotspot: FIRST_HOT });
  expect(fast.outcome).toEqual(plain.outcome);
  return { optimizer, trace: fast.trace, outcome: fast.outcome };
}

const exits = (trace: readonly TraceEvent[]) => trace.filter((e): e is Extract<TraceEvent, { kind: 'exited' }> => e.kind === 'exited');

/** bench/programs.js `loop`: a while loop of arithmetic. */
const WHILE_LOOP = {
  loop: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_CONST 0
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L2
L1:
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
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L2
  JUMP_BACKWARD L1
L2:
  LOAD_FAST total
  RETURN_VALUE
`,
};

/** A do-while loop whose body divides by (i - 2); with the handler, ZeroDivisionError adds 100. */
function divLoop(withHandler: boolean): Record<string, string> {
  return {
    main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_CONST 0
  STORE_FAST i
L1:
  LOAD_FAST total
  LOAD_CONST 10
  LOAD_FAST i
  LOAD_CONST 2
  BINARY_OP -
  BINARY_OP //
  BINARY_OP +=
  STORE_FAST total
L3:
  LOAD_GLOBAL print + NULL
  LOAD_FAST_LOAD_FAST i, total
  CALL 2
  POP_TOP
  LOAD_FAST i
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L4
  JUMP_BACKWARD L1
L4:
  LOAD_FAST total
  RETURN_VALUE
${withHandler ? `L5:
  POP_TOP
  LOAD_FAST total
  LOAD_CONST 100
  BINARY_OP +=
  STORE_FAST total
  JUMP_BACKWARD L3
ExceptionTable:
  L1 to L3 -> L5 [0]
` : ''}`,
  };
}

/** A loop that calls a Python function and a builtin. */
const CALLS = {
  main: `.params n
  RESUME 0
  BUILD_LIST 0
  STORE_FAST acc
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  LOAD_FAST acc
  LOAD_ATTR append + NULL|self
  LOAD_GLOBAL sq + NULL
  LOAD_FAST i
  CALL 1
  CALL 1
  POP_TOP
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST acc
  RETURN_VALUE
`,
  sq: `.params x
  RESUME 0
  LOAD_FAST_LOAD_FAST x, x
  BINARY_OP *
  RETURN_VALUE
`,
};

/** A generator consumed by a for loop, and by sum() (a nested run). */
const GENERATORS = {
  gen: `.params n
.generator
  RETURN_GENERATOR
  POP_TOP
L1:
  RESUME 0
  LOAD_CONST 0
  STORE_FAST i
L2:
  LOAD_FAST_LOAD_FAST i, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L3
  LOAD_FAST i
  LOAD_CONST 7
  BINARY_OP %
  YIELD_VALUE 0
  RESUME 5
  POP_TOP
  LOAD_FAST i
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST i
  JUMP_BACKWARD L2
L3:
  RETURN_CONST None
L4:
  CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR
  RERAISE 1
ExceptionTable:
  L1 to L4 -> L4 [0] lasti
`,
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
  LOAD_GLOBAL gen + NULL
  LOAD_FAST n
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
  LOAD_GLOBAL sum + NULL
  LOAD_GLOBAL gen + NULL
  LOAD_FAST n
  CALL 1
  CALL 1
  LOAD_FAST total
  BUILD_TUPLE 2
  RETURN_VALUE
`,
};

describe('superblock: planning', () => {
  test('a back edge region is the jump, then its target up to and including the next branch', () => {
    const p = program(WHILE_LOOP);
    const code = p.codes.get('loop')!;
    const region = planRegion(code, 22)!;
    expect(region.pcs).toEqual([22, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]); // 21: POP_JUMP_IF_FALSE
  });

  test('a function entry region starts after the RESUME', () => {
    const p = program(WHILE_LOOP);
    const region = planRegion(p.codes.get('loop')!, 0)!;
    expect(region.pcs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('declines when the region would be empty', () => {
    const p = program({ f: '  RESUME 0\n  RETURN_CONST 1\n' });
    expect(new SuperblockOptimizer().compile(p.codes.get('f')!, 0)).toBeNull();
    // Not a hotspot instruction at all.
    expect(new SuperblockOptimizer().compile(p.codes.get('f')!, 1)).toBeNull();
  });

  test('stops before instructions that leave the frame', () => {
    const p = program(GENERATORS);
    const gen = p.codes.get('gen')!;
    // JUMP_BACKWARD L2 at 18: L2 .. POP_JUMP_IF_FALSE.
    expect(planRegion(gen, 18)!.pcs).toEqual([18, 5, 6, 7]);
    // Function entry RESUME at 2: LOAD_CONST, STORE_FAST, then L2 .. POP_JUMP_IF_FALSE.
    expect(planRegion(gen, 2)!.pcs).toEqual([2, 3, 4, 5, 6, 7]);
    // Resume after yield at 12: POP_TOP .. JUMP_BACKWARD (a back edge ends the region).
    expect(planRegion(gen, 12)!.pcs).toEqual([12, 13, 14, 15, 16, 17, 18]);
    // A YIELD_VALUE ends the region before it: the entry's region after the branch is not followed.
    expect(planRegion(gen, 2)!.pcs).not.toContain(11);
  });
});

describe('superblock: runs with the interpreter\'s outcome, output and step count', () => {
  test('while loop', () => {
    const { optimizer, trace } = same(program(WHILE_LOOP), 'loop(500)');
    expect(optimizer.compiled).toBe(2); // function entry and the back edge
    // The loop body falls through to the back edge, so the executor runs the region again and again:
    // one entry runs every remaining iteration and leaves when the loop test's branch is taken.
    const back = exits(trace).filter((e) => e.offset === 22);
    expect(back).toEqual([{ kind: 'exited', code: 'loop', offset: 22, executor: 2, at: { code: 'loop', ip: 23 }, progressed: true }]);
  });

  test('recursion (function entries)', () => {
    const fib = {
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
  RETURN_VALUE
`,
    };
    const { outcome, trace } = same(program(fib), 'fib(12)');
    expect(outcome).toMatchObject({ kind: 'return', repr: '144' });
    expect(exits(trace).length).toBeGreaterThan(100);
  });

  test('a CALL of a Python function is a side exit; a builtin call runs inline', () => {
    const { trace, outcome } = same(program(CALLS), 'main(20)');
    expect(outcome).toMatchObject({ repr: '[0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225, 256, 289, 324, 361]' });
    // The back edge's region: JUMP_BACKWARD, FOR_ITER (leaving when it jumps), then the loop body,
    // which it leaves before the CALL of sq, a Python function; the builtin range() ran inline
    // in the entry region.
    const main = program(CALLS).codes.get('main')!;
    expect(planRegion(main, 16)!.pcs).toEqual([16, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(planRegion(main, 0)!.pcs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const back = exits(trace).filter((e) => e.code === 'main' && e.offset === 16);
    expect(back.map((e) => e.at?.ip)).toEqual([...Array<number>(19).fill(13), 19]);
    // sq's entry region: RESUME .. BINARY_OP, stopping before RETURN_VALUE.
    expect(exits(trace).filter((e) => e.code === 'sq').every((e) => e.at?.ip === 3)).toBe(true);
  });

  test('generators: FOR_ITER over a generator is a side exit; sum() runs the generator in a nested run', () => {
    const { outcome, trace } = same(program(GENERATORS), 'main(50)');
    expect(outcome).toMatchObject({ repr: '(147, 147)' });
    const main = exits(trace).filter((e) => e.code === 'main' && e.offset === 12);
    // The back edge's region is JUMP_BACKWARD then FOR_ITER, whose guard fails: it leaves at the
    // FOR_ITER, having done nothing but the jump. After STALL_LIMIT such entries in a row it removes
    // itself, and the optimizer declines that back edge from then on.
    expect(main.map((e) => e.at?.ip)).toEqual(Array<number>(STALL_LIMIT).fill(7));
    const at12 = trace.filter((e) => 'offset' in e && e.offset === 12 && (e as { code?: string }).code === 'main').map((e) => e.kind);
    expect(at12.slice(0, 4)).toEqual(['hotspot', 'compile', 'installed', 'entered']);
    expect(at12.filter((k) => k === 'removed')).toHaveLength(1);
    expect(at12.filter((k) => k === 'installed')).toHaveLength(1);
    expect(at12.filter((k) => k === 'declined').length).toBeGreaterThan(0);
    const kinds = new Set(trace.filter((e) => e.kind === 'hotspot').map((e) => (e as { hotspot: string }).hotspot));
    expect(kinds).toEqual(new Set(['function_entry', 'resume_after_yield', 'back_edge']));
  });

  test('an exception raised mid-region and caught in the same frame', () => {
    const { outcome, trace } = same(program(divLoop(true)), 'main(6)');
    expect(outcome).toMatchObject({ kind: 'return', repr: '103', output: '0 -5\n1 -15\n2 85\n3 95\n4 100\n5 103\n' });
    // The back edge's executor raised at the BINARY_OP // (index 10); the VM unwound it to the
    // handler (index 27), where execution continues.
    expect(exits(trace).filter((e) => e.offset === 24 && e.at?.ip === 27)).toHaveLength(1);
  });

  test('an uncaught exception raised mid-region', () => {
    const { outcome, trace } = same(program(divLoop(false)), 'main(6)');
    expect(outcome).toMatchObject({ kind: 'raise', type: 'ZeroDivisionError', output: '0 -5\n1 -15\n' });
    expect(exits(trace).filter((e) => e.at === null)).toHaveLength(1);
  });

  test('the step budget runs out at exactly the same instruction for every budget', () => {
    const p = program(divLoop(true));
    const plain = run(p, 'main(6)');
    const total = plain.outcome.steps;
    for (let budget = 1; budget <= total + 1; budget++) same(p, 'main(6)', budget);
    const g = program(GENERATORS);
    const gTotal = run(g, 'main(6)').outcome.steps;
    for (let budget = 1; budget <= gTotal + 1; budget++) same(g, 'main(6)', budget);
  });

  test('the executor is entered again at its ENTER_EXECUTOR and counts its entries', () => {
    const p = program(WHILE_LOOP);
    const optimizer = new SuperblockOptimizer();
    const r = runEntry(p, 'loop(10)', { optimizer, hotspot: FIRST_HOT });
    if (!r.ok) throw new Error('load');
    const vm = r.vm!;
    const code = vm.codes.find((c) => c.name === 'loop')!;
    const ex = vm.getExecutor(code, 22);
    expect(ex).toBeInstanceOf(SuperblockExecutor);
    expect((ex as SuperblockExecutor).entries).toBe(1);
    expect((ex as SuperblockExecutor).passes).toBe(9);
  });

  test('a replaced executor stops looping at once and never runs again', () => {
    const p = program(WHILE_LOOP);
    const plain = run(p, 'loop(50)').outcome;
    const optimizer = new SuperblockOptimizer();
    let seen = 0;
    let removed: SuperblockExecutor | null = null;
    const r = runEntry(p, 'loop(50)', {
      optimizer,
      hotspot: FIRST_HOT,
      trace: true,
      setup: (vm) => {
        vm.onInstruction = (op) => {
          // The 60th LOAD_CONST (in the back edge's region by then): remove that executor.
          if (op === 83 && ++seen === 60) {
            const code = vm.codes.find((c) => c.name === 'loop')!;
            removed = vm.getExecutor(code, 22) as SuperblockExecutor;
            expect(vm.replaceExecutor(code, 22, null)).toBeNull();
          }
        };
      },
    });
    if (!r.ok) throw new Error('load');
    expect(r.outcome).toMatchObject({ kind: plain.kind, repr: (plain as { repr: string }).repr });
    expect(removed).not.toBeNull();
    const passes = removed!.passes;
    expect(passes).toBeGreaterThan(1);
    expect(passes).toBeLessThan(49);
    // It came back at its hotspot once removed: the VM ran the JUMP_BACKWARD itself.
    const exit = exits(r.trace!).find((e) => e.offset === 22)!;
    expect(exit).toMatchObject({ at: { code: 'loop', ip: 22 }, progressed: false });
    const entered = r.trace!.filter((e) => e.kind === 'entered' && e.offset === 22) as { executor: number }[];
    // The removed executor (number 2) is not entered again; the site, reset, compiles a new one.
    expect(entered.map((e) => e.executor)).toEqual([2, 3]);
  });
});
