/** Run one fixture and judge it against its expectation. */
import { describeExpect, judge } from '../check/judge';
import type { Observed } from '../check/observed';
import type { Diagnostic } from '../diagnostic';
import type { Fixture } from '../fixtures/types';
import { observe } from './observe';
import type { Vm } from './vm';

export type FixtureRun =
  | { readonly status: 'pass'; readonly fixture: Fixture; readonly observed: Observed; readonly executedOps?: ReadonlySet<string> }
  | { readonly status: 'fail'; readonly fixture: Fixture; readonly difference: string; readonly observed?: Observed }
  | { readonly status: 'bad-input'; readonly fixture: Fixture; readonly diagnostic: Diagnostic };

export const MISSING_EXPECT = 'expect: missing (record it with optcert bless)';

export function runFixture(vm: Vm, fixture: Fixture, trackOps = false): FixtureRun {
  const expect = fixture.data.expect;
  if (!expect) return { status: 'fail', fixture, difference: MISSING_EXPECT };
  const seen = observe(vm, fixture, {
    acceptRejection: () => 'malformed' in expect || 'invalid' in expect,
    expectation: `the fixture expects ${describeExpect(expect)}`,
    trackOps,
  });
  if (!seen.ok) return { status: 'bad-input', fixture, diagnostic: seen.diagnostic };
  const verdict = judge(expect, seen.observed, seen.trace);
  return verdict.pass
    ? { status: 'pass', fixture, observed: seen.observed, executedOps: seen.executedOps }
    : { status: 'fail', fixture, difference: verdict.difference, observed: seen.observed };
}
