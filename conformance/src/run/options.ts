/**
 * A fixture's run options (spec/fixtures.md#fixture-optimizer): its budget, the optimizer to
 * register, the optimizers the program may switch to, the hotspot profile, and whether to trace.
 * A sample optimizer name the VM does not have is bad input.
 */
import type { Node } from 'yaml';
import { DEFAULT_BUDGET, type RunOptions } from '../../../reference/src/api';
import type { HotspotConfig } from '../../../reference/src/hotspot/policy';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import { diagnostic, type Diagnostic } from '../diagnostic';
import { isScripted, optimizerRefs } from '../fixtures/optimizers';
import { nodeAtPath, nodePosition } from '../fixtures/positions';
import type { Fixture, FixtureHotspot } from '../fixtures/types';
import type { Vm } from './vm';

export type OptionsResult = { readonly ok: true; readonly options: RunOptions } | { readonly ok: false; readonly diagnostic: Diagnostic };

export function runOptionsOf(vm: Vm, fixture: Fixture, trackOps = false): OptionsResult {
  const data = fixture.data;
  const factories = new Map<string, () => Optimizer>();
  for (const { path, ref } of optimizerRefs(data)) {
    if (isScripted(ref)) {
      factories.set(path.join('.'), () => vm.scriptedOptimizer(ref));
      continue;
    }
    const sample = Object.prototype.hasOwnProperty.call(vm.sampleOptimizers, ref) ? vm.sampleOptimizers[ref] : undefined;
    if (!sample) {
      const at = nodePosition(fixture.lineCounter, nodeAtPath(fixture.doc.contents as Node | null, path).node);
      const known = Object.keys(vm.sampleOptimizers).join(', ');
      return { ok: false, diagnostic: diagnostic(fixture.file, at.line, at.column, 'FIXTURE_UNKNOWN_OPTIMIZER', `no sample optimizer named '${ref}' (known: ${known})`) };
    }
    factories.set(path.join('.'), sample);
  }
  const named: Record<string, () => Optimizer> = {};
  for (const name of Object.keys(data.optimizers ?? {})) named[name] = factories.get(`optimizers.${name}`)!;
  const make = factories.get('optimizer');
  return {
    ok: true,
    options: {
      budget: data.budget ?? DEFAULT_BUDGET,
      trackOps,
      ...(make ? { optimizer: make() } : {}),
      ...(data.optimizers ? { namedOptimizers: named } : {}),
      ...(data.hotspot ? { hotspot: hotspotConfig(data.hotspot) } : {}),
      ...(data.trace !== undefined ? { trace: true } : {}),
    },
  };
}

/** `hotspot:` as the VM's HotspotConfig: the profile's own parameters only. */
export function hotspotConfig(h: FixtureHotspot): HotspotConfig {
  const pick = <K extends keyof FixtureHotspot>(keys: readonly K[]) =>
    Object.fromEntries(keys.filter((k) => h[k] !== undefined).map((k) => [k, h[k]])) as { [P in K]?: number };
  if (h.profile === 'cpython313') return { profile: 'cpython313', cpython313: pick(['threshold', 'maxBackoff'] as const) };
  return { profile: 'seed', seed: pick(['K', 'N', 'M', 'maxBackoff'] as const) };
}
