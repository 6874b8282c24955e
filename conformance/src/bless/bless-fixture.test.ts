import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtureFile } from '../fixtures/load';
import type { Fixture } from '../fixtures/types';
import { fakeVm } from '../../test/fake-vm';
import { cleanTempDirs, fixtureText, tempDir } from '../../test/helpers';
import { referenceVm } from '../run/reference-vm';
import { runFixture } from '../run/run-fixture';
import { blessFixture } from './bless-fixture';
import { diffLines } from './diff';

function load(file: string): Fixture {
  const r = loadFixtureFile(file);
  if (!r.ok) throw new Error(r.diagnostic.message);
  return r.fixture;
}

function copy(text: string): string {
  return join(tempDir({ 'f.yaml': text }), 'f.yaml');
}

afterAll(cleanTempDirs);

describe('bless', () => {
  test('adds expect to a fixture without one and keeps every other byte', () => {
    const text = `# leading comment\n${fixtureText({ id: 'b.one', main: "RESUME 0\nLOAD_CONST 'hi'\nCALL_INTRINSIC_1 INTRINSIC_PRINT\nRETURN_CONST 7" })}# trailing comment\n`;
    const file = copy(text);
    const r = blessFixture(fakeVm, load(file), false);
    expect(r).toMatchObject({ status: 'added', lines: ['expect:', '  return: "7"', '  output: "\'hi\'\\n"'] });
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(text)).toBe(true);
    expect(load(file).data.expect).toEqual({ return: '7', output: "'hi'\n" });
  });

  test('records raises with its message, and exhausted', () => {
    const raising = copy(fixtureText({ id: 'b.raise', main: 'RAISE_VARARGS 1' }));
    expect(blessFixture(fakeVm, load(raising), false).status).toBe('added');
    expect(load(raising).data.expect).toEqual({ raises: 'ValueError', message: 'boom' });
    expect(readFileSync(raising, 'utf8')).toContain('expect:\n  raises: ValueError\n  message: "boom"\n');
    const looping = copy(fixtureText({ id: 'b.loop', main: 'L1: NOP\nJUMP_BACKWARD L1' }));
    expect(blessFixture(fakeVm, load(looping), false).status).toBe('added');
    expect(load(looping).data.expect).toEqual({ exhausted: true });
  });

  test('leaves a fixture that has expect alone without --force', () => {
    const text = fixtureText({ id: 'b.kept', main: 'RETURN_CONST 7', expect: 'return: "8"' });
    const file = copy(text);
    expect(blessFixture(fakeVm, load(file), false).status).toBe('kept');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('--force replaces only the expect entry and reports a diff', () => {
    const text = fixtureText({ id: 'b.force', main: 'RETURN_CONST 7', expect: 'return: "8"   # old\n# about budget', extra: 'budget: 50' }).replace(
      'budget: 50\n',
      '',
    ) + 'budget: 50\n';
    const file = copy(text);
    const r = blessFixture(fakeVm, load(file), true);
    expect(r).toMatchObject({ status: 'changed', diff: [' expect:', '-  return: "8"', '+  return: "7"'] });
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(text.replace('  return: "8"   # old\n', '  return: "7"\n'));
    expect(load(file).data).toMatchObject({ expect: { return: '7' }, budget: 50 });
  });

  test('--force with the same outcome leaves the file untouched', () => {
    const text = fixtureText({ id: 'b.same', main: 'RETURN_CONST 7', expect: "return: '7'" });
    const file = copy(text);
    expect(blessFixture(fakeVm, load(file), true).status).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('--force leaves an expectation the outcome still satisfies as written', () => {
    const text = fixtureText({ id: 'b.loose', main: 'RAISE_VARARGS 1', expect: 'raises: ValueError\noutput: ""' });
    const file = copy(text);
    expect(blessFixture(fakeVm, load(file), true).status).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('--force keeps the optional keys the old expectation had', () => {
    const file = copy(fixtureText({ id: 'b.keep', main: 'RETURN_CONST 7', expect: 'return: "8"\noutput: ""' }));
    expect(blessFixture(fakeVm, load(file), true)).toMatchObject({ diff: [' expect:', '-  return: "8"', '+  return: "7"', '   output: ""'] });
    const raising = copy(fixtureText({ id: 'b.keep2', main: 'RAISE_VARARGS 1', expect: 'raises: TypeError' }));
    blessFixture(fakeVm, load(raising), true);
    expect(load(raising).data.expect).toEqual({ raises: 'ValueError' });
  });

  test('never blesses a malformed program the fixture does not mean to be malformed', () => {
    const text = fixtureText({ id: 'b.bad', main: 'RESUME 0\nLOAD_KONST 1' });
    const file = copy(text);
    const r = blessFixture(fakeVm, load(file), false);
    expect(r).toMatchObject({ status: 'bad-input', diagnostic: { code: 'ASM_UNKNOWN_INSTRUCTION', line: 8, column: 7 } });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('records malformed / invalid for fixtures tagged so', () => {
    const malformed = copy(fixtureText({ id: 'b.m', main: 'LOAD_KONST 1', tags: '[malformed]' }));
    blessFixture(fakeVm, load(malformed), false);
    expect(load(malformed).data.expect).toEqual({ malformed: 'ASM_UNKNOWN_INSTRUCTION' });
    const invalid = copy(fixtureText({ id: 'b.i', main: 'ENTER_EXECUTOR 0', spec: '[verify-enter-executor]' }));
    blessFixture(fakeVm, load(invalid), false);
    expect(load(invalid).data.expect).toEqual({ invalid: 'ENTER_EXECUTOR_IN_PROGRAM' });
  });

  test('a fixture written as one flow mapping is re-serialized', () => {
    const file = copy('{id: b.flow, description: d, spec: [ret], program: {functions: {main: "RETURN_CONST 1"}}, entry: "main()"}\n');
    expect(blessFixture(fakeVm, load(file), false).status).toBe('added');
    expect(load(file).data.expect).toEqual({ return: '1' });
  });
});

describe('bless with a trace (reference VM)', () => {
  // A loop of 3 back edges; hot at once (K=1), so: decline, then backoff (hot again at the 3rd).
  const LOOP = [
    'RESUME 0', 'LOAD_CONST 0', 'STORE_FAST total', 'LOAD_GLOBAL range + NULL', 'LOAD_CONST 3', 'CALL 1', 'GET_ITER',
    'L1: FOR_ITER L2', 'STORE_FAST i', 'LOAD_FAST_LOAD_FAST total, i', 'BINARY_OP +=', 'STORE_FAST total', 'JUMP_BACKWARD L1',
    'L2: END_FOR', 'POP_TOP', 'LOAD_FAST total', 'RETURN_VALUE',
  ].join('\n');
  const OPTIMIZER = 'optimizer: {capabilities: [BACK_EDGE], at: {main@12: decline}}\nhotspot: {K: 1, N: 0, M: 0}';
  const TRACE = [
    'trace:',
    '  - {kind: hotspot, code: main, offset: 12, hotspot: back_edge, counters: {executions: 1, local: 1, global: 1, saved: 0, scaledCost: 0}}',
    '  - {kind: declined, code: main, offset: 12}',
    '  - {kind: hotspot, code: main, offset: 12, hotspot: back_edge, counters: {executions: 3, local: 2, global: 3, saved: 1, scaledCost: 0}}',
    '  - {kind: declined, code: main, offset: 12}',
  ];

  test('records the declared view of the trace, one event per line, and the fixture then passes', () => {
    const text = fixtureText({ id: 'b.trace', main: LOOP, spec: '[hotspot-seed]', extra: `${OPTIMIZER}\ntrace: [hotspot, declined]` });
    const file = copy(text);
    const r = blessFixture(referenceVm, load(file), false);
    expect(r).toMatchObject({ status: 'added', lines: ['expect:', '  return: "3"', ...TRACE.map((l) => `  ${l}`)] });
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(`${text}expect:\n  return: "3"\n${TRACE.map((l) => `  ${l}\n`).join('')}`);
    expect(runFixture(referenceVm, load(file)).status).toBe('pass');
    expect(blessFixture(referenceVm, load(file), true).status).toBe('unchanged');
  });

  test('a full trace, and a fault event whose message needs quoting', () => {
    const file = copy(fixtureText({ id: 'b.full', main: LOOP, spec: '[hotspot-seed]', extra: 'optimizer: {capabilities: [BACK_EDGE], default: garbage}\nhotspot: {K: 1, N: 0, M: 0}\ntrace: full' }));
    blessFixture(referenceVm, load(file), false);
    const data = load(file).data;
    expect(data.expect).toMatchObject({ return: '3' });
    const kinds = (data.expect as { readonly trace: readonly { kind: string }[] }).trace.map((e) => e.kind);
    expect(kinds).toEqual(['registered', 'hotspot', 'compile', 'fault', 'hotspot', 'compile', 'fault']);
    expect(readFileSync(file, 'utf8')).toContain('    - {kind: fault, phase: compile, rule: compile.result, message: "compile returned 42, not an executor or null", code: main, offset: 12}\n');
    expect(runFixture(referenceVm, load(file)).status).toBe('pass');
  });

  test('--force re-records a trace that changed, and adds a missing one', () => {
    const wrong = TRACE.map((l) => l.replace('global: 3', 'global: 4'));
    const file = copy(fixtureText({ id: 'b.retrace', main: LOOP, spec: '[hotspot-seed]', extra: `${OPTIMIZER}\ntrace: [hotspot, declined]`, expect: ['return: "3"', ...wrong].join('\n') }));
    expect(runFixture(referenceVm, load(file))).toMatchObject({ status: 'fail', difference: 'trace[2].counters.global: expected 4, got 3' });
    const r = blessFixture(referenceVm, load(file), true);
    expect(r).toMatchObject({ status: 'changed', diff: expect.arrayContaining([`-  ${wrong[3]}`, `+  ${TRACE[3]}`]) });
    expect(runFixture(referenceVm, load(file)).status).toBe('pass');

    const missing = copy(fixtureText({ id: 'b.notrace', main: LOOP, spec: '[hotspot-seed]', extra: `${OPTIMIZER}\ntrace: [hotspot, declined]`, expect: 'return: "3"' }));
    expect(runFixture(referenceVm, load(missing))).toMatchObject({ status: 'fail', difference: expect.stringMatching(/^trace: missing/) });
    expect(blessFixture(referenceVm, load(missing), true).status).toBe('changed');
    expect(runFixture(referenceVm, load(missing)).status).toBe('pass');
  });

  test('--force leaves a trace whose fault messages are worded differently as written', () => {
    const extra = 'optimizer: {capabilities: [BACK_EDGE], default: throw}\nhotspot: {K: 1, N: 0, M: 0}\ntrace: [fault]';
    const event = (m: string) => `  - {kind: fault, phase: compile, rule: compile.throws, message: "${m}", code: main, offset: 12}`;
    const text = fixtureText({ id: 'b.msg', main: LOOP, spec: '[compile]', extra, expect: ['return: "3"', 'trace:', event('old words'), event('old words')].join('\n') });
    const file = copy(text);
    expect(blessFixture(referenceVm, load(file), true).status).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('diffLines', () => {
  test('marks removed before added lines', () => {
    expect(diffLines('a\nb\nc\n', 'a\nx\nc\n')).toEqual([' a', '-b', '+x', ' c']);
    expect(diffLines('a\n', 'a\nb\n')).toEqual([' a', '+b']);
  });
});
