/**
 * Traces in fixtures (spec/fixtures.md#fixture-trace): the view a fixture asserts (every event, or
 * those of the kinds `trace:` names), structural comparison reporting the first difference as
 * `trace[i].field: expected X, got Y`, and a compact YAML-flow rendering of values. Pure.
 */
import type { TraceEvent } from '../../../reference/src/optimizer/trace';
import type { TraceSelection } from '../fixtures/types';

/** The events a fixture with this `trace:` selection asserts, in order. */
export function traceView(events: readonly TraceEvent[], selection: TraceSelection): TraceEvent[] {
  if (selection === 'full') return [...events];
  const kinds = new Set<string>(selection);
  return events.filter((e) => kinds.has(e.kind));
}

/**
 * Fields never compared: a fault's message is for people (errors are checked by rule, never by
 * message), so another VM's wording, or a reworded reference message, does not fail a fixture.
 */
function ignored(event: Readonly<Record<string, unknown>>, key: string): boolean {
  return event.kind === 'fault' && key === 'message';
}

/** The first difference between two traces, or null when they are equal. */
export function traceDifference(expected: readonly TraceEvent[], got: readonly TraceEvent[]): string | null {
  const n = Math.min(expected.length, got.length);
  for (let i = 0; i < n; i++) {
    const d = eventDifference(`trace[${i}]`, expected[i]!, got[i]!);
    if (d !== null) return d;
  }
  if (expected.length === got.length) return null;
  const more = got.length > expected.length;
  const first = more ? got[n]! : expected[n]!;
  return `trace.length: expected ${expected.length}, got ${got.length} (first ${more ? 'extra' : 'missing'}: ${summary(first)})`;
}

export function sameTrace(a: readonly TraceEvent[], b: readonly TraceEvent[]): boolean {
  return traceDifference(a, b) === null;
}

type Plain = Readonly<Record<string, unknown>>;

function eventDifference(path: string, expected: TraceEvent, got: TraceEvent): string | null {
  const e = expected as unknown as Plain;
  const g = got as unknown as Plain;
  if (e.kind !== g.kind) return `${path}.kind: expected ${flow(e.kind)}, got ${flow(g.kind)} (${summary(got)})`;
  return objectDifference(path, e, g, (k) => ignored(e, k));
}

function objectDifference(path: string, e: Plain, g: Plain, skip: (key: string) => boolean = () => false): string | null {
  for (const key of keysOf(e, g)) {
    if (skip(key)) continue;
    const d = valueDifference(`${path}.${key}`, e[key], g[key]);
    if (d !== null) return d;
  }
  return null;
}

/** Expected's keys in order, then keys only the observed value has; undefined counts as absent. */
function keysOf(e: Plain, g: Plain): string[] {
  const present = (o: Plain) => Object.keys(o).filter((k) => o[k] !== undefined);
  const keys = present(e);
  for (const k of present(g)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

function valueDifference(path: string, e: unknown, g: unknown): string | null {
  if (isRecord(e) && isRecord(g)) return objectDifference(path, e, g);
  if (Array.isArray(e) && Array.isArray(g)) {
    for (let i = 0; i < Math.min(e.length, g.length); i++) {
      const d = valueDifference(`${path}[${i}]`, e[i], g[i]);
      if (d !== null) return d;
    }
    if (e.length === g.length) return null;
  } else if (Object.is(e, g) || (e === 0 && g === 0)) return null;
  return `${path}: expected ${shown(e)}, got ${shown(g)}`;
}

function isRecord(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  return v === undefined ? '(absent)' : flow(v);
}

const SUMMARY_MAX = 100;

/** One event in flow style, cut to about 100 characters. */
export function summary(event: TraceEvent): string {
  const text = flow(event);
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 2)}…}`;
}

/** Words YAML 1.2's core schema would not read back as a string. */
const NOT_PLAIN = /^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;

/** A value as YAML flow text: plain words unquoted, other strings JSON-quoted. */
export function flow(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return /^[A-Za-z_][A-Za-z0-9_.<>@-]*$/.test(v) && !NOT_PLAIN.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Plain).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${k}: ${flow(x)}`).join(', ')}}`;
  }
  return String(v);
}
