/**
 * Stopping a certification before every fixture ran: --bail n (after n failing fixtures), fail
 * fast (the candidate keeps breaking down the same way: hangs, throws, crashes), or an interrupt
 * (Ctrl-C). The fixtures not run are reported as such, never as passes.
 * @spec #certify-early-stop
 */
import type { RuleId } from './rules';
import type { FixtureResult } from './session';

export interface EarlyStop {
  readonly cause: 'bail' | 'fail-fast' | 'interrupted';
  /** One line: why the run stopped. */
  readonly reason: string;
  /** fail-fast: the rule of the repeated breakdown, when it has one. */
  readonly rule?: RuleId;
}

/** How many fixtures in a row must break down the same way before fail fast stops the run. */
export const FAIL_FAST_STREAK = 3;

/** Violations that say the candidate breaks down, not that it optimized something wrongly. */
const BREAKDOWN_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['compile.throws', 'execute.throws', 'compile.result', 'execute.frame']);

/** A failing result that is not a known failure (the expectations file). */
export function isUnexpectedFailure(r: FixtureResult): boolean {
  return (r.status === 'fail' || r.status === 'error') && r.expected?.status !== r.status;
}

interface Breakdown {
  /** Equal keys: the same way of breaking down. */
  readonly key: string;
  /** As the summary names it. */
  readonly what: string;
  readonly rule?: RuleId;
}

/**
 * How a result shows the candidate breaking down, or null when it is a verdict (a pass, a wrong
 * state, a wrong outcome). Errors match by rule (compile.hang) or by their message with numbers
 * blanked (the worker exited with code N); throws by rule and the thrown error's class.
 */
export function breakdownOf(r: FixtureResult): Breakdown | null {
  if (r.status === 'error') {
    if (r.rule) return { key: r.rule, what: r.rule, rule: r.rule };
    const shape = (r.message ?? '').replace(/\d+(\.\d+)?/g, 'N');
    return { key: `error: ${shape}`, what: `error: ${shape}` };
  }
  if (r.status !== 'fail') return null;
  const v = r.violations?.[0];
  if (!v || !BREAKDOWN_RULES.has(v.rule)) return null;
  const errorClass = v.rule.endsWith('.throws') ? /^[A-Za-z_$][\w$]*/.exec(v.message)?.[0] : undefined;
  const what = errorClass ? `${v.rule} (${errorClass})` : v.rule;
  return { key: what, what, rule: v.rule };
}

export interface StopSettings {
  /** Stop after this many failing fixtures; null: never. */
  readonly bail: number | null;
  /** Stop when FAIL_FAST_STREAK fixtures in a row break down the same way. */
  readonly failFast: boolean;
}

/** Watches results in the order they arrive and says when to stop. */
export class StopPolicy {
  private failing = 0;
  private streak: { key: string; count: number } | null = null;

  constructor(private readonly settings: StopSettings) {}

  /** A result has arrived; an EarlyStop when the run should stop now. Skips change nothing. */
  observe(r: FixtureResult): EarlyStop | null {
    if (r.status === 'skip') return null;
    if (isUnexpectedFailure(r)) this.failing++;
    const b = breakdownOf(r);
    if (b === null) this.streak = null;
    else if (this.streak?.key === b.key) this.streak.count++;
    else this.streak = { key: b.key, count: 1 };
    const { bail, failFast } = this.settings;
    if (failFast && b && this.streak!.count >= FAIL_FAST_STREAK) {
      return {
        cause: 'fail-fast',
        reason: `fail fast: ${this.streak!.count} fixtures in a row ended in ${b.what} (--no-fail-fast runs every fixture)`,
        ...(b.rule ? { rule: b.rule } : {}),
      };
    }
    if (bail !== null && this.failing >= bail) {
      return { cause: 'bail', reason: `--bail ${bail}: stopped after ${this.failing} failing fixture${this.failing === 1 ? '' : 's'}` };
    }
    return null;
  }
}

/**
 * Lets whoever drives a session stop it: the stop policy as results arrive, or a signal handler.
 * The first stop wins; a stop before the pool runs takes effect as soon as it does.
 */
export class SessionControl {
  private stoppedBy: EarlyStop | null = null;
  private cancel: (() => void) | null = null;

  get stopped(): EarlyStop | null {
    return this.stoppedBy;
  }

  stop(why: EarlyStop): void {
    if (this.stoppedBy) return;
    this.stoppedBy = why;
    this.cancel?.();
  }

  /** The session's way to cancel the work still queued or running. */
  attach(cancel: () => void): void {
    this.cancel = cancel;
    if (this.stoppedBy) cancel();
  }

  detach(): void {
    this.cancel = null;
  }
}
