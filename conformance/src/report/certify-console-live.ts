/**
 * The console side of `optcert certify` while it runs: the header before the first fixture, each
 * failure the moment it arrives, and progress — a bar on a terminal's stderr, or on a log that is
 * not a terminal a line at a steady pace (`[120/457] 118 passed, 2 failed, 0 skipped`), so a CI
 * log is never silent for minutes.
 */
import type { CliIo } from '../commands/context';
import type { FixtureResult } from '../certify/session';
import { resultLines } from './certify-console';
import { painter } from './console-style';

/** How often a log that is not a terminal gets a progress line. */
export const PROGRESS_EVERY_MS = 5_000;

export interface LiveSettings {
  /** The console report goes to stdout (console reporter, or --output): print header and failures. */
  readonly print: boolean;
  readonly total: number;
}

export function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

export class LiveConsole {
  private done = 0;
  private passed = 0;
  private failed = 0;
  private errors = 0;
  private skipped = 0;
  private stopTicker: (() => void) | null = null;
  private readonly paint: (line: string) => string;

  constructor(
    private readonly io: CliIo,
    private readonly settings: LiveSettings,
  ) {
    this.paint = painter(io.color === true);
  }

  /** Print lines of the report (header, the registration's violation) before any fixture runs. */
  lines(lines: readonly string[]): void {
    if (!this.settings.print) return;
    this.io.progress?.(null);
    for (const l of lines) this.io.out(this.paint(l));
  }

  /** Start showing progress: the bar, or a line every PROGRESS_EVERY_MS on a log. */
  start(): void {
    if (this.io.progress) this.io.progress(progressBar(0, this.settings.total));
    else if (this.io.every) this.stopTicker = this.io.every(PROGRESS_EVERY_MS, () => this.io.err(this.countsLine()));
  }

  /** A fixture finished: its failure lines now, and the progress. */
  result(r: FixtureResult): void {
    this.done++;
    if (r.status === 'pass') this.passed++;
    else if (r.status === 'fail') this.failed++;
    else if (r.status === 'error') this.errors++;
    else this.skipped++;
    const lines = resultLines(r);
    if (lines.length > 0) this.lines(lines);
    this.io.progress?.(`${progressBar(this.done, this.settings.total)} ${this.counts()}`);
  }

  /** `[120/457] 118 passed, 2 failed, 3 skipped` (`, 1 errors` when there are any). */
  countsLine(): string {
    return `[${this.done}/${this.settings.total}] ${this.counts()}`;
  }

  private counts(): string {
    return `${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped${this.errors > 0 ? `, ${this.errors} errors` : ''}`;
  }

  /** Stop the progress (clear the bar, stop the ticker). */
  finish(): void {
    this.stopTicker?.();
    this.stopTicker = null;
    this.io.progress?.(null);
  }
}
