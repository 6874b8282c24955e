import { CAUGHT_IN_LOOP_MAIN, FIRST_HOT, MOD_SUM_MAIN, program, RecordingJit, run } from './test-support';
import { CATCHING_REGION_PREFIX, keepCatchingRegionsOutOfBaselineTier } from './v8-tier';

/**
 * V8's `--sparkplug-filter=-<prefix>*` matches by function name: a catching region named otherwise
 * would silently go back into the baseline tier, where every exception unwinding through it costs
 * time linear in its size (v8-tier.ts). Nothing can ask V8 which tier a function is in, so the
 * names are what is kept in step here.
 */
test('a region that unwinds exceptions is named with the prefix the baseline-tier filter excludes; one that does not, not', () => {
  const catching = new RecordingJit();
  expect(run(program({ main: CAUGHT_IN_LOOP_MAIN }), 'main(30)', { optimizer: catching, hotspot: FIRST_HOT })).toMatchObject({ kind: 'return', repr: '160' });
  expect(catching.made.length).toBeGreaterThan(0);
  for (const e of catching.made) {
    expect(e.plan.catches).toBe(true);
    expect(e.nested.name).toMatch(new RegExp(`^${CATCHING_REGION_PREFIX}[a-z_]+_\\d+$`));
  }
  const plain = new RecordingJit();
  const loop = program({ main: MOD_SUM_MAIN });
  expect(run(loop, 'main(5)', { optimizer: plain, hotspot: FIRST_HOT })).toMatchObject({ kind: 'return', repr: '30' });
  expect(plain.made.length).toBeGreaterThan(0);
  for (const e of plain.made) {
    expect(e.plan.catches).toBe(false);
    expect(e.nested.name.startsWith(CATCHING_REGION_PREFIX)).toBe(false);
  }
});

test('setting the filter twice, or where the host refuses it, never throws', () => {
  expect(() => {
    keepCatchingRegionsOutOfBaselineTier();
    keepCatchingRegionsOutOfBaselineTier();
  }).not.toThrow();
});
