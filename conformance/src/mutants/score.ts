/**
 * Certify the mutants of the gallery against the corpus, in process: which fixtures kill which
 * mutant, for which rule; the mutation score; and the fixtures that kill no mutant (probably
 * vacuous, BRIEF §5).
 *
 * Certifying is expensive (a lockstep oracle after every executor run), and most pairs of a
 * mutant and a fixture are runs the mutant survives, so by default the matrix is filled only as
 * far as the answers need: each mutant until it has been killed for its rule by a few fixtures
 * (the score and the table), then each fixture not yet known to kill a mutant until one does (the
 * vacuous fixtures: only those run every mutant). `full` runs every pair, for exact kill counts
 * and the fixtures that kill only "trivial" mutants.
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
  /** Fixtures (ids) whose verdict names the mutant's rule, in the order they were run. */
  readonly killers: readonly string[];
  /** Other rules it was failed for, with the fixtures. */
  readonly otherRules: Readonly<Record<string, readonly string[]>>;
  /** Fixtures whose certification broke (`error` verdicts and internal errors), with the message. */
  readonly errors: readonly { readonly fixture: string; readonly message: string }[];
  readonly counts: { pass: number; fail: number; error: number; skip: number };
  /** How many fixtures it was run on. */
  readonly ran: number;
  /** Run on every fixture: `killers` and `counts` are complete (else they are lower bounds). */
  readonly complete: boolean;
}

export interface RunMutantOptions {
  readonly certify?: CertifyOptions;
  /** Stop once this many fixtures have failed the mutant for its rule (1: at the first kill). */
  readonly stopAfterKills?: number;
  /** Called with every verdict. */
  readonly onVerdict?: (fixture: Fixture, verdict: FixtureVerdict) => void;
}

/** The rules decided when the optimizer registers: any applicable fixture rejects such a mutant. */
export function isRegistrationRule(rule: RuleId): boolean {
  return rule.startsWith('registration.');
}

export function isolationReason(mutant: Mutant): string {
  return `needs a wall-clock limit around the plug-in (${mutant.rule}): certify it with the worker pool`;
}

/** Certify one pair; an exception out of the certifier becomes an error verdict. */
export function certifyPair(vm: Vm, fixture: Fixture, mutant: Mutant, opts: CertifyOptions = DEFAULT_CERTIFY_OPTIONS): FixtureVerdict {
  try {
    return certifyFixture(vm, fixture, mutant.createOptimizer, opts);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { status: 'error', message: `internal error while certifying: ${detail.split('\n')[0]}` };
  }
}

/** What one mutant's verdicts add up to. */
class Tally {
  readonly killers: string[] = [];
  readonly otherRules: Record<string, string[]> = {};
  readonly errors: { fixture: string; message: string }[] = [];
  readonly counts = { pass: 0, fail: 0, error: 0, skip: 0 };
  ran = 0;

  constructor(readonly mutant: Mutant) {}

  add(id: string, verdict: FixtureVerdict): void {
    this.ran++;
    this.counts[verdict.status]++;
    if (verdict.status === 'error') this.errors.push({ fixture: id, message: verdict.message });
    if (verdict.status !== 'fail') return;
    const rules = new Set(verdict.violations.map((v) => v.rule));
    if (rules.has(this.mutant.rule)) this.killers.push(id);
    for (const r of rules) if (r !== this.mutant.rule) (this.otherRules[r] ??= []).push(id);
  }

  result(total: number): MutantResult {
    const status: MutantStatus = this.killers.length > 0 ? 'killed' : this.counts.fail > 0 ? 'wrong-rule' : 'survived';
    const { mutant, killers, otherRules, errors, counts, ran } = this;
    return { mutant, status, killers, otherRules, errors, counts, ran, complete: ran === total };
  }
}

function skipped(mutant: Mutant): MutantResult {
  return {
    mutant, status: 'skipped', reason: isolationReason(mutant), killers: [], otherRules: {}, errors: [],
    counts: { pass: 0, fail: 0, error: 0, skip: 0 }, ran: 0, complete: false,
  };
}

/** One mutant over the fixtures, in order (optionally stopping once it has been killed for its rule). */
export function runMutant(vm: Vm, mutant: Mutant, fixtures: readonly Fixture[], options: RunMutantOptions = {}): MutantResult {
  if (mutant.needsIsolation) return skipped(mutant);
  const stopAfter = options.stopAfterKills ?? Infinity;
  const tally = new Tally(mutant);
  for (const fixture of fixtures) {
    const verdict = certifyPair(vm, fixture, mutant, options.certify);
    tally.add(fixture.data.id, verdict);
    options.onVerdict?.(fixture, verdict);
    if (tally.killers.length >= stopAfter) break;
  }
  return tally.result(fixtures.length);
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
  /** Every pair was run. */
  readonly full: boolean;
  /**
   * Fixtures that some run mutant applies to but that fail none of them (registration mutants,
   * which every applicable fixture rejects before its program runs, do not count): probably
   * vacuous as tests of an optimizer.
   */
  readonly vacuous: readonly string[];
  /**
   * Full runs only: mutants that most fixtures they apply to fail (more than TRIVIAL_KILL_RATE of
   * them), so failing one says little about a fixture beyond "an executor ran".
   */
  readonly trivial: readonly string[];
  /** Full runs only: fixtures (not vacuous) that fail only trivial mutants: weak tests of an optimizer. */
  readonly weak: readonly string[];
  /** Fixtures every run mutant skips (they test the VM's side of the API, not a candidate). */
  readonly neverApplies: readonly string[];
}

