/**
 * Regions that unwind exceptions stay out of V8's baseline tier (Sparkplug).
 *
 * Why: to find where an exception passes a baseline frame, V8 maps the frame's machine-code
 * address back to a bytecode offset by scanning the function's code from its start. A region that
 * covers an exception handler (a `try` in a loop) has the Python exceptions its handlers' callees
 * raise unwind through its frame, so each raise costs time linear in the region's size: about
 * 150 µs for a 3,000-case function, against 1 µs in V8's interpreter or optimized tiers (measured
 * on Node 20). A loop that catches what it raises paid that at every iteration until TurboFan took
 * the region over; under certification, where regions are new and short-lived, nearly always (the
 * corpus's `hot.types` fixtures ran 8x slower certified than plain, most of it there). A region
 * without a handler is left by its first exception, so it keeps the baseline tier, which runs
 * code too large for TurboFan faster than V8's interpreter does.
 *
 * V8's own `--sparkplug-filter` keeps functions out of the tier by name prefix, so a region's
 * function name (emit.ts) says whether it catches. The flag is process-wide and read when V8
 * decides to baseline-compile a function: setting it once, before the first region is made, is
 * enough. Outside Node (no `node:v8`) nothing happens.
 * @spec #jit-codegen
 */
import type { JitPlan } from './plan';

/** The name prefix of regions that unwind exceptions; the filter excludes exactly these. */
export const CATCHING_REGION_PREFIX = 'jit_catching_';

/** The generated function's name: its kind and hotspot offset, the prefix above when it catches. */
export function regionName(p: Pick<JitPlan, 'kind' | 'offset' | 'catches'>): string {
  return `${p.catches ? CATCHING_REGION_PREFIX : 'jit_'}${p.kind}_${p.offset}`;
}

let done = false;

export function keepCatchingRegionsOutOfBaselineTier(): void {
  if (done) return;
  done = true;
  try {
    const v8 = require('node:v8') as { setFlagsFromString(flags: string): void };
    v8.setFlagsFromString(`--sparkplug-filter=-${CATCHING_REGION_PREFIX}*`);
  } catch {
    // Not Node, or a host that refuses V8 flags: regions then run in whatever tier V8 picks.
  }
}
