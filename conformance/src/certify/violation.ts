/** What a certification finds, as plain data. */
import { HostInterrupt } from '../../../reference/src/optimizer/runtime';
import type { CandidateTiming } from './candidate';
import type { RuleId } from './rules';

export interface Violation {
  readonly rule: RuleId;
  readonly message: string;
  /** Where: the code object and the hotspot offset, when the rule is about an executor. */
  readonly code?: string;
  readonly offset?: number;
  /** The first differing path of the VM state, e.g. `frames[1].stack[2]: expected int 3, got int 4`. */
  readonly difference?: string;
  /** advance-n: the N whose interpreter state came closest. */
  readonly closestN?: number;
}

export type FixtureVerdict =
  | { readonly status: 'pass'; readonly entries: number; readonly compiles: number; readonly timing?: CandidateTiming }
  | { readonly status: 'fail'; readonly violations: readonly Violation[] }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'skip'; readonly reason: string };

/** Stops the run at the first violation that leaves the VM state untrustworthy. */
export class CertificationStop extends HostInterrupt {
  constructor(readonly violation: Violation) {
    super();
  }
}
