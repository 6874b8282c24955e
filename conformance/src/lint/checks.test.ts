import { join } from 'node:path';
import { anchorsIn } from '../fixtures/anchors';
import { parseFixture } from '../fixtures/load';
import { loadCorpus } from '../fixtures/select';
import type { Fixture } from '../fixtures/types';
import { cleanTempDirs, fixtureText, tempDir } from '../../test/helpers';
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
});
