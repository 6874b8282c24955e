/** The console table of `optcert coverage`. */
import type { Coverage, CoverageRow } from '../coverage/compute';
import type { Edge } from '../coverage/edges';
import type { ExecutorEdges } from '../coverage/executor-edges';

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

const SHOWN_GAPS = 12;

const edgeText = (e: Edge) => `${e.instruction}${e.variant ? ` ${e.variant}` : ''} (${e.classes.join(', ')}) -> ${e.outcome}`;

function gapList(title: string, edges: readonly Edge[]): string[] {
  if (edges.length === 0) return [];
  const shown = edges.slice(0, SHOWN_GAPS).map((e) => `    ${edgeText(e)}`);
  if (edges.length > SHOWN_GAPS) shown.push(`    … ${edges.length - SHOWN_GAPS} more (--format json lists them all)`);
  return [`${title} (${edges.length}):`, ...shown];
}

/**
 * The executor-edge section: per instruction and variant, edges run inside executors and after a
 * transition over the universe, then the gaps.
 * @spec #executor-edges-measure
 */
export function executorEdgesTable(m: ExecutorEdges): string[] {
  const lines = [`executor edges (${m.sample}, stress mode)         inside    after a transition  justified`];
  for (const r of m.rows) {
    const name = `${r.instruction}${r.variant ? ` ${r.variant}` : ''}`;
    const frac = (n: number) => `${n}/${r.total}`.padStart(9);
    const after = r.transitions ? frac(r.afterTransition) : `${frac(r.afterTransition)}*`;
    lines.push(`  ${name.padEnd(40)} ${frac(r.inside)}   ${after.padEnd(10)}        ${String(r.justified).padStart(5)}`);
  }
  if (m.rows.some((r) => !r.transitions)) lines.push('  * one class combination only: nothing can come before it, the column counts the edge itself');
  lines.push('');
  lines.push(
    `executor edges: ${m.inside}/${m.total} inside executors, ${m.afterTransition}/${m.total} after a transition ` +
      `(${m.passed} of ${m.certified} fixtures certified by ${m.sample}); ${m.justified.length} justified and ` +
      `${m.outside.length} variants outside the measure (conformance/src/coverage/exclusions.json)`,
  );
  if (m.failed.length > 0) lines.push(`${m.sample} failed ${m.failed.length} fixtures, whose edges count for nothing: ${m.failed.slice(0, SHOWN_IDS).join(', ')}${m.failed.length > SHOWN_IDS ? ', …' : ''}`);
  if (m.unexpected.length > 0) {
    const shown = m.unexpected.slice(0, SHOWN_IDS).map((u) => `${edgeText(u.edge)} in ${u.fixture}`);
    lines.push(`${m.unexpected.length} edges ran inside executors outside the universe (not counted): ${shown.join('; ')}${m.unexpected.length > SHOWN_IDS ? '; …' : ''}`);
  }
  lines.push(...gapList('edges never run inside an executor', m.rows.flatMap((r) => r.missing)));
  lines.push(...gapList('edges run inside an executor, never after another class combination there', m.rows.flatMap((r) => r.missingAfterTransition)));
  return lines;
}
