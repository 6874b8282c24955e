/**
 * Which fixtures a certification runs: --grep (id), --tag (any of), then --shard i/n, stable by
 * fixture id: the selected ids sorted, shard i takes those whose index % n == i - 1. The n shards
 * of a selection are disjoint and together are the whole selection, whatever order files load in.
 * @spec #certify-sharding
 */
import type { Fixture } from '../fixtures/types';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export type ShardParse = { readonly ok: true; readonly shard: Shard } | { readonly ok: false; readonly message: string };

export function parseShard(text: string): ShardParse {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return { ok: false, message: `--shard: expected i/n (for example 2/4), got '${text}'` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return { ok: false, message: `--shard: need 1 <= i <= n, got ${index}/${count}` };
  return { ok: true, shard: { index, count } };
}

/** The ids of one shard of `ids`. */
export function shardIds(ids: readonly string[], shard: Shard): string[] {
  return [...ids].sort(byId).filter((_, i) => i % shard.count === shard.index - 1);
}

export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Selection {
  readonly grep?: RegExp;
  /** Keep fixtures with at least one of these tags. */
  readonly tags?: readonly string[];
  readonly shard?: Shard;
}

/** The selected fixtures, sorted by id. */
export function selectFixtures(fixtures: readonly Fixture[], s: Selection): Fixture[] {
  let kept = [...fixtures].sort((a, b) => byId(a.data.id, b.data.id));
  const grep = s.grep;
  if (grep) kept = kept.filter((f) => grep.test(f.data.id));
  const tags = s.tags;
  if (tags && tags.length > 0) kept = kept.filter((f) => (f.data.tags ?? []).some((t) => tags.includes(t)));
  const shard = s.shard;
  if (shard) kept = kept.filter((_, i) => i % shard.count === shard.index - 1);
  return kept;
}
