/**
 * TAP version 13 of a certificate: one test point per selected fixture, plus the optimizer's
 * registration and cost calibration; failures carry a YAML diagnostic block. A skip is
 * `# SKIP reason`; a known failure `not ok … # TODO reason` (TAP's expected failure); an
 * unexpected pass is `not ok` (it must fail the run).
 */
import { stringify } from 'yaml';
import { isKnownFailure, isUnexpectedPass, type FixtureResult } from '../certify/session';
import type { Certificate } from './certificate';
import { calibrationLines, summaryLine } from './certify-console';

const oneLine = (s: string): string => s.replace(/\s*\r?\n\s*/g, ' ');
/** A description or directive text: no newlines, and `#` escaped (TAP reads it as a directive). */
const tapText = (s: string): string => oneLine(s).replace(/\\/g, '\\\\').replace(/#/g, '\\#');

function block(data: unknown): string[] {
  const text = stringify(data, { lineWidth: 0 }).trimEnd();
  return ['  ---', ...text.split('\n').map((l) => `  ${l}`), '  ...'];
}

function point(n: number, r: FixtureResult): string[] {
  const name = `${n} - ${tapText(r.id)}`;
  const where = { file: r.file };
  if (isUnexpectedPass(r)) {
    return [`not ok ${name}`, ...block({ ...where, status: 'unexpected pass', expected: r.expected })];
  }
  const todo = isKnownFailure(r) ? ` # TODO known failure: ${tapText(r.expected!.reason)}` : '';
  switch (r.status) {
    case 'pass':
      return [`ok ${name}`];
    case 'skip':
      return [`ok ${name} # SKIP ${tapText(r.reason ?? '')}`];
    case 'error':
      return [`not ok ${name}${todo}`, ...block({ ...where, status: 'error', ...(r.rule ? { rule: r.rule } : {}), message: r.message ?? '' })];
    case 'fail':
      return [
        `not ok ${name}${todo}`,
        ...block({
          ...where,
          status: 'fail',
          violations: (r.violations ?? []).map((v) => ({
            rule: v.rule,
            ...(v.code !== undefined ? { at: `${v.code}${v.offset !== undefined ? `@${v.offset}` : ''}` } : {}),
            message: v.message,
            ...(v.difference !== undefined ? { difference: v.difference } : {}),
            ...(v.closestN !== undefined ? { closestN: v.closestN } : {}),
          })),
        }),
      ];
  }
}

export function tapReport(c: Certificate): string {
  const out = ['TAP version 13', `1..${c.results.length + 2}`];
  out.push(`# optcert certify ${c.optimizer.name} (${c.optimizer.module}); suite ${c.suite.version}, spec ${c.suite.specVersion}, corpus ${c.suite.corpusHash}`);
  if (c.registration) out.push('not ok 1 - (optimizer) registration', ...block({ rule: c.registration.rule, message: c.registration.message }));
  else out.push('ok 1 - (optimizer) registration');
  const cal = c.summary.rules.find((r) => r.id === 'costs.calibration')!;
  const text = calibrationLines(c.calibration, c.options.strictCosts);
  if (cal.verdict === 'fail') out.push('not ok 2 - (optimizer) costs.calibration', ...block({ rule: 'costs.calibration', message: text.join('\n') }));
  else if (cal.verdict === 'not-measured') out.push(`ok 2 - (optimizer) costs.calibration # SKIP ${tapText(text.join(' '))}`);
  else out.push('ok 2 - (optimizer) costs.calibration', ...text.map((l) => `# ${oneLine(l)}`));
  c.results.forEach((r, i) => out.push(...point(i + 3, r)));
  const s = c.summary;
  out.push(`# ${summaryLine(s.passed, s.failed, s.skipped, s.errors)}`);
  out.push(`# ${s.certified ? 'certified' : 'not certified'}`);
  return out.join('\n');
}
