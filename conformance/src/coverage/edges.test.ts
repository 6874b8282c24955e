import { loadProgram, newVm } from '../../../reference/src/program';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import { PyFloat, PyList } from '../../../reference/src/runtime/values';
import { parseFixture } from '../fixtures/load';
import { referenceVm } from '../run/reference-vm';
import { classify, deriveUniverse, edgeKey, MEASURED, REPRESENTATIVES, TYPE_CLASSES } from './edges';
import { measureExecutorEdges, recordExecutorEdges } from './executor-edges';

describe('classify', () => {
  it('labels every representative as the generator (CPython side) does', () => {
    const loaded = loadProgram(REPRESENTATIVES.program);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const vm = newVm(loaded.program, 100_000);
    const values = (vm.callFunction(vm.globals.get('values')!, []) as PyList).items;
    expect(values.map(classify)).toEqual(REPRESENTATIVES.values.map((v) => v.class));
    // Every class has a representative, and nothing else is one.
    expect([...new Set(REPRESENTATIVES.values.map((v) => v.class))].sort()).toEqual([...TYPE_CLASSES].sort());
    const iterables = (vm.callFunction(vm.globals.get('iterables')!, []) as PyList).items;
    expect(iterables.map(classify)).toEqual(REPRESENTATIVES.iterables.map((v) => v.class));
    expect(iterables.map(classify).filter((c) => (TYPE_CLASSES as readonly string[]).includes(c))).toEqual([]);
  });

  it('separates the int ranges, the special floats and non-BMP strings', () => {
    expect([2 ** 31 - 1, -(2 ** 31) + 1, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, 2n ** 53n, -(2n ** 64n)].map(classify)).toEqual(['int', 'int', 'int31', 'int31', 'int31', 'int53', 'int53']);
    expect([0.0, -0.0, Infinity, -Infinity, NaN, 1e-320].map((x) => classify(new PyFloat(x)))).toEqual(['float', 'float-negzero', 'float-inf', 'float-inf', 'float-nan', 'float']);
    expect(['', 'ab', '\uffff', '\u{1F600}', 'x\u{10000}'].map(classify)).toEqual(['str', 'str', 'str', 'str-astral', 'str-astral']);
    expect([true, false, null].map(classify)).toEqual(['bool', 'bool', 'none']);
  });
});

describe('deriveUniverse', () => {
  const universe = deriveUniverse();
  const find = (instruction: string, variant: string, classes: string[]) =>
    universe.edges.filter((e) => e.instruction === instruction && e.variant === variant && e.classes.join() === classes.join()).map((e) => e.outcome);

  it('holds each combination with the outcomes the interpreter produced on its representatives', () => {
    expect(find('BINARY_OP', '+', ['int', 'int'])).toEqual(['ok']);
    expect(find('BINARY_OP', '+', ['int', 'str'])).toEqual(['TypeError']);
    expect(find('BINARY_OP', '%', ['int', 'int']).sort()).toEqual(['ZeroDivisionError', 'ok']);
    expect(find('BINARY_OP', '+=', ['list', 'tuple'])).toEqual(['ok']);
    expect(find('BINARY_OP', '+', ['list', 'tuple'])).toEqual(['TypeError']);
    // {} misses and {0: ..., 'ab': ..., 1.5: ..., (): ...} hits: 0, False, 0.0 and -0.0 are one key.
    expect(find('BINARY_SUBSCR', '', ['dict', 'int']).sort()).toEqual(['KeyError', 'ok']);
    expect(find('BINARY_SUBSCR', '', ['dict', 'float-negzero']).sort()).toEqual(['KeyError', 'ok']);
    expect(find('BINARY_SUBSCR', '', ['dict', 'list'])).toEqual(['TypeError']);
    expect(find('GET_ITER', '', ['enumerate'])).toEqual(['ok']);
    expect(find('BINARY_OP', '+', ['int', 'enumerate'])).toEqual([]);
    expect(find('UNPACK_SEQUENCE', '2', ['list']).sort()).toEqual(['ValueError', 'ok']);
    expect(find('UNARY_NOT', '', ['bool'])).toEqual(['ok']);
    expect(find('UNARY_NOT', '', ['int'])).toEqual([]);
  });

  it('derives FOR_ITER classes from what GET_ITER makes, and applies the exclusions', () => {
    const iterators = universe.edges.filter((e) => e.instruction === 'FOR_ITER').map((e) => e.classes[0]);
    expect(iterators).toEqual(expect.arrayContaining(['list_iterator', 'range_iterator', 'dict_keyiterator', 'zip', 'dict_itemiterator']));
    expect(iterators).not.toContain('generator');
    expect(universe.justified.some((j) => j.edge.instruction === 'FOR_ITER' && j.edge.classes[0] === 'generator')).toBe(true);
    expect(find('BINARY_OP', '**', ['int', 'int31'])).toEqual([]);
    expect(universe.outside.map((o) => o.variant)).toEqual(expect.arrayContaining(['@', '@=']));
    expect(new Set(universe.edges.map(edgeKey)).size).toBe(universe.edges.length);
  });

  it('measures every variant of the measured instructions', () => {
    for (const m of MEASURED) for (const v of m.variants) {
      if (universe.outside.some((o) => o.instruction === m.name && o.variant === v)) continue;
      expect(universe.edges.some((e) => e.instruction === m.name && e.variant === v)).toBe(true);
    }
  });
});

