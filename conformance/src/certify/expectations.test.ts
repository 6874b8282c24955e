import { parseExpectations } from './expectations';

describe('the expectations file', () => {
  test('a mapping of fixture id to {status, reason}', () => {
    const r = parseExpectations('/e.yaml', 'a.b: {status: fail, reason: "off by one"}\nc.d:\n  status: skip\n  reason: slow\n');
    expect(r.ok && [...r.expectations]).toEqual([
      ['a.b', { status: 'fail', reason: 'off by one' }],
      ['c.d', { status: 'skip', reason: 'slow' }],
    ]);
    const empty = parseExpectations('/e.yaml', '# nothing yet\n');
    expect(empty.ok && empty.expectations.size).toBe(0);
  });

  test.each([
    ['- a.b\n', /mapping of fixture id/],
    ['a.b: fail\n', /expected \{status/],
    ['a.b: {status: flaky, reason: x}\n', /status must be one of fail, error, skip/],
    ['a.b: {status: fail}\n', /needs a reason/],
    ['a.b: {status: fail, reason: "  "}\n', /needs a reason/],
    ['a.b: {status: fail, reason: x, rule: advance-n}\n', /unknown key rule/],
    ['a.b: {status: fail, reason: x}\na.b: {status: skip, reason: y}\n', /./],
    ['a: &x {status: fail, reason: x}\nb: *x\n', /./],
  ])('rejects %j with a positioned EXPECTATIONS_INVALID', (text, message) => {
    const r = parseExpectations('/e.yaml', text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.code).toBe('EXPECTATIONS_INVALID');
      expect(r.diagnostic.message).toMatch(message);
      expect(r.diagnostic.line).toBeGreaterThanOrEqual(1);
    }
  });
});
