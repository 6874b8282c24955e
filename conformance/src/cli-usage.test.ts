/** The command line's own behaviour: version, help for every command, usage lines (no raw parseArgs text). */
import { main } from './cli';
import { capture, cleanTempDirs, ROOT_FILES, tempDir } from '../test/helpers';


function cli(argv: string[]) {
  const c = capture(tempDir(ROOT_FILES));
  const code = main(argv, c.io);
  return { code, out: c.out, err: c.err };
}

afterAll(cleanTempDirs);

describe('optcert usage', () => {
  test('--version and -v print the package version', () => {
    expect(cli(['--version'])).toEqual({ code: 0, out: ['9.9.9'], err: [] });
    expect(cli(['-v'])).toEqual({ code: 0, out: ['9.9.9'], err: [] });
  });

  test('every command has --help, -h and optcert help <command>, all the same text', () => {
    // The commands as the overview lists them: a command added later is covered too.
    const overview = cli(['--help']).out.join('\n');
    const commands = [...overview.slice(overview.indexOf('Commands:'), overview.indexOf('\n\n', overview.indexOf('Commands:'))).matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['run', 'certify', 'lint', 'bless', 'coverage', 'mutants', 'import-python']));
    for (const name of commands) {
      const long = cli([name, '--help']);
      expect([name, long.code, long.out[0]]).toEqual([name, 0, expect.stringMatching(new RegExp(`^Usage: optcert ${name}`))]);
      expect(cli([name, '-h']).out).toEqual(long.out);
      expect(cli(['help', name])).toEqual({ code: 0, out: long.out, err: [] });
    }
  });

  test('an unknown command or option is one line naming the closest known one, exit 2', () => {
    expect(cli(['certfy'])).toEqual({ code: 2, out: [], err: [expect.stringMatching(/^optcert: USAGE: unknown command 'certfy' \(did you mean certify\? commands: run, /)] });
    expect(cli(['help', 'lnit'])).toMatchObject({ code: 2, err: [expect.stringContaining('did you mean lint?')] });
    expect(cli(['--verison'])).toMatchObject({ code: 2, err: ['optcert: USAGE: unknown option --verison (options before a command: --help, --version)'] });
    for (const name of ['run', 'certify', 'mutants']) {
      const r = cli([name, '--grpe', 'x']);
      expect([name, r.code, r.err]).toEqual([name, 2, [`optcert ${name}: USAGE: unknown option --grpe (did you mean --grep?) (see optcert ${name} --help)`]]);
    }
  });

  test('no usage line carries parseArgs text', () => {
    for (const args of [['run', '--grep'], ['run', '--help=1'], ['run', '--grep', '--reporter'], ['certify', 'm.js', '--timeout'], ['lint', '-q']]) {
      const r = cli(args);
      expect([args, r.code, r.err.length]).toEqual([args, 2, 1]);
      expect(r.err[0]).not.toMatch(/Option '|To specify a positional|ERR_PARSE_ARGS/);
    }
  });
});
