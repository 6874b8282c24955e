import type { Outcome, Program, RunOptions } from '../api';
import { loadProgram, runEntry } from '../program';
import { OP } from '../isa/table';
import type { TraceEvent } from '../optimizer/trace';
import { parseHotspotKey, scriptedCapabilities, scriptedOptimizer, type ScriptedOptimizerDef } from './scripted';

// Offsets: 0 RESUME, 7 FOR_ITER, 12 JUMP_BACKWARD (the back edge), 16 RETURN_VALUE.
const LOOP = `
.params n
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

function program(): Program {
  const r = loadProgram({ functions: { main: LOOP } });
  if (!r.ok) throw new Error(r.error.message);
  return r.program;
}

/** Compile at the first execution of every hotspot. */
const EAGER: RunOptions['hotspot'] = { profile: 'seed', seed: { K: 1, N: 0, M: 0 } };

function run(def: ScriptedOptimizerDef, n = 3, opts: RunOptions = {}): { outcome: Outcome; trace: readonly TraceEvent[] } {
  const r = runEntry(program(), `main(${n})`, { optimizer: scriptedOptimizer(def), hotspot: EAGER, trace: true, ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return { outcome: r.outcome, trace: r.trace ?? [] };
}

const kinds = (trace: readonly TraceEvent[]) => trace.map((e) => e.kind);
const only = <K extends TraceEvent['kind']>(trace: readonly TraceEvent[], kind: K) =>
  trace.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
const BACK_EDGE = { capabilities: ['BACK_EDGE'] } as const;

describe('scripted optimizer', () => {
  test('the program runs the same with no optimizer', () => {
    const r = runEntry(program(), 'main(3)');
    expect(r.ok && r.outcome).toMatchObject({ kind: 'return', repr: '3' });
    expect(program().codes.get('main')!.ops[12]).toBe(OP.JUMP_BACKWARD);
  });

  test('defaults: name, costs, decline everywhere', () => {
    const o = scriptedOptimizer(BACK_EDGE);
    expect(o).toMatchObject({ name: 'scripted', capabilities: 4, optimizationCost: 1, runCost: 1 });
    const { outcome, trace } = run(BACK_EDGE);
    expect(outcome).toMatchObject({ kind: 'return', repr: '3' });
    expect(kinds(trace)).toEqual(['registered', 'hotspot', 'compile', 'declined', 'hotspot', 'compile', 'declined']);
  });

  test('capabilities: names are or-ed, an integer is passed through unchecked', () => {
    expect(scriptedCapabilities(['FUNCTION_ENTRY', 'BACK_EDGE'])).toBe(5);
    expect(scriptedCapabilities([])).toBe(0);
    expect(scriptedCapabilities(8)).toBe(8);
    expect(() => scriptedCapabilities(['NOPE' as 'BACK_EDGE'])).toThrow(TypeError);
    expect(scriptedOptimizer({ name: 'x', capabilities: 3, optimizationCost: 0.5, runCost: 2 })).toMatchObject({
      name: 'x', capabilities: 3, optimizationCost: 0.5, runCost: 2,
    });
  });

  test('invalid metadata reaches the VM as written: registration faults', () => {
    expect(run({ capabilities: 8 }).outcome).toMatchObject({ kind: 'fault', rule: 'registration.capabilities' });
    expect(run({ capabilities: [] }).outcome).toMatchObject({ kind: 'fault', rule: 'registration.capabilities' });
    expect(run({ ...BACK_EDGE, optimizationCost: Number.NaN }).outcome).toMatchObject({ kind: 'fault', rule: 'registration.costs' });
    expect(run({ ...BACK_EDGE, runCost: 0 }).outcome).toMatchObject({ kind: 'fault', rule: 'registration.costs' });
  });

  test('throw: compile throws a JS Error, a compile fault treated as a decline; the run goes on', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, at: { 'main@12': 'throw' } }, 4);
    expect(outcome).toMatchObject({ kind: 'return', repr: '6' });
    // K=1: hot at the 1st execution; after the fault the countdown is 2 (backoff), hot again at the 3rd.
    expect(kinds(trace)).toEqual(['registered', 'hotspot', 'compile', 'fault', 'hotspot', 'compile', 'fault']);
    expect(only(trace, 'fault')[0]).toMatchObject({ phase: 'compile', rule: 'compile.throws', code: 'main', offset: 12 });
  });

  test('garbage: compile returns 42, a compile fault', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, default: 'garbage' }, 1);
    expect(outcome).toMatchObject({ kind: 'return', repr: '0' });
    expect(only(trace, 'fault')).toEqual([expect.objectContaining({ rule: 'compile.result', offset: 12 })]);
  });

  test('at keys select the hotspot; other hotspots get the default', () => {
    const def: ScriptedOptimizerDef = { capabilities: ['FUNCTION_ENTRY', 'BACK_EDGE'], default: 'garbage', at: { 'main@0': 'decline', 'main@12': { advance: 1 } } };
    const { trace } = run(def, 1);
    expect(kinds(trace).slice(0, 4)).toEqual(['registered', 'hotspot', 'compile', 'declined']);
    expect(only(trace, 'installed')).toEqual([{ kind: 'installed', code: 'main', offset: 12, executor: 1 }]);
    expect(only(trace, 'fault')).toEqual([]);
  });

  test('advance: k instructions per entry through the interpreter', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, at: { 'main@12': { advance: 3 } } }, 3);
    expect(outcome).toMatchObject({ kind: 'return', repr: '3' });
    // JUMP_BACKWARD (the original instruction), FOR_ITER, STORE_FAST: back at 9.
    const exits = only(trace, 'exited');
    expect(exits.slice(0, 2)).toEqual([
      { kind: 'exited', code: 'main', offset: 12, executor: 1, at: { code: 'main', ip: 9 }, progressed: true },
      { kind: 'exited', code: 'main', offset: 12, executor: 1, at: { code: 'main', ip: 9 }, progressed: true },
    ]);
    // The last entry: FOR_ITER is exhausted and jumps past END_FOR and POP_TOP; then LOAD_FAST.
    expect(exits[2]!.at).toEqual({ code: 'main', ip: 16 });
    expect(only(trace, 'entered')).toHaveLength(3);
  });

  test('advance: 1 at a back edge is the jump itself', () => {
    const { trace } = run({ ...BACK_EDGE, at: { 'main@12': { advance: 1 } } }, 2);
    expect(trace.slice(1)).toEqual([
      { kind: 'hotspot', code: 'main', offset: 12, hotspot: 'back_edge', counters: { executions: 1, local: 1, global: 1, saved: 0, scaledCost: 0 } },
      { kind: 'compile', code: 'main', offset: 12 },
      { kind: 'installed', code: 'main', offset: 12, executor: 1 },
      { kind: 'entered', code: 'main', offset: 12, executor: 1 },
      { kind: 'exited', code: 'main', offset: 12, executor: 1, at: { code: 'main', ip: 7 }, progressed: true },
      { kind: 'entered', code: 'main', offset: 12, executor: 1 },
      { kind: 'exited', code: 'main', offset: 12, executor: 1, at: { code: 'main', ip: 7 }, progressed: true },
    ]);
  });

  test('advance: 0 makes no progress; the VM runs the original instruction', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, default: { advance: 0 } }, 4);
    expect(outcome).toMatchObject({ kind: 'return', repr: '6' });
    expect(only(trace, 'exited').map((e) => [e.at, e.progressed])).toEqual(Array(4).fill([{ code: 'main', ip: 12 }, false]));
  });

  test('advance stops early when the executor ends every frame; it returns null', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, default: { advance: 1000 } }, 3);
    expect(outcome).toMatchObject({ kind: 'return', repr: '3' });
    expect(only(trace, 'exited')).toEqual([expect.objectContaining({ at: null, progressed: true })]);
  });

  test('replaceAfter: on the m-th entry the executor installs `with` in its place', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, default: { advance: 1, replaceAfter: 2, with: { advance: 0 } } }, 4);
    expect(outcome).toMatchObject({ kind: 'return', repr: '6' });
    expect(only(trace, 'replaced')).toEqual([{ kind: 'replaced', code: 'main', offset: 12, old: 1, executor: 2 }]);
    expect(only(trace, 'exited').map((e) => [e.executor, e.progressed])).toEqual([[1, true], [1, true], [2, false], [2, false]]);
  });

  test('entry counts are per executor object: a replacement counts from 1 again', () => {
    const chain = { advance: 1, replaceAfter: 1, with: { advance: 1, replaceAfter: 1, with: { advance: 1 } } };
    const { trace } = run({ ...BACK_EDGE, default: chain }, 4);
    expect(only(trace, 'replaced').map((e) => [e.old, e.executor])).toEqual([[1, 2], [2, 3]]);
    expect(only(trace, 'entered').map((e) => e.executor)).toEqual([1, 2, 3, 3]);
  });

  test('removeAfter: on the m-th entry the executor removes itself', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, at: { 'main@12': { advance: 1, removeAfter: 2 } } }, 3, {
      hotspot: { profile: 'cpython313', cpython313: { threshold: 0 } },
    });
    expect(outcome).toMatchObject({ kind: 'return', repr: '3' });
    expect(kinds(trace)).toEqual([
      'registered', 'hotspot', 'compile', 'installed', 'entered', 'exited', 'entered', 'removed', 'exited',
      // The site's counters start again: with threshold 0 the next execution is hot at once.
      'hotspot', 'compile', 'installed', 'entered', 'exited',
    ]);
    expect(only(trace, 'removed')).toEqual([{ kind: 'removed', code: 'main', offset: 12, executor: 1, reason: 'replaced-by-null' }]);
  });

  test('throwAfter: on the m-th entry execute throws, and the run stops with a fault', () => {
    const { outcome, trace } = run({ ...BACK_EDGE, default: { advance: 1, throwAfter: 2 } }, 5);
    expect(outcome).toMatchObject({ kind: 'fault', rule: 'execute.throws' });
    expect(kinds(trace).slice(-3)).toEqual(['exited', 'entered', 'fault']);
  });

  test('each executor remembers its own code and offset', () => {
    const r = loadProgram({
      functions: {
        main: 'RESUME 0\nLOAD_GLOBAL f + NULL\nCALL 0\nPOP_TOP\nLOAD_GLOBAL f + NULL\nCALL 0\nRETURN_VALUE',
        f: 'RESUME 0\nRETURN_CONST 7',
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    const opt = scriptedOptimizer({ capabilities: ['FUNCTION_ENTRY'], default: { advance: 1, removeAfter: 1 } });
    const run2 = runEntry(r.program, 'main()', { optimizer: opt, hotspot: EAGER, trace: true });
    if (!run2.ok) throw new Error(run2.error.message);
    expect(run2.outcome).toMatchObject({ kind: 'return', repr: '7' });
    expect(only(run2.trace ?? [], 'removed').map((e) => `${e.code}@${e.offset}`)).toEqual(['main@0', 'f@0', 'f@0']);
  });

  test('parseHotspotKey', () => {
    expect(parseHotspotKey('main@12')).toEqual({ code: 'main', offset: 12 });
    expect(parseHotspotKey('main.<genexpr>@0')).toEqual({ code: 'main.<genexpr>', offset: 0 });
    expect(parseHotspotKey('main@')).toBeNull();
    expect(parseHotspotKey('main@012')).toBeNull();
    expect(parseHotspotKey('@3')).toBeNull();
  });
});
