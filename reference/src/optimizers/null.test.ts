import { loadProgram, runEntry } from '../program';
import type { Program } from '../api';
import { ALL_CAPABILITIES } from '../optimizer/api';
import { checkOptimizer } from '../optimizer/registration';
import { NullOptimizer } from './null';
import { SAMPLE_OPTIMIZERS } from './index';

function program(functions: Record<string, string>): Program {
  const r = loadProgram({ functions });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

/** A loop in a generator consumed by a for loop: back edges, function entries, resumes after yield. */
const PROGRAM = {
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
  LOAD_FAST total
  RETURN_VALUE
`,
};

describe('null optimizer (the seed\'s valid but useless optimizer)', () => {
  test('declares every capability and valid costs', () => {
    const o = new NullOptimizer();
    expect(o.capabilities).toBe(ALL_CAPABILITIES);
    expect(checkOptimizer(o)).toMatchObject({ name: 'null', capabilities: 7 });
  });

  test('is offered every hotspot kind, declines each, and changes nothing', () => {
    const p = program(PROGRAM);
    const plain = runEntry(p, 'main(300)');
    const r = runEntry(p, 'main(300)', { optimizer: new NullOptimizer(), trace: true, hotspot: { seed: { K: 1, N: 0, M: 0 } } });
    if (!r.ok || !plain.ok) throw new Error('load');
    expect(r.outcome).toEqual(plain.outcome);
    const trace = r.trace!;
    const kinds = new Set(trace.filter((e) => e.kind === 'hotspot').map((e) => (e as { hotspot: string }).hotspot));
    expect(kinds).toEqual(new Set(['function_entry', 'resume_after_yield', 'back_edge']));
    expect(trace.filter((e) => e.kind === 'compile').length).toBe(trace.filter((e) => e.kind === 'declined').length);
    expect(trace.some((e) => ['installed', 'entered', 'fault'].includes(e.kind))).toBe(false);
  });

  test('SAMPLE_OPTIMIZERS makes a fresh instance per call', () => {
    expect(Object.keys(SAMPLE_OPTIMIZERS).sort()).toEqual(['counter', 'jit', 'null', 'superblock']);
    for (const [name, make] of Object.entries(SAMPLE_OPTIMIZERS)) {
      const a = make();
      expect(a.name).toBe(name);
      expect(make()).not.toBe(a);
      expect(checkOptimizer(a)).not.toHaveProperty('rule');
    }
  });
});
