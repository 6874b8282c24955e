/** `optcert merge`: shard certificates (certify --shard i/n --reporter json) into one certificate. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isBad } from '../certify/session';
import { certificateValidator } from '../fixtures/schema';
import type { Certificate } from '../report/certificate';
import { consoleReport } from '../report/certify-console';
import { mergeCertificates, type ShardFile } from '../report/merge';
import { renderCertificate, type Reporter } from '../report/render';
import { EXIT, oneOf, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert merge <certificate.json>... [options]

Merge the JSON certificates of the shards of one certification (optcert certify --shard i/n
--reporter json) into one certificate over the union of their results, judged as one run: the
verdict per rule, the counts and CERTIFIED are recomputed; the costs are the median of the shards'
measurements. The certificates must have the same optimizer, suite, corpus and options (apart from
--shard): otherwise the merge is refused, naming the first difference. A fixture in two
certificates must have the same result in both. One certificate alone is re-rendered (for
example as JUnit).

Options:
  --reporter <name>     json (default: the certificate), console, junit or tap
  --output <file>       write the report to this file and print the console report
  -h, --help            show this help

Exit: 0 certified (or every failure a known one), 1 rule violations, 2 bad input, usage, or
certificates that are not shards of one certification.`;

const OPTIONS = {
  reporter: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;


export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge shard certificates into one certificate',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'merge', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    if (positionals.length === 0) return usage(ctx, 'merge', 'missing <certificate.json> (the shard certificates to merge)');
    const reporter = oneOf('--reporter', values.reporter, ['json', 'console', 'junit', 'tap'] as const, 'json');
    if (!reporter.ok) return usage(ctx, 'merge', reporter.message);
    const files: ShardFile[] = [];
    for (const p of positionals) {
      const f = readCertificate(ctx, p);
      if (!f) return EXIT.badInput;
      files.push(f);
    }
    const merged = mergeCertificates(files);
    if (!merged.ok) {
      ctx.io.err(`optcert merge: ${merged.code}: ${merged.message}`);
      return EXIT.badInput;
    }
    emit(ctx, merged.certificate, reporter.value, values.output);
    return exitCode(merged.certificate);
  },
};

function readCertificate(ctx: Context, path: string): ShardFile | null {
  const abs = resolve(ctx.io.cwd, path);
  const name = ctx.show(abs);
  const fail = (why: string): null => {
    ctx.io.err(`${name}:1:1: CERTIFICATE_INVALID: ${why}`);
    return null;
  };
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return fail(`cannot read it: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message}`);
  }
  const validate = certificateValidator();
  if (!validate(data)) {
    const e = validate.errors?.[0];
    return fail(`not an optcert certificate of this version: ${e ? `${e.instancePath || '/'} ${e.message ?? ''}`.trim() : 'schema mismatch'}`);
  }
  return { name, certificate: data as Certificate };
}

function emit(ctx: Context, c: Certificate, reporter: Reporter, output: string | undefined): void {
  if (output === undefined) {
    renderCertificate(c, reporter).split('\n').forEach((l) => ctx.io.out(l));
    return;
  }
  writeFileSync(resolve(ctx.io.cwd, output), renderCertificate(c, reporter) + '\n');
  consoleReport(c).forEach((l) => ctx.io.out(l));
}

/** As certify's: bad input 2; a violation, error, unexpected pass or early stop 1; else 0. */
function exitCode(c: Certificate): number {
  if (c.badInput.length > 0) return EXIT.badInput;
  if (c.registration || c.stopped || c.results.some(isBad) || c.summary.rules.some((r) => r.verdict === 'fail')) return EXIT.failures;
  return EXIT.ok;
}
