/**
 * A tiny fake of the reference VM's surface for the conformance pipeline's own tests.
 * Per line of a unit: an unknown first word is ASM_UNKNOWN_INSTRUCTION (malformed), a
 * non-numeric RESUME operand ASM_BAD_OPERAND, ENTER_EXECUTOR is ENTER_EXECUTOR_IN_PROGRAM
 * (invalid). Running the entry function: LOAD_CONST x pushes the text x, RETURN_CONST x /
 * RETURN_VALUE return it as the repr, CALL_INTRINSIC_1 INTRINSIC_PRINT prints TOS,
 * RAISE_VARARGS raises ValueError('boom'), JUMP_BACKWARD runs out of budget. With a trace asked
 * for, the trace is one `registered` event for the optimizer, if any.
 */
import type { LoadResult, Outcome, Program, ProgramSource, RunOptions, RunResult, SourceError } from '../../reference/src/api';
import type { Optimizer } from '../../reference/src/optimizer/api';
import type { TraceEvent } from '../../reference/src/optimizer/trace';
import type { ScriptedOptimizerDef } from '../../reference/src/optimizers/scripted';
import type { InstructionInfo, Vm } from '../src/run/vm';

export const FAKE_INSTRUCTIONS: readonly InstructionInfo[] = [
  { name: 'NOP' },
  { name: 'RESUME' },
  { name: 'LOAD_CONST' },
  { name: 'RETURN_VALUE' },
  { name: 'RETURN_CONST' },
  { name: 'RAISE_VARARGS' },
  { name: 'JUMP_BACKWARD' },
  { name: 'CALL_INTRINSIC_1' },
  { name: 'ENTER_EXECUTOR', coveredByPresence: true },
];

const KNOWN = new Set(FAKE_INSTRUCTIONS.map((i) => i.name));

interface Line {
  readonly no: number;
  readonly col: number;
  readonly op: string;
  readonly arg: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const body = raw.replace(/;.*$/, '').replace(/^(\s*)[A-Za-z_]\w*:\s*/, (_m, lead: string) => lead);
    const t = body.trim();
    if (t === '' || t.startsWith('.')) return;
    const [op, ...rest] = t.split(/\s+/);
    out.push({ no: i + 1, col: body.length - body.trimStart().length + 1, op, arg: rest.join(' ') });
  });
  return out;
}

function units(src: ProgramSource): [string, string][] {
  return [...Object.entries(src.functions ?? {}), ...Object.entries(src.code ?? {})];
}

export function fakeLoad(src: ProgramSource): LoadResult {
  for (const [unit, text] of units(src)) {
    for (const l of lines(text)) {
      const err = (code: string, message: string, column = l.col): SourceError => ({ code, message, unit, line: l.no, column });
      if (!KNOWN.has(l.op)) return { ok: false, stage: 'malformed', error: err('ASM_UNKNOWN_INSTRUCTION', `unknown instruction '${l.op}'`) };
      if (l.op === 'RESUME' && !/^\d+$/.test(l.arg)) {
        return { ok: false, stage: 'malformed', error: err('ASM_BAD_OPERAND', `bad operand '${l.arg}'`, l.col + l.op.length + 1) };
      }
    }
  }
  for (const [unit, text] of units(src)) {
    for (const l of lines(text)) {
      if (l.op === 'ENTER_EXECUTOR') {
        return { ok: false, stage: 'invalid', error: { code: 'ENTER_EXECUTOR_IN_PROGRAM', message: 'ENTER_EXECUTOR in a program', unit, line: l.no, column: l.col } };
      }
    }
  }
  return { ok: true, program: { codes: new Map(), functionNames: Object.keys(src.functions ?? {}), source: src } };
}

export function fakeRun(program: Program, entry: string, opts: RunOptions = {}): RunResult {
  const m = /^\s*([A-Za-z_]\w*)\s*\(/.exec(entry);
  const text = m ? program.source.functions?.[m[1]] : undefined;
  if (text === undefined) {
    return { ok: false, error: { code: 'ENTRY_UNKNOWN_FUNCTION', message: `no function '${m?.[1] ?? entry}'`, unit: 'entry', line: 1, column: 1 } };
  }
  const budget = opts.budget ?? 1_000_000;
  const executed = new Set<string>();
  const stack: string[] = [];
  let output = '';
  let steps = 0;
  const o = opts.optimizer;
  const trace: TraceEvent[] | undefined = opts.trace ? (o ? [{ kind: 'registered', optimizer: o.name, capabilities: o.capabilities }] : []) : undefined;
  const done = (outcome: Outcome): RunResult => ({ ok: true, outcome, executedOps: opts.trackOps ? executed : undefined, trace });
  for (const l of lines(text)) {
    steps++;
    executed.add(l.op);
    switch (l.op) {
      case 'LOAD_CONST':
        stack.push(l.arg);
        break;
      case 'CALL_INTRINSIC_1':
        output += `${stack[stack.length - 1] ?? ''}\n`;
        break;
      case 'RETURN_CONST':
        return done({ kind: 'return', repr: l.arg, output, steps });
      case 'RETURN_VALUE':
        return done({ kind: 'return', repr: stack.pop() ?? 'None', output, steps });
      case 'RAISE_VARARGS':
        return done({ kind: 'raise', type: 'ValueError', message: 'boom', output, steps });
      case 'JUMP_BACKWARD':
        return done({ kind: 'exhausted', output, steps: budget });
    }
  }
  return done({ kind: 'return', repr: 'None', output, steps });
}

/** Optimizers are plain records here: the fake VM only reports their name and capabilities. */
function fakeOptimizer(name: string, capabilities: number): Optimizer {
  return { name, capabilities, optimizationCost: 1, runCost: 1, compile: () => null };
}

export const fakeVm: Vm = {
  loadProgram: fakeLoad,
  runEntry: fakeRun,
  instructions: FAKE_INSTRUCTIONS,
  scriptedOptimizer: (def: ScriptedOptimizerDef) => fakeOptimizer(def.name ?? 'scripted', typeof def.capabilities === 'number' ? def.capabilities : def.capabilities.length),
  sampleOptimizers: { null: () => fakeOptimizer('null', 7) },
};
