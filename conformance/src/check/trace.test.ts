import type { TraceEvent } from '../../../reference/src/optimizer/trace';
import { flow, summary, traceDifference, traceView } from './trace';

const hot = (offset: number, global = 1): TraceEvent => ({
  kind: 'hotspot', code: 'main', offset, hotspot: 'back_edge', counters: { local: 1, global, saved: 0, scaledCost: 0 },
});
const compile = (offset: number): TraceEvent => ({ kind: 'compile', code: 'main', offset });
const declined = (offset: number): TraceEvent => ({ kind: 'declined', code: 'main', offset });
const entered = (executor: number): TraceEvent => ({ kind: 'entered', code: 'main', offset: 12, executor });
const exited = (ip: number | null): TraceEvent => ({
  kind: 'exited', code: 'main', offset: 12, executor: 1, at: ip === null ? null : { code: 'main', ip }, progressed: true,
});
const fault = (message: string, rule = 'compile.throws'): TraceEvent => ({ kind: 'fault', phase: 'compile', rule, message, code: 'main', offset: 12 });

describe('traceView', () => {
  const events = [hot(12), compile(12), declined(12), hot(12, 3)];
  test('full keeps every event; a list keeps those kinds, in order', () => {
    expect(traceView(events, 'full')).toEqual(events);
    expect(traceView(events, ['declined', 'hotspot'])).toEqual([hot(12), declined(12), hot(12, 3)]);
    expect(traceView(events, ['replaced'])).toEqual([]);
  });
});

describe('traceDifference', () => {
  test('equal traces have none', () => {
    expect(traceDifference([], [])).toBeNull();
    expect(traceDifference([hot(12), exited(7)], [hot(12), exited(7)])).toBeNull();
  });

  test('names the first differing event and field', () => {
    expect(traceDifference([hot(12), compile(12), compile(12)], [hot(12), compile(12), compile(14)])).toBe('trace[2].offset: expected 12, got 14');
    expect(traceDifference([entered(1)], [entered(2)])).toBe('trace[0].executor: expected 1, got 2');
  });

  test('nested fields have a dotted path', () => {
    expect(traceDifference([hot(12, 5)], [hot(12, 6)])).toBe('trace[0].counters.global: expected 5, got 6');
    expect(traceDifference([exited(7)], [exited(9)])).toBe('trace[0].at.ip: expected 7, got 9');
    expect(traceDifference([exited(7)], [exited(null)])).toBe('trace[0].at: expected {code: main, ip: 7}, got null');
  });

  test('a different kind shows the observed event', () => {
    expect(traceDifference([compile(12)], [declined(12)])).toBe('trace[0].kind: expected compile, got declined ({kind: declined, code: main, offset: 12})');
  });

  test('missing and extra fields', () => {
    const { code: _c, offset: _o, ...bare } = fault('m') as Extract<TraceEvent, { kind: 'fault' }>;
    expect(traceDifference([fault('m')], [bare])).toBe('trace[0].code: expected main, got (absent)');
    expect(traceDifference([bare], [fault('m')])).toBe('trace[0].code: expected (absent), got main');
    // A field present with the value undefined counts as absent.
    expect(traceDifference([bare], [{ ...bare, code: undefined }])).toBeNull();
  });

  test('length: the first extra or missing event', () => {
    expect(traceDifference([hot(12), compile(12)], [hot(12), compile(12), entered(1), exited(7)])).toBe(
      'trace.length: expected 2, got 4 (first extra: {kind: entered, code: main, offset: 12, executor: 1})',
    );
    expect(traceDifference([hot(12), compile(12)], [hot(12)])).toBe('trace.length: expected 2, got 1 (first missing: {kind: compile, code: main, offset: 12})');
  });

  test('a fault message is never compared', () => {
    expect(traceDifference([fault('one wording')], [fault('another')])).toBeNull();
    expect(traceDifference([fault('m')], [fault('m', 'compile.result')])).toBe('trace[0].rule: expected compile.throws, got compile.result');
  });
});

describe('flow', () => {
  test('YAML flow text: plain words, quoted otherwise', () => {
    expect(flow({ kind: 'exited', at: null, progressed: false, n: [1, 'main.<genexpr>'] })).toBe('{kind: exited, at: null, progressed: false, n: [1, main.<genexpr>]}');
    expect(flow('a b')).toBe('"a b"');
    expect(flow('true')).toBe('"true"');
    expect(flow('12')).toBe('"12"');
    expect(flow('replaced-by-null')).toBe('replaced-by-null');
  });

  test('summary cuts long events', () => {
    const s = summary(fault('x'.repeat(200)));
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.endsWith('…}')).toBe(true);
  });
});
