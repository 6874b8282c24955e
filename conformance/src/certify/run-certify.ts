/**
 * The work of `optcert certify` once its options are parsed: resolve the module, load and select
 * the corpus, run the session in the worker pool, build the certificate, report, exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, usage, type Context } from '../commands/context';
import { defaultTagsFile, packageVersion } from '../config';
import { corpusName, unusedLocalFixtures, type CorpusChoice } from '../fixtures/corpus';
import { loadCorpusAsLoaded } from '../fixtures/load-as-loaded';
import { readTags } from '../fixtures/tags';
import { buildCertificate, corpusHash, specVersion, type Certificate } from '../report/certificate';
import { consoleReport, headerLines, violationLine } from '../report/certify-console';
import { LiveConsole } from '../report/certify-console-live';
import type { Fixture } from '../fixtures/types';
import { skipReason } from './applicability';
import { calibrate } from './calibrate';
import { SessionControl, StopPolicy } from './early-stop';
import { whatSelectedNothing } from './explain-selection';
import { renderCertificate, type Reporter } from '../report/render';
import { DEFAULT_CERTIFY_OPTIONS, type CertifyOptions } from './certify-fixture';
import { parseExpectations, type Expectation } from './expectations';
import { resolveCandidate, type CandidateInfo } from './module';
import { selectFixtures, type Shard } from './select';
import { FixtureFeed, isBad, runSession, startPool, type FixtureResult } from './session';

export type { Reporter } from '../report/render';

export interface Plan {
  /** A module path or sample:<name>. */
  readonly module: string;
  /** The official corpus, the user's instead, or both (fixtures/corpus.ts). */
  readonly corpus: CorpusChoice;
  readonly reporter: Reporter;
  readonly output: string | undefined;
  readonly grep: RegExp | undefined;
  readonly tags: readonly string[];
  readonly shard: Shard | undefined;
  readonly shardText: string | null;
  readonly expectationsFile: string | undefined;
  readonly stress: boolean;
  readonly strictCosts: boolean;
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
  readonly jobs: number;
  /** Stop after this many failing fixtures (--bail); null: never. */
  readonly bail: number | null;
  /** Stop when fixtures in a row break down the same way (default; --no-fail-fast turns it off). */
  readonly failFast: boolean;
  /** --list: say what would run and why the rest would be skipped, and run nothing. */
  readonly list: boolean;
}

