/**
 * The counting handlers' fast path. Most executions of a hotspot only count (the policy would
 * answer "not yet" and change nothing else), so a handler decrements the code object's countdown
 * for that offset and asks the policy only when it reaches zero. The ticks counted that way are
 * handed to the policy (`applyQuietTicks`) before it is asked anything, so every count it reports
 * or decides on is exactly what ticking one by one would give.
 * @spec #hotspot-detection
 */
import type { Code } from '../isa/code';
import type { HotspotPolicy, Site } from './policy';

interface Armed {
  readonly code: Code;
  readonly offset: number;
  readonly site: Site;
  /** The countdown when last settled: what it has dropped since are ticks the policy has not seen. */
  from: number;
}

export class Countdowns {
  private armed: Armed[] = [];

  /** Hand every counted tick to the policy. */
  settle(policy: HotspotPolicy): void {
    for (const a of this.armed) {
      const now = a.code.countdown![a.offset]!;
      if (now !== a.from) {
        policy.applyQuietTicks(a.site, a.from - now);
        a.from = now;
      }
    }
  }

  /** After the policy answered for `site`: let the handler count its quiet ticks alone. */
  arm(policy: HotspotPolicy, code: Code, offset: number, site: Site): void {
    const n = policy.quietTicks(site);
    code.countdown![offset] = n;
    const known = this.armed.find((a) => a.code === code && a.offset === offset);
    if (known && known.site === site) known.from = n;
    else {
      if (known) this.armed.splice(this.armed.indexOf(known), 1);
      this.armed.push({ code, offset, site, from: n });
    }
  }

  /** The site at `offset` is dropped: its counted ticks still count (settle first). */
  disarm(code: Code, offset: number): void {
    code.countdown![offset] = 0;
    this.armed = this.armed.filter((a) => a.code !== code || a.offset !== offset);
  }

  /** A new optimizer: every count starts again. */
  reset(codes: readonly Code[]): void {
    for (const code of codes) code.countdown!.fill(0);
    this.armed = [];
  }
}
