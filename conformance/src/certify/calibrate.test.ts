import { calibrate, CALIBRATION_FACTOR, CALIBRATION_STEPS, CALIBRATION_STRIDE, timesPlainRun, type CostSample } from './calibrate';

const sample = (o: Partial<CostSample>): CostSample => ({ plainMs: 10, plainSteps: 10_000, compileMs: 0, compiledInstructions: 0, executeMs: 0, advanced: 0, ...o });

describe('cost calibration', () => {
  // The interpreter: 10 ms per 10,000 steps = 0.001 ms per instruction.
  test('measured costs are medians of time relative to the interpreter on the same work', () => {
    const samples = [
      sample({ compileMs: 0.2, compiledInstructions: 100, executeMs: 4, advanced: 10_000 }), // 2, 0.4
      sample({ compileMs: 0.3, compiledInstructions: 100, executeMs: 5, advanced: 10_000 }), // 3, 0.5
      sample({ compileMs: 9, compiledInstructions: 100, executeMs: 6, advanced: 10_000 }), // 90 (a GC pause), 0.6
    ];
    const c = calibrate(samples, { optimizationCost: 3, runCost: 0.05 });
    expect(c.findings).toEqual([
      { cost: 'optimizationCost', declared: 3, measured: 3, ratio: 1, mismatch: false },
      { cost: 'runCost', declared: 0.05, measured: 0.5, ratio: 10, mismatch: false },
    ]);
    const off = calibrate(samples, { optimizationCost: 0.2, runCost: 0.04 });
    expect(off.findings.map((f) => [f.cost, f.mismatch])).toEqual([
      ['optimizationCost', true],
      ['runCost', true],
    ]);
    expect(off.factor).toBe(CALIBRATION_FACTOR);
  });

  test('too little work, no compile, no executor: not measured, with the reason', () => {
    expect(calibrate([], { optimizationCost: 1, runCost: 1 }).unmeasured).toEqual({ optimizationCost: 'no fixture passed', runCost: 'no fixture passed' });
    expect(calibrate([sample({ plainMs: 1 })], { optimizationCost: 1, runCost: 1 }).unmeasured.runCost).toMatch(/too little work/);
    const none = calibrate([sample({ plainMs: 30 })], { optimizationCost: 1, runCost: 1 });
    expect(none.unmeasured).toEqual({ optimizationCost: 'compile was never called', runCost: 'no executor advanced any instruction' });
    const nan = calibrate([sample({ plainMs: 30, compileMs: 1, compiledInstructions: 10 })], { optimizationCost: NaN, runCost: 1 });
    expect(nan.unmeasured.optimizationCost).toMatch(/not a finite number/);
  });

  test('the plain runs timed: all until CALIBRATION_STEPS instructions, then one in CALIBRATION_STRIDE', () => {
    expect([0, 1, 2, 3].map((i) => timesPlainRun(i, CALIBRATION_STEPS - 1))).toEqual([true, true, true, true]);
    const after = Array.from({ length: 2 * CALIBRATION_STRIDE }, (_, i) => i).filter((i) => timesPlainRun(i, CALIBRATION_STEPS));
    expect(after).toEqual([0, CALIBRATION_STRIDE]);
  });

  test('a fixture whose plain run was not timed adds its compile and execute times, not to the speed', () => {
    const timed = sample({ plainMs: 30, plainSteps: 30_000, compileMs: 0.2, compiledInstructions: 100, executeMs: 4, advanced: 10_000 });
    const untimed = sample({ plainMs: 0, plainSteps: 0, compileMs: 0.4, compiledInstructions: 100, executeMs: 8, advanced: 10_000 });
    const c = calibrate([timed, untimed, untimed], { optimizationCost: 1, runCost: 1 });
    // The interpreter's speed is the timed fixture's (0.001 ms per instruction); medians over all three.
    expect(c.findings.map((f) => [f.cost, f.measured])).toEqual([
      ['optimizationCost', 4],
      ['runCost', 0.8],
    ]);
    expect(c.fixtures).toBe(3);
  });
});
