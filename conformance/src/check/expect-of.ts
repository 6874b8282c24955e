/** The expectation that an observed outcome satisfies exactly (what bless records). Pure. */
import type { TraceEvent } from '../../../reference/src/optimizer/trace';
import type { FixtureExpect } from '../fixtures/types';
import type { Observed } from './observed';

/**
 * `like` is the expectation being replaced, if any: its optional keys keep their presence
 * (an explicit `output: ""` stays, a `raises` without `message` stays without), so a re-bless
 * changes only what the outcome changed. `trace` (the observed view, when the fixture declares
 * `trace:`) is recorded after the outcome.
 */
export function expectOf(o: Observed, like?: FixtureExpect, trace?: readonly TraceEvent[]): FixtureExpect {
  const keepOutput = like !== undefined && 'output' in like;
  const output = (s: string) => (s !== '' || keepOutput ? { output: s } : {});
  const events = trace === undefined ? {} : { trace: [...trace] };
  switch (o.kind) {
    case 'return':
      return { return: o.repr, ...output(o.output), ...events };
    case 'raise': {
      const dropMessage = like !== undefined && 'raises' in like && like.message === undefined;
      return { raises: o.type, ...(dropMessage ? {} : { message: o.message }), ...output(o.output), ...events };
    }
    case 'exhausted':
      return { exhausted: true, ...output(o.output), ...events };
    case 'invalid':
      return { invalid: o.code };
    case 'malformed':
      return { malformed: o.code };
    case 'fault':
      return { fault: o.rule, ...output(o.output), ...events };
  }
}

export function sameExpect(a: FixtureExpect, b: FixtureExpect): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const get = (e: FixtureExpect, k: string) => (e as Record<string, unknown>)[k];
  return [...keys].every((k) => {
    const x = get(a, k);
    const y = get(b, k);
    // Traces exactly, messages included (this checks that a written file reads back the same).
    if (k === 'trace' && Array.isArray(x) && Array.isArray(y)) return JSON.stringify(x) === JSON.stringify(y);
    return x === y;
  });
}
