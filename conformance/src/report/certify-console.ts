/**
 * The human report of `optcert certify`: a header, one line per failure with its rule, fixture,
 * where (code@offset) and first divergence, the verdict per rule, the costs, and the closing line
 * `N passed, N failed, N skipped` (`, N errors` when there are any).
 */
import { isKnownFailure, isUnexpectedPass, type FixtureResult } from '../certify/session';
import type { Violation } from '../certify/violation';
import type { Calibration, CostFinding } from '../certify/calibrate';
import { corpusName } from '../fixtures/corpus';
import type { Certificate } from './certificate';

const oneLine = (s: string): string => s.replace(/\r?\n/g, '\\n');

/** `advance-n  programs.fib-loop  main@24: frames[1].stack[2]: expected int 3, got int 4 (closest N = 5)` */
export function violationLine(id: string, v: Violation): string {
  const where = v.code !== undefined ? `${v.code}${v.offset !== undefined ? `@${v.offset}` : ''}: ` : '';
  const detail = v.difference ?? v.message;
  const closest = v.closestN !== undefined ? ` (closest N = ${v.closestN})` : '';
  return oneLine(`${v.rule}  ${id}  ${where}${detail}${closest}`);
}

/** The lines of one result that is not a plain pass or skip. */
export function resultLines(r: FixtureResult): string[] {
  const known = isKnownFailure(r) ? `  [known failure: ${r.expected!.reason}]` : '';
  if (r.status === 'fail') return (r.violations ?? []).map((v) => violationLine(r.id, v) + oneLine(known));
  if (r.status === 'error') return [oneLine(`${r.rule ?? 'error'}  ${r.id}  error: ${r.message ?? ''}${known}`)];
  if (isUnexpectedPass(r)) return [oneLine(`unexpected-pass  ${r.id}  passed, but the expectations file says ${r.expected!.status}: ${r.expected!.reason}`)];
  return [];
}

