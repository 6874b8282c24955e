/** The JSON report of `optcert run` (spec/schemas/report.schema.json). */
import type { Observed } from '../check/observed';
import type { Diagnostic } from '../diagnostic';
import type { RunRecord } from '../run/run-all';

export interface ReportDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export interface ReportFixture {
  readonly id: string;
  readonly file: string;
  readonly status: 'pass' | 'fail' | 'error';
  readonly difference?: string;
  readonly error?: string;
  readonly observed?: Observed;
}

export interface RunReport {
  readonly tool: 'optcert';
  readonly version: string;
  readonly command: 'run';
  readonly summary: { readonly passed: number; readonly failed: number; readonly errors: number; readonly badInput: number };
  readonly fixtures: readonly ReportFixture[];
  readonly badInput: readonly ReportDiagnostic[];
}

export function buildReport(
  version: string,
  runs: readonly RunRecord[],
  problems: readonly Diagnostic[],
  show: (file: string) => string,
): RunReport {
  const fixtures: ReportFixture[] = [];
  const badInput: ReportDiagnostic[] = problems.map((d) => toReportDiagnostic(d, show));
  for (const r of runs) {
    if (r.status === 'bad-input') badInput.push(toReportDiagnostic(r.diagnostic, show));
    else fixtures.push(toReportFixture(r, show));
  }
  const count = (status: ReportFixture['status']) => fixtures.filter((f) => f.status === status).length;
  return {
    tool: 'optcert',
    version,
    command: 'run',
    summary: { passed: count('pass'), failed: count('fail'), errors: count('error'), badInput: badInput.length },
    fixtures,
    badInput,
  };
}

function toReportFixture(r: Exclude<RunRecord, { status: 'bad-input' }>, show: (file: string) => string): ReportFixture {
  const base = { id: r.fixture.data.id, file: show(r.fixture.file) };
  if (r.status === 'error') return { ...base, status: 'error', error: r.error };
  if (r.status === 'pass') return { ...base, status: 'pass', observed: plainObserved(r.observed) };
  return r.observed
    ? { ...base, status: 'fail', difference: r.difference, observed: plainObserved(r.observed) }
    : { ...base, status: 'fail', difference: r.difference };
}

/** Only the schema's fields, whatever else the VM attached. */
function plainObserved(o: Observed): Observed {
  switch (o.kind) {
    case 'return':
      return { kind: o.kind, repr: o.repr, output: o.output, steps: o.steps };
    case 'raise':
      return { kind: o.kind, type: o.type, message: o.message, output: o.output, steps: o.steps };
    case 'exhausted':
      return { kind: o.kind, output: o.output, steps: o.steps };
    case 'fault':
      return { kind: o.kind, rule: o.rule, message: o.message, output: o.output, steps: o.steps };
    default:
      return { kind: o.kind, code: o.code, message: o.message };
  }
}

function toReportDiagnostic(d: Diagnostic, show: (file: string) => string): ReportDiagnostic {
  return { file: show(d.file), line: d.line, column: d.column, code: d.code, message: d.message };
}