describe('the executor-edge recorder', () => {
  // A hot loop whose operand classes change on a later iteration. In stress mode the function-entry
  // executor runs the first pair (int + int, through to the back edge); the back edge's executor is
  // compiled at its first execution and entered from the next: str + str, then int + str (TypeError,
  // caught; the handler's own back edge runs (4, 5) in its executor, whose region ends by taking the
  // loop's back edge, so (6, 7) runs in the interpreter), then int + int at (8, 9).
  const fixture = parseFixture('hot.yaml', `id: test.hot-add
description: test
spec: [executor-edges]
program:
  functions:
    main: |
      .params pairs
      RESUME 0
      BUILD_LIST 0
      STORE_FAST out
      LOAD_FAST pairs
      GET_ITER
      L1:
      FOR_ITER L4
      UNPACK_SEQUENCE 2
      STORE_FAST_STORE_FAST a, b
      L2:
      LOAD_FAST out
      LOAD_ATTR append + NULL|self
      LOAD_FAST_LOAD_FAST a, b
      BINARY_OP +
      CALL 1
      POP_TOP
      L3:
      JUMP_BACKWARD L1
      L4:
      END_FOR
      POP_TOP
      LOAD_FAST out
      RETURN_VALUE
      L5:
      PUSH_EXC_INFO
      POP_TOP
      POP_EXCEPT
      JUMP_BACKWARD L1
      ExceptionTable:
        L2 to L3 -> L5 [1]
entry: "main([(1, 2), (10, 20), ('a', 'b'), (3, 'x'), (4, 5), (6, 7), (8, 9)])"
expect:
  return: "[3, 30, 'ab', 9, 13, 17]"
`);
  if (!fixture.ok) throw new Error(JSON.stringify(fixture));

  it('records each combination and outcome run inside an executor, and which ran after a transition', () => {
    const { recorder, passed } = recordExecutorEdges(referenceVm, [fixture.fixture], SAMPLE_OPTIMIZERS.superblock!);
    expect(passed).toBe(1);
    const inside = [...recorder.inside.keys()].filter((k) => k.startsWith('BINARY_OP +|')).sort();
    expect(inside).toEqual(['BINARY_OP +|int,int|ok', 'BINARY_OP +|int,str|TypeError', 'BINARY_OP +|str,str|ok']);
    // After a transition at the same executor: int + str after str + str, int + int after both;
    // str + str was the first combination that executor saw.
    const after = [...recorder.afterTransition.keys()].filter((k) => k.startsWith('BINARY_OP +|')).sort();
    expect(after).toEqual(['BINARY_OP +|int,int|ok', 'BINARY_OP +|int,str|TypeError']);
    expect(recorder.steps).toBeGreaterThan(0);
  });

  it('counts nothing without the observer, and nothing of a fixture the candidate fails', () => {
    const universe = { edges: [{ instruction: 'BINARY_OP', variant: '+', classes: ['int', 'int'], outcome: 'ok' }], justified: [], outside: [] };
    const { recorder } = recordExecutorEdges(referenceVm, [fixture.fixture], () => {
      const o = SAMPLE_OPTIMIZERS.superblock!();
      return { ...o, name: o.name, capabilities: o.capabilities, optimizationCost: o.optimizationCost, runCost: o.runCost, compile: () => null };
    });
    const m = measureExecutorEdges(universe, recorder, 1, 1, []);
    expect(m.inside).toBe(0);
    expect(m.rows[0]!.missing).toHaveLength(1);
  });
});
