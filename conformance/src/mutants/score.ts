/**
 * Certify every mutant of the gallery against the corpus, in process: which fixtures kill which
 * mutant, for which rule; the mutation score; and the fixtures that kill no mutant (probably
 * vacuous, BRIEF §5).
 * @spec #certification
 */
import type { Fixture } from '../fixtures/types';
import type { Vm } from '../run/vm';
import { certifyFixture, DEFAULT_CERTIFY_OPTIONS, type CertifyOptions } from '../certify/certify-fixture';
import type { RuleId } from '../certify/rules';
import type { FixtureVerdict } from '../certify/violation';
import type { Mutant } from './gallery';

export type MutantStatus =
  /** Some fixture failed it for its stated rule. */
  | 'killed'
  /** Fixtures failed it, but never for its stated rule. */
  | 'wrong-rule'
  /** No fixture failed it. */
  | 'survived'
  /** Not run (e.g. it needs the worker pool's time limit). */
  | 'skipped';

export interface MutantResult {
  readonly mutant: Mutant;
  readonly status: MutantStatus;
  /** Why it was skipped. */
  readonly reason?: string;
  /** Fixtures (ids) whose verdict names the mutant's rule, in corpus order. */
  readonly killers: readonly string[];
  /** Other rules it was failed for, with the fixtures. */
  readonly otherRules: Readonly<Record<string, readonly string[]>>;
  /** Fixtures whose certification broke (`error` verdicts and internal errors), with the message. */
  readonly errors: readonly { readonly fixture: string; readonly message: string }[];
  readonly counts: { pass: number; fail: number; error: number; skip: number };
  /** The fixtures it was run on, in order (fewer than the corpus when the run stopped early). */
  readonly ran: number;
}

export interface RunMutantOptions {
  readonly certify?: CertifyOptions;
  /** Stop at the first fixture that fails the mutant for its rule. */
  readonly stopAtKill?: boolean;
  /** Called with every verdict (for the fixture side of the score). */
  readonly onVerdict?: (fixture: Fixture, verdict: FixtureVerdict) => void;
}

/** The rules decided when the optimizer registers: any applicable fixture rejects such a mutant. */
export function isRegistrationRule(rule: RuleId): boolean {
  return rule.startsWith('registration.');
}

function certifySafely(vm: Vm, fixture: Fixture, mutant: Mutant, opts: CertifyOptions): FixtureVerdict {
  try {
    return certifyFixture(vm, fixture, mutant.createOptimizer, opts);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { status: 'error', message: `internal error while certifying: ${detail.split('\n')[0]}` };
  }
}

export function runMutant(vm: Vm, mutant: Mutant, fixtures: readonly Fixture[], options: RunMutantOptions = {}): MutantResult {
  const counts = { pass: 0, fail: 0, error: 0, skip: 0 };
  if (mutant.needsIsolation) {
    return {
      mutant, status: 'skipped', killers: [], otherRules: {}, errors: [], counts, ran: 0,
      reason: `needs a wall-clock limit around the plug-in (${mutant.rule}): certify it with the worker pool`,
    };
  }
  const opts = options.certify ?? DEFAULT_CERTIFY_OPTIONS;
  const killers: string[] = [];
  const otherRules: Record<string, string[]> = {};
  const errors: { fixture: string; message: string }[] = [];
  let ran = 0;
  for (const fixture of fixtures) {
    const verdict = certifySafely(vm, fixture, mutant, opts);
    ran++;
    counts[verdict.status]++;
    options.onVerdict?.(fixture, verdict);
    const id = fixture.data.id;
    if (verdict.status === 'error') errors.push({ fixture: id, message: verdict.message });
    if (verdict.status !== 'fail') continue;
    const rules = new Set(verdict.violations.map((v) => v.rule));
    if (rules.has(mutant.rule)) killers.push(id);
    for (const r of rules) if (r !== mutant.rule) (otherRules[r] ??= []).push(id);
    if (options.stopAtKill && killers.length > 0) break;
  }
  const status: MutantStatus = killers.length > 0 ? 'killed' : counts.fail > 0 ? 'wrong-rule' : 'survived';
  return { mutant, status, killers, otherRules, errors, counts, ran };
}

export interface GalleryScore {
  readonly results: readonly MutantResult[];
  /** Mutants run (not skipped). */
  readonly total: number;
  /** Failed by some fixture, for any rule. */
  readonly killed: number;
  /** Failed by some fixture for the rule the mutant states. */
  readonly killedForRule: number;
  readonly skipped: number;
  /**
   * Fixtures that some run mutant applies to but that fail none of them (registration mutants,
   * which every applicable fixture rejects before its program runs, do not count): probably
   * vacuous as tests of an optimizer.
   */
  readonly vacuous: readonly string[];
  /**
   * Mutants that most fixtures they apply to fail (more than TRIVIAL_KILL_RATE of them):
   * failing one says little about a fixture beyond "an executor ran".
   */
  readonly trivial: readonly string[];
  /** Fixtures (not vacuous) that fail only trivial mutants: weak tests of an optimizer. */
  readonly weak: readonly string[];
  /** Fixtures every run mutant skips (they test the VM's side of the API, not a candidate). */
  readonly neverApplies: readonly string[];
}

export interface ScoreOptions {
  readonly certify?: CertifyOptions;
  /** Called after each mutant (progress). */
  readonly onMutant?: (result: MutantResult, index: number, count: number) => void;
}

/** A mutant failed by more than this share of the fixtures it applies to is trivial to kill. */
export const TRIVIAL_KILL_RATE = 0.5;

/** Every mutant against every fixture: the full matrix, for the score and the vacuous fixtures. */
export function scoreGallery(vm: Vm, mutants: readonly Mutant[], fixtures: readonly Fixture[], options: ScoreOptions = {}): GalleryScore {
  const applies = new Set<string>();
  /** Fixture id -> the mutants (names) it fails, registration mutants left out. */
  const kills = new Map<string, Set<string>>();
  const trivial = new Set<string>();
  const results: MutantResult[] = [];
  mutants.forEach((mutant, i) => {
    const counts = !isRegistrationRule(mutant.rule);
    let applied = 0;
    let failed = 0;
    const result = runMutant(vm, mutant, fixtures, {
      certify: options.certify,
      onVerdict: (fixture, verdict) => {
        if (verdict.status === 'skip') return;
        applies.add(fixture.data.id);
        applied++;
        if (verdict.status !== 'fail') return;
        failed++;
        if (counts) {
          const set = kills.get(fixture.data.id) ?? new Set<string>();
          kills.set(fixture.data.id, set.add(mutant.name));
        }
      },
    });
    if (!counts || (applied > 0 && failed / applied > TRIVIAL_KILL_RATE)) trivial.add(mutant.name);
    results.push(result);
    options.onMutant?.(result, i, mutants.length);
  });
  const run = results.filter((r) => r.status !== 'skipped');
  const ids = fixtures.map((f) => f.data.id);
  const killsOf = (id: string) => [...(kills.get(id) ?? [])];
  return {
    results,
    total: run.length,
    killed: run.filter((r) => r.status !== 'survived').length,
    killedForRule: run.filter((r) => r.status === 'killed').length,
    skipped: results.length - run.length,
    vacuous: ids.filter((id) => applies.has(id) && killsOf(id).length === 0),
    trivial: mutants.map((m) => m.name).filter((n) => trivial.has(n)),
    weak: ids.filter((id) => killsOf(id).length > 0 && killsOf(id).every((m) => trivial.has(m))),
    neverApplies: ids.filter((id) => !applies.has(id)),
  };
}
