import { planJitRegion, type JitInstruction } from './plan';
import { OP } from '../../isa/table';
import { slotBit, slotRange, syncedSlots } from './sync';
import { JitEmitter } from './emit';
import { program } from './test-support';

/** for i in range(n): for j in range(n): t = t + j (the inner back edge is the hotspot). */
const NESTED = program({
  main: `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST t
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L4
  STORE_FAST i
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L2:
  FOR_ITER L3
  STORE_FAST j
  LOAD_FAST_LOAD_FAST t, j
  BINARY_OP +
  STORE_FAST t
  JUMP_BACKWARD L2
L3:
  END_FOR
  POP_TOP
  JUMP_BACKWARD L1
L4:
  END_FOR
  POP_TOP
  LOAD_FAST t
  RETURN_VALUE`,
});

test('the iterators of enclosing loops stay in sync inside the inner loop; a fast result does not', () => {
  const code = NESTED.codes.get('main')!;
  // The hotspot: the inner loop's JUMP_BACKWARD, the first one.
  const innerBackEdge = [...code.ops].findIndex((op) => op === OP.JUMP_BACKWARD);
  const plan = planJitRegion(code, innerBackEdge)!;
  expect(plan).not.toBeNull();
  const e = new JitEmitter(plan);
  const synced = syncedSlots(plan, (ins) => (e as unknown as { written(i: JitInstruction): number | null }).written(ins));
  const add = [...plan.instructions.values()].find((ins) => ins.def.name === 'BINARY_OP')!;
  // Before `t + j`: slots 0 and 1 hold the two iterators (written once by GET_ITER's handler).
  expect(add.depth).toBe(4);
  expect(synced.get(add.pc)! & slotRange(plan, 0, 2)).toBe(slotRange(plan, 0, 2));
  // LOAD_FAST_LOAD_FAST put t and j in JS locals only.
  expect(synced.get(add.pc)! & slotBit(plan, 2)).toBe(0);
  expect(synced.get(add.pc)! & slotBit(plan, 3)).toBe(0);
  // So the slow path of `+` writes back slots 2 and 3, not the iterators.
  const source = e.emit().source;
  const slow = source.split('\n').find((line) => line.includes(`H[${add.pc}](`))!;
  expect(slow).toContain('S[2] = s2; S[3] = s3;');
  expect(slow).not.toContain('S[0] = s0');
  expect(slow).not.toContain('S[1] = s1');
});
