/**
 * Run one fixture's program on a VM: load (assemble + verify), then the entry call with the
 * fixture's budget (spec/fixtures.md#fixture-interpretation steps 2-5). A rejection the caller
 * does not accept, and any entry/globals error, is bad input located in the fixture file.
 */
import { DEFAULT_BUDGET } from '../../../reference/src/api';
import type { Diagnostic } from '../diagnostic';
import type { Fixture } from '../fixtures/types';
import type { Observed } from '../check/observed';
import { mapSourceError } from './map-error';
import type { Vm } from './vm';

export type Observation =
  | { readonly ok: true; readonly observed: Observed; readonly executedOps?: ReadonlySet<string> }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export interface ObserveOptions {
  /** Whether a malformed / invalid program is an outcome here (else it is bad input). */
  readonly acceptRejection: (stage: 'malformed' | 'invalid') => boolean;
  /** Why a rejection is not accepted, for the message. */
  readonly expectation: string;
  readonly trackOps?: boolean;
}

export function observe(vm: Vm, fixture: Fixture, options: ObserveOptions): Observation {
  const { program, entry, budget } = fixture.data;
  const loaded = vm.loadProgram(program);
  if (!loaded.ok) {
    const { stage, error } = loaded;
    if (options.acceptRejection(stage)) {
      return { ok: true, observed: { kind: stage, code: error.code, message: error.message } };
    }
    const message = `program is ${stage}: ${error.message} (${options.expectation})`;
    return { ok: false, diagnostic: mapSourceError(fixture, error, message) };
  }
  const run = vm.runEntry(loaded.program, entry, { budget: budget ?? DEFAULT_BUDGET, trackOps: options.trackOps });
  if (!run.ok) return { ok: false, diagnostic: mapSourceError(fixture, run.error, run.error.message) };
  return { ok: true, observed: run.outcome, executedOps: run.executedOps };
}
