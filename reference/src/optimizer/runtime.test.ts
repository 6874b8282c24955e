import { loadProgram, newVm, runEntry } from '../program';
import type { Program } from '../api';
import { disassemble } from '../isa/disassembler';
import { codeEquals, codeHash, originalCode } from '../isa/code-view';
import { OP } from '../isa/table';
import type { Code } from '../isa/code';
import { DISPATCH } from '../interp/handlers';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { Capability, type Executor, type Optimizer } from './api';
import type { TraceEvent } from './trace';

const LOOP = `.params n
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
  LOAD_FAST_LOAD_FAST total, i
  BINARY_OP +=
  STORE_FAST total
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  LOAD_FAST total
  RETURN_VALUE
`;
const BACK_EDGE_AT = 12;

function program(functions: Record<string, string> = { main: LOOP }): Program {
  const r = loadProgram({ functions });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

/** An executor that runs k instructions in the interpreter. */
function stepping(k: number, log?: string[]): Executor {
  return {
    execute(frame: Frame, vm: Vm) {
      log?.push(`${frame.code.name}@${frame.ip}`);
      for (let i = 0; i < k && vm.frame; i++) vm.step(vm.frame);
      return vm.frame as Frame;
    },
  };
}

function optimizer(compile: Optimizer['compile'], capabilities: number = Capability.BACK_EDGE): Optimizer {
  return { name: 'test', capabilities, optimizationCost: 1, runCost: 1, compile };
}

const FIRST = { profile: 'seed' as const, seed: { K: 1, N: 0, M: 0 } };
const kinds = (t: readonly TraceEvent[] | undefined, ...k: string[]) => (t ?? []).filter((e) => k.includes(e.kind));

describe('registration', () => {
  test.each([
    [{ capabilities: 0 }, 'registration.capabilities'],
    [{ capabilities: 8 }, 'registration.capabilities'],
    [{ capabilities: 1.5 }, 'registration.capabilities'],
    [{ optimizationCost: 0 }, 'registration.costs'],
    [{ runCost: -1 }, 'registration.costs'],
    [{ runCost: NaN }, 'registration.costs'],
    [{ optimizationCost: Infinity }, 'registration.costs'],
    [{ compile: undefined }, 'registration.not-an-optimizer'],
  ])('%j is refused with %s', (override, rule) => {
    const vm = newVm(program(), 1000);
    const o = { ...optimizer(() => null), ...override } as Optimizer;
    expect(vm.registerOptimizer(o)).toMatchObject({ rule });
    expect(vm.optimizers.registered).toBeNull();
    expect(vm.dispatch).toBe(DISPATCH);
  });

  test('with no optimizer the interpreter runs the plain, non-counting handlers', () => {
    const vm = newVm(program(), 1000);
    expect(vm.dispatch).toBe(DISPATCH);
    expect(vm.registerOptimizer(optimizer(() => null))).toBeNull();
    expect(vm.dispatch[OP.JUMP_BACKWARD]).not.toBe(DISPATCH[OP.JUMP_BACKWARD]);
    expect(vm.dispatch[OP.RESUME]).toBe(DISPATCH[OP.RESUME]);
    vm.registerOptimizer(null);
    expect(vm.dispatch).toBe(DISPATCH);
  });

  test('costs are read once, at registration', () => {
    const o = { ...optimizer(() => null), optimizationCost: 1 };
    const vm = newVm(program(), 1000);
    vm.registerOptimizer(o);
    o.optimizationCost = -5;
    expect(vm.optimizers.registered?.optimizationCost).toBe(1);
  });
});

describe('hotspots and ENTER_EXECUTOR', () => {
  test('a new executor is entered at once, at the execution that made the site hot', () => {
    const log: string[] = [];
    const r = runEntry(program(), 'main(3)', { optimizer: optimizer(() => stepping(1, log)), hotspot: FIRST, trace: true });
    expect(r.ok && r.outcome).toMatchObject({ kind: 'return', repr: '3' });
    expect(log).toEqual(['main@12', 'main@12', 'main@12']);
    expect(kinds(r.ok ? r.trace : [], 'installed', 'entered').map((e) => e.kind)).toEqual(['installed', 'entered', 'entered', 'entered']);
  });

  test('only declared kinds are offered: a FUNCTION_ENTRY optimizer never sees the back edge', () => {
    const offered: number[] = [];
    runEntry(program(), 'main(50)', {
      optimizer: optimizer((_c, offset) => (offered.push(offset), null), Capability.FUNCTION_ENTRY),
      hotspot: FIRST,
    });
    expect(offered).toEqual([0]);
  });

  test('an executor that comes back at its hotspot makes the VM run the original instruction', () => {
    const r = runEntry(program(), 'main(4)', { optimizer: optimizer(() => stepping(0)), hotspot: FIRST, trace: true });
    expect(r.ok && r.outcome).toMatchObject({ kind: 'return', repr: '6' });
    const exits = kinds(r.ok ? r.trace : [], 'exited');
    expect(exits.length).toBe(4);
    expect(exits.every((e) => e.kind === 'exited' && !e.progressed)).toBe(true);
  });

  test('a JS throw from execute stops the run with a fault', () => {
    const bad: Executor = { execute() { throw new Error('boom'); } };
    const r = runEntry(program(), 'main(4)', { optimizer: optimizer(() => bad), hotspot: FIRST, trace: true });
    expect(r.ok && r.outcome).toMatchObject({ kind: 'fault', rule: 'execute.throws' });
  });

  test('returning a frame that is not the innermost one is a fault', () => {
    const bad: Executor = { execute(frame, vm) { vm.step(frame); return frame.back ?? ({} as Frame); } };
    const r = runEntry(program(), 'main(4)', { optimizer: optimizer(() => bad), hotspot: FIRST });
    expect(r.ok && r.outcome).toMatchObject({ kind: 'fault', rule: 'execute.frame' });
  });

  test('compile faults are declines: the run continues and the site backs off', () => {
    const r = runEntry(program(), 'main(40)', {
      optimizer: optimizer(() => { throw new Error('no'); }),
      hotspot: { profile: 'cpython313' },
      trace: true,
    });
    expect(r.ok && r.outcome).toMatchObject({ kind: 'return', repr: '780' });
    expect(kinds(r.ok ? r.trace : [], 'fault').map((e) => e.kind === 'fault' && e.rule)).toEqual(['compile.throws']);
  });

  test('CPython 3.13 profile: attempts at executions #17, #49, #113, #241', () => {
    let executions = 0;
    const attempts: number[] = [];
    const vm = newVm(program(), 100_000);
    vm.optimizers.hotspots = { profile: 'cpython313' };
    vm.registerOptimizer(optimizer(() => (attempts.push(executions), null)));
    const counting = vm.dispatch[OP.JUMP_BACKWARD]!;
    vm.dispatch = vm.dispatch.slice();
    vm.dispatch[OP.JUMP_BACKWARD] = (v, f, a) => {
      executions++;
      counting(v, f, a);
    };
    vm.callFunction(vm.globals.get('main')!, [300]);
    expect(attempts).toEqual([17, 49, 113, 241]);
  });
});

describe('replacement, removal and code objects', () => {
  function installed(): { vm: Vm; code: Code } {
    const vm = newVm(program(), 10_000);
    vm.optimizers.hotspots = FIRST;
    vm.registerOptimizer(optimizer(() => stepping(1)));
    vm.callFunction(vm.globals.get('main')!, [2]);
    return { vm, code: vm.codes[0]! };
  }

  test('an installed executor rewrites the instruction; getExecutor finds it', () => {
    const { vm, code } = installed();
    expect(code.ops[BACK_EDGE_AT]).toBe(OP.ENTER_EXECUTOR);
    expect(vm.getExecutor(code, BACK_EDGE_AT)).not.toBeNull();
    expect(vm.getExecutor(code, 0)).toBeNull();
  });

  test('disassembly, equality and hashing see through ENTER_EXECUTOR', () => {
    const { code } = installed();
    const plain = program().codes.get('main')!;
    expect(disassemble(code)).toBe(disassemble(plain));
    expect(codeEquals(code, plain)).toBe(true);
    expect(codeEquals(code, originalCode(code))).toBe(true);
    expect(codeHash(code)).toBe(codeHash(plain));
  });

  test('replace swaps the executor; null removes it and restores the instruction', () => {
    const { vm, code } = installed();
    const other = stepping(1);
    expect(vm.replaceExecutor(code, BACK_EDGE_AT, other)).toBeNull();
    expect(vm.getExecutor(code, BACK_EDGE_AT)).toBe(other);
    expect(vm.replaceExecutor(code, BACK_EDGE_AT, null)).toBeNull();
    expect(code.ops[BACK_EDGE_AT]).toBe(OP.JUMP_BACKWARD);
    expect(vm.getExecutor(code, BACK_EDGE_AT)).toBeNull();
  });

  test('replacing at an offset that is not a declared hotspot is refused', () => {
    const { vm, code } = installed();
    expect(vm.replaceExecutor(code, 3, stepping(1))).toMatchObject({ rule: 'replace.not-a-hotspot' });
    expect(vm.replaceExecutor(code, 0, stepping(1))).toMatchObject({ rule: 'replace.not-a-hotspot' });
  });

  test('changing the optimizer removes every executor', () => {
    const { vm, code } = installed();
    vm.registerOptimizer(optimizer(() => null));
    expect(code.ops[BACK_EDGE_AT]).toBe(OP.JUMP_BACKWARD);
  });

  test('each VM installs into its own copies of the code objects', () => {
    const p = program();
    runEntry(p, 'main(5)', { optimizer: optimizer(() => stepping(1)), hotspot: FIRST });
    expect(p.codes.get('main')!.ops[BACK_EDGE_AT]).toBe(OP.JUMP_BACKWARD);
  });
});
