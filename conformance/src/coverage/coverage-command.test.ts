import { join } from 'node:path';
import { main } from '../cli';
import { referenceVm } from '../run/reference-vm';
import { capture } from '../../test/helpers';

const ROOT = join(__dirname, '../../..');
const ADD = 'fixtures/hot/types/binary-add.yaml';

function coverage(args: string[]) {
  const c = capture(ROOT, referenceVm, ROOT);
  const code = main(['coverage', ...args], c.io);
  return { code, out: c.out, err: c.err };
}

describe('optcert coverage: executor edges', () => {
  it('measures a custom corpus only when asked, and fails on the edges it leaves uncovered', () => {
    expect(coverage([ADD, '--format', 'json']).out.join('\n')).not.toContain('executorEdges');
    const r = coverage([ADD, '--executor-edges', '--format', 'json']);
    // One fixture covers BINARY_OP + entirely; everything else is a gap: exit 1.
    expect(r.code).toBe(1);
    const m = JSON.parse(r.out.join('\n')).executorEdges as {
      rows: { instruction: string; variant: string; total: number; inside: number; afterTransition: number; missing: unknown[] }[];
      passed: number;
    };
    expect(m.passed).toBe(1);
    const add = m.rows.find((row) => row.instruction === 'BINARY_OP' && row.variant === '+')!;
    expect(add.total).toBeGreaterThan(250);
    expect(add).toMatchObject({ inside: add.total, afterTransition: add.total, missing: [] });
    const sub = m.rows.find((row) => row.instruction === 'BINARY_OP' && row.variant === '-')!;
    expect(sub.inside).toBeLessThan(sub.total);
  });

  it('lists the gaps in the table', () => {
    const r = coverage([ADD, '--executor-edges']);
    expect(r.code).toBe(1);
    expect(r.out.some((l) => /^edges never run inside an executor \([1-9]\d*\):$/.test(l))).toBe(true);
    expect(r.out.some((l) => /^ {2}BINARY_OP \+ +(\d+)\/\1 +\1\/\1 /.test(l))).toBe(true);
  });

  it('rejects contradicting options', () => {
    expect(coverage([ADD, '--executor-edges', '--skip-executor-edges']).code).toBe(2);
  });
});
