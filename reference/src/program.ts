/**
 * Fixture programs: assemble and verify every code object, then run an entry call.
 * @spec #fixture-interpretation
 */
import {
  DEFAULT_BUDGET, type LoadResult, type Outcome, type Program, type ProgramSource, type RunOptions, type RunResult, type SourceError,
} from './api';
import { assemble } from './isa/assembler';
import { PyCode, type Code } from './isa/code';
import { CodeRef, parseWholeLiteral } from './isa/literal';
import { BY_OPCODE } from './isa/table';
import { verify } from './isa/verifier';
import { BudgetExhausted } from './interp/errors';
import { Vm } from './interp/vm';
import { cloneCodes } from './isa/code-view';
import { OptimizerFault } from './optimizer/runtime';
import { SAMPLE_OPTIMIZERS } from './optimizers';
import { exceptionStr, repr } from './runtime';
import { PyException, PyFunction, PyList, type PyValue } from './runtime/values';
import { MODULE_CODE, MODULE_NAME, moduleBinds, runModule, unsupportedImport } from './module-code';

export function loadProgram(src: ProgramSource): LoadResult {
  const units: [string, string][] = [...Object.entries(src.functions ?? {}), ...Object.entries(src.code ?? {})];
  const codes = new Map<string, Code>();
  const assembled = [];
  for (const [name, text] of units) {
    if (codes.has(name)) {
      return malformed({ code: 'ASM_DUPLICATE_CODE', message: `code object '${name}' is defined twice`, unit: name });
    }
    const r = assemble(name, text);
    if (!r.ok) return malformed(r.error);
    codes.set(name, r.code);
    assembled.push(r);
  }
  for (const r of assembled) {
    for (const ref of r.codeRefs) {
      const target = codes.get(ref.name);
      if (!target) {
        return malformed({ code: 'ASM_UNKNOWN_CODE', message: `no code object named '${ref.name}'`, unit: r.code.name, line: ref.line, column: ref.column });
      }
      (r.code.consts as PyValue[])[ref.constIndex] = new PyCode(target);
    }
  }
  for (const r of assembled) {
    const err = verify(r.code);
    if (err) {
      const at = err.index >= 0 ? r.positions[err.index] : undefined;
      return {
        ok: false,
        stage: 'invalid',
        error: { code: err.code, message: err.message, unit: r.code.name, line: at?.line, column: at?.column },
      };
    }
  }
  for (const r of assembled) {
    const err = unsupportedImport(r.code);
    if (err) {
      const at = r.positions[err.index];
      return { ok: false, stage: 'invalid', error: { code: 'IMPORT_UNSUPPORTED', message: err.message, unit: r.code.name, line: at?.line, column: at?.column } };
    }
  }
  for (const [name, text] of Object.entries(src.globals ?? {})) {
    const g = parseWholeLiteral(text, { mutable: true });
    if (!g.ok) {
      return malformed({ code: g.error.code, message: `global ${name}: ${g.error.message}`, unit: 'globals', key: name, line: 1, column: g.error.offset + 1 });
    }
  }
  return { ok: true, program: { codes, functionNames: Object.keys(src.functions ?? {}), source: src } };
}

function malformed(error: SourceError): LoadResult {
  return { ok: false, stage: 'malformed', error };
}

const ENTRY = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$/s;

/** Parse `name(arg, …)` with literal arguments; fresh values on every call. @spec #fixture-format */
export function parseEntry(program: Program, entry: string): { name: string; args: PyValue[] } | SourceError {
  const m = ENTRY.exec(entry);
  if (!m) return { code: 'ENTRY_SYNTAX', message: `entry must be a call 'name(args)', got '${entry}'`, unit: 'entry' };
  const name = m[1]!;
  if (!program.functionNames.includes(name) && !moduleBinds(program, name)) {
    return { code: 'ENTRY_UNKNOWN_FUNCTION', message: `entry calls '${name}', which the program does not define`, unit: 'entry' };
  }
  const args = parseWholeLiteral(`[${m[2]}]`, { mutable: true });
  if (!args.ok) return { code: 'ENTRY_SYNTAX', message: args.error.message, unit: 'entry', line: 1, column: entry.indexOf('(') + args.error.offset + 1 };
  return { name, args: (args.value as PyList).items };
}

/** Build the globals of a fresh VM: the program's functions, then its literal globals. @spec #globals-lookup */
export function newVm(program: Program, budget: number): Vm {
  const vm = new Vm(budget);
  const copies = cloneCodes(program.codes.values());
  vm.codes = [...copies.values()];
  for (const name of program.functionNames) vm.globals.set(name, new PyFunction(copies.get(program.codes.get(name)!)!, vm.globals, name));
  for (const [name, text] of Object.entries(program.source.globals ?? {})) {
    const g = parseWholeLiteral(text, { mutable: true });
    if (g.ok && !(g.value instanceof CodeRef)) vm.globals.set(name, g.value);
  }
  if (program.codes.has(MODULE_CODE)) vm.globals.set('__name__', MODULE_NAME);
  return vm;
}

export function runEntry(program: Program, entry: string, opts: RunOptions = {}): RunResult {
  const call = parseEntry(program, entry);
  if ('code' in call) return { ok: false, error: call };
  const vm = newVm(program, opts.budget ?? DEFAULT_BUDGET);
  const executed = opts.trackOps ? new Set<string>() : undefined;
  if (executed) vm.onInstruction = (op) => executed.add(BY_OPCODE.get(op)!.name);
  for (const [name, make] of Object.entries({ ...SAMPLE_OPTIMIZERS, ...opts.namedOptimizers })) vm.namedOptimizers.set(name, make);
  if (opts.trace) vm.optimizers.trace = [];
  if (opts.hotspot) vm.optimizers.hotspots = opts.hotspot;
  const done = (outcome: Outcome): RunResult => ({ ok: true, outcome, executedOps: executed, trace: vm.optimizers.trace ?? undefined, vm });
  const output = () => vm.output.join('');
  if (opts.optimizer) {
    const refused = vm.registerOptimizer(opts.optimizer);
    if (refused) return done({ kind: 'fault', rule: refused.rule, message: refused.message, output: '', steps: 0 });
  }
  try {
    opts.setup?.(vm);
    runModule(vm);
    const value = vm.callFunction(vm.loadGlobal(call.name), call.args);
    return done({ kind: 'return', repr: repr(value), output: output(), steps: vm.steps });
  } catch (e) {
    if (e instanceof PyException) {
      return done({ kind: 'raise', type: e.type.name, message: exceptionStr(e), output: output(), steps: vm.steps });
    }
    if (e instanceof BudgetExhausted) return done({ kind: 'exhausted', output: output(), steps: vm.steps });
    if (e instanceof OptimizerFault) {
      vm.optimizers.emit({ kind: 'fault', phase: e.phase, rule: e.rule, message: e.message });
      return done({ kind: 'fault', rule: e.rule, message: e.message, output: output(), steps: vm.steps });
    }
    throw e;
  }
}
