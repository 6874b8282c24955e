import type { SourceError } from '../../../reference/src/api';
import { parseFixture } from '../fixtures/load';
import type { Fixture } from '../fixtures/types';
import { locateSourceError } from './map-error';

function fixture(text: string): Fixture {
  const r = parseFixture('/x/f.yaml', text);
  if (!r.ok) throw new Error(r.diagnostic.message);
  return r.fixture;
}

const err = (unit: string, line?: number, column?: number, message = 'm'): SourceError => ({ code: 'X', message, unit, line, column });

// Line numbers of the file, for reading the expectations below:
//  1 id: map.one
//  2 description: d
//  3 spec: [ret]
//  4 program:
//  5   globals:
//  6     LIMIT: "10"
//  7     OTHER: oops(
//  8   functions:
//  9     main: |
// 10       RESUME 0
// 11
// 12         LOAD_KONST 1
// 13       RETURN_VALUE
// 14     helper: |2
// 15         RESUME 0
// 16     inline: "RESUME 0"
// 17   code:
// 18     main.<genexpr>: |-
// 19         RESUME 0
// 20         BAD x
// 21 entry: 'main(1, @)'
const TEXT = [
  'id: map.one',
  'description: d',
  'spec: [ret]',
  'program:',
  '  globals:',
  '    LIMIT: "10"',
  '    OTHER: oops(',
  '  functions:',
  '    main: |',
  '      RESUME 0',
  '',
  '        LOAD_KONST 1',
  '      RETURN_VALUE',
  '    helper: |2',
  '        RESUME 0',
  '    inline: "RESUME 0"',
  '  code:',
  '    main.<genexpr>: |-',
  '        RESUME 0',
  '        BAD x',
  "entry: 'main(1, @)'",
  '',
].join('\n');

describe('mapping VM errors to fixture positions', () => {
  const f = fixture(TEXT);

  test('a block scalar line maps to first content line + k - 1, column = indentation + column', () => {
    expect(locateSourceError(f, err('main', 1, 1))).toEqual({ line: 10, column: 7 });
    // line 3 of the unit text is `  LOAD_KONST 1` (two extra spaces): the assembler reports column 3.
    expect(locateSourceError(f, err('main', 3, 3))).toEqual({ line: 12, column: 9 });
    expect(locateSourceError(f, err('main', 4, 1))).toEqual({ line: 13, column: 7 });
  });

  test('an explicit indentation indicator is honoured', () => {
    // `helper: |2` under a mapping indented 4: content indentation is 4 + 2 = 6.
    expect(f.data.program.functions!.helper).toBe('  RESUME 0\n');
    expect(locateSourceError(f, err('helper', 1, 3))).toEqual({ line: 15, column: 9 });
  });

  test('code objects are found under program.code', () => {
    expect(locateSourceError(f, err('main.<genexpr>', 2, 1))).toEqual({ line: 20, column: 9 });
  });

  test('a one-line quoted scalar maps the column past the quote', () => {
    expect(locateSourceError(f, err('inline', 1, 8))).toEqual({ line: 16, column: 21 });
  });

  test('entry errors point into the entry value', () => {
    expect(locateSourceError(f, err('entry', 1, 9))).toEqual({ line: 21, column: 17 });
    expect(locateSourceError(f, err('entry'))).toEqual({ line: 21, column: 8 });
    expect(locateSourceError(f, err('entry', undefined, 9))).toEqual({ line: 21, column: 17 });
  });

  test('globals errors point at the global the message names, else at program.globals', () => {
    expect(locateSourceError(f, err('globals', undefined, undefined, "bad literal for global 'OTHER'"))).toEqual({ line: 7, column: 12 });
    expect(locateSourceError(f, err('globals', undefined, undefined, 'global OTHER: bad literal'))).toEqual({ line: 7, column: 12 });
    expect(locateSourceError(f, err('globals'))).toEqual({ line: 6, column: 5 });
  });

  test('an unknown unit falls back to the start of the document', () => {
    expect(locateSourceError(f, err('nosuch', 1, 1))).toEqual({ line: 1, column: 1 });
  });
});
