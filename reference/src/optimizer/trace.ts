/**
 * Trace events: plain JSON data, defined once in spec/schemas/trace-event.schema.json.
 * @spec #trace-events
 */
import type { HotspotKind } from './api';

export type TraceEvent =
  | { readonly kind: 'registered'; readonly optimizer: string; readonly capabilities: number }
  | { readonly kind: 'unregistered'; readonly optimizer: string }
  | {
      readonly kind: 'hotspot';
      readonly code: string;
      readonly offset: number;
      readonly hotspot: HotspotKind;
      readonly counters: Readonly<Record<string, number>>;
    }
  | { readonly kind: 'compile'; readonly code: string; readonly offset: number }
  | { readonly kind: 'declined'; readonly code: string; readonly offset: number }
  | { readonly kind: 'installed'; readonly code: string; readonly offset: number; readonly executor: number }
  | { readonly kind: 'entered'; readonly code: string; readonly offset: number; readonly executor: number }
  | {
      readonly kind: 'exited';
      readonly code: string;
      readonly offset: number;
      readonly executor: number;
      /** Where execution continues: the innermost frame's code and instruction pointer. */
      readonly at: { readonly code: string; readonly ip: number } | null;
      /** False when the executor came back at its own hotspot, so the VM ran the original instruction. */
      readonly progressed: boolean;
    }
  | { readonly kind: 'replaced'; readonly code: string; readonly offset: number; readonly old: number; readonly executor: number }
  | { readonly kind: 'removed'; readonly code: string; readonly offset: number; readonly executor: number; readonly reason: RemovalReason }
  | { readonly kind: 'invalidated'; readonly code: string; readonly offset: number; readonly executor: number; readonly cause: InvalidationCause }
  | { readonly kind: 'fault'; readonly phase: FaultPhase; readonly rule: string; readonly message: string; readonly code?: string; readonly offset?: number };

export type RemovalReason = 'replaced-by-null' | 'optimizer-changed';
/** What invalidated an executor: a namespace it depends on changed, an explicit invalidation of an object it depends on, or of everything. @spec #executor-invalidation */
export type InvalidationCause = 'globals' | 'dependency' | 'all';
export type FaultPhase = 'register' | 'compile' | 'execute' | 'replace';
export type TraceKind = TraceEvent['kind'];

export const TRACE_KINDS: readonly TraceKind[] = [
  'registered', 'unregistered', 'hotspot', 'compile', 'declined', 'installed', 'entered', 'exited', 'replaced', 'removed', 'invalidated', 'fault',
];
