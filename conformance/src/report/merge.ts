/**
 * Merging shard certificates (`optcert merge`): certificates of the same optimizer, suite, corpus
 * and options, each over part of the corpus, become one certificate over the union of their
 * results, judged as if one run had produced them. Anything that would make the union mean
 * something no single run means is refused with the first difference.
 * @spec #certify-sharding
 */
import { CALIBRATION_FACTOR, type Calibration, type CostFinding } from '../certify/calibrate';
import { summarize, type Certificate, type StoppedEarly } from './certificate';

export interface ShardFile {
  /** As shown to the user. */
  readonly name: string;
  readonly certificate: Certificate;
}

export type Merged = { readonly ok: true; readonly certificate: Certificate } | { readonly ok: false; readonly code: 'MERGE_MISMATCH' | 'MERGE_DUPLICATE'; readonly message: string };

/** Deterministic JSON text, for comparing parts of certificates. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The first path at which two JSON values differ, with both values. */
function firstDifference(a: unknown, b: unknown, path: string): { path: string; a: unknown; b: unknown } | null {
  if (canonical(a) === canonical(b)) return null;
  const objects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!objects) return { path, a, b };
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
    const d = firstDifference(ao[k], bo[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
    if (d) return d;
  }
  return { path, a, b };
}

const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** What must be the same in every shard: everything but the results, the shard and the measurements. */
function identity(c: Certificate): Record<string, unknown> {
  const { shard: _shard, ...options } = c.options;
  const { warnings: _warnings, ...optimizer } = c.optimizer;
  return { tool: c.tool, command: c.command, format: c.format, optimizer, suite: c.suite, options };
}

export function mergeCertificates(files: readonly ShardFile[]): Merged {
  const [first, ...rest] = files;
  if (!first) throw new Error('mergeCertificates: no certificate');
  for (const f of rest) {
    const d = firstDifference(identity(first.certificate), identity(f.certificate), '');
    if (d) {
      return { ok: false, code: 'MERGE_MISMATCH', message: `${f.name} and ${first.name} differ in ${d.path.slice(1)} (${shown(d.b)} vs ${shown(d.a)}): they are not shards of one certification` };
    }
  }
  const byId = new Map<string, { file: string; result: Certificate['results'][number] }>();
  for (const f of files) {
    for (const r of f.certificate.results) {
      const earlier = byId.get(r.id);
      if (!earlier) byId.set(r.id, { file: f.name, result: r });
      else if (canonical(earlier.result) !== canonical(r)) {
        return { ok: false, code: 'MERGE_DUPLICATE', message: `fixture ${r.id} has different results in ${earlier.file} and ${f.name}` };
      }
    }
  }
  const results = [...byId.values()].map((x) => x.result).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const badInput = unique(files.flatMap((f) => f.certificate.badInput));
  const registration = files.map((f) => f.certificate.registration).find((r) => r !== null) ?? null;
  const calibration = mergeCalibrations(files.map((f) => f.certificate.calibration));
  const stopped = mergeStopped(files.map((f) => f.certificate.stopped));
  const base = first.certificate;
  const shard = files.length === 1 ? base.options.shard : null;
  const warnings = unique(files.flatMap((f) => f.certificate.optimizer.warnings));
  const certificate: Certificate = {
    ...base,
    optimizer: { ...base.optimizer, warnings },
    options: { ...base.options, shard },
    registration,
    calibration,
    results,
    badInput,
    stopped,
    summary: summarize({ results, registration, calibration, badInput, strictCosts: base.options.strictCosts, corpusFixtures: base.suite.corpusFixtures, stopped }),
  };
  return { ok: true, certificate };
}

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = canonical(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mergeStopped(list: readonly (StoppedEarly | null)[]): StoppedEarly | null {
  const stops = list.filter((s): s is StoppedEarly => s !== null);
  const [first] = stops;
  if (!first) return null;
  return { ...first, notRun: [...new Set(stops.flatMap((s) => s.notRun))].sort() };
}

const round = (x: number): number => Number(x.toPrecision(4));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The shards' calibrations as one: totals and fixtures add up; a cost measured in some shards is
 * the median of their measurements (the shards' own medians: per-fixture samples are not in a
 * certificate); one measured in none keeps the first shard's reason.
 */
export function mergeCalibrations(list: readonly Calibration[]): Calibration {
  const factor = list[0]?.factor ?? CALIBRATION_FACTOR;
  const keys = ['plainMs', 'plainSteps', 'compileMs', 'compiledInstructions', 'executeMs', 'advanced'] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, round(list.reduce((a, c) => a + c.totals[k], 0))])) as unknown as Calibration['totals'];
  const findings: CostFinding[] = [];
  const unmeasured: Partial<Record<CostFinding['cost'], string>> = {};
  for (const cost of ['optimizationCost', 'runCost'] as const) {
    const measured = list.flatMap((c) => c.findings.filter((f) => f.cost === cost));
    const [one] = measured;
    if (!one) {
      const why = list.map((c) => c.unmeasured[cost]).find((w) => w !== undefined);
      if (why !== undefined) unmeasured[cost] = why;
      continue;
    }
    const value = median(measured.map((f) => f.measured));
    const ratio = value / one.declared;
    findings.push({ cost, declared: one.declared, measured: round(value), ratio: round(ratio), mismatch: ratio > factor || ratio < 1 / factor });
  }
  return { factor, fixtures: list.reduce((a, c) => a + c.fixtures, 0), unmeasured, findings, totals };
}