function readExpectations(ctx: Context, file: string | undefined): ReadonlyMap<string, Expectation> | null {
  if (file === undefined) return new Map();
  const abs = resolve(ctx.io.cwd, file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    ctx.io.err(`${ctx.show(abs)}:1:1: EXPECTATIONS_INVALID: cannot read the expectations file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return null;
  }
  const r = parseExpectations(abs, text);
  if (!r.ok) {
    ctx.report(r.diagnostic);
    return null;
  }
  return r.expectations;
}

export async function runCertify(ctx: Context, plan: Plan): Promise<number> {
  const { io } = ctx;
  // Everything the user can get wrong is checked before any worker starts.
  const resolved = resolveCandidate(plan.module, io.cwd, ctx.root);
  if (!resolved.ok) {
    io.err(`optcert certify: CANDIDATE_NOT_LOADED: ${resolved.message}`);
    return EXIT.internal;
  }
  const expectations = readExpectations(ctx, plan.expectationsFile);
  if (!expectations) return EXIT.badInput;
  if (plan.tags.length > 0) {
    const registry = readTags(defaultTagsFile(ctx.root, io.cwd));
    if (registry.ok) {
      const unknown = plan.tags.filter((t) => !registry.tags.has(t));
      if (unknown.length > 0) return usage(ctx, 'certify', `--tag: unknown tag ${unknown.join(', ')} (see fixtures/tags.yaml)`);
    }
  }
  const certify: Omit<CertifyOptions, 'onPhase'> = { ...DEFAULT_CERTIFY_OPTIONS, stress: plan.stress };
  // The workers start and load the candidate while this thread loads the corpus.
  const started = startPool({
    candidate: resolved.candidate,
    certify,
    calibrate: true,
    jobs: plan.jobs,
    timeoutMs: plan.timeoutMs,
    maxMemoryMb: plan.maxMemoryMb,
    onOutput: (line) => io.err(`[optimizer] ${line}`),
  });
  const control = new SessionControl();
  // The session starts once a worker is ready, and the worker on each fixture the selection keeps
  // as soon as it is loaded: the corpus loads meanwhile. Not with --shard (a shard is known from
  // the whole selection only) nor --list (nothing runs). Results that come before the header is
  // printed wait for it.
  const feed = new FixtureFeed();
  const early: FixtureResult[] = [];
  let live: LiveConsole | null = null;
  const running = plan.list
    ? null
    : runSession({
        started,
        fixtures: feed,
        expectations,
        show: ctx.show,
        onProgress: (_done, _total, last) => (live ? live.result(last) : early.push(last)),
        control,
        policy: new StopPolicy({ bail: plan.bail, failFast: plan.failFast }),
      });
  // Awaited below; until then a failure inside it is not an unhandled rejection.
  running?.catch(() => undefined);
  const abandon = async (code: number): Promise<number> => {
    feed.close([]);
    if (running) await running;
    const s = await started;
    if (s.ok) await s.pool.close();
    return code;
  };
  const unused = unusedLocalFixtures(io.cwd, plan.corpus);
  if (unused) io.err(unused);
  const selection = { grep: plan.grep, tags: plan.tags, shard: plan.shard };
  const streams = running !== null && !plan.shard;
  const corpus = await loadCorpusAsLoaded(io.cwd, plan.corpus.paths, (f) => {
    if (streams && selectFixtures([f], selection).length === 1) feed.offer(f);
  });
  corpus.problems.forEach(ctx.report);
  const selected = selectFixtures(corpus.fixtures, selection);
  if (selected.length === 0) {
    if (corpus.problems.some((d) => d.code === 'PATH_NOT_FOUND') || corpus.fixtures.length === 0 || !plan.shard) {
      io.err(`optcert certify: NO_FIXTURES: no fixture selected from ${corpusName(plan.corpus)}: ${whatSelectedNothing(corpus.fixtures, selection)}`);
      return abandon(EXIT.badInput);
    }
  }
  const ids = new Set(corpus.fixtures.map((f) => f.data.id));
  for (const id of expectations.keys()) if (!ids.has(id)) io.err(`warning: the expectations file names ${id}, which is not in the corpus`);

  const start = await started;
  if (!start.ok) {
    io.err(`optcert certify: CANDIDATE_NOT_LOADED: ${start.message}`);
    return abandon(EXIT.internal);
  }
  const { info } = start;
  // What the certificate says apart from the results: the header printed before the run is rendered from it too.
  const facts = {
    candidate: resolved.candidate,
    badInput: corpus.problems.map((d) => ({ file: ctx.show(d.file), line: d.line, column: d.column, code: d.code, message: d.message })),
    suiteVersion: packageVersion(ctx.root),
    specVersion: specVersion(ctx.root),
    corpusHash: corpusHash(corpus.fixtures),
    corpusFixtures: corpus.fixtures.length,
    corpus: { kind: plan.corpus.kind, version: plan.corpus.version, generated: plan.corpus.generated, paths: plan.corpus.userPaths },
    certify,
    timeoutMs: plan.timeoutMs,
    maxMemoryMb: plan.maxMemoryMb,
    strictCosts: plan.strictCosts,
    grep: plan.grep ? plan.grep.source : null,
    tags: plan.tags,
    shard: plan.shardText,
    expectations: plan.expectationsFile !== undefined ? ctx.show(resolve(io.cwd, plan.expectationsFile)) : null,
  };
  if (plan.list) {
    await start.pool.close();
    listFixtures(ctx, selected, expectations, info, plan);
    return EXIT.ok;
  }
  // Ctrl-C is ours before the header says the run has begun (a signal between the two would end
  // the process with no report).
  const removeInterrupt = io.onInterrupt?.(() => control.stop({ cause: 'interrupted', reason: 'interrupted (Ctrl-C)' }));
  const liveConsole = new LiveConsole(io, { print: plan.reporter === 'console' || plan.output !== undefined, total: selected.length });
  const preview = buildCertificate({ ...facts, info, registration: info.registration, results: [], calibration: calibrate([], info) });
  liveConsole.lines(headerLines(preview, selected.length, runOptionsLine(plan)));
  if (info.registration) liveConsole.lines([violationLine('(optimizer)', info.registration)]);
  liveConsole.start();
  early.splice(0).forEach((r) => liveConsole.result(r));
  live = liveConsole;
  let session: Awaited<ReturnType<typeof runSession>>;
  try {
    feed.close(selected);
    session = await running!;
  } finally {
    liveConsole.finish();
    removeInterrupt?.();
  }
  if (!session.ok) {
    io.err(`optcert certify: CANDIDATE_NOT_LOADED: ${session.message}`);
    return EXIT.internal;
  }
  for (const w of session.info.warnings) io.err(`warning: ${w}`);

  const certificate = buildCertificate({
    ...facts,
    info: session.info,
    registration: session.registration,
    results: session.results,
    calibration: session.calibration,
    stopped: session.stopped ? { why: session.stopped, notRun: session.notRun } : null,
  });
  emit(ctx, plan, certificate, liveConsole);
  if (session.stopped?.cause === 'interrupted') return EXIT.interrupted;
  const code = exitCode(certificate, plan);
  if (code === EXIT.badInput && certificate.badInput.length === 0) {
    io.err(`optcert certify: NO_FIXTURES: none of the ${selected.length} selected fixtures applies to ${session.info.name}: nothing was certified`);
  }
  return code;
}

/** The report; the console report's header and failure lines were printed live already. */
function emit(ctx: Context, plan: Plan, c: Certificate, live: LiveConsole): void {
  if (plan.output !== undefined) writeFileSync(resolve(ctx.io.cwd, plan.output), renderCertificate(c, plan.reporter) + '\n');
  if (plan.output !== undefined || plan.reporter === 'console') live.lines(consoleReport(c, { live: true }));
  else renderCertificate(c, plan.reporter).split('\n').forEach((l) => ctx.io.out(l));
}

/** The header's line for the run's own options. */
function runOptionsLine(plan: Plan): string {
  const parts = [`${plan.jobs} worker${plan.jobs === 1 ? '' : 's'}`, `timeout ${plan.timeoutMs} ms`, plan.failFast ? 'fail fast' : 'no fail fast'];
  if (plan.bail !== null) parts.push(`bail after ${plan.bail} failing`);
  return parts.join(', ');
}

/** --list: each selected fixture, whether it would run or why it would be skipped (the worker's own test, applied here). */
function listFixtures(ctx: Context, selected: readonly Fixture[], expectations: ReadonlyMap<string, Expectation>, info: CandidateInfo, plan: Plan): void {
  const capabilities = typeof info.capabilities === 'number' ? info.capabilities : 0;
  let running = 0;
  const lines = selected.map((f) => {
    const expected = expectations.get(f.data.id);
    const why = info.registration
      ? `the VM refuses the optimizer (${info.registration.rule})`
      : expected?.status === 'skip'
        ? `expectations file: ${expected.reason}`
        : skipReason(f, capabilities);
    if (why === null) running++;
    return why === null ? `run   ${f.data.id}` : `skip  ${f.data.id}  ${why}`;
  });
  ctx.io.out(`optcert certify --list: ${info.name} from ${plan.module}: ${running} of ${selected.length} selected fixtures would run, ${selected.length - running} would be skipped`);
  lines.forEach((l) => ctx.io.out(l));
}

/** 2 bad corpus or nothing applicable; 1 a violation, error or unexpected pass (known failures excepted), or a stopped run; else 0. */
function exitCode(c: Certificate, plan: Plan): number {
  if (c.badInput.length > 0) return EXIT.badInput;
  if (c.registration || c.results.some(isBad) || c.summary.rules.some((r) => r.verdict === 'fail')) return EXIT.failures;
  // Stopped by --bail or fail fast (even on known failures only): part of the selection was never judged.
  if (c.stopped) return EXIT.failures;
  if (c.results.every((r) => r.status === 'skip')) {
    // A shard may hold only skipped fixtures; a whole selection that certifies nothing is a usage problem.
    return plan.shard ? EXIT.ok : EXIT.badInput;
  }
  return EXIT.ok;
}

