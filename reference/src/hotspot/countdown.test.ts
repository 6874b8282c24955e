import type { Code } from '../isa/code';
import { Countdowns } from './countdown';
import { makePolicy, type HotspotConfig, type HotspotPolicy, type Site } from './policy';

/** A deterministic stream of site indices and "the optimizer declined" decisions. */
function* executions(seed: number, count: number): Generator<{ site: number; decline: boolean }> {
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield { site: x % 7 < 4 ? 0 : x % 7 < 6 ? 1 : 2, decline: x % 3 !== 0 };
  }
}

/** What the policy was asked and answered, and its counters at each attempt: one tick per execution. */
function oneByOne(config: HotspotConfig, seed: number, count: number): string[] {
  const policy = makePolicy(config, 4, 0.8);
  const sites: Site[] = [0, 1, 2].map(() => policy.newSite());
  const log: string[] = [];
  for (const e of executions(seed, count)) {
    const site = sites[e.site]!;
    if (!policy.tick(site)) continue;
    log.push(`${e.site}: ${JSON.stringify(policy.counters(site))}`);
    if (e.decline) policy.declined(site);
    else sites[e.site] = policy.newSite();
  }
  return log;
}

/** The same through the counting handler's fast path: the countdown, settled before each attempt. */
function withCountdown(config: HotspotConfig, seed: number, count: number): string[] {
  const policy: HotspotPolicy = makePolicy(config, 4, 0.8);
  const code = { name: 'f', countdown: new Int32Array(3) } as unknown as Code;
  const countdown = code.countdown!;
  const fast = new Countdowns();
  const sites: Site[] = [0, 1, 2].map(() => policy.newSite());
  const log: string[] = [];
  for (const e of executions(seed, count)) {
    if (countdown[e.site]! > 0) {
      countdown[e.site]!--;
      continue;
    }
    fast.settle(policy);
    const site = sites[e.site]!;
    if (policy.tick(site)) {
      log.push(`${e.site}: ${JSON.stringify(policy.counters(site))}`);
      if (e.decline) policy.declined(site);
      else {
        fast.disarm(code, e.site);
        sites[e.site] = policy.newSite();
        continue;
      }
    }
    fast.arm(policy, code, e.site, site);
  }
  return log;
}

describe.each<[string, HotspotConfig]>([
  ['seed defaults', { profile: 'seed' }],
  ['seed K=2 N=3 M=0.01', { profile: 'seed', seed: { K: 2, N: 3, M: 0.01 } }],
  ['cpython313', { profile: 'cpython313' }],
  ['cpython313 threshold 0', { profile: 'cpython313', cpython313: { threshold: 0 } }],
])('the counting handler fast path (%s)', (_name, config) => {
  test.each([1, 2, 3])('asks at the same executions with the same counters as ticking one by one (stream %i)', (seed) => {
    const expected = oneByOne(config, seed, 20_000);
    expect(expected.length).toBeGreaterThan(3);
    expect(withCountdown(config, seed, 20_000)).toEqual(expected);
  });
});
