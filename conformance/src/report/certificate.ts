/**
 * The certificate: what `optcert certify --reporter json` writes (spec/schemas/certificate.schema.json).
 * Header (the optimizer, the suite, the options), one result per selected fixture, and a footer
 * with the counts and a verdict per rule. Every other reporter is rendered from it.
 * @spec #certify-certificate
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Capability } from '../../../reference/src/optimizer/api';
import type { Calibration } from '../certify/calibrate';
import type { CertifyOptions } from '../certify/certify-fixture';
import type { EarlyStop } from '../certify/early-stop';
import type { CandidateInfo, ResolvedCandidate } from '../certify/module';
import { RULES, type RuleId } from '../certify/rules';
import { isBad, isKnownFailure, isUnexpectedPass, type FixtureResult } from '../certify/session';
import type { Violation } from '../certify/violation';
import type { CorpusKind } from '../fixtures/corpus';
import type { Fixture } from '../fixtures/types';
import type { ReportDiagnostic } from './json';

/** 2: the suite names its corpus (suite.corpus) and the summary says whether the selection was partial. */
export const CERTIFICATE_FORMAT = 2;

/** A declared value as JSON: finite numbers as they are, anything else as its String(). */
export type Declared = number | string;

export type RuleVerdict = 'pass' | 'fail' | 'known-failure' | 'advisory' | 'not-measured';

export interface RuleResult {
  readonly id: RuleId;
  readonly summary: string;
  readonly advisory: boolean;
  readonly verdict: RuleVerdict;
  /** The fixtures that break it ("(optimizer)" for the registration and calibration rules). */
  readonly fixtures: readonly string[];
}

/** Which corpus the fixtures came from (fixtures/corpus.ts). */
export interface CorpusIdentity {
  readonly kind: CorpusKind;
  /** The official corpus's version when it is part of the corpus. */
  readonly version: string | null;
  /** The official corpus includes its generated tier. */
  readonly generated: boolean;
  /** The user's paths as given: the custom corpus, or the extras on top of the official one. */
  readonly paths: readonly string[];
}

export interface Certificate {
  readonly tool: 'optcert';
  readonly command: 'certify';
  readonly format: typeof CERTIFICATE_FORMAT;
  readonly optimizer: {
    readonly module: string;
    readonly name: string;
    readonly version: string | null;
    readonly export: string;
    readonly instances: 'fresh' | 'shared';
    readonly capabilities: Declared;
    readonly capabilityNames: readonly string[];
    readonly optimizationCost: Declared;
    readonly runCost: Declared;
    readonly warnings: readonly string[];
  };
  readonly suite: {
    readonly version: string;
    readonly specVersion: string;
    /** sha256 over the corpus's fixture files (see corpusHash). */
    readonly corpusHash: string;
    readonly corpusFixtures: number;
    readonly corpus: CorpusIdentity;
  };
  readonly options: {
    readonly stress: boolean;
    readonly maxAdvance: number;
    readonly budgetFactor: number;
    readonly timeoutMs: number;
    readonly maxMemoryMb: number;
    readonly strictCosts: boolean;
    readonly grep: string | null;
    readonly tags: readonly string[];
    readonly shard: string | null;
    readonly expectations: string | null;
  };
  readonly registration: Violation | null;
  readonly calibration: Calibration;
  readonly results: readonly FixtureResult[];
  readonly badInput: readonly ReportDiagnostic[];
  /** The run stopped before every selected fixture ran (--bail, fail fast, Ctrl-C); null when it did not. */
  readonly stopped: StoppedEarly | null;
  readonly summary: {
    readonly passed: number;
    readonly failed: number;
    readonly errors: number;
    readonly skipped: number;
    readonly knownFailures: number;
    readonly unexpectedPasses: number;
    readonly certified: boolean;
    /** Fewer fixtures were selected (--grep, --tag, --shard) than the corpus holds. */
    readonly partial: boolean;
    readonly rules: readonly RuleResult[];
  };
}

/**
 * sha256 over the corpus: every fixture file under the given paths, in order of fixture id, each
 * file's bytes followed by a NUL byte. Independent of where the corpus lies and of the selection.
 */
export function corpusHash(fixtures: readonly Fixture[]): string {
  const h = createHash('sha256');
  for (const f of [...fixtures].sort((a, b) => (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0))) {
    h.update(f.text, 'utf8');
    h.update('\0');
  }
  return `sha256:${h.digest('hex')}`;
}

/** The `spec-version:` line of spec/README.md. */
export function specVersion(root: string | null): string {
  if (!root) return 'unknown';
  try {
    const m = /^spec-version:\s*(\S+)/m.exec(readFileSync(join(root, 'spec', 'README.md'), 'utf8'));
    return m ? m[1]! : 'unknown';
  } catch {
    return 'unknown';
  }
}

export const declared = (v: unknown): Declared => (typeof v === 'number' && Number.isFinite(v) ? v : String(v));

export function capabilityNames(caps: unknown): string[] {
  if (typeof caps !== 'number' || !Number.isInteger(caps)) return [];
  return Object.entries(Capability)
    .filter(([, bit]) => (caps & bit) !== 0)
    .map(([name]) => name);
}

const OPTIMIZER = '(optimizer)';

