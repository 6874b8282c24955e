/**
 * The expectations file (`--expectations FILE`): the fixtures a candidate is known not to pass,
 * each with a reason, as data (engine262's expectation lists). YAML, a mapping of fixture id to
 * `{status: fail | error | skip, reason: text}`:
 *
 *   programs.fib-recursive: {status: fail, reason: "no tail calls yet (#12)"}
 *   vm.calls.deep-recursion-ok: {status: skip, reason: "too slow under lockstep"}
 *
 * `skip` fixtures are not run. A fixture whose outcome is its expected `fail` or `error` is a
 * known failure and does not fail the run; one that passes is an unexpected pass and does.
 * @spec #certify-expectations
 */
import { isMap, isPair, isScalar } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostic';
import { parseFixtureYaml } from '../fixtures/yaml';

export interface Expectation {
  readonly status: 'fail' | 'error' | 'skip';
  readonly reason: string;
}

export type ExpectationsResult =
  | { readonly ok: true; readonly expectations: ReadonlyMap<string, Expectation> }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

const STATUSES = ['fail', 'error', 'skip'] as const;

export function parseExpectations(file: string, text: string): ExpectationsResult {
  const parsed = parseFixtureYaml(file, text);
  if (!parsed.ok) return { ok: false, diagnostic: { ...parsed.diagnostic, code: 'EXPECTATIONS_INVALID' } };
  const { doc, lineCounter } = parsed;
  const bad = (offset: number | undefined, message: string): ExpectationsResult => {
    const at = lineCounter.linePos(offset ?? 0);
    return { ok: false, diagnostic: diagnostic(file, at.line, at.col, 'EXPECTATIONS_INVALID', message) };
  };
  const root = doc.contents;
  const out = new Map<string, Expectation>();
  if (root === null || (isScalar(root) && root.value === null)) return { ok: true, expectations: out };
  if (!isMap(root)) return bad(root.range?.[0], 'the expectations file must be a mapping of fixture id to {status, reason}');
  const data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string') {
      return bad((pair.key as { range?: number[] } | null)?.range?.[0], 'each key must be a fixture id');
    }
    const id = pair.key.value;
    const value: unknown = data[id];
    const at = (pair.value as { range?: number[] } | null)?.range?.[0] ?? pair.key.range?.[0];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad(at, `${id}: expected {status: fail | error | skip, reason: text}`);
    const v = value as Record<string, unknown>;
    const extra = Object.keys(v).filter((k) => k !== 'status' && k !== 'reason');
    if (extra.length > 0) return bad(at, `${id}: unknown key ${extra.join(', ')} (allowed: status, reason)`);
    if (!(STATUSES as readonly unknown[]).includes(v.status)) return bad(at, `${id}: status must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(v.status)}`);
    if (typeof v.reason !== 'string' || v.reason.trim() === '') return bad(at, `${id}: every expectation needs a reason`);
    out.set(id, { status: v.status as Expectation['status'], reason: v.reason });
  }
  return { ok: true, expectations: out };
}
