import { loadProgram, newVm, runEntry } from '../program';
import type { Program } from '../api';
import { PyException, PyFloat, PyFunction, PyList } from '../runtime/values';
import { objectId } from '../runtime/dict';
import type { Vm } from '../interp/vm';
import { compareStates, formatDifference } from './compare';
import { snapshot } from './snapshot';
import { Cloner, cloneVmState, FLOAT_FIELDS, FRAME_FIELDS } from './clone';

function program(functions: Record<string, string>): Program {
  const r = loadProgram({ functions });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

const LOOP = {
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
  LOAD_GLOBAL print + NULL
  LOAD_FAST acc
  CALL 1
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

function started(p: Program, n: number): Vm {
  const vm = newVm(p, 10_000);
  vm.begin(vm.globals.get('main') as PyFunction, [n]);
  return vm;
}

describe('single-step API', () => {
  test('stepping to completion gives the same outcome and step count as running', () => {
    const p = program(LOOP);
    const run = runEntry(p, 'main(5)');
    const vm = started(p, 5);
    let steps = 0;
    while (vm.step()) steps++;
    const c = vm.takeCompletion();
    expect(c?.kind).toBe('return');
    expect((c?.value as PyList).items).toEqual([0, 1, 4, 9, 16]);
    expect(vm.output.join('')).toBe('[0, 1, 4, 9, 16]\n');
    expect(run.ok && run.outcome.steps).toBe(steps);
  });

  test('each step executes exactly one instruction: ip and frames move one instruction at a time', () => {
    const vm = started(program(LOOP), 2);
    const seen: string[] = [];
    for (let k = 0; k < 14; k++) {
      const f = vm.frame!;
      seen.push(`${f.code.name}@${f.ip}`);
      vm.step();
    }
    // main runs straight to `CALL 1` (index 13), which pushes sq's frame; the caller's ip is past it.
    expect(seen).toEqual(Array.from({ length: 14 }, (_, k) => `main@${k}`));
    expect(vm.frame!.code.name).toBe('sq');
    expect(vm.frame!.ip).toBe(0);
    expect(vm.frame!.back!.ip).toBe(14);
    vm.step();
    expect(vm.frame!.ip).toBe(1);
  });

  test('an uncaught exception leaves step() as a PyException', () => {
    const p = program({ main: '.params a\nRESUME 0\nLOAD_FAST a\nLOAD_CONST 0\nBINARY_OP //\nRETURN_VALUE\n' });
    const vm = newVm(p, 100);
    vm.begin(vm.globals.get('main') as PyFunction, [1]);
    vm.step();
    vm.step();
    vm.step();
    expect(() => vm.step()).toThrow(PyException);
    expect(vm.frame).toBeNull();
  });
});

describe('snapshot and compare', () => {
  test('two VMs stepped alike have equal snapshots at every step', () => {
    const p = program(LOOP);
    const a = started(p, 3);
    const b = started(p, 3);
    do {
      expect(compareStates(snapshot(a), snapshot(b))).toBeNull();
    } while (a.step() && b.step());
  });

  test('a difference is reported at its first path', () => {
    const p = program(LOOP);
    const a = started(p, 3);
    const b = started(p, 3);
    for (let k = 0; k < 12; k++) {
      a.step();
      b.step();
    }
    b.frame!.locals[2] = 7;
    const d = compareStates(snapshot(a), snapshot(b));
    expect(d && formatDifference(d)).toBe("frames[0] main: local 'i': expected int 0, got int 7");
    expect(d?.path).toBe('frames[0].locals[2]');
  });

  test('a state one instruction behind differs in its instruction pointer', () => {
    const p = program(LOOP);
    const a = started(p, 3);
    const b = started(p, 3);
    a.step();
    expect(compareStates(snapshot(a), snapshot(b))?.path).toBe('frames[0].ip');
  });

  test('object identity: one list referenced twice is not two equal lists', () => {
    const p = program({ main: '.params a b\nRESUME 0\nLOAD_FAST a\nRETURN_VALUE\n' });
    const shared = started0(p, () => {
      const l = new PyList([1]);
      return [l, l];
    });
    const separate = started0(p, () => [new PyList([1]), new PyList([1])]);
    const d = compareStates(snapshot(shared), snapshot(separate));
    expect(d?.path).toBe('frames[0].locals[1]');
    expect(d?.expected).toContain('the same object');
    expect(compareStates(snapshot(shared), snapshot(started0(p, () => {
      const l = new PyList([1]);
      return [l, l];
    })))).toBeNull();
  });

  test('the heap is compared deeply: a changed list item is found', () => {
    const p = program({ main: '.params a b\nRESUME 0\nLOAD_FAST a\nRETURN_VALUE\n' });
    const x = started0(p, () => [new PyList([1, new PyList([2])]), null]);
    const y = started0(p, () => [new PyList([1, new PyList([3])]), null]);
    expect(formatDifference(compareStates(snapshot(x), snapshot(y))!)).toBe("frames[0] main: local 'a'.items[1].items[0]: expected int 2, got int 3");
  });

  test('printed output is part of the state', () => {
    const p = program(LOOP);
    const a = started(p, 1);
    const b = started(p, 1);
    b.write('x');
    expect(compareStates(snapshot(a), snapshot(b))?.path).toBe('output[0]');
  });
});

function started0(p: Program, args: () => [unknown, unknown]): Vm {
  const vm = newVm(p, 100);
  vm.begin(vm.globals.get('main') as PyFunction, args() as never);
  return vm;
}

describe('copying the state', () => {
  test('the frame copy knows every field a frame has', () => {
    const p = program(LOOP);
    const vm = started(p, 3);
    for (let k = 0; k < 15; k++) vm.step();
    expect(Object.keys(vm.frame!).sort()).toEqual([...FRAME_FIELDS].sort());
    const copy = cloneVmState(vm);
    expect(Object.keys(copy.frame!).sort()).toEqual([...FRAME_FIELDS].sort());
    expect(copy.frame).not.toBe(vm.frame);
    expect(compareStates(snapshot(vm), snapshot(copy))).toBeNull();
  });

  test('the float copy knows every field a float has, and keeps its id', () => {
    const x = new PyFloat(2.5);
    expect(Object.keys(x)).toEqual([...FLOAT_FIELDS]);
    const id = objectId(x);
    const copy = new Cloner(new Set()).value(x);
    expect(copy).not.toBe(x);
    expect(Object.getPrototypeOf(copy)).toBe(PyFloat.prototype);
    expect(Object.keys(copy)).toEqual([...FLOAT_FIELDS]);
    expect(copy.value).toBe(2.5);
    expect(objectId(copy)).toBe(id);
  });
});
