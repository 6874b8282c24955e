import type { Fixture } from '../fixtures/types';
import { whatSelectedNothing } from './explain-selection';

const fixture = (id: string, tags: string[] = []) => ({ data: { id, tags } }) as unknown as Fixture;
const corpus = [fixture('a.one', ['loops']), fixture('a.two', ['calls']), fixture('b.three', ['loops'])];

describe('whatSelectedNothing', () => {
  test('names the filter that emptied the selection', () => {
    expect(whatSelectedNothing(corpus, { grep: /zzz/ })).toBe('--grep zzz matched no id of the 3 fixtures');
    expect(whatSelectedNothing(corpus, { grep: /^a\./, tags: ['generators'] })).toBe('--tag: none of the 2 fixtures matching --grep ^a\\. has the tag generators');
    expect(whatSelectedNothing(corpus, { tags: ['x', 'y'] })).toBe('--tag: none of the 3 fixtures has any of the tags x, y');
    expect(whatSelectedNothing(corpus, { grep: /three/, shard: { index: 2, count: 2 } })).toBe('--shard 2/2 is empty: the selection holds 1 fixture');
    expect(whatSelectedNothing([], {})).toBe('the corpus holds no fixture');
  });
});
