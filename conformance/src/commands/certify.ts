/** `optcert certify`: certify a candidate optimizer against the fixture corpus (options; the work is in certify/run-certify). */
import { availableParallelism } from 'node:os';
import { parseShard, type Shard } from '../certify/select';
import { chooseCorpus } from '../fixtures/corpus';
import type { Plan, Reporter } from '../certify/run-certify';
import { FAIL_FAST_STREAK } from '../certify/early-stop';
import { checkOutput, EXIT, grepOption, oneOf, parse, usage, type Command } from './context';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_MEMORY_MB = 512;

const HELP = `Usage: optcert certify <module> [paths...] [options]

Certify an optimizer: run every fixture of the corpus with it registered on the
reference VM, in lockstep with the reference interpreter after every execute, and judge it rule by
rule (spec/certification.md). <module> is a JavaScript or TypeScript file (CommonJS or ESM; .ts
needs ts-node) exporting createOptimizer() (preferred: a fresh optimizer per fixture), a default
export (factory, class or optimizer object) or optimizer; or sample:<name> for a bundled sample
(null, counter, superblock, jit). Fixtures run in a pool of worker threads, one fixture at a time per
worker, each under a wall-clock and a memory limit.

The corpus: with no paths, optcert's official corpus (bundled with the package, wherever optcert
runs); paths (files or directories) are a custom corpus instead of it; --add puts your fixtures on
top of the official corpus. The report names the corpus, and a verdict on a custom corpus or on a
selection (--grep, --tag, --shard) says so in its line.

Options:
  --add <path>          add these fixtures to the official corpus (repeatable)
  --generated           add the official generated tier (fixtures-generated/) to the official corpus
  --reporter <name>     console (default), json (the certificate), junit or tap
  --output <file>       write the report to this file (the console report still prints)
  --grep <regexp>       only fixtures whose id matches
  --tag <tag>           only fixtures with this tag (repeat for any of several)
  --shard <i>/<n>       only shard i of n: selected ids sorted, those with index % n == i - 1
  --expectations <file> YAML: fixture id -> {status: fail | error | skip, reason}; known failures
                        do not fail the run, unexpected passes do; skip entries are not run
  --no-stress           keep each fixture's hotspot settings (default: compile at the first
                        execution of every hotspot of a declared kind)
  --strict-costs        fail costs.calibration when a declared cost is off by more than a factor
                        of 10 from the measured one (default: a warning)
  --timeout <ms>        wall-clock limit on the optimizer's own code (compile, execute, its
                        factory) per fixture (default ${DEFAULT_TIMEOUT_MS}); the whole fixture may take 6 x that
  --max-memory <mb>     heap limit per worker (default ${DEFAULT_MAX_MEMORY_MB})
  --jobs <n>            worker threads (default: available parallelism, ${availableParallelism()} here)
  --bail [n]            stop after n failing fixtures (default 1); the rest are reported as not run
  --no-fail-fast        run every fixture even when the optimizer keeps breaking down the same way
                        (default: stop once ${FAIL_FAST_STREAK} fixtures in a row hang, crash or throw alike)
  --list                print what would run and why each other fixture would be skipped; run nothing
  -h, --help            show this help

Exit: 0 certified (or every failure a known one), 1 rule violations (or errors, or unexpected
passes, or a run stopped by --bail or fail fast), 2 bad input or usage, 3 the module could not be
loaded or exports no optimizer, 130 interrupted (Ctrl-C: the workers are stopped and the partial
report printed).`;

const OPTIONS = {
  add: { type: 'string', multiple: true },
  generated: { type: 'boolean' },
  reporter: { type: 'string' },
  output: { type: 'string' },
  grep: { type: 'string' },
  tag: { type: 'string', multiple: true },
  shard: { type: 'string' },
  expectations: { type: 'string' },
  'no-stress': { type: 'boolean' },
  'strict-costs': { type: 'boolean' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  jobs: { type: 'string' },
  bail: { type: 'string' },
  'no-fail-fast': { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveInt(flag: string, value: string | undefined, dflt: number, min = 1): { ok: true; value: number } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, value: dflt };
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) return { ok: false, message: `${flag}: expected an integer >= ${min}, got '${value}'` };
  return { ok: true, value: n };
}

export const certifyCommand: Command = {
  name: 'certify',
  summary: 'certify an optimizer module against the corpus, rule by rule',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS, { optionalValues: { bail: '1' } });
    if (!parsed.ok) return usage(ctx, 'certify', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    const [module, ...paths] = positionals;
    if (module === undefined) return usage(ctx, 'certify', 'missing <module> (a .js/.ts file exporting an optimizer, or sample:<name>)');
    const reporter = oneOf('--reporter', values.reporter, ['console', 'json', 'junit', 'tap'] as const, 'console');
    if (!reporter.ok) return usage(ctx, 'certify', reporter.message);
    const grep = grepOption(values.grep);
    if (!grep.ok) return usage(ctx, 'certify', grep.message);
    let shard: Shard | undefined;
    if (values.shard !== undefined) {
      const s = parseShard(values.shard);
      if (!s.ok) return usage(ctx, 'certify', s.message);
      shard = s.shard;
    }
    const timeout = positiveInt('--timeout', values.timeout, DEFAULT_TIMEOUT_MS);
    if (!timeout.ok) return usage(ctx, 'certify', timeout.message);
    const memory = positiveInt('--max-memory', values['max-memory'], DEFAULT_MAX_MEMORY_MB, 16);
    if (!memory.ok) return usage(ctx, 'certify', memory.message);
    const jobs = positiveInt('--jobs', values.jobs, availableParallelism());
    if (!jobs.ok) return usage(ctx, 'certify', jobs.message);
    const bail = values.bail === undefined ? null : positiveInt('--bail', values.bail, 1);
    if (bail && !bail.ok) return usage(ctx, 'certify', bail.message);
    const output = checkOutput(ctx, values.output);
    if (!output.ok) return usage(ctx, 'certify', output.message);
    const tags = (values.tag as unknown as string[] | undefined) ?? [];
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths, add: (values.add as unknown as string[] | undefined) ?? [], generated: values.generated === true });
    if (!corpus.ok) return usage(ctx, 'certify', corpus.message);
    const reporterName: Reporter = reporter.value;
    // Loaded on use: the other commands never load the certifier (nor the reference VM through it).
    const { runCertify } = require('../certify/run-certify') as typeof import('../certify/run-certify');
    return runCertify(ctx, {
      module,
      corpus: corpus.corpus,
      reporter: reporterName,
      output: values.output,
      grep: grep.value,
      tags,
      shard,
      shardText: shard ? `${shard.index}/${shard.count}` : null,
      expectationsFile: values.expectations,
      stress: values['no-stress'] !== true,
      strictCosts: values['strict-costs'] === true,
      timeoutMs: timeout.value,
      maxMemoryMb: memory.value,
      jobs: jobs.value,
      bail: bail ? bail.value : null,
      failFast: values['no-fail-fast'] !== true,
      list: values.list === true,
    });
  },
};
