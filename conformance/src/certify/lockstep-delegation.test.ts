/**
 * The advance-N oracle inside `yield from` delegation (spec/optimizer-api.md#hotspot-resume-yield-from):
 * executors at a delegating generator's RESUME 2 that step into the delegate (a frame stack with the
 * delegating frame under the delegate's), and executors that touch a delegate suspended on the
 * stack of a suspended delegating generator (reachable only through the heap).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from '../../../reference/src/interp/frame';
import type { Vm } from '../../../reference/src/interp/vm';
import { Capability, type Executor, type Optimizer } from '../../../reference/src/optimizer/api';
import { PyGenerator } from '../../../reference/src/runtime/values';
import { parseFixture } from '../fixtures/load';
import type { Fixture } from '../fixtures/types';
import { referenceVm } from '../run/reference-vm';
import { certifyFixture, DEFAULT_CERTIFY_OPTIONS } from './certify-fixture';
import type { FixtureVerdict, Violation } from './violation';

const ROOT = join(__dirname, '..', '..', '..');

function fixture(name: string): Fixture {
  const path = join(ROOT, 'fixtures', 'vm', 'yieldfrom', name);
  const parsed = parseFixture(path, readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostic));
  return parsed.fixture;
}

/** A resume-after-yield optimizer whose executor at every RESUME 2 runs `body`; other sites decline. */
function atResume2(body: (frame: Frame, vm: Vm) => void): () => Optimizer {
  return () => ({
    name: 'resume2-probe',
    capabilities: Capability.RESUME_AFTER_YIELD,
    optimizationCost: 1,
    runCost: 1,
    compile(code, offset): Executor | null {
      if (code.args[offset] !== 2) return null;
      return {
        execute(frame: Frame, vm: Vm) {
          body(frame, vm);
          return vm.frame;
        },
      };
    },
  });
}

const certify = (f: Fixture, make: () => Optimizer): FixtureVerdict => certifyFixture(referenceVm, f, make, DEFAULT_CERTIFY_OPTIONS);

function violation(v: FixtureVerdict): Violation {
  if (v.status !== 'fail') throw new Error(`expected a failure, got ${JSON.stringify(v)}`);
  return v.violations[0]!;
}

describe('executors at the RESUME 2 of a yield from', () => {
  test('stepping RESUME, JUMP_BACKWARD_NO_INTERRUPT and SEND lands in the delegate: certified', () => {
    for (const name of ['send-through.yaml', 'chain.yaml', 'return-value.yaml']) {
      const v = certify(fixture(name), atResume2((_f, vm) => {
        for (let i = 0; i < 3 && vm.frame !== null; i++) vm.step();
      }));
      expect([name, v.status]).toEqual([name, 'pass']);
      if (v.status === 'pass') expect(v.entries).toBeGreaterThan(0);
    }
  });

  test('a SEND that drops the sent value fails advance-n at the delegate frame it pushed', () => {
    const v = certify(fixture('send-through.yaml'), atResume2((frame, vm) => {
      vm.step();
      vm.step();
      frame.stack[frame.stack.length - 1] = null;
      vm.step();
    }));
    const { rule, code, difference } = violation(v);
    expect([rule, code]).toEqual(['advance-n', 'outer']);
    // The delegate's frame, on top of outer's, holds None where the interpreter pushed the sent 10.
    expect(difference).toBe('frames[2] averager: stack[0]: expected int 10, got None');
  });

  test('a write to the suspended delegate, seen only through the delegating frame\'s stack, fails advance-n', () => {
    const v = certify(fixture('send-through.yaml'), atResume2((frame, vm) => {
      const receiver = frame.stack[frame.stack.length - 2];
      if (receiver instanceof PyGenerator) (receiver.frame as Frame).locals[0] = 1000;
      vm.step();
    }));
    const { rule, code, difference } = violation(v);
    expect([rule, code]).toEqual(['advance-n', 'outer']);
    // Named through the delegating frame's stack: the receiver is the suspended delegate.
    expect(difference).toBe("frames[1] outer: stack[0].frame averager: local 'total': expected int 0, got int 1000");
  });
});
