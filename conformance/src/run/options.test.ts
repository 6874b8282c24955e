import { parseFixture } from '../fixtures/load';
import type { Fixture } from '../fixtures/types';
import { fakeVm } from '../../test/fake-vm';
import { fixtureText } from '../../test/helpers';
import { hotspotConfig, runOptionsOf } from './options';
import { runFixture } from './run-fixture';

function fixture(extra: string, expect = 'return: "1"'): Fixture {
  const r = parseFixture('/x/f.yaml', fixtureText({ id: 'o', main: 'RETURN_CONST 1', expect, extra }));
  if (!r.ok) throw new Error(r.diagnostic.message);
  return r.fixture;
}

describe('run options of a fixture', () => {
  test('no optimizer keys: budget and tracking only', () => {
    const r = runOptionsOf(fakeVm, fixture('budget: 50'), true);
    expect(r).toEqual({ ok: true, options: { budget: 50, trackOps: true } });
  });

  test('a scripted optimizer, a sample, named optimizers, the hotspot profile and the trace', () => {
    const r = runOptionsOf(fakeVm, fixture('optimizer: {name: s, capabilities: [BACK_EDGE, FUNCTION_ENTRY]}\noptimizers: {a: "null", b: {capabilities: 2}}\nhotspot: {K: 1, N: 0, M: 0}\ntrace: [hotspot]'));
    if (!r.ok) throw new Error(r.diagnostic.message);
    const o = r.options;
    expect(o.optimizer).toMatchObject({ name: 's', capabilities: 2 });
    expect(Object.keys(o.namedOptimizers ?? {})).toEqual(['a', 'b']);
    expect(o.namedOptimizers!.a!()).toMatchObject({ name: 'null' });
    expect(o.namedOptimizers!.b!()).toMatchObject({ name: 'scripted', capabilities: 2 });
    expect(o.namedOptimizers!.b!()).not.toBe(o.namedOptimizers!.b!());
    expect(o.hotspot).toEqual({ profile: 'seed', seed: { K: 1, N: 0, M: 0 } });
    expect(o.trace).toBe(true);
  });

  test('hotspot: each profile gets its own parameters', () => {
    expect(hotspotConfig({})).toEqual({ profile: 'seed', seed: {} });
    expect(hotspotConfig({ profile: 'seed', K: 2, maxBackoff: 3 })).toEqual({ profile: 'seed', seed: { K: 2, maxBackoff: 3 } });
    expect(hotspotConfig({ profile: 'cpython313', threshold: 0, maxBackoff: 12 })).toEqual({ profile: 'cpython313', cpython313: { threshold: 0, maxBackoff: 12 } });
  });

  test('a sample name the VM does not have is bad input at the name', () => {
    expect(runOptionsOf(fakeVm, fixture('optimizers: {a: "null", b: counter}'))).toEqual({
      ok: false,
      diagnostic: { file: '/x/f.yaml', line: 9, column: 28, code: 'FIXTURE_UNKNOWN_OPTIMIZER', message: "no sample optimizer named 'counter' (known: null)" },
    });
    expect(runFixture(fakeVm, fixture('optimizer: counter'))).toMatchObject({ status: 'bad-input', diagnostic: { code: 'FIXTURE_UNKNOWN_OPTIMIZER', line: 9, column: 12 } });
    // Names of Object.prototype are not samples.
    expect(runOptionsOf(fakeVm, fixture('optimizer: constructor')).ok).toBe(false);
  });

  test('YAML null is not the null sample optimizer', () => {
    expect(parseFixture('/x/f.yaml', fixtureText({ id: 'o', main: 'RETURN_CONST 1', extra: 'optimizer: null' }))).toMatchObject({
      ok: false,
      diagnostic: { code: 'FIXTURE_SCHEMA', message: 'optimizer: YAML null is not an optimizer; the sample optimizer named null is written "null" (quoted)' },
    });
  });

  test('the trace view reaches the judge only when the fixture declares trace:', () => {
    expect(runFixture(fakeVm, fixture('optimizer: "null"'))).toMatchObject({ status: 'pass' });
    expect(runFixture(fakeVm, fixture('optimizer: "null"\ntrace: full'))).toMatchObject({ status: 'fail', difference: expect.stringMatching(/^trace: missing/) });
    const traced = fixture('optimizer: "null"\ntrace: full', 'return: "1"\ntrace:\n  - {kind: registered, optimizer: "null", capabilities: 7}');
    expect(runFixture(fakeVm, traced)).toMatchObject({ status: 'pass' });
    expect(runFixture(fakeVm, fixture('optimizer: "null"\ntrace: [hotspot]', 'return: "1"\ntrace: []'))).toMatchObject({ status: 'pass' });
  });
});
