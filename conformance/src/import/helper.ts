/**
 * Running tools/cpython/py2fixture.py (the project's one converter) under a CPython 3.13 with
 * --json, and reading its answer: the fixture text, or problems with stable codes and lines.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { OptcertCode } from '../codes';
import type { Env } from './python';

/** The codes py2fixture.py reports (its SYNTAX, UNSUPPORTED, ... constants). */
export const HELPER_CODES = [
  'IMPORT_SYNTAX_ERROR',
  'IMPORT_UNSUPPORTED',
  'IMPORT_UNREPRESENTABLE',
  'IMPORT_INVALID_HEADER',
  'IMPORT_MODULE_ERROR',
  'IMPORT_OVER_BUDGET',
  'IMPORT_NO_PYTHON',
] as const satisfies readonly OptcertCode[];
export type HelperCode = (typeof HELPER_CODES)[number];

export interface HelperProblem {
  readonly code: HelperCode;
  /** 1-based source line, null when the problem has none. */
  readonly line: number | null;
  /** 1-based column, null when unknown. */
  readonly column: number | null;
  readonly message: string;
}

export type HelperResult =
  | { readonly ok: true; readonly fixture: string; readonly steps: number; readonly python: string }
  | { readonly ok: false; readonly problems: readonly HelperProblem[] }
  /** The helper itself broke: no JSON answer, a crash, a timeout. */
  | { readonly ok: 'broken'; readonly message: string };

/** Options passed through to py2fixture.py (undefined: the header's value, or the default). */
export interface HelperOptions {
  readonly call?: string;
  readonly id?: string;
  readonly description?: string;
  readonly spec?: string;
  readonly tags?: string;
  readonly budget?: string;
}

export const HELPER_SCRIPT = join('tools', 'cpython', 'py2fixture.py');

/** Two minutes: a program within the default budget runs in seconds under CPython's tracer. */
const TIMEOUT_MS = 120_000;

export function runHelper(python: string, root: string, source: string, options: HelperOptions, env: Env): HelperResult {
  const args = ['-I', join(root, HELPER_SCRIPT), source, '--json', '--defaults'];
  for (const [k, v] of Object.entries(options) as [string, string | undefined][]) if (v !== undefined) args.push(`--${k}`, v);
  const r = spawnSync(python, args, {
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lastErr = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  if (r.error) {
    const timedOut = (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    return { ok: 'broken', message: timedOut ? `the helper did not finish within ${TIMEOUT_MS / 1000} s` : r.error.message };
  }
  let answer: unknown;
  try {
    answer = JSON.parse(r.stdout ?? '');
  } catch {
    return { ok: 'broken', message: `the helper exited with status ${r.status ?? r.signal} without an answer${lastErr ? `: ${lastErr}` : ''}` };
  }
  return readAnswer(answer);
}

function readAnswer(a: unknown): HelperResult {
  const bad = (what: string): HelperResult => ({ ok: 'broken', message: `the helper's answer is malformed: ${what}` });
  if (typeof a !== 'object' || a === null) return bad('not an object');
  const o = a as Record<string, unknown>;
  if (o.ok === true) {
    if (typeof o.fixture !== 'string') return bad('no fixture text');
    return { ok: true, fixture: o.fixture, steps: typeof o.steps === 'number' ? o.steps : 0, python: String(o.python ?? '') };
  }
  if (o.ok !== false || !Array.isArray(o.problems) || o.problems.length === 0) return bad('neither a fixture nor problems');
  const problems: HelperProblem[] = [];
  for (const p of o.problems as unknown[]) {
    const q = (p ?? {}) as Record<string, unknown>;
    if (!(HELPER_CODES as readonly unknown[]).includes(q.code)) return bad(`unknown problem code ${JSON.stringify(q.code)}`);
    const positive = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
    problems.push({ code: q.code as HelperCode, line: positive(q.line), column: positive(q.column), message: String(q.message ?? '') });
  }
  return { ok: false, problems };
}
