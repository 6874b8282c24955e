/**
 * Which fixtures say something about a candidate optimizer, and why the others are skipped.
 * @spec #certify-applicability
 */
import { ALL_CAPABILITIES, Capability } from '../../../reference/src/optimizer/api';
import type { Fixture } from '../fixtures/types';

const JUMP_BACKWARD = /^\s*(?:\w+:\s*)?JUMP_BACKWARD\s/m;
const RESUME_AFTER_YIELD = /^\s*(?:\w+:\s*)?RESUME\s+(\d+)/gm;

function hasResumeAfterYield(text: string): boolean {
  for (const m of text.matchAll(RESUME_AFTER_YIELD)) if ((Number(m[1]) & 3) === 1 || (Number(m[1]) & 3) === 2) return true;
  return false;
}

/** Null when the fixture applies; else the reason it is skipped. */
export function skipReason(fixture: Fixture, capabilities: number): string | null {
  const d = fixture.data;
  const expect = d.expect;
  if (!expect) return 'the fixture has no expectation yet';
  if ('invalid' in expect || 'malformed' in expect) return 'the program is rejected before it runs';
  if ('fault' in expect) return "the fixture expects a fault from its own scripted optimizer";
  if ('exhausted' in expect) return 'exhaustion depends on step counts, which executors change';
  const texts = [...Object.values(d.program.functions ?? {}), ...Object.values(d.program.code ?? {})];
  if (d.optimizers || texts.some((t) => t.includes('_optcert'))) return 'the program switches optimizers itself';
  // Not a valid capability mask: registration refuses it, which every runnable fixture must report.
  if (!Number.isInteger(capabilities) || capabilities === 0 || (capabilities & ~ALL_CAPABILITIES) !== 0) return null;
  const kinds: string[] = [];
  if (capabilities & Capability.FUNCTION_ENTRY) kinds.push('function entry');
  if (capabilities & Capability.BACK_EDGE && texts.some((t) => JUMP_BACKWARD.test(t))) kinds.push('back edge');
  if (capabilities & Capability.RESUME_AFTER_YIELD && texts.some(hasResumeAfterYield)) kinds.push('resume after yield');
  if (kinds.length === 0) return `no hotspot of a declared kind (capabilities ${capabilities})`;
  return null;
}
