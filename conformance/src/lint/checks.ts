/**
 * Per-fixture lint checks beyond the schema: unknown spec anchors, unknown tags, op-X anchors for
 * instructions the program never mentions, missing expectations, unknown sample optimizers,
 * scripted `at:` keys that name no hotspot, traces without an optimizer. Pure: data in,
 * diagnostics out.
 */
import type { Node } from 'yaml';
import { parseHotspotKey } from '../../../reference/src/optimizers/scripted';
import type { OptcertCode } from '../codes';
import { diagnostic, type Diagnostic } from '../diagnostic';
import type { Anchor } from '../fixtures/anchors';
import type { HotspotSites } from '../fixtures/hotspots';
import { isScripted, optimizerRefs } from '../fixtures/optimizers';
import { keyNodeOf, nodeAtPath, nodePosition } from '../fixtures/positions';
import { opsInProgram } from '../fixtures/program-ops';
import type { Fixture } from '../fixtures/types';

export interface LintContext {
  readonly anchors: ReadonlyMap<string, Anchor>;
  readonly tags: ReadonlySet<string>;
  readonly instructions: ReadonlySet<string>;
  /** The sample optimizers' names; without it sample names are not checked. */
  readonly samples?: ReadonlySet<string>;
  /** The program's hotspots (null: it does not load); without it `at:` keys are not checked. */
  readonly hotspots?: (f: Fixture) => HotspotSites | null;
}

export function lintFixture(f: Fixture, ctx: LintContext): Diagnostic[] {
  return [...checkAnchors(f, ctx), ...checkTags(f, ctx), ...checkOptimizers(f, ctx), ...checkExpect(f)];
}

function at(f: Fixture, path: readonly string[], code: OptcertCode, message: string): Diagnostic {
  const node = nodeAtPath(f.doc.contents as Node | null, path).node;
  return located(f, node, code, message);
}

function located(f: Fixture, node: Node | null, code: OptcertCode, message: string): Diagnostic {
  const p = nodePosition(f.lineCounter, node);
  return diagnostic(f.file, p.line, p.column, code, message);
}

/** @spec #fixture-optimizer */
export function checkOptimizers(f: Fixture, ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const refs = optimizerRefs(f.data);
  if (f.data.trace !== undefined && refs.length === 0 && !usesOptcertModule(f)) {
    out.push(
      at(f, ['trace'], 'LINT_TRACE_WITHOUT_OPTIMIZER', 'trace: is declared but no optimizer is registered (no optimizer:, no optimizers:, no _optcert in the program): the trace is always empty'),
    );
  }
  let sites: HotspotSites | null | undefined;
  for (const { path, ref } of refs) {
    if (!isScripted(ref)) {
      if (ctx.samples && !ctx.samples.has(ref)) {
        out.push(at(f, path, 'LINT_UNKNOWN_OPTIMIZER', `no sample optimizer named '${ref}' (known: ${[...ctx.samples].join(', ')})`));
      }
      continue;
    }
    if (!ctx.hotspots || ref.at === undefined) continue;
    if (sites === undefined) sites = ctx.hotspots(f);
    if (sites === null) continue;
    for (const key of Object.keys(ref.at)) {
      const problem = hotspotKeyProblem(key, sites);
      if (problem) out.push(located(f, keyNodeOf(f.doc.contents as Node | null, [...path, 'at'], key), 'LINT_NOT_A_HOTSPOT', problem));
    }
  }
  return out;
}

/** The program can register optimizers itself through the `_optcert` module (spec/optimizer-api.md#optimizer-internals). */
function usesOptcertModule(f: Fixture): boolean {
  const { functions = {}, code = {} } = f.data.program;
  return [...Object.values(functions), ...Object.values(code)].some((text) => /\b_optcert\b/.test(text));
}

function hotspotKeyProblem(key: string, sites: HotspotSites): string | null {
  const parsed = parseHotspotKey(key);
  if (!parsed) return `'${key}' is not <code name>@<offset>`;
  const here = sites.get(parsed.code);
  if (!here) return `'${key}': the program has no code object '${parsed.code}' (it has ${[...sites.keys()].join(', ')})`;
  if (here.has(parsed.offset)) return null;
  const list = [...here].map(([o, kind]) => `${o} (${kind})`).join(', ');
  return `'${key}': offset ${parsed.offset} of ${parsed.code} is not a hotspot instruction (hotspots: ${list || 'none'})`;
}

export function checkAnchors(f: Fixture, ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ops = opsInProgram(f.data.program, ctx.instructions);
  f.data.spec.forEach((anchor, i) => {
    const path = ['spec', String(i)];
    if (!ctx.anchors.has(anchor)) out.push(at(f, path, 'LINT_UNKNOWN_ANCHOR', `spec anchor '${anchor}' is not defined in spec/*.md`));
    const op = anchor.startsWith('op-') ? anchor.slice(3) : null;
    if (op !== null && ctx.instructions.has(op) && !ops.has(op)) {
      out.push(at(f, path, 'LINT_OP_NOT_IN_PROGRAM', `cites '${anchor}' but the program has no ${op} instruction`));
    }
  });
  return out;
}

export function checkTags(f: Fixture, ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  (f.data.tags ?? []).forEach((tag, i) => {
    if (!ctx.tags.has(tag)) out.push(at(f, ['tags', String(i)], 'LINT_UNKNOWN_TAG', `tag '${tag}' is not listed in the tag registry`));
  });
  return out;
}

export function checkExpect(f: Fixture): Diagnostic[] {
  return f.data.expect ? [] : [at(f, [], 'LINT_MISSING_EXPECT', `fixture '${f.data.id}' has no expect (record it with optcert bless)`)];
}
