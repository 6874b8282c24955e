/**
 * Executor dependencies and invalidation (spec/optimizer-api.md#executor-dependencies) and the
 * cpython313 profile's lifetimes (#hotspot-cpython313-lifetime), through the VM's public methods.
 */
import { loadProgram, runEntry } from '../program';
import type { Program } from '../api';
import { OP } from '../isa/table';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { CounterOptimizer } from '../optimizers/counter';
import { Capability, type Executor, type Optimizer } from './api';
import type { TraceEvent } from './trace';

/** A loop that rebinds the global G in iteration `at` (a STORE_GLOBAL inside the loop body). */
const REBINDING_LOOP = `.params n at
  RESUME 0
  LOAD_CONST 0
  STORE_GLOBAL G
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L3
  STORE_FAST i
  LOAD_FAST_LOAD_FAST i, at
  COMPARE_OP ==
  POP_JUMP_IF_FALSE L2
  LOAD_FAST i
  STORE_GLOBAL G
L2:
  JUMP_BACKWARD L1
L3:
  END_FOR
  POP_TOP
  LOAD_GLOBAL G
  RETURN_VALUE
`;

function program(src = REBINDING_LOOP): Program {
  const r = loadProgram({ functions: { main: src } });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.program;
}

const EAGER = { profile: 'seed' as const, seed: { K: 1, N: 0, M: 0 } };
const kinds = (t: readonly TraceEvent[] | undefined, ...k: string[]) => (t ?? []).filter((e) => k.includes(e.kind));

/** One instruction per entry; depends on the globals when `depends`; `log` gets its validity at each entry. */
class OneStep implements Executor {
  constructor(readonly log: boolean[] = []) {}
  execute(frame: Frame, vm: Vm): Frame {
    this.log.push(vm.isExecutorValid(this));
    vm.step(frame);
    return frame;
  }
}

function backEdgeOptimizer(make: (vm: Vm) => Executor | null): Optimizer {
  return {
    name: 'deps', capabilities: Capability.BACK_EDGE, optimizationCost: 1, runCost: 1,
    compile: (_code, _offset, vm) => make(vm),
  };
}

describe('dependencies on the globals', () => {
  test('a store to the globals invalidates a dependent executor before it takes effect; it is never entered again', () => {
    const made: OneStep[] = [];
    const opt = backEdgeOptimizer((vm) => {
      const e = new OneStep();
      vm.addExecutorDependency(e, vm.globals);
      made.push(e);
      return e;
    });
    const r = runEntry(program(), 'main(6, 2)', { optimizer: opt, hotspot: EAGER, trace: true });
    if (!r.ok || r.outcome.kind !== 'return') throw new Error('run failed');
    expect(r.outcome.repr).toBe('2');
    const events = kinds(r.trace, 'installed', 'invalidated');
    expect(events[0]).toMatchObject({ kind: 'installed', executor: 1 });
    expect(events[1]).toMatchObject({ kind: 'invalidated', executor: 1, cause: 'globals' });
    // The invalidated executor is not entered after its invalidated event.
    const trace = r.trace!;
    const at = trace.findIndex((e) => e.kind === 'invalidated');
    expect(trace.slice(at).some((e) => e.kind === 'entered' && e.executor === 1)).toBe(false);
    expect(made[0]!.log.every((valid) => valid)).toBe(true);
    expect(r.vm!.isExecutorValid(made[0]!)).toBe(false);
  });

  test('without a dependency nothing is invalidated', () => {
    const r = runEntry(program(), 'main(6, 2)', { optimizer: backEdgeOptimizer(() => new OneStep()), hotspot: EAGER, trace: true });
    expect(kinds(r.ok ? r.trace : [], 'invalidated')).toEqual([]);
  });

  test('storing the value already bound is no change', () => {
    const r = runEntry(program(), 'main(6, 0)', {
      optimizer: backEdgeOptimizer((vm) => {
        const e = new OneStep();
        vm.addExecutorDependency(e, vm.globals);
        return e;
      }),
      hotspot: EAGER,
      trace: true,
      // G is 0 before the loop and iteration 0 stores 0 again: the very same int.
    });
    expect(kinds(r.ok ? r.trace : [], 'invalidated')).toEqual([]);
  });
});

