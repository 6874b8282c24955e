/**
 * The candidate optimizer under guard: registration reads it through a proxy, compile runs
 * between fingerprints, every executor it installs is wrapped by the advance-N oracle.
 * @spec #certify-guard
 */
import type { Code } from '../../../reference/src/isa/code';
import type { Frame } from '../../../reference/src/interp/frame';
import type { Vm as ReferenceVm } from '../../../reference/src/interp/vm';
import type { Executor, Optimizer } from '../../../reference/src/optimizer/api';
import { cloneVmState } from '../../../reference/src/state/clone';
import { compareStates, formatDifference } from '../../../reference/src/state/compare';
import { snapshot } from '../../../reference/src/state/snapshot';
import { PyException } from '../../../reference/src/runtime/values';
import { codeFingerprint, isReadOnlyWrite } from './guard';
import { findAdvance } from './lockstep';
import { CertificationStop, type Violation } from './violation';

export interface Watch {
  readonly violations: Violation[];
  entries: number;
  compiles: number;
  /** The costs as registration read them. */
  costs?: { readonly optimizationCost: unknown; readonly runCost: unknown };
}

function stop(v: Violation): never {
  throw new CertificationStop(v);
}

/** The object the VM registers: the candidate's own properties, compile under guard. */
export function guardedOptimizer(candidate: Optimizer, watch: Watch): Optimizer {
  const read = <K extends keyof Optimizer>(k: K) => candidate[k];
  return {
    get name() {
      return read('name');
    },
    get capabilities() {
      return read('capabilities');
    },
    get optimizationCost() {
      const v = read('optimizationCost');
      watch.costs = { optimizationCost: v, runCost: watch.costs?.runCost };
      return v;
    },
    get runCost() {
      const v = read('runCost');
      watch.costs = { optimizationCost: watch.costs?.optimizationCost, runCost: v };
      return v;
    },
    compile(code: Code, offset: number, vm: ReferenceVm) {
      watch.compiles++;
      const state = snapshot(vm);
      const text = codeFingerprint(code);
      let result: unknown;
      try {
        result = candidate.compile(code, offset, vm);
      } catch (e) {
        if (isReadOnlyWrite(e)) stop({ rule: 'compile.mutates', message: `compile wrote to a frozen part of the code object: ${(e as Error).message}`, code: code.name, offset });
        throw e;
      }
      if (codeFingerprint(code) !== text) stop({ rule: 'compile.mutates', message: 'compile changed the code object', code: code.name, offset });
      const changed = compareStates(state, snapshot(vm));
      if (changed) stop({ rule: 'compile.mutates', message: 'compile changed the VM state', code: code.name, offset, difference: formatDifference(changed) });
      return result as Executor | null;
    },
  };
}

/**
 * The advance-N check around one executor: copy the state at entry, run the executor, then let
 * the reference interpreter catch up from the copy.
 * @spec #certify-advance-n
 */
export function watchedExecutor(raw: Executor, code: Code, offset: number, watch: Watch, maxSteps: number): Executor {
  return {
    execute(frame: Frame, vm: ReferenceVm): Frame | null {
      watch.entries++;
      const reference = cloneVmState(vm);
      const codes = vm.codes.map(codeFingerprint);
      let escaped: PyException | null = null;
      try {
        const returned = raw.execute(frame, vm);
        if (returned !== vm.frame) stop({ rule: 'execute.frame', message: 'execute did not return the innermost frame', code: code.name, offset });
      } catch (e) {
        if (e instanceof CertificationStop) throw e;
        if (!(e instanceof PyException)) throw e;
        // Raised as the interpreter would: route it now, so the state can be compared.
        try {
          vm.unwind(e);
        } catch (out) {
          if (!(out instanceof PyException)) throw out;
          escaped = out;
        }
      }
      if (vm.codes.some((c, i) => codeFingerprint(c) !== codes[i])) {
        stop({ rule: 'execute.mutates-code', message: 'execute changed a code object', code: code.name, offset });
      }
      const r = findAdvance(reference, vm, maxSteps);
      if (!r.ok) {
        stop({
          rule: 'advance-n',
          message: `the state after execute is not the interpreter's after any N <= ${maxSteps}`,
          code: code.name,
          offset,
          difference: formatDifference(r.difference),
          closestN: r.closestN,
        });
      }
      if (escaped) throw escaped;
      return vm.frame;
    },
  };
}
