/**
 * The instruction table's stack effects against the interpreter: every fixture that runs a program
 * runs here with an instruction observer, and each executed instruction's actual depth change is
 * compared with the table's (pops/pushes on fall-through, jumpEffect on the taken jump, landing at
 * target + targetSkip). @spec #isa-table
 *
 * An instruction's effect on its frame is complete when that frame runs its next instruction: a
 * CALL of a Python function gets its result, a YIELD_VALUE its sent value, a FOR_ITER over a
 * generator its item or its exit, only then. So each frame keeps its last instruction pending and
 * settles it when it runs again. Exception edges are not checked: the handler's depth comes from
 * the exception-table entry, not from the instruction (the verifier checks entries,
 * spec/verifier.md#verify-stack-depth); an unwind that lands in a frame drops that frame's pending
 * instruction. Instructions whose frame never runs again (a return, an uncaught raise, a generator
 * never resumed) have nothing to settle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_BUDGET, type Program, type ProgramSource } from '../api';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import { loadProgram, runEntry } from '../program';
import type { PyException } from '../runtime/values';
import { BY_OPCODE, INSTRUCTIONS, type InstructionDef } from './table';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');
/**
 * Each run is observed for at most this many instructions (then it ends as budget-exhausted):
 * later steps repeat loops already checked, and the corpus keeps its instruction set under the cap.
 */
const STEP_CAP = 20_000;

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
 * Fixtures that run a program to an outcome without an optimizer: an executor's work is not made
 * of interpreter steps, so fixtures that register one (or drive `_optcert`) are left out.
 */
function corpus(): { cases: Case[]; unloadable: string[] } {
  const cases: Case[] = [];
  // A fixture that expects a run but does not load: the verifier, which reads the same table,
  // rejects it (a wrong stack effect shows up here first).
  const unloadable: string[] = [];
  for (const file of yamlFiles(FIXTURES)) {
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const expect = data.expect as Record<string, unknown> | undefined;
    if (!expect || !('return' in expect || 'raises' in expect || 'exhausted' in expect)) continue;
    if ('optimizer' in data || 'optimizers' in data) continue;
    if (JSON.stringify(data.program).includes('_optcert')) continue;
    const loaded = loadProgram(data.program as ProgramSource);
    if (!loaded.ok) {
      unloadable.push(`${String(data.id)}: ${JSON.stringify(loaded.error)}`);
      continue;
    }
    cases.push({ id: String(data.id), program: loaded.program, entry: String(data.entry), budget: (data.budget as number | undefined) ?? DEFAULT_BUDGET });
  }
  return { cases, unloadable };
}

interface Pending {
  readonly index: number;
  readonly depth: number;
  readonly def: InstructionDef;
  readonly arg: number;
}

/** What the observer saw: edges checked per instruction, and the first disagreements. */
class StackEffectLedger {
  readonly fallThrough = new Map<string, number>();
  readonly taken = new Map<string, number>();
  readonly executed = new Set<string>();
  /** Disagreements by instruction name, the first few of each. */
  readonly problems = new Map<string, string[]>();
  private readonly pending = new WeakMap<Frame, Pending>();
  private where = '';

  /** Observe `vm` (before it runs anything) for the fixture `id`. */
  attach(vm: Vm, id: string, table: ReadonlyMap<number, InstructionDef> = BY_OPCODE): void {
    this.where = id;
    vm.onInstruction = (op) => {
      const f = vm.frame!;
      const index = f.ip - 1;
      const before = this.pending.get(f);
      if (before) this.settle(before, index, f.stack.length);
      const def = table.get(op)!;
      this.executed.add(def.name);
      this.pending.set(f, { index, depth: f.stack.length, def, arg: f.args[index]! });
    };
    const unwind = vm.unwind.bind(vm);
    vm.unwind = (exc: PyException) => {
      try {
        unwind(exc);
      } finally {
        // The frame now running a handler (if any) continues on an exception edge.
        if (vm.frame !== null) this.pending.delete(vm.frame);
      }
    };
  }

