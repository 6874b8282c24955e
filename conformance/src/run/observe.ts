/**
 * Run one fixture's program on a VM: load (assemble + verify), then the entry call with the
 * fixture's budget, optimizer, hotspot profile and trace (spec/fixtures.md#fixture-interpretation
 * steps 2-5). A rejection the caller does not accept, and any entry/globals error, is bad input
 * located in the fixture file.
 */
import type { TraceEvent } from '../../../reference/src/optimizer/trace';
import type { Diagnostic } from '../diagnostic';
import type { Fixture } from '../fixtures/types';
import type { Observed } from '../check/observed';
import { traceView } from '../check/trace';
import { mapSourceError } from './map-error';
import { runOptionsOf } from './options';
import type { Vm } from './vm';

export type Observation =
  | {
      readonly ok: true;
      readonly observed: Observed;
      readonly executedOps?: ReadonlySet<string>;
      /** The trace view the fixture asserts; present exactly when it declares `trace:` and the program ran. */
      readonly trace?: readonly TraceEvent[];
    }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export interface ObserveOptions {
  /** Whether a malformed / invalid program is an outcome here (else it is bad input). */
  readonly acceptRejection: (stage: 'malformed' | 'invalid') => boolean;
  /** Why a rejection is not accepted, for the message. */
  readonly expectation: string;
  readonly trackOps?: boolean;
}

export function observe(vm: Vm, fixture: Fixture, options: ObserveOptions): Observation {
  const { program, entry, trace: selection } = fixture.data;
  const loaded = vm.loadProgram(program);
  if (!loaded.ok) {
    const { stage, error } = loaded;
    if (options.acceptRejection(stage)) {
      return { ok: true, observed: { kind: stage, code: error.code, message: error.message } };
    }
    const message = `program is ${stage}: ${error.message} (${options.expectation})`;
    return { ok: false, diagnostic: mapSourceError(fixture, error, message) };
  }
  const opts = runOptionsOf(vm, fixture, options.trackOps);
  if (!opts.ok) return opts;
  const run = vm.runEntry(loaded.program, entry, opts.options);
  if (!run.ok) return { ok: false, diagnostic: mapSourceError(fixture, run.error, run.error.message) };
  const trace = selection === undefined ? {} : { trace: traceView(run.trace ?? [], selection) };
  return { ok: true, observed: run.outcome, executedOps: run.executedOps, ...trace };
}
