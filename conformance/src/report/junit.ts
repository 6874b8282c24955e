/**
 * JUnit XML of a certificate (the dialect CI servers read: testsuites > testsuite > testcase with
 * failure / error / skipped). One testcase per selected fixture, plus two for the optimizer as a
 * whole: its registration and its cost calibration. A known failure is reported as skipped (it
 * does not fail CI); an unexpected pass as a failure.
 */
import { isKnownFailure, isUnexpectedPass, type FixtureResult } from '../certify/session';
import type { Certificate } from './certificate';
import { calibrationLines, resultLines, violationLine } from './certify-console';

/** Text safe in XML 1.0 attributes and content: escaped, and without the characters XML forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

function classname(id: string): string {
  const dot = id.lastIndexOf('.');
  return dot > 0 ? id.slice(0, dot) : id;
}

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly file?: string;
  readonly body: string[];
  readonly kind: 'pass' | 'failure' | 'error' | 'skipped';
}

function fixtureCase(r: FixtureResult): Case {
  const base = { classname: classname(r.id), name: r.id, file: r.file };
  const details = resultLines(r).join('\n');
  if (isKnownFailure(r)) {
    return { ...base, kind: 'skipped', body: [`<skipped${attrs({ message: `known failure (expectations file): ${r.expected!.reason}` })}/>`, `<system-out>${xmlEscape(details)}</system-out>`] };
  }
  if (isUnexpectedPass(r)) {
    return { ...base, kind: 'failure', body: [`<failure${attrs({ type: 'unexpected-pass', message: `passed, but the expectations file says ${r.expected!.status}: ${r.expected!.reason}` })}/>`] };
  }
  switch (r.status) {
    case 'pass':
      return { ...base, kind: 'pass', body: [] };
    case 'skip':
      return { ...base, kind: 'skipped', body: [`<skipped${attrs({ message: r.reason ?? '' })}/>`] };
    case 'error':
      return { ...base, kind: 'error', body: [`<error${attrs({ type: r.rule ?? 'error', message: r.message ?? '' })}>${xmlEscape(details)}</error>`] };
    case 'fail': {
      const first = r.violations?.[0];
      const message = first ? violationLine(r.id, first).split('  ').slice(2).join('  ') : 'failed';
      return { ...base, kind: 'failure', body: [`<failure${attrs({ type: first?.rule ?? 'fail', message })}>${xmlEscape(details)}</failure>`] };
    }
  }
}

function optimizerCases(c: Certificate): Case[] {
  const reg: Case = c.registration
    ? { classname: 'optimizer', name: 'registration', kind: 'failure', body: [`<failure${attrs({ type: c.registration.rule, message: c.registration.message })}/>`] }
    : { classname: 'optimizer', name: 'registration', kind: 'pass', body: [] };
  const cal = c.summary.rules.find((r) => r.id === 'costs.calibration')!;
  const text = calibrationLines(c.calibration, c.options.strictCosts).join('\n');
  const costs: Case =
    cal.verdict === 'fail'
      ? { classname: 'optimizer', name: 'costs.calibration', kind: 'failure', body: [`<failure${attrs({ type: 'costs.calibration', message: text.split('\n')[0]! })}>${xmlEscape(text)}</failure>`] }
      : cal.verdict === 'not-measured'
        ? { classname: 'optimizer', name: 'costs.calibration', kind: 'skipped', body: [`<skipped${attrs({ message: text })}/>`] }
        : { classname: 'optimizer', name: 'costs.calibration', kind: 'pass', body: [`<system-out>${xmlEscape(text)}</system-out>`] };
  return [reg, costs];
}

export function junitReport(c: Certificate): string {
  const cases = [...optimizerCases(c), ...c.results.map(fixtureCase)];
  const n = (k: Case['kind']) => cases.filter((x) => x.kind === k).length;
  const counts = { tests: cases.length, failures: n('failure'), errors: n('error'), skipped: n('skipped') };
  const props = {
    optimizer: c.optimizer.name,
    module: c.optimizer.module,
    version: c.optimizer.version ?? '',
    capabilities: String(c.optimizer.capabilities),
    optimizationCost: String(c.optimizer.optimizationCost),
    runCost: String(c.optimizer.runCost),
    suiteVersion: c.suite.version,
    specVersion: c.suite.specVersion,
    corpusHash: c.suite.corpusHash,
    certified: String(c.summary.certified),
  };
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: 'optcert certify', ...counts })}>`];
  out.push(`  <testsuite${attrs({ name: `optcert certify ${c.optimizer.name}`, ...counts })}>`);
  out.push('    <properties>');
  for (const [name, value] of Object.entries(props)) out.push(`      <property${attrs({ name, value })}/>`);
  out.push('    </properties>');
  for (const k of cases) {
    const head = `    <testcase${attrs({ classname: k.classname, name: k.name, ...(k.file ? { file: k.file } : {}) })}`;
    if (k.body.length === 0) out.push(`${head}/>`);
    else out.push(`${head}>`, ...k.body.map((b) => `      ${b}`), '    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n');
}
