/** The console table of `optcert coverage`. */
import type { Coverage, CoverageRow } from '../coverage/compute';

const SHOWN_IDS = 3;

function row(name: string, r: CoverageRow, note = ''): string {
  const ids = r.fixtures.slice(0, SHOWN_IDS).join(', ') + (r.fixtures.length > SHOWN_IDS ? ', …' : '');
  const count = r.fixtures.length === 0 ? 'NONE' : String(r.fixtures.length);
  return `  ${name.padEnd(34)} ${count.padStart(4)}  ${ids}${note}`;
}

export function coverageTable(c: Coverage): string[] {
  const lines = ['instruction                          fixtures'];
  for (const r of c.instructions) lines.push(row(r.name, r));
  lines.push('', 'spec anchor                          fixtures');
  for (const r of c.anchors) lines.push(row(r.name, r, r.informative ? '  (informative)' : ''));
  lines.push('');
  if (c.notPassing.length > 0) lines.push(`${c.notPassing.length} fixtures did not pass and count for nothing (see optcert run)`);
  const coveredOps = c.instructions.length - c.uncovered.instructions.length;
  const normative = c.anchors.filter((a) => !a.informative).length;
  lines.push(`instructions: ${coveredOps}/${c.instructions.length} covered`);
  lines.push(`normative anchors: ${normative - c.uncovered.anchors.length}/${normative} covered`);
  if (c.uncovered.instructions.length > 0) lines.push(`uncovered instructions: ${c.uncovered.instructions.join(', ')}`);
  if (c.uncovered.anchors.length > 0) lines.push(`uncovered anchors: ${c.uncovered.anchors.join(', ')}`);
  return lines;
}
