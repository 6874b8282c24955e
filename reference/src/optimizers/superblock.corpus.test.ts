/**
 * The superblock optimizer over the whole fixture corpus: the same outcome as the interpreter
 * (value or exception, output, step count), and, in lockstep, after every executor exit a VM state
 * the interpreter reaches after some N >= 0 instructions (BRIEF §4, rule "Advance N").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_BUDGET, type Program, type ProgramSource, type RunOptions } from '../api';
import { BudgetExhausted } from '../interp/errors';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import type { Executor, Optimizer } from '../optimizer/api';
import { loadProgram, newVm, parseEntry, runEntry } from '../program';
import { runModule } from '../module-code';
import { repr } from '../runtime/repr';
import { PyException, type PyFunction, type PyValue } from '../runtime/values';
import { compareStates, type StateDifference } from '../state/compare';
import { snapshot } from '../state/snapshot';
import { SuperblockOptimizer } from './superblock';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');
/** The seed profile set to compile at the first hotspot. */
const FIRST_HOT: RunOptions['hotspot'] = { seed: { K: 1, N: 0, M: 0 } };

interface Case {
  readonly id: string;
  readonly program: Program;
  readonly entry: string;
  readonly budget: number;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(e.name) && e.name !== 'tags.yaml') out.push(full);
  }
  return out.sort();
}

/**
 * Fixtures that run a program to an outcome. Left out: rejected programs, and fixtures that set up
 * optimizers or hotspot parameters of their own (they test the VM's side of the API, and a
 * superblock registered first would change what they observe).
 */
function corpus(): Case[] {
  const cases: Case[] = [];
  for (const file of yamlFiles(FIXTURES)) {
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const expect = data.expect as Record<string, unknown> | undefined;
    if (!expect || !('return' in expect || 'raises' in expect || 'exhausted' in expect)) continue;
    if ('optimizer' in data || 'optimizers' in data || 'hotspot' in data || 'trace' in data) continue;
    if (JSON.stringify(data.program).includes('_optcert')) continue;
    const loaded = loadProgram(data.program as ProgramSource);
    if (!loaded.ok) continue;
    cases.push({ id: String(data.id), program: loaded.program, entry: String(data.entry), budget: (data.budget as number | undefined) ?? DEFAULT_BUDGET });
  }
  return cases;
}

const CASES = corpus();

test('the corpus has programs to run', () => {
  expect(CASES.length).toBeGreaterThan(100);
});

describe('superblock gives the interpreter\'s outcome on every fixture', () => {
  let entered = 0;
  afterAll(() => {
    // Most fixtures have a hotspot whose region is worth compiling.
    expect(entered).toBeGreaterThan(CASES.length / 2);
  });
  test.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const plain = runEntry(c.program, c.entry, { budget: c.budget });
    const fast = runEntry(c.program, c.entry, { budget: c.budget, optimizer: new SuperblockOptimizer(), hotspot: FIRST_HOT, trace: true });
    if (!plain.ok || !fast.ok) throw new Error('the program did not load');
    expect(fast.outcome).toEqual(plain.outcome);
    expect(fast.trace!.filter((e) => e.kind === 'fault')).toEqual([]);
    if (fast.trace!.some((e) => e.kind === 'entered')) entered++;
  });
});

/** How many executor exits per fixture are checked against the interpreter. */
const MAX_CHECKS = 150;
/** How far (in steps) past the executor's step count the interpreter is searched for the state. */
const WINDOW = 64;

type End = { kind: 'return'; value: string } | { kind: 'raise'; type: string } | { kind: 'exhausted' };

function finish(run: () => PyValue): End {
  try {
    return { kind: 'return', value: repr(run()) };
  } catch (e) {
    if (e instanceof PyException) return { kind: 'raise', type: e.type.name };
    if (e instanceof BudgetExhausted) return { kind: 'exhausted' };
    throw e;
  }
}

describe('superblock in lockstep with the interpreter: every executor exit is a state the interpreter reaches', () => {
  let checked = 0;
  afterAll(() => {
    expect(checked).toBeGreaterThan(1000);
  });
  test.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const call = parseEntry(c.program, c.entry);
    const again = parseEntry(c.program, c.entry);
    if ('code' in call || 'code' in again) throw new Error('bad entry');

    // The interpreter alone, driven one instruction at a time, from the entry call on: both VMs run
    // the program's module code first, plainly (executors during module code are the optimizer
    // fixtures' subject, and the corpus test above runs them).
    const ref = newVm(c.program, c.budget);
    const refModule = finish(() => (runModule(ref), null));
    const vm = newVm(c.program, c.budget);
    const vmModule = finish(() => (runModule(vm), null));
    expect(vmModule).toEqual(refModule);
    if (refModule.kind !== 'return') return;
    ref.begin(ref.globals.get(call.name) as PyFunction, again.args);
    const failures: string[] = [];
    let checks = 0;

    /**
     * Step the interpreter until its state equals `vm`'s, bounded. Superblock charges the VM one
     * step per instruction it executes, so the search starts at the step count the executor
     * reports (a loop can revisit an identical state, so an earlier match would prove less), and
     * the match must be exactly there.
     */
    const catchUp = (vm: Vm): void => {
      const target = snapshot(vm);
      while (ref.frame !== null && ref.steps < vm.steps) ref.step();
      let diff: StateDifference | null = compareStates(target, snapshot(ref));
      while (diff !== null && ref.frame !== null && ref.steps < vm.steps + WINDOW) {
        ref.step();
        diff = compareStates(target, snapshot(ref));
      }
      if (diff !== null) {
        failures.push(`exit #${checks} at step ${vm.steps}: no interpreter state within ${WINDOW} steps matches (${diff.path}: ${diff.expected} vs ${diff.actual})`);
      } else if (ref.steps !== vm.steps) {
        failures.push(`exit #${checks}: the state matches after ${ref.steps} interpreter steps, but the executor charged ${vm.steps}`);
      }
    };

    const inner = new SuperblockOptimizer();
    const wrapped: Optimizer = {
      name: inner.name,
      capabilities: inner.capabilities,
      optimizationCost: inner.optimizationCost,
      runCost: inner.runCost,
      compile(code, offset): Executor | null {
        const ex = inner.compile(code, offset);
        if (ex === null) return null;
        return {
          execute(frame: Frame, vm2: Vm): Frame | null {
            const out = ex.execute(frame, vm2);
            // Executors entered inside a builtin's nested run cannot be matched by single steps of
            // the outer interpreter (the nested run is inside one of its instructions).
            if (checks < MAX_CHECKS && failures.length === 0 && vm2.suspendedChains.length === 0) {
              checks++;
              catchUp(vm2);
            }
            return out;
          },
        };
      },
    };

    vm.optimizers.hotspots = FIRST_HOT;
    expect(vm.registerOptimizer(wrapped)).toBeNull();
    const got = finish(() => vm.callFunction(vm.globals.get(call.name)!, call.args));
    const want = finish(() => {
      while (ref.frame !== null) ref.step();
      return ref.takeCompletion()!.value;
    });
    expect(failures).toEqual([]);
    expect(got).toEqual(want);
    expect(vm.output.join('')).toBe(ref.output.join(''));
    checked += checks;
  });
});
