import { join } from 'node:path';
import { anchorsIn } from '../fixtures/anchors';
import { parseFixture } from '../fixtures/load';
import { loadCorpus } from '../fixtures/select';
import type { Fixture } from '../fixtures/types';
import { cleanTempDirs, fixtureText, tempDir } from '../../test/helpers';
import { hotspotSites } from '../fixtures/hotspots';
import { referenceVm } from '../run/reference-vm';
import { lintFixture, type LintContext } from './checks';

const CTX: LintContext = {
  anchors: new Map(anchorsIn('<a id="ret"></a> <a id="op-RETURN_CONST"></a> <a id="op-NOP"></a> <a id="bg" data-informative></a>', 's.md').map((a) => [a.name, a])),
  tags: new Set(['basic']),
  instructions: new Set(['NOP', 'RESUME', 'RETURN_CONST', 'LOAD_CONST']),
};

function fixture(text: string): Fixture {
  const r = parseFixture('/x/f.yaml', text);
  if (!r.ok) throw new Error(r.diagnostic.message);
  return r.fixture;
}

const codes = (f: Fixture) => lintFixture(f, CTX).map((d) => `${d.code}@${d.line}:${d.column}`);

afterAll(cleanTempDirs);

describe('lint checks', () => {
  test('a clean fixture has no problems (informative anchors may be cited)', () => {
    const f = fixture(fixtureText({ id: 'a', main: 'RESUME 0\nRETURN_CONST 1', spec: '[ret, op-RETURN_CONST, bg]', tags: '[basic]', expect: 'return: "1"' }));
    expect(codes(f)).toEqual([]);
  });

  test('an unknown anchor is reported at the list item', () => {
    const f = fixture(fixtureText({ id: 'a', main: 'RETURN_CONST 1', spec: '[ret, no-such]', expect: 'return: "1"' }));
    expect(codes(f)).toEqual(['LINT_UNKNOWN_ANCHOR@3:13']);
  });

  test('an unknown tag is reported at the list item', () => {
    const f = fixture(fixtureText({ id: 'a', main: 'RETURN_CONST 1', tags: '[basic, fancy]', expect: 'return: "1"' }));
    expect(codes(f)).toEqual(['LINT_UNKNOWN_TAG@4:15']);
  });

  test('op-X for an instruction the program lacks is reported; labels and comments do not count', () => {
    const f = fixture(fixtureText({ id: 'a', main: 'L1: RESUME 0\n; NOP here\nRETURN_CONST 1', spec: '[op-NOP, op-RESUME]', expect: 'return: "1"' }));
    // op-RESUME is also not an anchor of this spec; op-NOP is an anchor but NOP is not in the program.
    expect(codes(f)).toEqual(['LINT_OP_NOT_IN_PROGRAM@3:8', 'LINT_UNKNOWN_ANCHOR@3:16']);
  });

  test('a fixture without expect is reported', () => {
    expect(codes(fixture(fixtureText({ id: 'a', main: 'RETURN_CONST 1' })))).toEqual(['LINT_MISSING_EXPECT@1:1']);
  });

  test('duplicate ids name both files', () => {
    const dir = tempDir({
      'a/one.yaml': fixtureText({ id: 'same', main: 'RETURN_CONST 1', expect: 'return: "1"' }),
      'b/two.yaml': fixtureText({ id: 'same', main: 'RETURN_CONST 2', expect: 'return: "2"' }),
    });
    const corpus = loadCorpus(dir, ['.']);
    expect(corpus.fixtures.map((f) => f.file)).toEqual([join(dir, 'a/one.yaml')]);
    expect(corpus.problems).toEqual([
      { file: join(dir, 'b/two.yaml'), line: 1, column: 5, code: 'FIXTURE_DUPLICATE_ID', message: "id 'same' is also used by a/one.yaml:1:5" },
    ]);
  });

  describe('optimizers', () => {
    const OPT: LintContext = { ...CTX, samples: new Set(['null', 'counter']), hotspots: (f) => hotspotSites(referenceVm, f.data.program) };
    // Hotspots of main: 0 (RESUME 0, function entry), 3 (JUMP_BACKWARD, back edge).
    const main = 'RESUME 0\nL1: LOAD_CONST 1\nPOP_JUMP_IF_FALSE L2\nJUMP_BACKWARD L1\nL2: RETURN_CONST 1';
    const lint = (extra: string, ctx = OPT) =>
      lintFixture(fixture(fixtureText({ id: 'a', main, expect: 'return: "1"', extra })), ctx).map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`);

    test('at keys at hotspot instructions pass, whatever the declared capabilities', () => {
      expect(lint('optimizer: {capabilities: [BACK_EDGE], at: {main@0: decline, main@3: {advance: 1}}}')).toEqual([]);
    });

    test('an offset that is not a hotspot, or an unknown code object, is reported at its key', () => {
      expect(lint('optimizer: {capabilities: 4, at: {main@1: decline, other@0: throw, main@9: garbage}}')).toEqual([
        "LINT_NOT_A_HOTSPOT@13:35 'main@1': offset 1 of main is not a hotspot instruction (hotspots: 0 (function_entry), 3 (back_edge))",
        "LINT_NOT_A_HOTSPOT@13:52 'other@0': the program has no code object 'other' (it has main)",
        "LINT_NOT_A_HOTSPOT@13:68 'main@9': offset 9 of main is not a hotspot instruction (hotspots: 0 (function_entry), 3 (back_edge))",
      ]);
      expect(lint('optimizers:\n  s:\n    capabilities: 4\n    at: {main@2: decline}')).toEqual([
        "LINT_NOT_A_HOTSPOT@16:10 'main@2': offset 2 of main is not a hotspot instruction (hotspots: 0 (function_entry), 3 (back_edge))",
      ]);
    });

    test('unknown sample names are reported, in optimizer and optimizers', () => {
      expect(lint('optimizer: fancy\noptimizers: {a: counter, b: nope}')).toEqual([
        "LINT_UNKNOWN_OPTIMIZER@13:12 no sample optimizer named 'fancy' (known: null, counter)",
        "LINT_UNKNOWN_OPTIMIZER@14:29 no sample optimizer named 'nope' (known: null, counter)",
      ]);
    });

    test('a trace without any optimizer is always empty', () => {
      expect(lint('trace: full')).toEqual([
        'LINT_TRACE_WITHOUT_OPTIMIZER@13:8 trace: is declared but no optimizer is registered (no optimizer:, no optimizers:, no _optcert in the program): the trace is always empty',
      ]);
      expect(lint('optimizers: {a: counter}\ntrace: full')).toEqual([]);
      const switching = fixture(fixtureText({ id: 'a', main: 'RESUME 0\nIMPORT_NAME _optcert\nRETURN_VALUE', expect: 'return: "1"', extra: 'trace: full' }));
      expect(lintFixture(switching, OPT)).toEqual([]);
    });

    test('without the VM context, names and keys are not checked; a program that does not load is left to run', () => {
      expect(lint('optimizer: {capabilities: 4, at: {main@1: decline}}\noptimizers: {b: nope}', CTX)).toEqual([]);
      const bad = fixture(fixtureText({ id: 'a', main: 'LOAD_KONST 1', expect: 'return: "1"', extra: 'optimizer: {capabilities: 4, at: {main@1: decline}}' }));
      expect(lintFixture(bad, OPT)).toEqual([]);
    });
  });
});
