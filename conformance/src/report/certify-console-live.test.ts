import type { CliIo } from '../commands/context';
import type { FixtureResult } from '../certify/session';
import { LiveConsole, PROGRESS_EVERY_MS, progressBar } from './certify-console-live';

/** An io whose clock is driven by hand: `tick()` is one interval passing. */
function fakeIo(o: { tty?: boolean; color?: boolean } = {}) {
  const events: string[] = [];
  let tick: (() => void) | null = null;
  let interval: number | null = null;
  const io: CliIo = {
    cwd: '/',
    out: (l) => events.push(`out ${l}`),
    err: (l) => events.push(`err ${l}`),
    ...(o.color ? { color: true } : {}),
    ...(o.tty
      ? { progress: (t: string | null) => events.push(t === null ? 'bar cleared' : `bar ${t}`) }
      : {
          every: (ms: number, fn: () => void) => {
            interval = ms;
            tick = fn;
            return () => {
              tick = null;
            };
          },
        }),
  };
  return { io, events, tick: () => tick?.(), interval: () => interval, ticking: () => tick !== null };
}

const pass: FixtureResult = { id: 'p', file: 'p.yaml', status: 'pass', entries: 1, compiles: 1 };
const fail: FixtureResult = { id: 'f', file: 'f.yaml', status: 'fail', violations: [{ rule: 'advance-n', message: 'm', code: 'main', offset: 3, difference: 'frames[0] main: stack[0]: expected int 1, got int 2' }] };
const skip: FixtureResult = { id: 's', file: 's.yaml', status: 'skip', reason: 'no hotspot' };

describe('LiveConsole on a log (not a terminal)', () => {
  test('the header first, each failure as it arrives, a progress line per interval on stderr', () => {
    const t = fakeIo();
    const live = new LiveConsole(t.io, { print: true, total: 3 });
    live.lines(['optcert certify: x from x.js (createOptimizer)', '']);
    live.start();
    expect(t.interval()).toBe(PROGRESS_EVERY_MS);
    t.tick();
    live.result(pass);
    live.result(fail);
    t.tick();
    live.result(skip);
    live.finish();
    t.tick();
    expect(t.events).toEqual([
      'out optcert certify: x from x.js (createOptimizer)',
      'out ',
      'err [0/3] 0 passed, 0 failed, 0 skipped',
      'out advance-n  f  main@3: frames[0] main: stack[0]: expected int 1, got int 2',
      'err [2/3] 1 passed, 1 failed, 0 skipped',
    ]);
    expect(t.ticking()).toBe(false);
  });

  test('with the report not on stdout (json), progress only', () => {
    const t = fakeIo();
    const live = new LiveConsole(t.io, { print: false, total: 1 });
    live.lines(['header']);
    live.start();
    live.result(fail);
    t.tick();
    expect(t.events).toEqual(['err [1/1] 0 passed, 1 failed, 0 skipped']);
  });
});

describe('LiveConsole on a terminal', () => {
  test('the bar is cleared before a line is printed and redrawn after; finish clears it', () => {
    const t = fakeIo({ tty: true, color: true });
    const live = new LiveConsole(t.io, { print: true, total: 2 });
    live.start();
    live.result(fail);
    live.result(pass);
    live.finish();
    expect(t.events).toEqual([
      `bar ${progressBar(0, 2)}`,
      'bar cleared',
      expect.stringMatching(/^out \x1b\[31madvance-n\x1b\[39m {2}f {2}main@3: /),
      `bar ${progressBar(1, 2)} 0 passed, 1 failed, 0 skipped`,
      `bar ${progressBar(2, 2)} 1 passed, 1 failed, 0 skipped`,
      'bar cleared',
    ]);
  });
});
