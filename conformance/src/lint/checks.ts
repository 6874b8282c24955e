/**
 * Per-fixture lint checks beyond the schema: unknown spec anchors, unknown tags, op-X anchors for
 * instructions the program never mentions, missing expectations. Pure: data in, diagnostics out.
 */
import type { Node } from 'yaml';
import type { OptcertCode } from '../codes';
import { diagnostic, type Diagnostic } from '../diagnostic';
import type { Anchor } from '../fixtures/anchors';
import { nodeAtPath, nodePosition } from '../fixtures/positions';
import { opsInProgram } from '../fixtures/program-ops';
import type { Fixture } from '../fixtures/types';

export interface LintContext {
  readonly anchors: ReadonlyMap<string, Anchor>;
  readonly tags: ReadonlySet<string>;
  readonly instructions: ReadonlySet<string>;
}

export function lintFixture(f: Fixture, ctx: LintContext): Diagnostic[] {
  return [...checkAnchors(f, ctx), ...checkTags(f, ctx), ...checkExpect(f)];
}

function at(f: Fixture, path: readonly string[], code: OptcertCode, message: string): Diagnostic {
  const node = nodeAtPath(f.doc.contents as Node | null, path).node;
  const p = nodePosition(f.lineCounter, node);
  return diagnostic(f.file, p.line, p.column, code, message);
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
