import { loadProgram, runEntry } from '../program';
import type { Program, RunOptions } from '../api';
import { CounterOptimizer } from './counter';

function program(functions: Record<string, string>): Program {
  const r = loadProgram({ functions });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

/** `for _ in range(n): pass`, as CPython 3.13 compiles it. */
const FOR_LOOP = {
  loop: `.params n
  RESUME 0
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST _
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  RETURN_CONST None
`,
};

/** test_opt.py's test_long_loop: 20 iterations of eight calls of an empty function. */
const LONG_LOOP = {
  long_loop: `
  RESUME 0
  LOAD_GLOBAL range + NULL
  LOAD_CONST 20
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST _
${'  LOAD_GLOBAL nop + NULL\n  CALL 0\n  POP_TOP\n'.repeat(8)}  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  RETURN_CONST None
`,
  nop: `
  RESUME 0
  RETURN_CONST None
`,
};

function count(p: Program, entry: string, hotspot: RunOptions['hotspot']): { count: number; result: string } {
  const counter = new CounterOptimizer();
  const r = runEntry(p, entry, { optimizer: counter, hotspot, trace: true });
  if (!r.ok) throw new Error(r.error.message);
  const result = r.outcome.kind === 'return' ? r.outcome.repr : JSON.stringify(r.outcome);
  return { count: counter.count, result };
}

describe('counter optimizer (CPython test_opt.py TestOptimizerAPI)', () => {
  test('declares back edges only, with valid costs', () => {
    const c = new CounterOptimizer();
    expect(c.capabilities).toBe(4);
    expect(c.optimizationCost).toBeGreaterThan(0);
    expect(c.runCost).toBeGreaterThan(0);
    expect(c.count).toBe(0);
  });

  test('a 1000-iteration loop counts 984 under the cpython313 profile', () => {
    expect(count(program(FOR_LOOP), 'loop(1000)', { profile: 'cpython313' })).toEqual({ count: 984, result: 'None' });
  });

  test('with threshold 0 every back edge is counted', () => {
    expect(count(program(FOR_LOOP), 'loop(1000)', { profile: 'cpython313', cpython313: { threshold: 0 } })).toEqual({ count: 1000, result: 'None' });
  });

  test('the long loop of 20 iterations counts 4', () => {
    expect(count(program(LONG_LOOP), 'long_loop()', { profile: 'cpython313' })).toEqual({ count: 4, result: 'None' });
  });

  test('under the seed profile with cost ratio 1 the back edge is compiled at its 64th execution', () => {
    expect(count(program(FOR_LOOP), 'loop(1000)', { profile: 'seed' }).count).toBe(1000 - 63);
  });

  test('the budget running out at the vm.step inside the executor ends the run as exhausted', () => {
    const p = program(FOR_LOOP);
    const hotspot = { profile: 'cpython313', cpython313: { threshold: 0 } } as const;
    const full = runEntry(p, 'loop(10)', { optimizer: new CounterOptimizer(), hotspot });
    if (!full.ok) throw new Error('load');
    const total = full.outcome.steps; // 37 interpreted + 10 vm.step calls inside executors
    expect(total).toBe(47);
    for (let budget = 1; budget <= total; budget++) {
      const r = runEntry(p, 'loop(10)', { budget, optimizer: new CounterOptimizer(), hotspot });
      if (!r.ok) throw new Error('load');
      expect(r.outcome).toMatchObject(budget < total ? { kind: 'exhausted', steps: budget } : { kind: 'return', steps: total });
    }
  });

  test('each executor run advances exactly one instruction: the JUMP_BACKWARD', () => {
    const p = program(FOR_LOOP);
    const plain = runEntry(p, 'loop(100)');
    const counter = new CounterOptimizer();
    const r = runEntry(p, 'loop(100)', { optimizer: counter, hotspot: { profile: 'cpython313', cpython313: { threshold: 0 } }, trace: true });
    if (!r.ok || !plain.ok) throw new Error('load');
    expect(r.outcome.kind).toBe('return');
    // Each run costs two steps: the ENTER_EXECUTOR and the vm.step inside the executor.
    expect(r.outcome.steps).toBe((plain.outcome as { steps: number }).steps + counter.count);
    const exits = r.trace!.filter((e) => e.kind === 'exited');
    expect(exits).toHaveLength(100);
    for (const e of exits) expect(e).toMatchObject({ at: { code: 'loop', ip: 5 }, progressed: true });
    // Only back edges were ever offered.
    expect(r.trace!.filter((e) => e.kind === 'compile').map((e) => (e as { offset: number }).offset)).toEqual([7]);
  });
});
