/**
 * Run many fixtures. A VM that throws is an internal error of that fixture's run, recorded
 * and reported (exit 3), so one crash does not hide every other result.
 */
import type { Fixture } from '../fixtures/types';
import { runFixture, type FixtureRun } from './run-fixture';
import type { Vm } from './vm';

export type RunRecord = FixtureRun | { readonly status: 'error'; readonly fixture: Fixture; readonly error: string };

export function runAll(vm: Vm, fixtures: readonly Fixture[], trackOps = false): RunRecord[] {
  return fixtures.map((fixture) => {
    try {
      return runFixture(vm, fixture, trackOps);
    } catch (e) {
      return { status: 'error', fixture, error: e instanceof Error ? e.message : String(e) };
    }
  });
}
