import { paintLine, painter, stripColor, wantsColor } from './console-style';

describe('wantsColor', () => {
  test('a terminal gets colour unless NO_COLOR or TERM=dumb; FORCE_COLOR decides over both', () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
    expect(wantsColor({ TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });
});

describe('paintLine', () => {
  const lines = [
    'advance-n  programs.base-convert  to_base@36: frames[1] to_base: local digits: expected int 0, got int 3 (closest N = 96)',
    'compile.hang  hot.x  error: compile did not return',
    'burst: CERTIFIED against the official corpus 0.1.0 (512 fixtures, 203 passed)',
    'burst: NOT CERTIFIED: advance-n',
    '188 passed, 15 failed, 254 skipped, 2 errors, 3 not run',
    'advance-n                      FAIL           programs.base-convert',
    'skipped:',
    "FAIL no.c (fixtures/c.yaml): return: expected '8', got '7'",
    '  capabilities 4 (BACK_EDGE), optimizationCost 0.1, runCost 1',
  ];

  test('colours the failure lines, verdicts and counts; the text stays the same', () => {
    for (const l of lines) expect(stripColor(paintLine(l))).toBe(l);
    expect(paintLine(lines[0]!)).toMatch(/^\x1b\[31madvance-n\x1b\[39m {2}programs/);
    expect(paintLine(lines[1]!)).toMatch(/^\x1b\[31mcompile\.hang\x1b\[39m/);
    expect(paintLine(lines[2]!)).toContain('\x1b[32mCERTIFIED');
    expect(paintLine(lines[3]!)).toContain('\x1b[31mNOT CERTIFIED');
    expect(paintLine(lines[4]!)).toMatch(/^\x1b\[32m188 passed\x1b\[39m, \x1b\[31m15 failed/);
    expect(paintLine('3 passed, 0 failed')).toBe('\x1b[32m3 passed\x1b[39m, 0 failed');
    expect(paintLine(lines[8]!)).toBe(lines[8]);
    // A rule table row is no violation line: only its FAIL is red.
    expect(paintLine('registration.costs             pass')).toBe('registration.costs             pass');
    expect(paintLine('registration.not-an-optimizer  pass')).toBe('registration.not-an-optimizer  pass');
    expect(paintLine('registration.not-an-optimizer  FAIL           (optimizer)')).toBe('registration.not-an-optimizer  \x1b[31mFAIL\x1b[39m           (optimizer)');
    expect(paintLine('advance-n                      FAIL           t.x')).toBe('advance-n                      \x1b[31mFAIL\x1b[39m           t.x');
    expect(paintLine('0 passed, 0 failed, 0 skipped')).toBe('0 passed, 0 failed, 0 skipped');
    expect(paintLine(lines[7]!)).toMatch(/^\x1b\[31mFAIL\x1b\[39m no\.c/);
  });

  test('without colour nothing changes', () => {
    for (const l of lines) expect(painter(false)(l)).toBe(l);
  });
});
