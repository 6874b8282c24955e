import type { Outcome } from '../../../reference/src/api';
import type { TraceEvent } from '../../../reference/src/optimizer/trace';
import { judge, MISSING_TRACE } from './judge';
import type { Observed } from './observed';

const ret = (repr: string, output = ''): Outcome => ({ kind: 'return', repr, output, steps: 5 });
const raise = (type: string, message = '', output = ''): Outcome => ({ kind: 'raise', type, message, output, steps: 5 });
const exhausted = (output = ''): Outcome => ({ kind: 'exhausted', output, steps: 100 });
const rejected = (kind: 'malformed' | 'invalid', code: string): Observed => ({ kind, code, message: 'm' });

describe('judge', () => {
  test('a matching return passes', () => {
    expect(judge({ return: '3' }, ret('3'))).toEqual({ pass: true });
    expect(judge({ return: '3', output: 'a\n' }, ret('3', 'a\n'))).toEqual({ pass: true });
  });

  test('a different repr names both, Python-quoted', () => {
    expect(judge({ return: '3' }, ret('4'))).toEqual({ pass: false, difference: "return: expected '3', got '4'" });
    expect(judge({ return: "'a'" }, ret("'b'"))).toEqual({ pass: false, difference: `return: expected "'a'", got "'b'"` });
  });

  test('output defaults to empty and reports the first differing char', () => {
    expect(judge({ return: '1' }, ret('1', 'x'))).toEqual({ pass: false, difference: 'output: expected "", got "x" (first difference at char 0)' });
    expect(judge({ return: '1', output: 'a\n' }, ret('1', 'b\n'))).toEqual({
      pass: false,
      difference: 'output: expected "a\\n", got "b\\n" (first difference at char 0)',
    });
    expect(judge({ return: '1', output: 'abc' }, ret('1', 'abd'))).toMatchObject({ difference: expect.stringContaining('at char 2') });
    expect(judge({ return: '1', output: 'ab' }, ret('1', 'abc'))).toMatchObject({ difference: expect.stringContaining('at char 2') });
  });

  test('long outputs are cut around the first difference', () => {
    const a = `${'x'.repeat(500)}A${'y'.repeat(500)}`;
    const b = `${'x'.repeat(500)}B${'y'.repeat(500)}`;
    const v = judge({ return: '1', output: a }, ret('1', b));
    expect(v.pass).toBe(false);
    if (!v.pass) {
      expect(v.difference).toContain('(first difference at char 500)');
      expect(v.difference.length).toBeLessThan(200);
      expect(v.difference).toContain('A');
    }
  });

  test('payload is compared before output', () => {
    expect(judge({ return: '3', output: 'a' }, ret('4', 'b'))).toMatchObject({ difference: "return: expected '3', got '4'" });
  });

  test('a different kind says what was expected and what happened', () => {
    expect(judge({ raises: 'ZeroDivisionError' }, ret('1'))).toEqual({ pass: false, difference: "kind: expected raises ZeroDivisionError, got return '1'" });
    expect(judge({ return: '1' }, raise('ValueError', 'boom'))).toMatchObject({ difference: "kind: expected return '1', got raises ValueError ('boom')" });
    expect(judge({ return: '1' }, exhausted())).toMatchObject({ difference: "kind: expected return '1', got exhausted after 100 steps" });
    expect(judge({ exhausted: true }, ret('1'))).toMatchObject({ difference: "kind: expected exhausted, got return '1'" });
    expect(judge({ malformed: 'ASM_BAD_OPERAND' }, rejected('invalid', 'STACK_UNDERFLOW'))).toMatchObject({
      difference: 'kind: expected malformed ASM_BAD_OPERAND, got invalid STACK_UNDERFLOW',
    });
    expect(judge({ invalid: 'STACK_UNDERFLOW' }, ret('None'))).toMatchObject({ difference: "kind: expected invalid STACK_UNDERFLOW, got return 'None'" });
  });

  test('raises: type, then message (only when given), then output', () => {
    expect(judge({ raises: 'ValueError' }, raise('ValueError', 'anything'))).toEqual({ pass: true });
    expect(judge({ raises: 'ValueError' }, raise('TypeError'))).toMatchObject({ difference: 'raises: expected ValueError, got TypeError' });
    expect(judge({ raises: 'ValueError', message: 'a' }, raise('ValueError', 'b'))).toMatchObject({ difference: "message: expected 'a', got 'b'" });
    expect(judge({ raises: 'ValueError', output: 'x' }, raise('ValueError', '', 'y'))).toMatchObject({
      difference: expect.stringMatching(/^output: /),
    });
  });

  test('exhausted compares output', () => {
    expect(judge({ exhausted: true, output: 'tick\n' }, exhausted('tick\n'))).toEqual({ pass: true });
    expect(judge({ exhausted: true }, exhausted('tick\n'))).toMatchObject({ difference: expect.stringMatching(/^output: /) });
  });

  test('malformed and invalid compare codes', () => {
    expect(judge({ malformed: 'ASM_BAD_OPERAND' }, rejected('malformed', 'ASM_BAD_OPERAND'))).toEqual({ pass: true });
    expect(judge({ malformed: 'ASM_BAD_OPERAND' }, rejected('malformed', 'ASM_BAD_LITERAL'))).toEqual({
      pass: false,
      difference: 'malformed: expected ASM_BAD_OPERAND, got ASM_BAD_LITERAL',
    });
    expect(judge({ invalid: 'STACK_UNDERFLOW' }, rejected('invalid', 'STACK_UNDERFLOW'))).toEqual({ pass: true });
    expect(judge({ invalid: 'STACK_UNDERFLOW' }, rejected('invalid', 'FALLS_OFF_END'))).toMatchObject({
      difference: 'invalid: expected STACK_UNDERFLOW, got FALLS_OFF_END',
    });
  });

  test('fault: the rule, then output; the message is never compared', () => {
    const fault = (rule: string, output = ''): Outcome => ({ kind: 'fault', rule, message: 'anything', output, steps: 0 });
    expect(judge({ fault: 'registration.capabilities' }, fault('registration.capabilities'))).toEqual({ pass: true });
    expect(judge({ fault: 'registration.capabilities' }, fault('registration.costs'))).toEqual({
      pass: false,
      difference: "fault: expected 'registration.capabilities', got 'registration.costs'",
    });
    expect(judge({ fault: 'execute.throws', output: 'a' }, fault('execute.throws', 'b'))).toMatchObject({ difference: expect.stringMatching(/^output: /) });
    expect(judge({ return: '1' }, fault('execute.throws'))).toMatchObject({ difference: "kind: expected return '1', got optimizer fault execute.throws (anything)" });
    expect(judge({ fault: 'execute.throws' }, ret('1'))).toMatchObject({ difference: "kind: expected optimizer fault execute.throws, got return '1'" });
  });

  describe('trace', () => {
    const compile = (offset: number): TraceEvent => ({ kind: 'compile', code: 'main', offset });

    test('is compared after the outcome', () => {
      expect(judge({ return: '3', trace: [compile(12)] }, ret('3'), [compile(12)])).toEqual({ pass: true });
      expect(judge({ return: '3', trace: [compile(12)] }, ret('3'), [compile(14)])).toEqual({ pass: false, difference: 'trace[0].offset: expected 12, got 14' });
      expect(judge({ return: '3', trace: [compile(12)] }, ret('4'), [compile(14)])).toMatchObject({ difference: "return: expected '3', got '4'" });
      expect(judge({ return: '3', output: 'a', trace: [] }, ret('3', 'b'), [compile(14)])).toMatchObject({ difference: expect.stringMatching(/^output: /) });
    });

    test('applies to raises, exhausted and fault too', () => {
      expect(judge({ raises: 'ValueError', trace: [] }, raise('ValueError'), [compile(1)])).toMatchObject({ difference: expect.stringMatching(/^trace\.length: /) });
      expect(judge({ exhausted: true, trace: [compile(1)] }, exhausted(), [compile(1)])).toEqual({ pass: true });
      const f: Outcome = { kind: 'fault', rule: 'execute.throws', message: 'm', output: '', steps: 3 };
      expect(judge({ fault: 'execute.throws', trace: [compile(1)] }, f, [])).toMatchObject({ difference: expect.stringMatching(/^trace\.length: expected 1, got 0/) });
    });

    test('a fixture that declares trace: but expects none fails until it is blessed', () => {
      expect(judge({ return: '3' }, ret('3'), [])).toEqual({ pass: false, difference: MISSING_TRACE });
      expect(judge({ return: '3', trace: [] }, ret('3'))).toMatchObject({ pass: false });
    });
  });

  test('judge is pure: it does not touch its inputs', () => {
    const e = Object.freeze({ return: '3', output: '' });
    const o = Object.freeze(ret('3'));
    expect(judge(e, o)).toEqual({ pass: true });
  });
});
