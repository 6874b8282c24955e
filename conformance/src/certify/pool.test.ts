import { runningWhenStopped } from './pool';

// A worker is posted its next fixture before it finishes the current one (pool.ts); when it dies,
// the index it wrote to shared memory says which of the two the error belongs to.
const a = { index: 3 };
const b = { index: 7 };

test('a worker that died on its fixture: that one is the error, the one posted behind it runs again', () => {
  expect(runningWhenStopped(a, b, 3)).toEqual({ running: a, again: [b] });
  // Between the two (it wrote -1 when it finished the first): still the first, whose result was lost.
  expect(runningWhenStopped(a, b, -1)).toEqual({ running: a, again: [b] });
});

test('a worker that had finished its fixture and died on the next before the result came through: the next one is the error', () => {
  expect(runningWhenStopped(a, b, 7)).toEqual({ running: b, again: [a] });
});

test('with nothing posted behind, or nothing posted at all', () => {
  expect(runningWhenStopped(a, null, 3)).toEqual({ running: a, again: [] });
  expect(runningWhenStopped(a, null, 7)).toEqual({ running: a, again: [] });
  expect(runningWhenStopped(null, null, -1)).toEqual({ running: null, again: [] });
});
