/** What running a fixture's program produced: a run outcome or a load-time rejection. */
import type { Outcome } from '../../../reference/src/api';

export interface Rejection {
  readonly kind: 'malformed' | 'invalid';
  readonly code: string;
  readonly message: string;
}

export type Observed = Outcome | Rejection;
