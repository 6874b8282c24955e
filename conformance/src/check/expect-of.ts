/** The expectation that an observed outcome satisfies exactly (what bless records). Pure. */
import type { FixtureExpect } from '../fixtures/types';
import type { Observed } from './observed';

/**
 * `like` is the expectation being replaced, if any: its optional keys keep their presence
 * (an explicit `output: ""` stays, a `raises` without `message` stays without), so a re-bless
 * changes only what the outcome changed.
 */
export function expectOf(o: Observed, like?: FixtureExpect): FixtureExpect {
  const keepOutput = like !== undefined && 'output' in like;
  const output = (s: string) => (s !== '' || keepOutput ? { output: s } : {});
  switch (o.kind) {
    case 'return':
      return { return: o.repr, ...output(o.output) };
    case 'raise': {
      const dropMessage = like !== undefined && 'raises' in like && like.message === undefined;
      return { raises: o.type, ...(dropMessage ? {} : { message: o.message }), ...output(o.output) };
    }
    case 'exhausted':
      return { exhausted: true, ...output(o.output) };
    case 'invalid':
      return { invalid: o.code };
    case 'malformed':
      return { malformed: o.code };
    case 'fault':
      return { fault: o.rule, ...output(o.output) };
  }
}

export function sameExpect(a: FixtureExpect, b: FixtureExpect): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const get = (e: FixtureExpect, k: string) => (e as Record<string, unknown>)[k];
  return [...keys].every((k) => get(a, k) === get(b, k));
}