function ruleVerdicts(results: readonly FixtureResult[], registration: Violation | null, calibration: Calibration, strictCosts: boolean): RuleResult[] {
  const bad = new Map<RuleId, string[]>();
  const known = new Map<RuleId, string[]>();
  const note = (rule: RuleId, id: string, into: Map<RuleId, string[]>) => {
    const list = into.get(rule) ?? [];
    if (!list.includes(id)) list.push(id);
    into.set(rule, list);
  };
  for (const r of results) {
    const into = isKnownFailure(r) ? known : isBad(r) ? bad : null;
    if (!into) continue;
    for (const v of r.violations ?? []) note(v.rule, r.id, into);
    if (r.rule) note(r.rule, r.id, into);
  }
  if (registration) note(registration.rule, OPTIMIZER, bad);
  return RULES.map((rule): RuleResult => {
    const advisory = 'advisory' in rule && rule.advisory === true;
    const base = { id: rule.id, summary: rule.summary, advisory };
    if (rule.id === 'costs.calibration') {
      const mismatch = calibration.findings.some((f) => f.mismatch);
      if (mismatch) return { ...base, verdict: strictCosts ? 'fail' : 'advisory', fixtures: [OPTIMIZER] };
      if (calibration.findings.length === 0) return { ...base, verdict: 'not-measured', fixtures: [] };
      return { ...base, verdict: 'pass', fixtures: [] };
    }
    const b = bad.get(rule.id);
    if (b) return { ...base, verdict: 'fail', fixtures: b };
    const k = known.get(rule.id);
    if (k) return { ...base, verdict: 'known-failure', fixtures: k };
    return { ...base, verdict: 'pass', fixtures: [] };
  });
}

/** Why a run stopped early, and the fixtures it did not run (they are skips with that reason). */
export interface StoppedEarly {
  readonly cause: EarlyStop['cause'];
  readonly reason: string;
  readonly rule: RuleId | null;
  readonly notRun: readonly string[];
}

export interface CertificateInput {
  readonly candidate: ResolvedCandidate;
  readonly info: CandidateInfo;
  readonly registration: Violation | null;
  readonly results: readonly FixtureResult[];
  readonly calibration: Calibration;
  readonly badInput: readonly ReportDiagnostic[];
  readonly suiteVersion: string;
  readonly specVersion: string;
  readonly corpusHash: string;
  readonly corpusFixtures: number;
  readonly corpus: CorpusIdentity;
  readonly certify: Omit<CertifyOptions, 'onPhase'>;
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
  readonly strictCosts: boolean;
  readonly grep: string | null;
  readonly tags: readonly string[];
  readonly shard: string | null;
  readonly expectations: string | null;
  /** Why the run stopped early, with the ids it did not run; absent or null when every fixture ran. */
  readonly stopped?: { readonly why: EarlyStop; readonly notRun: readonly string[] } | null;
}

export function buildCertificate(i: CertificateInput): Certificate {
  return {
    tool: 'optcert',
    command: 'certify',
    format: CERTIFICATE_FORMAT,
    optimizer: {
      module: i.candidate.spec,
      name: i.info.name,
      version: i.candidate.version,
      export: i.info.export,
      instances: i.info.instances,
      capabilities: declared(i.info.capabilities),
      capabilityNames: capabilityNames(i.info.capabilities),
      optimizationCost: declared(i.info.optimizationCost),
      runCost: declared(i.info.runCost),
      warnings: i.info.warnings,
    },
    suite: { version: i.suiteVersion, specVersion: i.specVersion, corpusHash: i.corpusHash, corpusFixtures: i.corpusFixtures, corpus: i.corpus },
    options: {
      stress: i.certify.stress,
      maxAdvance: i.certify.maxAdvance,
      budgetFactor: i.certify.budgetFactor,
      timeoutMs: i.timeoutMs,
      maxMemoryMb: i.maxMemoryMb,
      strictCosts: i.strictCosts,
      grep: i.grep,
      tags: i.tags,
      shard: i.shard,
      expectations: i.expectations,
    },
    registration: i.registration,
    calibration: i.calibration,
    results: i.results,
    badInput: i.badInput,
    stopped: i.stopped ? { cause: i.stopped.why.cause, reason: i.stopped.why.reason, rule: i.stopped.why.rule ?? null, notRun: i.stopped.notRun } : null,
    summary: summarize(i),
  };
}

/** The footer, from the results and the optimizer's own findings (also how merged shards are judged). */
export function summarize(i: {
  readonly results: readonly FixtureResult[];
  readonly registration: Violation | null;
  readonly calibration: Calibration;
  readonly badInput: readonly ReportDiagnostic[];
  readonly strictCosts: boolean;
  readonly corpusFixtures: number;
  /** The run stopped early (fail-fast): never certified. */
  readonly stopped?: unknown;
}): Certificate['summary'] {
  const count = (s: FixtureResult['status']) => i.results.filter((r) => r.status === s).length;
  const rules = ruleVerdicts(i.results, i.registration, i.calibration, i.strictCosts);
  const passed = count('pass');
  return {
    passed,
    failed: count('fail'),
    errors: count('error'),
    skipped: count('skip'),
    knownFailures: i.results.filter(isKnownFailure).length,
    unexpectedPasses: i.results.filter(isUnexpectedPass).length,
    // Known failures keep the exit code at 0, but a certificate only certifies what conforms.
    certified:
      passed > 0 &&
      i.badInput.length === 0 &&
      i.registration === null &&
      !i.stopped &&
      i.results.every((r) => (r.status === 'pass' || r.status === 'skip') && !isBad(r)) &&
      rules.every((r) => r.verdict !== 'fail'),
    partial: i.results.length < i.corpusFixtures,
    rules,
  };
}
