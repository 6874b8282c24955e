import { closest, editDistance, parseOptions } from './parse-options';

const OPTIONS = {
  grep: { type: 'string' },
  tag: { type: 'string', multiple: true },
  output: { type: 'string' },
  bail: { type: 'string' },
  'no-fail-fast': { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const parse = (args: string[]) => parseOptions(args, OPTIONS, { optionalValues: { bail: '1' } });

describe('parseOptions', () => {
  test('an unknown long option names the closest known one', () => {
    expect(parse(['--grpe', 'x'])).toEqual({ ok: false, message: 'unknown option --grpe (did you mean --grep?)' });
    expect(parse(['--ouptut', 'x'])).toEqual({ ok: false, message: 'unknown option --ouptut (did you mean --output?)' });
    expect(parse(['--no-failfast'])).toEqual({ ok: false, message: 'unknown option --no-failfast (did you mean --no-fail-fast?)' });
    expect(parse(['--out', 'x'])).toEqual({ ok: false, message: 'unknown option --out (did you mean --output?)' });
    expect(parse(['--frobnicate'])).toEqual({ ok: false, message: 'unknown option --frobnicate' });
  });

  test('an unknown short option, and one known in another case', () => {
    expect(parse(['-x'])).toEqual({ ok: false, message: 'unknown option -x' });
    expect(parse(['-H'])).toEqual({ ok: false, message: 'unknown option -H (did you mean -h?)' });
  });

  test('a value after a string option is not mistaken for an option; after -- nothing is an option', () => {
    expect(parse(['--grep', 'a', 'p1', '--', '--zzz'])).toMatchObject({ ok: true, values: { grep: 'a' }, positionals: ['p1', '--zzz'] });
    expect(parse(['--grep=--zzz'])).toMatchObject({ ok: true, values: { grep: '--zzz' } });
  });

  test("parseArgs' own problems become our lines", () => {
    expect(parse(['--grep'])).toEqual({ ok: false, message: '--grep needs a value' });
    expect(parse(['--grep', '--list'])).toEqual({ ok: false, message: "--grep needs a value (a value starting with '-' is written --grep=-…)" });
    expect(parse(['--help=yes'])).toEqual({ ok: false, message: '--help takes no value' });
  });

  test('an option with an optional value: alone it takes its default, with a number that number', () => {
    expect(parse(['--bail'])).toMatchObject({ ok: true, values: { bail: '1' } });
    expect(parse(['--bail', 'fixtures'])).toMatchObject({ ok: true, values: { bail: '1' }, positionals: ['fixtures'] });
    expect(parse(['--bail', '3', 'fixtures'])).toMatchObject({ ok: true, values: { bail: '3' }, positionals: ['fixtures'] });
    expect(parse(['--bail=5'])).toMatchObject({ ok: true, values: { bail: '5' } });
  });
});

describe('closest', () => {
  test('transpositions cost one edit', () => {
    expect(editDistance('grpe', 'grep')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('far names are not suggested; a unique prefix is', () => {
    expect(closest('certfy', ['run', 'certify', 'lint'])).toBe('certify');
    expect(closest('zzz', ['run', 'certify', 'lint'])).toBeNull();
    expect(closest('cov', ['coverage', 'certify'])).toBe('coverage');
  });
});
