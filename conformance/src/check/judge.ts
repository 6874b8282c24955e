/**
 * Compare an observed outcome with a fixture's expectation: kind, then payload, then output, then
 * the trace; the first difference is reported (spec/fixtures.md#fixture-interpretation step 6). Pure.
 */
import type { TraceEvent } from '../../../reference/src/optimizer/trace';
import type { FixtureExpect } from '../fixtures/types';
import type { Observed } from './observed';
import { excerpt, firstDifference, pyQuote } from './text';
import { traceDifference } from './trace';

export type Verdict = { readonly pass: true } | { readonly pass: false; readonly difference: string };

const PASS: Verdict = { pass: true };
const fail = (difference: string): Verdict => ({ pass: false, difference });

export const MISSING_TRACE = 'trace: missing from expect (record it with optcert bless --force)';

/**
 * `trace` is the observed view (spec/fixtures.md#fixture-trace) when the fixture declares
 * `trace:`, else undefined.
 */
export function judge(expect: FixtureExpect, observed: Observed, trace?: readonly TraceEvent[]): Verdict {
  const outcome = judgeOutcome(expect, observed);
  if (!outcome.pass) return outcome;
  const expected = 'trace' in expect ? expect.trace : undefined;
  if (expected === undefined) return trace === undefined ? PASS : fail(MISSING_TRACE);
  if (trace === undefined) return fail('trace: expected events, but the fixture declares no trace: to record them');
  const d = traceDifference(expected, trace);
  return d === null ? PASS : fail(d);
}

function judgeOutcome(expect: FixtureExpect, observed: Observed): Verdict {
  if ('return' in expect) {
    if (observed.kind !== 'return') return kindDiff(expect, observed);
    return same('return', expect.return, observed.repr) ?? output(expect.output, observed.output);
  }
  if ('raises' in expect) {
    if (observed.kind !== 'raise') return kindDiff(expect, observed);
    if (expect.raises !== observed.type) return fail(`raises: expected ${expect.raises}, got ${observed.type}`);
    const message = expect.message === undefined ? null : same('message', expect.message, observed.message);
    return message ?? output(expect.output, observed.output);
  }
  if ('exhausted' in expect) {
    if (observed.kind !== 'exhausted') return kindDiff(expect, observed);
    return output(expect.output, observed.output);
  }
  if ('invalid' in expect) {
    if (observed.kind !== 'invalid') return kindDiff(expect, observed);
    return expect.invalid === observed.code ? PASS : fail(`invalid: expected ${expect.invalid}, got ${observed.code}`);
  }
  if ('fault' in expect) {
    if (observed.kind !== 'fault') return kindDiff(expect, observed);
    return same('fault', expect.fault, observed.rule) ?? output(expect.output, observed.output);
  }
  if (observed.kind !== 'malformed') return kindDiff(expect, observed);
  return expect.malformed === observed.code ? PASS : fail(`malformed: expected ${expect.malformed}, got ${observed.code}`);
}

function same(what: string, expected: string, got: string): Verdict | null {
  return expected === got ? null : fail(`${what}: expected ${pyQuote(expected)}, got ${pyQuote(got)}`);
}

function output(expected: string | undefined, got: string): Verdict {
  const want = expected ?? '';
  if (want === got) return PASS;
  const at = firstDifference(want, got);
  return fail(`output: expected ${excerpt(want, at)}, got ${excerpt(got, at)} (first difference at char ${at})`);
}

function kindDiff(expect: FixtureExpect, observed: Observed): Verdict {
  return fail(`kind: expected ${describeExpect(expect)}, got ${describeObserved(observed)}`);
}

export function describeExpect(e: FixtureExpect): string {
  if ('return' in e) return `return ${pyQuote(e.return)}`;
  if ('raises' in e) return `raises ${e.raises}`;
  if ('exhausted' in e) return 'exhausted';
  if ('invalid' in e) return `invalid ${e.invalid}`;
  if ('fault' in e) return `optimizer fault ${e.fault}`;
  return `malformed ${e.malformed}`;
}

export function describeObserved(o: Observed): string {
  switch (o.kind) {
    case 'return':
      return `return ${pyQuote(o.repr)}`;
    case 'raise':
      return o.message === '' ? `raises ${o.type}` : `raises ${o.type} (${pyQuote(o.message)})`;
    case 'exhausted':
      return `exhausted after ${o.steps} steps`;
    case 'invalid':
    case 'malformed':
      return `${o.kind} ${o.code}`;
    case 'fault':
      return `optimizer fault ${o.rule} (${o.message})`;
  }
}
