/**
 * The candidate optimizer under guard: registration reads it through a proxy, compile runs
 * between fingerprints, every executor it installs is wrapped by the advance-N oracle.
 * @spec #certify-guard
 */
import type { Code } from '../../../reference/src/isa/code';
import type { Frame } from '../../../reference/src/interp/frame';
import type { Vm as ReferenceVm } from '../../../reference/src/interp/vm';
import type { Executor, Optimizer } from '../../../reference/src/optimizer/api';
import { cloneWithIdentity, releaseCopy } from '../../../reference/src/state/clone';
import { compareStates, formatDifference, type StateDifference } from '../../../reference/src/state/compare';
import { samePairedStates } from '../../../reference/src/state/paired';
import { sameOutput } from '../../../reference/src/state/tokens';
import { snapshot } from '../../../reference/src/state/snapshot';
import { PyException } from '../../../reference/src/runtime/values';
import type { Declaration } from './declaration';
import { CodeSeal, isReadOnlyWrite } from './guard';
import { MachineryWrite } from './machinery';
import { endingDifference, findAdvance } from './lockstep';
import { CertificationStop, type Violation } from './violation';

export interface Watch {
  readonly violations: Violation[];
  entries: number;
  compiles: number;
  /** Which of the candidate's functions runs now (the innermost, for nested calls). */
  phase?: CandidatePhase;
  /** Told when the candidate's own code starts and stops running (a host's hang detector). */
  readonly onPhase?: (phase: CandidatePhase) => void;
  /** When present, compile and execute are timed into it (cost calibration). */
  readonly timing?: CandidateTiming;
  /** Every code object of the run, sealed once frozen: execute must leave them as they are. */
  seals?: readonly CodeSeal[];
  /** The code objects' constants, which the oracle's copies of the state share rather than copy. */
  constants?: ReadonlySet<object>;
}

/** Time spent in the candidate's own compile and execute, and the work it did there. */
export interface CandidateTiming {
  compileMs: number;
  /** Instructions of the code objects compile was asked about (one per call). */
  compiledInstructions: number;
  executeMs: number;
  /** The sum of N (instructions advanced) over the executes the oracle accepted. */
  advanced: number;
}

/** Whose JS is running: the candidate's compile, its execute, or the VM's / certifier's own. */
export type CandidatePhase = 'compile' | 'execute' | 'vm';

function stop(v: Violation): never {
  throw new CertificationStop(v);
}

/**
 * The object the VM registers: the declaration as read once, compile under guard. Without a
 * compile method it has none either, so that the VM refuses it as the candidate is.
 */
export function guardedOptimizer(candidate: Optimizer, declared: Declaration, watch: Watch): Optimizer {
  const shown = declared as unknown as Optimizer;
  const plain = { name: shown.name, capabilities: shown.capabilities, optimizationCost: shown.optimizationCost, runCost: shown.runCost };
  if (typeof (candidate as { compile?: unknown }).compile !== 'function') return plain as unknown as Optimizer;
  return {
    ...plain,
    compile(code: Code, offset: number, vm: ReferenceVm) {
      watch.compiles++;
      // A copy, not a snapshot: comparing it with the state after compile is cheaper than building
      // and comparing two snapshots, and its snapshot is the state's, for the difference.
      const before = cloneWithIdentity(vm, undefined, watch.constants).copy;
      const seal = new CodeSeal(code);
      let result: unknown;
      watch.onPhase?.('compile');
      const outer = watch.phase;
      watch.phase = 'compile';
      const t0 = watch.timing ? performance.now() : 0;
      try {
        result = candidate.compile(code, offset, vm);
      } catch (e) {
        if (e instanceof MachineryWrite) stop({ rule: 'compile.mutates', message: e.message, code: code.name, offset });
        if (isReadOnlyWrite(e)) stop({ rule: 'compile.mutates', message: `compile wrote to something frozen (a code object's part, or the hardened realm and API): ${(e as Error).message}`, code: code.name, offset });
        throw e;
      } finally {
        if (watch.timing) {
          watch.timing.compileMs += performance.now() - t0;
          watch.timing.compiledInstructions += code.ops.length;
        }
        watch.phase = outer;
        watch.onPhase?.('vm');
      }
      if (!seal.intact()) stop({ rule: 'compile.mutates', message: 'compile changed the code object', code: code.name, offset });
      const changed = compileChange(before, vm);
      if (changed) stop({ rule: 'compile.mutates', message: 'compile changed the VM state', code: code.name, offset, difference: formatDifference(changed) });
      releaseCopy(before);
      return result as Executor | null;
    },
  };
}

/**
 * How the state after compile differs from the copy made before it, as their snapshots compare
 * (compile.mutates is judged by snapshots); null when they are equal. The side-by-side walk, whose
 * equal states always have equal snapshots, answers first; only a difference it sees is looked up.
 */
function compileChange(before: ReferenceVm, after: ReferenceVm): StateDifference | null {
  if (sameOutput(before, after) && samePairedStates(before, after, null)) return null;
  return compareStates(snapshot(before), snapshot(after));
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
      const entry = cloneWithIdentity(vm, undefined, watch.constants);
      const reference = entry.copy;
      const seals = watch.seals ?? vm.codes.map((c) => new CodeSeal(c));
      let escaped: PyException | null = null;
      try {
        watch.onPhase?.('execute');
        const outer = watch.phase;
        watch.phase = 'execute';
        const t0 = watch.timing ? performance.now() : 0;
        let returned: Frame | null;
        try {
          returned = raw.execute(frame, vm);
        } finally {
          if (watch.timing) watch.timing.executeMs += performance.now() - t0;
          watch.phase = outer;
          watch.onPhase?.('vm');
        }
        if (returned !== vm.frame) stop({ rule: 'execute.frame', message: 'execute did not return the innermost frame', code: code.name, offset });
      } catch (e) {
        if (e instanceof CertificationStop) throw e;
        if (e instanceof MachineryWrite) stop({ rule: 'execute.mutates-vm', message: e.message, code: code.name, offset });
        // What is frozen during execute is the code objects' parts (their constants included).
        if (isReadOnlyWrite(e)) stop({ rule: 'execute.mutates-code', message: `execute wrote to something frozen (a code object's part, or the hardened realm and API): ${(e as Error).message}`, code: code.name, offset });
        if (!(e instanceof PyException)) throw e;
        // Raised as the interpreter would: route it now, so the state can be compared.
        try {
          vm.unwind(e);
        } catch (out) {
          if (!(out instanceof PyException)) throw out;
          escaped = out;
        }
      }
      if (seals.some((s) => !s.intact())) {
        stop({ rule: 'execute.mutates-code', message: 'execute changed a code object', code: code.name, offset });
      }
      const r = findAdvance(reference, vm, maxSteps, entry);
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
      // No frame left: the run ended inside the executor, and must have ended as the interpreter's did.
      const ended = vm.frame === null ? endingDifference(reference, r.escaped, vm, escaped) : null;
      if (ended) {
        stop({ rule: 'advance-n', message: 'the run ended inside execute, but not as the interpreter ends it', code: code.name, offset, difference: formatDifference(ended), closestN: r.n });
      }
      if (watch.timing) watch.timing.advanced += r.n;
      releaseCopy(reference);
      if (escaped) throw escaped;
      return vm.frame;
    },
  };
}
