/** `optcert coverage`: instructions and spec anchors x passing fixtures. */
import { resolve } from 'node:path';
import { defaultSpecDir } from '../config';
import { computeCoverage } from '../coverage/compute';
import { computeExecutorEdges, edgeGaps, MEASURED_SAMPLE, type ExecutorEdges } from '../coverage/executor-edges';
import { readAnchors } from '../fixtures/anchors';
import { chooseCorpus } from '../fixtures/corpus';
import { loadCorpus } from '../fixtures/select';
import { coverageTable, executorEdgesTable } from '../report/coverage-table';
import { runAll } from '../run/run-all';
import { EXIT, oneOf, parse, usage, type Command, type Context } from './context';

const HELP = `Usage: optcert coverage [paths...] [options]

Run the fixtures under paths (default: optcert's official corpus) with instruction tracking and show which
passing fixtures cover each instruction and each spec anchor. An instruction is covered when a
passing fixture executes it (a run-time-only instruction: when it appears in a passing fixture's
program); an anchor when a passing fixture lists it in spec: or executes its op-<NAME> instruction.

Then, for the official corpus (or with --executor-edges), the executor-edge measure
(spec/certification.md#executor-edges): the superblock sample is certified in stress mode over the
passing fixtures, and each combination of operand classes and outcome of the measured instructions
is covered when it ran inside an executor, and after a transition when that executor had run the
instruction with other classes before.

Options:
  --generated           add the official generated tier (fixtures-generated/) to the official corpus
  --format <name>       table (default) or json
  --executor-edges      measure executor edges for a custom corpus (paths) too
  --skip-executor-edges only instructions and anchors (no certification run)
  --spec-dir <dir>      where the spec's *.md files are (default: optcert's spec/)
  -h, --help            show this help

Exit: 0 everything covered, 1 an instruction or a normative anchor has no fixture, or an
executor edge that exclusions.json does not justify is missing from either column,
2 bad input or usage, 3 internal error.`;

const OPTIONS = {
  generated: { type: 'boolean' },
  format: { type: 'string' },
  'spec-dir': { type: 'string' },
  'executor-edges': { type: 'boolean' },
  'skip-executor-edges': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'instructions and spec anchors covered by passing fixtures',
  help: HELP,
  run(args, ctx) {
    const parsed = parse(args, OPTIONS);
    if (!parsed.ok) return usage(ctx, 'coverage', parsed.message);
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.io.out(HELP);
      return EXIT.ok;
    }
    const format = oneOf('--format', values.format, ['table', 'json'] as const, 'table');
    if (!format.ok) return usage(ctx, 'coverage', format.message);
    const specDir = values['spec-dir'] !== undefined ? resolve(ctx.io.cwd, values['spec-dir']) : defaultSpecDir(ctx.root, ctx.io.cwd);
    const corpus = chooseCorpus(ctx.root, ctx.io.cwd, { paths: positionals, generated: values.generated === true });
    if (!corpus.ok) return usage(ctx, 'coverage', corpus.message);
    if (values['executor-edges'] && values['skip-executor-edges']) return usage(ctx, 'coverage', '--executor-edges and --skip-executor-edges contradict each other');
    const wanted = values['skip-executor-edges'] ? false : values['executor-edges'] === true || corpus.corpus.kind !== 'custom';
    const sample = ctx.vm.sampleOptimizers[MEASURED_SAMPLE];
    if (values['executor-edges'] && !sample) return usage(ctx, 'coverage', `--executor-edges needs the ${MEASURED_SAMPLE} sample optimizer, which this VM does not have`);
    return execute(ctx, corpus.corpus.paths, specDir, format.value, wanted && sample !== undefined);
  },
};

function execute(ctx: Context, paths: readonly string[], specDir: string, format: 'table' | 'json', withEdges: boolean): number {
  const anchors = readAnchors(specDir);
  if (!anchors || anchors.size === 0) {
    ctx.io.err(`${ctx.show(specDir)}:1:1: SPEC_DIR_INVALID: no spec anchors found in ${ctx.show(specDir)}/*.md`);
    return EXIT.badInput;
  }
  const corpus = loadCorpus(ctx.io.cwd, paths);
  corpus.problems.forEach(ctx.report);
  const runs = runAll(ctx.vm, corpus.fixtures, true);
  let bad = corpus.problems.length;
  let errors = 0;
  for (const r of runs) {
    if (r.status === 'bad-input') {
      bad++;
      ctx.report(r.diagnostic);
    } else if (r.status === 'error') {
      errors++;
      ctx.io.err(`ERROR ${r.fixture.data.id} (${ctx.show(r.fixture.file)}): internal error: ${r.error}`);
    }
  }
  const coverage = computeCoverage(ctx.vm.instructions, anchors, runs);
  // Only fixtures the plain run passed: a failing one says nothing about executors.
  const edges: ExecutorEdges | null = withEdges ? computeExecutorEdges(ctx.vm, runs.filter((r) => r.status === 'pass').map((r) => r.fixture)) : null;
  if (format === 'json') ctx.io.out(JSON.stringify(edges ? { ...coverage, executorEdges: edges } : coverage, null, 2));
  else {
    coverageTable(coverage).forEach((l) => ctx.io.out(l));
    if (edges) ['', ...executorEdgesTable(edges)].forEach((l) => ctx.io.out(l));
  }
  if (errors > 0) return EXIT.internal;
  if (bad > 0) return EXIT.badInput;
  const gaps = coverage.uncovered.instructions.length + coverage.uncovered.anchors.length + (edges ? edgeGaps(edges) : 0);
  return gaps > 0 ? EXIT.failures : EXIT.ok;
}
