import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture } from '../fixtures/types';
import { parseShard, selectFixtures, shardIds } from './select';

const fake = (id: string, tags?: string[]): Fixture => ({ file: `/x/${id}.yaml`, text: '', data: { id, tags } }) as unknown as Fixture;

/** Pseudo-random ids, deterministic. */
function ids(n: number, seed = 7): string[] {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(`g${x % 5}.fixture-${x.toString(36)}`);
  }
  return [...new Set(out)];
}

describe('--shard i/n', () => {
  test.each([1, 2, 3, 4, 7, 13])('%i shards are disjoint, complete, and independent of input order', (n) => {
    const all = ids(250);
    const shards = Array.from({ length: n }, (_, i) => shardIds(all, { index: i + 1, count: n }));
    const reversed = Array.from({ length: n }, (_, i) => shardIds([...all].reverse(), { index: i + 1, count: n }));
    expect(reversed).toEqual(shards);
    const seen = shards.flat();
    expect(seen.length).toBe(all.length);
    expect(new Set(seen)).toEqual(new Set(all));
    // Balanced: sizes differ by at most one.
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test('shard i takes the sorted ids at positions p with p % n == i - 1', () => {
    expect(shardIds(['d', 'a', 'c', 'b', 'e'], { index: 1, count: 2 })).toEqual(['a', 'c', 'e']);
    expect(shardIds(['d', 'a', 'c', 'b', 'e'], { index: 2, count: 2 })).toEqual(['b', 'd']);
  });

  test('selectFixtures shards after --grep and --tag, in id order', () => {
    const fixtures = [fake('b.2', ['x']), fake('a.1', ['x']), fake('c.3'), fake('a.4', ['y']), fake('b.5', ['x', 'y'])];
    expect(selectFixtures(fixtures, {}).map((f) => f.data.id)).toEqual(['a.1', 'a.4', 'b.2', 'b.5', 'c.3']);
    expect(selectFixtures(fixtures, { tags: ['x'] }).map((f) => f.data.id)).toEqual(['a.1', 'b.2', 'b.5']);
    expect(selectFixtures(fixtures, { tags: ['x'], shard: { index: 2, count: 2 } }).map((f) => f.data.id)).toEqual(['b.2']);
    expect(selectFixtures(fixtures, { grep: /^b\./, shard: { index: 1, count: 2 } }).map((f) => f.data.id)).toEqual(['b.2']);
  });

  test('the corpus splits into disjoint, complete shards', () => {
    const corpusIds: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.yaml') && e.name !== 'tags.yaml') corpusIds.push(join(dir, e.name));
      }
    };
    walk(join(__dirname, '..', '..', '..', 'fixtures'));
    const shards = [1, 2, 3].map((i) => shardIds(corpusIds, { index: i, count: 3 }));
    expect(shards.flat().sort()).toEqual([...corpusIds].sort());
  });

  test('parseShard', () => {
    expect(parseShard('2/4')).toEqual({ ok: true, shard: { index: 2, count: 4 } });
    expect(parseShard('1/1')).toEqual({ ok: true, shard: { index: 1, count: 1 } });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1/2/3', '']) expect(parseShard(bad).ok).toBe(false);
  });
});