  private settle(p: Pending, now: number, depth: number): void {
    const { def, arg } = p;
    const fall = !def.terminator && now === p.index + 1 ? p.depth - def.pops(arg) + def.pushes(arg) : null;
    const jump = def.jumpEffect && now === arg + def.targetSkip ? p.depth + def.jumpEffect(arg) : null;
    if (fall === null && jump === null) {
      this.problem(def, `${def.name} ${arg} at ${p.index} continued at ${now}, neither its fall-through nor its jump target`);
      return;
    }
    const edge = fall === depth ? this.fallThrough : jump === depth ? this.taken : null;
    if (edge) {
      edge.set(def.name, (edge.get(def.name) ?? 0) + 1);
      return;
    }
    const want = [fall !== null ? `${fall} on fall-through` : '', jump !== null ? `${jump} on the taken jump` : ''].filter(Boolean).join(' or ');
    this.problem(def, `${def.name} ${arg} at ${p.index}: depth ${p.depth} -> ${depth}, the table says ${want}`);
  }

  private problem(def: InstructionDef, text: string): void {
    const seen = this.problems.get(def.name) ?? [];
    if (seen.length < 3) this.problems.set(def.name, [...seen, `${this.where}: ${text}`]);
  }
}

/** Run every case under a ledger. */
function observeCorpus(cases: readonly Case[], table?: ReadonlyMap<number, InstructionDef>): StackEffectLedger {
  const ledger = new StackEffectLedger();
  for (const c of cases) {
    const r = runEntry(c.program, c.entry, { budget: Math.min(c.budget, STEP_CAP), setup: (vm) => ledger.attach(vm, c.id, table) });
    if (!r.ok) throw new Error(`${c.id}: the entry did not resolve: ${r.error.message}`);
  }
  return ledger;
}

const { cases: CASES, unloadable: UNLOADABLE } = corpus();

describe('stack effects of the instruction table', () => {
  let ledger: StackEffectLedger;
  beforeAll(() => {
    ledger = observeCorpus(CASES);
  });

  it('the corpus has programs to run, and every fixture that expects a run loads', () => {
    expect(CASES.length).toBeGreaterThan(300);
    expect(UNLOADABLE).toEqual([]);
  });

  it('every executed instruction changes the stack depth as the table says', () => {
    expect([...ledger.problems.values()].flat()).toEqual([]);
  });

  it('every executed instruction that falls through was checked on its fall-through edge', () => {
    // Without a fall-through, or in this corpus left only by an exception or a frame exit.
    const unchecked = INSTRUCTIONS.filter((d) => ledger.executed.has(d.name) && !d.terminator && !ledger.fallThrough.has(d.name)).map((d) => d.name);
    expect(unchecked).toEqual([]);
  });

  it('every conditional jump and FOR_ITER was checked on its taken edge', () => {
    const unchecked = INSTRUCTIONS.filter((d) => ledger.executed.has(d.name) && d.jumpEffect && !ledger.taken.has(d.name)).map((d) => d.name);
    expect(unchecked).toEqual([]);
  });

  it('fails when a row is wrong: BUILD_LIST said to push 2, FOR_ITER said to land at its target', () => {
    const wrong = new Map(BY_OPCODE);
    const row = (name: string) => INSTRUCTIONS.find((d) => d.name === name)!;
    wrong.set(row('BUILD_LIST').opcode, { ...row('BUILD_LIST'), pushes: () => 2 });
    wrong.set(row('FOR_ITER').opcode, { ...row('FOR_ITER'), targetSkip: 0 });
    const few = CASES.filter((c) => /\b(for|list)\b/.test(c.id)).slice(0, 40);
    const bad = observeCorpus(few.length ? few : CASES, wrong);
    expect(bad.problems.get('BUILD_LIST')?.[0]).toMatch(/BUILD_LIST \d+ at \d+: depth \d+ -> \d+, the table says \d+ on fall-through$/);
    expect(bad.problems.get('FOR_ITER')?.[0]).toMatch(/FOR_ITER \d+ at \d+ continued at \d+, neither its fall-through nor its jump target$/);
    expect([...bad.problems.keys()].sort()).toEqual(['BUILD_LIST', 'FOR_ITER']);
  });
});
