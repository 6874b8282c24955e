/**
 * Certify one fixture: run its program with the candidate registered (in stress mode, compiled
 * at the first execution of every hotspot of its declared kinds), under guard, then judge.
 * @spec #certification
 */
import { DEFAULT_BUDGET } from '../../../reference/src/api';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { judge } from '../check/judge';
import type { Fixture, FixtureExpect } from '../fixtures/types';
import { runOptionsOf } from '../run/options';
import type { Vm } from '../run/vm';
import { guardedOptimizer, watchedExecutor, type CandidatePhase, type CandidateTiming, type Watch } from './candidate';
import { CodeSeal, freezeCode } from './guard';
import { sharedConstants } from '../../../reference/src/state/clone';
import { ruleOfFault } from './rules';
import { declarationChange, readDeclaration, type Declaration } from './declaration';
import { lockMachinery } from './machinery';
import { observeRuntime } from '../../../reference/src/optimizer/runtime';
import { skipReason } from './applicability';
import { CertificationStop, type FixtureVerdict, type Violation } from './violation';

export interface CertifyOptions {
  /** Compile at the first execution of every hotspot (seed profile, K = 1, N = 0, M = 0). */
  readonly stress: boolean;
  /** Most interpreter steps the oracle takes to catch up with one executor. */
  readonly maxAdvance: number;
  /** Certification loosens the fixture's step budget by this factor: executors change step counts. */
  readonly budgetFactor: number;
  /** Told when the candidate's compile or execute starts and returns (the worker pool's hang detector). */
  readonly onPhase?: (phase: CandidatePhase) => void;
  /** Time compile and execute: a passing verdict then carries `timing` (cost calibration). */
  readonly measure?: boolean;
  /** What the module declared when it was loaded: every instance must declare the same capabilities. */
  readonly declared?: Pick<Declaration, 'capabilities'>;
}

export const DEFAULT_CERTIFY_OPTIONS: CertifyOptions = { stress: true, maxAdvance: 100_000, budgetFactor: 10 };

/** The expectation without the parts that describe the fixture's own optimizer. */
function semanticExpect(e: FixtureExpect): FixtureExpect {
  if ('trace' in e) {
    const { trace: _trace, ...rest } = e as FixtureExpect & { trace?: unknown };
    return rest as FixtureExpect;
  }
  return e;
}

export function certifyFixture(vm: Vm, fixture: Fixture, makeCandidate: () => Optimizer, opts: CertifyOptions = DEFAULT_CERTIFY_OPTIONS): FixtureVerdict {
  let candidate: Optimizer;
  try {
    candidate = makeCandidate();
  } catch (e) {
    return { status: 'error', message: `the optimizer factory threw: ${String(e)}` };
  }
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) {
    return { status: 'error', message: `the optimizer factory returned ${candidate === null ? 'null' : typeof candidate}, not an optimizer` };
  }
  const read = readDeclaration(candidate);
  if (!read.ok) return { status: 'error', message: read.message };
  const declared = read.declaration;
  // This instance must declare what the module declared when it was loaded (fixtures were chosen by it).
  if (opts.declared && !Object.is(opts.declared.capabilities, declared.capabilities)) {
    return { status: 'fail', violations: [{ rule: 'capabilities.stable', message: `capabilities ${String(opts.declared.capabilities)} when the module was loaded, ${String(declared.capabilities)} for this fixture` }] };
  }
  const capabilities = declared.capabilities;
  const skip = skipReason(fixture, typeof capabilities === 'number' ? capabilities : 0);
  if (skip) return { status: 'skip', reason: skip };

  const loaded = vm.loadProgram(fixture.data.program);
  if (!loaded.ok) return { status: 'error', message: `program is ${loaded.stage}: ${loaded.error.message}` };
  const base = runOptionsOf(vm, fixture);
  if (!base.ok) return { status: 'error', message: base.diagnostic.message };

  const timing: CandidateTiming | undefined = opts.measure ? { compileMs: 0, compiledInstructions: 0, executeMs: 0, advanced: 0 } : undefined;
  const watch: Watch = { violations: [], entries: 0, compiles: 0, ...(opts.onPhase ? { onPhase: opts.onPhase } : {}), ...(timing ? { timing } : {}) };
  const faults: Violation[] = [];
  let run: ReturnType<Vm['runEntry']>;
  try {
    run = vm.runEntry(loaded.program, fixture.data.entry, {
      budget: (fixture.data.budget ?? DEFAULT_BUDGET) * opts.budgetFactor,
      optimizer: guardedOptimizer(candidate, declared, watch),
      hotspot: opts.stress ? { profile: 'seed', seed: { K: 1, N: 0, M: 0 } } : base.options.hotspot,
      setup: (live) => {
        live.codes.forEach(freezeCode);
        watch.seals = live.codes.map((c) => new CodeSeal(c));
        watch.constants = sharedConstants(live.codes);
        observeRuntime(live.optimizers, {
          wrap: (e, code, offset) => watchedExecutor(e, code, offset, watch, opts.maxAdvance),
          listener: (e) => {
            // The first fault of each rule is reported; repeats add nothing.
            if (e.kind === 'fault' && e.phase !== 'register' && !faults.some((f) => f.rule === ruleOfFault(e.rule))) {
              faults.push({ rule: ruleOfFault(e.rule), message: e.message, code: e.code, offset: e.offset });
            }
          },
        });
        lockMachinery(live, (field) => {
          const rule = watch.phase === 'compile' ? 'compile.mutates' : 'execute.mutates-vm';
          if (!faults.some((f) => f.rule === rule)) faults.push({ rule, message: `${field} was written: the VM's machinery cannot change during a certified run` });
        });
      },
    });
  } catch (e) {
    if (e instanceof CertificationStop) {
      // A changed declaration is read even when the run stopped early; the stop's own violation
      // (with its code and offset) stands for a fault of the same rule.
      const changed = declarationChange(declared, readDeclaration(candidate), 'during the run');
      const others = faults.filter((f) => f.rule !== e.violation.rule);
      return { status: 'fail', violations: [...others, e.violation, ...(changed ? [changed] : [])] };
    }
    throw e;
  }
  if (!run.ok) return { status: 'error', message: run.error.message };
  const outcome = run.outcome;
  if (outcome.kind === 'fault') {
    // The listener usually saw this fault already (with its code and offset): report it once.
    const rule = ruleOfFault(outcome.rule);
    return { status: 'fail', violations: faults.some((f) => f.rule === rule) ? faults : [...faults, { rule, message: outcome.message }] };
  }
  const violations: Violation[] = [...faults];
  const changed = declarationChange(declared, readDeclaration(candidate), 'during the run');
  if (changed) violations.push(changed);
  const verdict = judge(semanticExpect(fixture.data.expect!), outcome);
  if (!verdict.pass) violations.push({ rule: 'semantics', message: verdict.difference });
  if (violations.length) return { status: 'fail', violations };
  return { status: 'pass', entries: watch.entries, compiles: watch.compiles, ...(timing ? { timing } : {}) };
}
