/**
 * Why a selection is empty, naming the filter that emptied it (--grep, then --tag, then --shard,
 * the order select.ts applies them): "selecting nothing" is never left unexplained.
 * @spec #certify-sharding
 */
import type { Fixture } from '../fixtures/types';
import type { Selection } from './select';

const fixtures = (n: number): string => `${n} fixture${n === 1 ? '' : 's'}`;

export function whatSelectedNothing(corpus: readonly Fixture[], s: Selection): string {
  if (corpus.length === 0) return 'the corpus holds no fixture';
  let kept = corpus;
  const grep = s.grep;
  if (grep) {
    kept = kept.filter((f) => grep.test(f.data.id));
    if (kept.length === 0) return `--grep ${grep.source} matched no id of the ${fixtures(corpus.length)}`;
  }
  const tags = s.tags ?? [];
  if (tags.length > 0) {
    const before = kept.length;
    kept = kept.filter((f) => (f.data.tags ?? []).some((t) => tags.includes(t)));
    const which = tags.length === 1 ? `the tag ${tags[0]}` : `any of the tags ${tags.join(', ')}`;
    if (kept.length === 0) return `--tag: none of the ${fixtures(before)}${grep ? ` matching --grep ${grep.source}` : ''} has ${which}`;
  }
  if (s.shard) return `--shard ${s.shard.index}/${s.shard.count} is empty: the selection holds ${fixtures(kept.length)}`;
  return `nothing was filtered out, yet nothing is selected`;
}
