/**
 * Record a fixture's expectation from the VM. A malformed / invalid program is recorded only when
 * the fixture says that is its point (tag `malformed` or anchor `assembly-malformed`; tag
 * `verifier` or a `verify-*` anchor; or an existing malformed/invalid expect); otherwise it is
 * bad input, never blessed. With --force, only expectations the outcome no longer satisfies
 * are rewritten.
 */
import { writeFileSync } from 'node:fs';
import { expectOf, sameExpect } from '../check/expect-of';
import { judge } from '../check/judge';
import type { Diagnostic } from '../diagnostic';
import { parseFixture } from '../fixtures/load';
import type { Fixture, FixtureExpect } from '../fixtures/types';
import { observe } from '../run/observe';
import type { Vm } from '../run/vm';
import { diffLines } from './diff';
import { expectYaml, withExpect } from './write-expect';

export type BlessResult =
  | { readonly status: 'kept'; readonly fixture: Fixture }
  | { readonly status: 'unchanged'; readonly fixture: Fixture }
  | { readonly status: 'added'; readonly fixture: Fixture; readonly lines: readonly string[] }
  | { readonly status: 'changed'; readonly fixture: Fixture; readonly diff: readonly string[] }
  | { readonly status: 'bad-input'; readonly fixture: Fixture; readonly diagnostic: Diagnostic };

export function blessFixture(vm: Vm, fixture: Fixture, force: boolean): BlessResult {
  const old = fixture.data.expect;
  if (old && !force) return { status: 'kept', fixture };
  const seen = observe(vm, fixture, {
    acceptRejection: (stage) => meantToBeRejected(fixture, stage),
    expectation: "bless records a rejection only for a fixture tagged 'malformed' / 'verifier' or citing assembly-malformed / a verify-* anchor",
  });
  if (!seen.ok) return { status: 'bad-input', fixture, diagnostic: seen.diagnostic };
  // An expectation the outcome still satisfies is left as written.
  if (old && judge(old, seen.observed, seen.trace).pass) return { status: 'unchanged', fixture };
  const expect = expectOf(seen.observed, old, seen.trace);
  writeFileSync(fixture.file, checkedText(fixture, expect));
  const added = expectYaml(expect);
  if (!old) return { status: 'added', fixture, lines: added.replace(/\n$/, '').split('\n') };
  return { status: 'changed', fixture, diff: diffLines(expectYaml(old), added) };
}

export function meantToBeRejected(f: Fixture, stage: 'malformed' | 'invalid'): boolean {
  const { expect, tags = [], spec } = f.data;
  if (expect && ('malformed' in expect || 'invalid' in expect)) return true;
  if (stage === 'malformed') return tags.includes('malformed') || spec.includes('assembly-malformed');
  return tags.includes('verifier') || spec.some((a) => a.startsWith('verify-'));
}

/** The new file text, after checking it parses back to the same fixture with the new expect. */
function checkedText(fixture: Fixture, expect: FixtureExpect): string {
  const text = withExpect(fixture, expect);
  const back = parseFixture(fixture.file, text);
  if (!back.ok || !back.fixture.data.expect || !sameExpect(back.fixture.data.expect, expect) || back.fixture.data.id !== fixture.data.id) {
    throw new Error(`internal: writing expect into ${fixture.file} would not round-trip`);
  }
  return text;
}