/** A mutant failed by more than this share of the fixtures it applies to is trivial to kill. */
export const TRIVIAL_KILL_RATE = 0.5;

export interface ScoreOptions {
  readonly certify?: CertifyOptions;
  /** Run every mutant on every fixture (exact counts, trivial mutants, weak fixtures). */
  readonly full?: boolean;
  /** Without `full`: how many fixtures that kill a mutant for its rule to find before moving on (default 3). */
  readonly killers?: number;
  /** Progress: a short description of what runs now. */
  readonly onProgress?: (text: string) => void;
}

/**
 * Small fixtures first: runs that stop at a kill stop sooner (certification costs grow with a
 * program's run length and heap).
 */
export function cheapFirst(fixtures: readonly Fixture[]): Fixture[] {
  return [...fixtures].sort((a, b) => a.text.length - b.text.length || a.data.id.localeCompare(b.data.id));
}

export function scoreGallery(vm: Vm, mutants: readonly Mutant[], fixtures: readonly Fixture[], options: ScoreOptions = {}): GalleryScore {
  const full = options.full === true;
  const wanted = full ? Infinity : Math.max(1, options.killers ?? 3);
  const order = cheapFirst(fixtures);
  const runnable = mutants.filter((m) => !m.needsIsolation);
  /** Mutant name -> fixture id -> its verdict's status ('fail' counts as a kill for vacuity). */
  const seen = new Map<string, Map<string, FixtureVerdict['status']>>(runnable.map((m) => [m.name, new Map()]));
  const tallies = new Map(runnable.map((m) => [m.name, new Tally(m)]));
  const certifyOpts = options.certify ?? DEFAULT_CERTIFY_OPTIONS;
  const run = (m: Mutant, f: Fixture): FixtureVerdict['status'] => {
    const known = seen.get(m.name)!.get(f.data.id);
    if (known !== undefined) return known;
    const verdict = certifyPair(vm, f, m, certifyOpts);
    tallies.get(m.name)!.add(f.data.id, verdict);
    seen.get(m.name)!.set(f.data.id, verdict.status);
    return verdict.status;
  };

  // The score: each mutant until `wanted` fixtures have killed it for its rule.
  runnable.forEach((m, i) => {
    options.onProgress?.(`mutants ${i + 1}/${runnable.length} ${m.name}`);
    const t = tallies.get(m.name)!;
    for (const f of order) {
      run(m, f);
      if (t.killers.length >= wanted) break;
    }
  });

  // The fixtures: each until some (non-registration) mutant fails it. Likely killers first.
  const counted = runnable.filter((m) => !isRegistrationRule(m.rule));
  const rate = (m: Mutant) => {
    const t = tallies.get(m.name)!;
    const applied = t.ran - t.counts.skip;
    return applied === 0 ? 0 : t.counts.fail / applied;
  };
  const byRate = [...counted].sort((a, b) => rate(b) - rate(a));
  const applies = new Set<string>();
  const kills = new Map<string, Set<string>>();
  order.forEach((f, i) => {
    options.onProgress?.(`fixtures ${i + 1}/${order.length} ${f.data.id}`);
    for (const m of full ? runnable : byRate) {
      const status = run(m, f);
      if (status !== 'skip') applies.add(f.data.id);
      if (status === 'fail' && !isRegistrationRule(m.rule)) {
        const set = kills.get(f.data.id) ?? new Set<string>();
        kills.set(f.data.id, set.add(m.name));
        if (!full) break;
      }
    }
  });

  const results = mutants.map((m) => (m.needsIsolation ? skipped(m) : tallies.get(m.name)!.result(fixtures.length)));
  const ran = results.filter((r) => r.status !== 'skipped');
  const trivial = full ? counted.filter((m) => rate(m) > TRIVIAL_KILL_RATE).map((m) => m.name) : [];
  const ids = fixtures.map((f) => f.data.id);
  const killsOf = (id: string) => [...(kills.get(id) ?? [])];
  return {
    results,
    total: ran.length,
    killed: ran.filter((r) => r.status !== 'survived').length,
    killedForRule: ran.filter((r) => r.status === 'killed').length,
    skipped: results.length - ran.length,
    full,
    vacuous: ids.filter((id) => applies.has(id) && killsOf(id).length === 0),
    trivial,
    weak: full ? ids.filter((id) => killsOf(id).length > 0 && killsOf(id).every((m) => trivial.includes(m))) : [],
    neverApplies: ids.filter((id) => !applies.has(id)),
  };
}
