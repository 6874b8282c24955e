/**
 * Hotspot detection policies. A site is one potential hotspot (code object + offset); the VM
 * calls `tick` at each execution of a site whose kind the optimizer declared, and asks the
 * optimizer to compile when it returns true.
 * @spec #hotspot-detection
 */

export interface Site {
  /** Countdown to the next check or attempt. */
  counter: number;
  /** Seed profile: the global counter when the countdown last started. */
  saved: number;
  /** Declines so far (capped); lengthens the countdown. */
  backoff: number;
  /** Ticks so far: the execution number of the site's latest execution. */
  executions: number;
}

export interface HotspotPolicy {
  readonly profile: HotspotProfile;
  newSite(): Site;
  /** One execution of the site; true when the optimizer should be asked now. */
  tick(site: Site): boolean;
  /** The optimizer declined (or faulted): back off. */
  declined(site: Site): void;
  /** The counters to report in the `hotspot` trace event. */
  counters(site: Site): Record<string, number>;
  /** How many of the next ticks would answer false and change nothing but the counts. */
  quietTicks(site: Site): number;
  /** Apply `n` such ticks at once, exactly as `n` calls of tick would. */
  applyQuietTicks(site: Site, n: number): void;
}

export type HotspotProfile = 'seed' | 'cpython313';

/** @spec #hotspot-seed */
export interface SeedParams {
  /** Start value of the local counter. */
  readonly K: number;
  /** Start-up term: the threshold includes N / (global + 1). */
  readonly N: number;
  /** Weight of optimization_cost / run_cost in the threshold. */
  readonly M: number;
  /** Most doublings of K after declines. */
  readonly maxBackoff: number;
}

/** @spec #hotspot-cpython313 */
export interface Cpython313Params {
  /** Executions before the first attempt (CPython: 16, so the attempt is execution #17). */
  readonly threshold: number;
  /** Exponent of the longest countdown after declines (CPython: 12, i.e. every 4096). */
  readonly maxBackoff: number;
}

export const SEED_DEFAULTS: SeedParams = { K: 16, N: 64, M: 1 / 1024, maxBackoff: 12 };
export const CPYTHON313_DEFAULTS: Cpython313Params = { threshold: 16, maxBackoff: 12 };

/** Fixed-point scale for the cost term, so the test runs on integers. */
export const COST_SCALE = 65536;

/**
 * The seed's test `K/(g − s) > N/(g + 1) + C`, C = M·optimization_cost/run_cost, rearranged for
 * integers: `K·(g + 1)·S > (g − s)·(N·S + Cs·(g + 1))` with S = COST_SCALE and Cs = ⌊C·S⌋.
 * @spec #hotspot-seed
 */
export class SeedPolicy implements HotspotPolicy {
  readonly profile = 'seed' as const;
  /** The global counter: executions of every counted site since registration. */
  global = 0;
  private readonly scaledCost: bigint;

  constructor(readonly params: SeedParams, optimizationCost: number, runCost: number) {
    this.scaledCost = BigInt(Math.floor(((params.M * optimizationCost) / runCost) * COST_SCALE));
  }

  newSite(): Site {
    return { counter: this.params.K, saved: this.global, backoff: 0, executions: 0 };
  }

  private start(site: Site): number {
    return this.params.K * 2 ** site.backoff;
  }

  tick(site: Site): boolean {
    site.executions++;
    const g = ++this.global;
    if (--site.counter > 0) return false;
    const k = BigInt(this.start(site));
    const g1 = BigInt(g + 1);
    const elapsed = BigInt(g - site.saved);
    const S = BigInt(COST_SCALE);
    if (k * g1 * S > elapsed * (BigInt(this.params.N) * S + this.scaledCost * g1)) return true;
    site.counter = this.start(site);
    site.saved = g;
    return false;
  }

  declined(site: Site): void {
    site.backoff = Math.min(site.backoff + 1, this.params.maxBackoff);
    site.counter = this.start(site);
    site.saved = this.global;
  }

  quietTicks(site: Site): number {
    // A tick that leaves the countdown above zero only counts.
    return Math.max(0, site.counter - 1);
  }

  applyQuietTicks(site: Site, n: number): void {
    site.executions += n;
    this.global += n;
    site.counter -= n;
  }

  counters(site: Site): Record<string, number> {
    return { executions: site.executions, local: this.start(site), global: this.global, saved: site.saved, scaledCost: Number(this.scaledCost) };
  }
}

/**
 * CPython 3.13's backoff counter: attempt when the countdown is at zero, else decrement; after a
 * decline the countdown restarts at 2^b − 1 with b growing from 5 to 12.
 * @spec #hotspot-cpython313
 */
export class Cpython313Policy implements HotspotPolicy {
  readonly profile = 'cpython313' as const;
  constructor(readonly params: Cpython313Params) {}

  newSite(): Site {
    return { counter: this.params.threshold, saved: 0, backoff: 4, executions: 0 };
  }

  tick(site: Site): boolean {
    site.executions++;
    if (site.counter === 0) return true;
    site.counter--;
    return false;
  }

  declined(site: Site): void {
    site.backoff = Math.min(site.backoff + 1, this.params.maxBackoff);
    site.counter = 2 ** site.backoff - 1;
  }

  quietTicks(site: Site): number {
    // Every tick before the countdown reaches zero only counts.
    return site.counter;
  }

  applyQuietTicks(site: Site, n: number): void {
    site.executions += n;
    site.counter -= n;
  }

  counters(site: Site): Record<string, number> {
    return { executions: site.executions, backoff: site.backoff };
  }
}

export interface HotspotConfig {
  readonly profile?: HotspotProfile;
  readonly seed?: Partial<SeedParams>;
  readonly cpython313?: Partial<Cpython313Params>;
}

export function makePolicy(config: HotspotConfig, optimizationCost: number, runCost: number): HotspotPolicy {
  if (config.profile === 'cpython313') return new Cpython313Policy({ ...CPYTHON313_DEFAULTS, ...config.cpython313 });
  return new SeedPolicy({ ...SEED_DEFAULTS, ...config.seed }, optimizationCost, runCost);
}
