/** Console lines of `optcert run`: one per failure, then exactly `N passed, N failed`. */
import type { FixtureRun } from '../run/run-fixture';

export function failLine(run: Extract<FixtureRun, { status: 'fail' }>, show: (file: string) => string): string {
  return `FAIL ${run.fixture.data.id} (${show(run.fixture.file)}): ${run.difference}`;
}

export function errorLine(id: string, file: string, message: string): string {
  return `ERROR ${id} (${file}): internal error: ${message}`;
}

export function summaryLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}
