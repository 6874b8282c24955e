/**
 * compile must leave the VM state as it was (compile.mutates): judged by the state's snapshots,
 * answered first by the side-by-side walk of a copy made before compile (candidate.ts). A change
 * is reported with the snapshot difference; a rewrite the snapshots cannot tell apart is none.
 */
import { join } from 'node:path';
import { SAMPLE_OPTIMIZERS } from '../../../reference/src/optimizers';
import type { Optimizer } from '../../../reference/src/optimizer/api';
import type { Vm } from '../../../reference/src/interp/vm';
import { PyFunction } from '../../../reference/src/runtime/values';
import { loadCorpus } from '../fixtures/select';
import { cheapFirst } from '../mutants/score';
import { referenceVm } from '../run/reference-vm';
import { certifyFixture } from './certify-fixture';

const ROOT = join(__dirname, '..', '..', '..');
const corpus = loadCorpus(ROOT, ['fixtures']);

/** The counter sample, with something done to the VM state inside every compile. */
function compilingWith(change: (vm: Vm) => void): () => Optimizer {
  return () => {
    const inner = SAMPLE_OPTIMIZERS.counter!();
    return {
      name: 'changes-state-in-compile',
      capabilities: inner.capabilities,
      optimizationCost: inner.optimizationCost,
      runCost: inner.runCost,
      compile(code, offset, vm) {
        change(vm);
        return inner.compile(code, offset, vm);
      },
    };
  };
}

/** The cheapest fixture the counter certifies with at least one compile. */
const fixture = cheapFirst(corpus.fixtures).find((f) => {
  const v = certifyFixture(referenceVm, f, SAMPLE_OPTIMIZERS.counter!);
  return v.status === 'pass' && v.compiles > 0;
})!;

describe('compile.mutates', () => {
  test('a fixture to compile at', () => {
    expect(fixture).toBeDefined();
  });

  test('a global written in compile is reported, with the snapshot difference', () => {
    const v = certifyFixture(referenceVm, fixture, compilingWith((vm) => vm.globals.set('written_by_compile', 1)));
    expect(v).toMatchObject({ status: 'fail', violations: [{ rule: 'compile.mutates', message: 'compile changed the VM state' }] });
    expect(v.status === 'fail' && v.violations[0]!.difference).toMatch(/written_by_compile/);
  });

  test('printing in compile is reported', () => {
    const v = certifyFixture(referenceVm, fixture, compilingWith((vm) => vm.write('from compile\n')));
    expect(v).toMatchObject({ status: 'fail', violations: [{ rule: 'compile.mutates' }] });
  });

  test('a function rebound to an equal fresh one is no change: snapshots hold no identity', () => {
    let rebound = 0;
    const v = certifyFixture(
      referenceVm,
      fixture,
      compilingWith((vm) => {
        for (const [name, value] of vm.globals) {
          if (!(value instanceof PyFunction)) continue;
          const fresh = new PyFunction(value.code, value.globals, value.name);
          Object.assign(fresh, { defaults: value.defaults, kwdefaults: value.kwdefaults, annotations: value.annotations, closure: value.closure });
          vm.globals.set(name, fresh);
          rebound++;
        }
      }),
    );
    expect(rebound).toBeGreaterThan(0);
    expect(v.status).toBe('pass');
  });
});
