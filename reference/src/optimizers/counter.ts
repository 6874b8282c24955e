/**
 * CPython's counter optimizer (`Python/optimizer.c`, `counter_optimize`; `_testinternalcapi.
 * new_counter_optimizer()` in `Lib/test/test_capi/test_opt.py`): back edges only; every executor
 * adds one to the optimizer's `count` and then executes the `JUMP_BACKWARD` it stands for, so each
 * run advances exactly N = 1 instruction. Under the CPython 3.13 hotspot profile a 1000-iteration
 * loop counts 984 (the first 16 back edges run in the interpreter), 1000 with threshold 0.
 * @spec #executor-contract
 */
import type { Code } from '../isa/code';
import { originalOp } from '../isa/code-view';
import { OP } from '../isa/table';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { Capability, type Executor, type Optimizer } from '../optimizer/api';

export class CounterOptimizer implements Optimizer {
  readonly name = 'counter';
  readonly capabilities = Capability.BACK_EDGE;
  readonly optimizationCost = 1;
  readonly runCost = 1;
  /** Executor runs so far, over every executor this optimizer made (CPython's `get_count()`). */
  count = 0;

  compile(code: Code, offset: number): Executor | null {
    // The VM only offers back edges (the declared capability); decline anything else.
    return originalOp(code, offset) === OP.JUMP_BACKWARD ? new CounterExecutor(this) : null;
  }
}

export class CounterExecutor implements Executor {
  constructor(readonly optimizer: CounterOptimizer) {}

  execute(frame: Frame, vm: Vm): Frame {
    this.optimizer.count++;
    // One interpreter step: vm.step sees through ENTER_EXECUTOR and runs the JUMP_BACKWARD.
    vm.step(frame);
    return frame;
  }
}
