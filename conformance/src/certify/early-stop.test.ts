import { breakdownOf, FAIL_FAST_STREAK, SessionControl, StopPolicy, type EarlyStop } from './early-stop';
import type { FixtureResult } from './session';

let n = 0;
const base = () => ({ id: `f${n++}`, file: 'x.yaml' });
const pass = (): FixtureResult => ({ ...base(), status: 'pass', entries: 1, compiles: 1 });
const skip = (): FixtureResult => ({ ...base(), status: 'skip', reason: 'no hotspot' });
const hang = (): FixtureResult => ({ ...base(), status: 'error', rule: 'compile.hang', message: 'compile did not return' });
const exited = (code: number): FixtureResult => ({ ...base(), status: 'error', message: `the worker exited with code ${code} (did the optimizer call process.exit?)` });
const throws = (cls: string): FixtureResult => ({ ...base(), status: 'fail', violations: [{ rule: 'compile.throws', message: `${cls}: boom` }] });
const wrong = (): FixtureResult => ({ ...base(), status: 'fail', violations: [{ rule: 'advance-n', message: 'state differs' }] });

function feed(policy: StopPolicy, results: FixtureResult[]): { at: number; stop: EarlyStop } | null {
  for (let i = 0; i < results.length; i++) {
    const stop = policy.observe(results[i]!);
    if (stop) return { at: i, stop };
  }
  return null;
}

describe('fail fast', () => {
  test(`stops at the ${FAIL_FAST_STREAK}rd breakdown in a row of one kind, naming its rule`, () => {
    const r = feed(new StopPolicy({ bail: null, failFast: true }), [hang(), hang(), hang(), hang()]);
    expect(r).toEqual({ at: FAIL_FAST_STREAK - 1, stop: { cause: 'fail-fast', rule: 'compile.hang', reason: expect.stringContaining('3 fixtures in a row ended in compile.hang') } });
    expect(r!.stop.reason).toContain('--no-fail-fast');
  });

  test('a pass or a plain wrong answer breaks the streak; skips do not', () => {
    expect(feed(new StopPolicy({ bail: null, failFast: true }), [hang(), hang(), pass(), hang(), hang()])).toBeNull();
    expect(feed(new StopPolicy({ bail: null, failFast: true }), [hang(), hang(), wrong(), hang(), hang()])).toBeNull();
    expect(feed(new StopPolicy({ bail: null, failFast: true }), [hang(), skip(), hang(), skip(), hang()])?.at).toBe(4);
  });

  test('different breakdowns do not add up; the same error with other numbers does', () => {
    expect(feed(new StopPolicy({ bail: null, failFast: true }), [hang(), throws('TypeError'), exited(9), throws('RangeError'), throws('TypeError')])).toBeNull();
    expect(feed(new StopPolicy({ bail: null, failFast: true }), [exited(9), exited(1), exited(12)])?.stop).toMatchObject({ cause: 'fail-fast', reason: expect.stringContaining('exited with code N') });
    expect(feed(new StopPolicy({ bail: null, failFast: true }), [throws('TypeError'), throws('TypeError'), throws('TypeError')])?.stop).toMatchObject({ rule: 'compile.throws', reason: expect.stringContaining('compile.throws (TypeError)') });
  });

  test('wrong answers are verdicts, never breakdowns; off means off', () => {
    expect(breakdownOf(wrong())).toBeNull();
    expect(breakdownOf(pass())).toBeNull();
    expect(feed(new StopPolicy({ bail: null, failFast: false }), [hang(), hang(), hang(), hang(), hang()])).toBeNull();
  });
});

describe('--bail', () => {
  test('stops at the n-th failing fixture of any kind; known failures do not count', () => {
    expect(feed(new StopPolicy({ bail: 1, failFast: false }), [pass(), wrong(), pass()])).toEqual({ at: 1, stop: { cause: 'bail', reason: '--bail 1: stopped after 1 failing fixture' } });
    expect(feed(new StopPolicy({ bail: 2, failFast: false }), [wrong(), pass(), hang(), pass()])?.at).toBe(2);
    const known: FixtureResult = { ...wrong(), expected: { status: 'fail', reason: 'known' } };
    expect(feed(new StopPolicy({ bail: 1, failFast: false }), [known, known, pass()])).toBeNull();
  });
});

describe('SessionControl', () => {
  test('the first stop wins; a stop before the session attaches cancels as it attaches', () => {
    const control = new SessionControl();
    let cancelled = 0;
    control.stop({ cause: 'interrupted', reason: 'Ctrl-C' });
    control.stop({ cause: 'bail', reason: 'later' });
    control.attach(() => cancelled++);
    expect([control.stopped?.cause, cancelled]).toEqual(['interrupted', 1]);
    control.detach();
    control.stop({ cause: 'fail-fast', reason: 'x' });
    expect(cancelled).toBe(1);
  });
});
