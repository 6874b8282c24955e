/**
 * What an optimizer declares — name, capabilities, costs — read once per instance. The VM, the
 * choice of fixtures and the report all use these values; the candidate's own properties are read
 * again only at the end, to catch a declaration that changes (a getter that answers one thing
 * when fixtures are chosen and another when the VM registers it).
 * @spec #certify-guard
 */
import type { RuleId } from './rules';

export interface Declaration {
  readonly name: unknown;
  readonly capabilities: unknown;
  readonly optimizationCost: unknown;
  readonly runCost: unknown;
}

export const DECLARED_FIELDS = ['name', 'capabilities', 'optimizationCost', 'runCost'] as const;

export type DeclarationRead = { readonly ok: true; readonly declaration: Declaration } | { readonly ok: false; readonly message: string };

/** Read each declared property once; a throwing getter is an error of the candidate. */
export function readDeclaration(candidate: object): DeclarationRead {
  const values: Record<string, unknown> = {};
  for (const field of DECLARED_FIELDS) {
    try {
      values[field] = (candidate as Record<string, unknown>)[field];
    } catch (e) {
      return { ok: false, message: `reading ${field} threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.split('\n')[0]! };
    }
  }
  return { ok: true, declaration: values as unknown as Declaration };
}

export interface DeclarationChange {
  readonly rule: Extract<RuleId, 'capabilities.stable' | 'costs.stable'>;
  readonly message: string;
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** How `now` differs from `before`: capabilities first, then the costs; null when it does not. */
export function declarationChange(before: Declaration, now: DeclarationRead, when: string): DeclarationChange | null {
  if (!now.ok) return { rule: 'capabilities.stable', message: `${when}, ${now.message}` };
  const after = now.declaration;
  if (!Object.is(before.capabilities, after.capabilities)) {
    return { rule: 'capabilities.stable', message: `capabilities ${show(before.capabilities)} became ${show(after.capabilities)} ${when}` };
  }
  const costs = (['optimizationCost', 'runCost'] as const).filter((k) => !Object.is(before[k], after[k]));
  if (costs.length > 0) {
    return { rule: 'costs.stable', message: `costs changed ${when}: ${costs.map((k) => `${k} ${show(before[k])} -> ${show(after[k])}`).join(', ')}` };
  }
  return null;
}
