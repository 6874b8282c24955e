import { loadProgram, newVm } from '../../../reference/src/program';
import type { Vm } from '../../../reference/src/interp/vm';
import { PyFunction } from '../../../reference/src/runtime/values';
import { cloneVmState } from '../../../reference/src/state/clone';
import { formatDifference } from '../../../reference/src/state/compare';
import { findAdvance } from './lockstep';

const MAIN = `.params n
  RESUME 0
  LOAD_CONST 0
  STORE_FAST total
L1:
  LOAD_FAST_LOAD_FAST total, n
  COMPARE_OP bool(<)
  POP_JUMP_IF_FALSE L2
  LOAD_GLOBAL print + NULL
  LOAD_FAST total
  CALL 1
  POP_TOP
  LOAD_FAST total
  LOAD_CONST 1
  BINARY_OP +=
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  LOAD_FAST total
  RETURN_VALUE
`;

function started(): Vm {
  const r = loadProgram({ functions: { main: MAIN } });
  if (!r.ok) throw new Error(r.error.message);
  const vm = newVm(r.program, 10_000);
  vm.begin(vm.globals.get('main') as PyFunction, [3]);
  return vm;
}

function stepped(vm: Vm, n: number): Vm {
  for (let i = 0; i < n; i++) vm.step();
  return vm;
}

describe('findAdvance', () => {
  test('finds the N at which the interpreter reaches the state the executor left', () => {
    const actual = started();
    const reference = cloneVmState(actual);
    stepped(actual, 17);
    expect(findAdvance(reference, actual, 100)).toMatchObject({ ok: true, n: 17 });
  });

  test('the output is the text printed, however the writes split it', () => {
    const actual = stepped(started(), 30);
    const reference = cloneVmState(actual);
    expect(actual.output.length).toBeGreaterThan(1);
    const text = actual.output.join('');
    actual.output.splice(0, actual.output.length, text);
    expect(findAdvance(reference, actual, 100)).toMatchObject({ ok: true, n: 0 });
  });

  test('a stray stack slot is reported where the interpreter runs the same instructions', () => {
    const actual = started();
    const reference = cloneVmState(actual);
    stepped(actual, 20);
    actual.frame!.stack.unshift(null);
    const r = findAdvance(reference, actual, 100);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.closestN).toBe(20);
      expect(formatDifference(r.difference)).toMatch(/^frames\[0\] main: stack depth: expected \d+, got \d+$/);
    }
  });

  test('a state at no instruction the interpreter reaches is reported against the entry state', () => {
    const actual = started();
    const reference = cloneVmState(actual);
    stepped(actual, 5);
    actual.frame!.ip = 14;
    const r = findAdvance(reference, actual, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect({ n: r.closestN, difference: formatDifference(r.difference) }).toEqual({ n: 0, difference: 'frames[0] main: ip: expected 0, got 14' });
  });
});