/** `notRun`: fixtures a stopped run did not run (counted apart from the skips). */
export function summaryLine(passed: number, failed: number, skipped: number, errors: number, notRun = 0): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped${errors > 0 ? `, ${errors} errors` : ''}${notRun > 0 ? `, ${notRun} not run` : ''}`;
}

function findingText(f: CostFinding): string {
  return `${f.cost} declared ${f.declared}, measured ${f.measured} (x${f.ratio})`;
}

export function calibrationLines(c: Calibration, strict: boolean): string[] {
  const lines: string[] = [];
  for (const f of c.findings.filter((x) => x.mismatch)) {
    const text = `${f.cost} declared ${f.declared} but measured ${f.measured}: off by more than a factor of ${c.factor}`;
    lines.push(strict ? `costs.calibration  (optimizer)  ${text}` : `warning: costs.calibration (advisory): ${text}`);
  }
  const parts = c.findings.map(findingText);
  for (const [cost, why] of Object.entries(c.unmeasured)) parts.push(`${cost} not measured: ${why}`);
  lines.push(`costs: ${parts.join('; ')}${c.findings.length > 0 ? ` (tolerance: a factor of ${c.factor})` : ''}`);
  return lines;
}

const fixtures = (n: number): string => `${n} fixture${n === 1 ? '' : 's'}`;

/**
 * What a verdict was reached against, for the verdict's own line: the whole official corpus, or
 * a selection that says it is not. @spec #certify-corpus
 */
export function verdictScope(c: Certificate): string {
  const corpus = c.suite.corpus;
  const selected = c.results.length;
  const part = c.summary.partial ? `${selected} of ${c.suite.corpusFixtures}` : `${c.suite.corpusFixtures}`;
  if (corpus.kind === 'custom') return `a custom selection of ${c.summary.partial ? `${part} fixtures` : fixtures(selected)} (not the official corpus)`;
  const name = corpusName({ ...corpus, userPaths: corpus.paths });
  if (c.summary.partial) return `a partial selection of ${part} fixtures of ${name} (not the whole corpus)`;
  return `${name} (${fixtures(c.suite.corpusFixtures)}, ${c.summary.passed} passed)`;
}

/**
 * The header: the candidate, the suite and corpus, the selection (`selected` fixtures) and, when
 * given, the run's own options (workers, time limit, bail, fail fast), then a blank line.
 */
export function headerLines(c: Certificate, selected: number, runOptions?: string): string[] {
  const o = c.optimizer;
  const lines: string[] = [];
  const caps = o.capabilityNames.length > 0 ? ` (${o.capabilityNames.join(', ')})` : '';
  lines.push(`optcert certify: ${o.name}${o.version ? ` ${o.version}` : ''} from ${o.module} (${o.export}${o.instances === 'shared' ? ', one shared instance' : ''})`);
  lines.push(`  capabilities ${o.capabilities}${caps}, optimizationCost ${o.optimizationCost}, runCost ${o.runCost}`);
  const sel = [c.options.grep ? `--grep ${c.options.grep}` : '', c.options.tags.length ? `--tag ${c.options.tags.join(',')}` : '', c.options.shard ? `--shard ${c.options.shard}` : '']
    .filter(Boolean)
    .join(' ');
  const corpus = c.suite.corpus;
  lines.push(
    `  suite ${c.suite.version}, spec ${c.suite.specVersion}; corpus: ${corpusName({ ...corpus, userPaths: corpus.paths })}, ${c.suite.corpusHash.slice(0, 19)}… (${fixtures(c.suite.corpusFixtures)}); ${selected} selected${sel ? ` (${sel})` : ''}; stress mode ${c.options.stress ? 'on' : 'off'}`,
  );
  if (runOptions) lines.push(`  ${runOptions}`);
  lines.push('');
  return lines;
}

/**
 * The whole report. `live`: the header, the registration's violation and the failure lines were
 * printed while the run went on (certify-console-live), so the report starts after them.
 */
export function consoleReport(c: Certificate, options: { readonly live?: boolean } = {}): string[] {
  const o = c.optimizer;
  const lines: string[] = [];
  if (!options.live) {
    lines.push(...headerLines(c, c.results.length));
    if (c.registration) lines.push(violationLine('(optimizer)', c.registration));
    const failures = c.results.flatMap(resultLines);
    lines.push(...failures);
    if (c.registration || failures.length > 0) lines.push('');
  } else if (c.registration || c.results.some((r) => resultLines(r).length > 0)) lines.push('');

  const skips = new Map<string, number>();
  for (const r of c.results) if (r.status === 'skip') skips.set(r.reason ?? '', (skips.get(r.reason ?? '') ?? 0) + 1);
  if (skips.size > 0) {
    lines.push('skipped:');
    for (const [reason, n] of [...skips].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) lines.push(`  ${String(n).padStart(4)}  ${reason}`);
    lines.push('');
  }

  const width = Math.max(...c.summary.rules.map((r) => r.id.length)) + 2;
  lines.push(`${'rule'.padEnd(width)}${'verdict'.padEnd(15)}fixtures`);
  for (const r of c.summary.rules) {
    const shown = r.fixtures.slice(0, 3).join(', ') + (r.fixtures.length > 3 ? `, … (${r.fixtures.length})` : '');
    const verdict = r.verdict === 'fail' ? 'FAIL' : r.verdict;
    lines.push(`${r.id.padEnd(width)}${verdict.padEnd(15)}${shown}`.trimEnd());
  }
  lines.push('');
  lines.push(...calibrationLines(c.calibration, c.options.strictCosts));
  const s = c.summary;
  if (s.knownFailures > 0) lines.push(`${s.knownFailures} known failures (expectations file) do not fail the run`);
  if (s.unexpectedPasses > 0) lines.push(`${s.unexpectedPasses} unexpected passes: update the expectations file`);
  if (c.badInput.length > 0) lines.push(`${c.badInput.length} bad fixture files (see above): the corpus must be fixed first`);
  if (c.stopped) lines.push(`stopped early: ${c.stopped.reason}; ${c.stopped.notRun.length} of ${c.results.length} selected fixtures not run`);
  const failing = s.rules.filter((r) => r.verdict === 'fail').map((r) => r.id);
  if (s.certified) lines.push(`${o.name}: CERTIFIED against ${verdictScope(c)}`);
  else if (s.passed === 0 && failing.length === 0 && s.failed + s.errors === 0 && !c.registration && !c.stopped) lines.push(`${o.name}: nothing certified: no selected fixture applies`);
  else {
    const why = failing.length > 0 ? failing : s.knownFailures > 0 ? ['known failures'] : c.stopped ? ['the run stopped early'] : [];
    lines.push(`${o.name}: NOT CERTIFIED${why.length > 0 ? `: ${why.join(', ')}` : ''}`);
  }
  const notRun = c.stopped?.notRun.length ?? 0;
  lines.push(summaryLine(s.passed, s.failed, s.skipped - notRun, s.errors, notRun));
  return lines;
}