describe('refusing an invalidated executor', () => {
  test('compile returning a cached, invalidated executor is a fault executor.invalidated and a decline', () => {
    let cached: Executor | null = null;
    const opt = backEdgeOptimizer((vm) => {
      if (cached === null) {
        cached = new OneStep();
        vm.addExecutorDependency(cached, vm.globals);
      }
      return cached;
    });
    const r = runEntry(program(), 'main(6, 2)', { optimizer: opt, hotspot: EAGER, trace: true });
    if (!r.ok || r.outcome.kind !== 'return') throw new Error('run failed');
    expect(r.outcome.repr).toBe('2');
    const faults = kinds(r.trace, 'fault');
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((f) => f.kind === 'fault' && f.rule === 'executor.invalidated' && f.phase === 'compile')).toBe(true);
    expect(kinds(r.trace, 'installed')).toHaveLength(1);
  });

  test('an executor invalidated by its own work cannot re-install itself: replaceExecutor returns executor.invalidated', () => {
    const refused: unknown[] = [];
    const opt: Optimizer = {
      name: 'revalidating', capabilities: Capability.BACK_EDGE, optimizationCost: 1, runCost: 1,
      compile(code, offset, vm) {
        // A whole iteration per entry, so the STORE_GLOBAL runs inside the executor.
        const self: Executor = {
          execute(frame, v) {
            do v.step(frame);
            while (v.frame === frame && frame.ip !== offset && v.isExecutorValid(self));
            if (!v.isExecutorValid(self)) refused.push(v.replaceExecutor(code, offset, self));
            return v.frame as Frame;
          },
        };
        vm.addExecutorDependency(self, vm.globals);
        return self;
      },
    };
    // Entered at the end of iteration 0, its first run is iteration 1, which rebinds G.
    const r = runEntry(program(), 'main(6, 1)', { optimizer: opt, hotspot: EAGER, trace: true });
    expect(r.ok && r.outcome.kind === 'return' && r.outcome.repr).toBe('1');
    expect(refused).toEqual([{ rule: 'executor.invalidated', message: expect.any(String) }]);
    expect(kinds(r.ok ? r.trace : [], 'fault')).toEqual([expect.objectContaining({ phase: 'replace', rule: 'executor.invalidated' })]);
  });

  test('explicit invalidation: by dependency, and of everything', () => {
    const opt = backEdgeOptimizer(() => new OneStep());
    const r = runEntry(program(), 'main(3, 9)', {
      optimizer: opt, hotspot: EAGER, trace: true,
      setup: (vm) => {
        const code = vm.codes[0]!;
        // Nothing is installed yet: invalidating now changes nothing.
        vm.invalidateAllExecutors();
        expect(code.ops.includes(OP.ENTER_EXECUTOR)).toBe(false);
      },
    });
    expect(kinds(r.ok ? r.trace : [], 'invalidated')).toEqual([]);
    const vm = r.ok ? r.vm! : null;
    const installed = vm!.codes[0]!.ops.indexOf(OP.ENTER_EXECUTOR);
    expect(installed).toBeGreaterThan(0);
    const e = vm!.getExecutor(vm!.codes[0]!, installed)!;
    const token = {};
    expect(vm!.addExecutorDependency(e, token)).toBeNull();
    expect(vm!.addExecutorDependency(e, 3 as unknown as object)).toMatchObject({ rule: 'dependency.not-an-object' });
    vm!.invalidateDependency({});
    expect(vm!.isExecutorValid(e)).toBe(true);
    vm!.invalidateDependency(token);
    expect(vm!.isExecutorValid(e)).toBe(false);
    expect(vm!.codes[0]!.ops[installed]).toBe(OP.JUMP_BACKWARD);
    expect(vm!.optimizers.trace!.at(-1)).toMatchObject({ kind: 'invalidated', cause: 'dependency', offset: installed });
  });
});

describe('the cpython313 profile: counters and executors outlive registration', () => {
  const LOOP = `.params n
  RESUME 0
  LOAD_GLOBAL range + NULL
  LOAD_FAST n
  CALL 1
  GET_ITER
L1:
  FOR_ITER L2
  STORE_FAST i
  JUMP_BACKWARD L1
L2:
  END_FOR
  POP_TOP
  RETURN_CONST None
`;
  const loop = () => program(LOOP);

  test('back edges tick with no optimizer: 100 unregistered then 100 counted gives 88, as CPython', () => {
    const counter = new CounterOptimizer();
    const r = runEntry(loop(), 'main(100)', {
      hotspot: { profile: 'cpython313' },
      setup: (vm) => {
        vm.callFunction(vm.globals.get('main')!, [100]);
        vm.registerOptimizer(counter);
      },
    });
    expect(r.ok && r.outcome.kind).toBe('return');
    expect(counter.count).toBe(88);
  });

  test('registered from the start: 84 (test_opt.py)', () => {
    const counter = new CounterOptimizer();
    runEntry(loop(), 'main(100)', { hotspot: { profile: 'cpython313' }, optimizer: counter });
    expect(counter.count).toBe(84);
  });

  test('cpython313: an executor keeps counting into its own optimizer after another registers', () => {
    const first = new CounterOptimizer();
    const next = new CounterOptimizer();
    let afterFirstRun = -1;
    runEntry(loop(), 'main(100)', {
      hotspot: { profile: 'cpython313' },
      optimizer: first,
      setup: (vm) => {
        vm.callFunction(vm.globals.get('main')!, [100]);
        afterFirstRun = first.count;
        vm.registerOptimizer(next);
      },
    });
    expect([afterFirstRun, first.count, next.count]).toEqual([84, 184, 0]);
  });

  test('seed: a change of optimizer removes the executors, so the next one compiles its own', () => {
    const first = new CounterOptimizer();
    const next = new CounterOptimizer();
    let afterFirstRun = -1;
    runEntry(loop(), 'main(100)', {
      hotspot: EAGER,
      optimizer: first,
      setup: (vm) => {
        vm.callFunction(vm.globals.get('main')!, [100]);
        afterFirstRun = first.count;
        vm.registerOptimizer(next);
      },
    });
    expect([afterFirstRun, first.count, next.count]).toEqual([100, 100, 100]);
  });
});
