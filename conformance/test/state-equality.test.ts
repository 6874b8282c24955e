/**
 * The oracle's fast state equality (tokens) must agree with the readable comparison (snapshots)
 * on the states real programs go through: equal for a copy, and the same verdict for two states
 * some instructions apart. The programs of the corpus supply every kind of object the VM makes.
 */
import { join } from 'node:path';
import { loadProgram, runEntry } from '../../reference/src/program';
import type { Frame } from '../../reference/src/interp/frame';
import type { Vm } from '../../reference/src/interp/vm';
import { builtinType } from '../../reference/src/interp/errors';
import { PyBuiltin, PyDict, PyException, PyFloat, PyFunction, PyGenerator, PyList, PyTuple } from '../../reference/src/runtime/values';
import { cloneVmState } from '../../reference/src/state/clone';
import { compareStates } from '../../reference/src/state/compare';
import { snapshot } from '../../reference/src/state/snapshot';
import { sameState } from '../../reference/src/state/tokens';
import { loadCorpus } from '../src/fixtures/select';

const ROOT = join(__dirname, '../..');
const CHECKS_PER_FIXTURE = 20;

const corpus = loadCorpus(ROOT, ['fixtures/programs', 'fixtures/vm']).fixtures.filter((f) => {
  const e = f.data.expect as Record<string, unknown> | undefined;
  return e !== undefined && ('return' in e || 'raise' in e) && !f.data.optimizer;
});

interface Verdicts {
  checked: number;
  disagreements: string[];
  perturbed: Set<string>;
}

/** Every frame of the state and every object reachable from the frames, in no particular order. */
function reachable(vm: Vm): { frames: Frame[]; objects: object[] } {
  const frames: Frame[] = [];
  for (const top of [...vm.suspendedChains, vm.frame]) for (let f = top; f; f = f.back) frames.push(f);
  const seen = new Set<object>();
  const todo: unknown[] = frames.flatMap((f) => [...f.locals, ...f.stack]);
  while (todo.length) {
    const x = todo.pop();
    if (x === null || typeof x !== 'object' || seen.has(x) || x instanceof PyBuiltin || x instanceof PyFunction) continue;
    seen.add(x);
    if (x instanceof PyList || x instanceof PyTuple) todo.push(...x.items);
    if (x instanceof PyDict) for (const e of x.entries.values()) todo.push(e.key, e.value);
    if (x instanceof PyGenerator && x.state !== 'running') frames.push(x.frame as Frame);
  }
  return { frames, objects: [...seen] };
}

type Perturbation = (vm: Vm) => boolean;

/** Each changes one part of the state, or reports that the state has no such part. */
const PERTURBATIONS: Record<string, Perturbation> = {
  'a stack slot': (vm) => reachable(vm).frames.some((f) => f.stack.length > 0 && ((f.stack[f.stack.length - 1] = 'perturbed'), true)),
  'a local': (vm) => reachable(vm).frames.some((f) => f.locals.length > 0 && ((f.locals[0] = f.locals[0] === 123457 ? 0 : 123457), true)),
  'the FOR_ITER exit': (vm) => reachable(vm).frames.some((f) => f.gen !== null && ((f.forIterExit += 1), true)),
  'the entry flag': (vm) => reachable(vm).frames.some((f) => f.back !== null && ((f.entry = !f.entry), true)),
  'a list item': (vm) => reachable(vm).objects.some((o) => o instanceof PyList && o.items.length > 0 && ((o.items[0] = o.items[0] === 'x' ? 'y' : 'x'), true)),
  'a float sign': (vm) =>
    // A new float in a list: floats held by code objects are shared with the original state.
    reachable(vm).objects.some((o) => {
      if (!(o instanceof PyList)) return false;
      const i = o.items.findIndex((x) => x instanceof PyFloat && !Number.isNaN(x.value));
      if (i < 0) return false;
      const x = (o.items[i] as PyFloat).value;
      o.items[i] = new PyFloat(x === 0 ? (Object.is(x, 0) ? -0 : 0) : -x);
      return true;
    }),
  'a dict order': (vm) => reachable(vm).objects.some((o) => {
    if (!(o instanceof PyDict) || o.entries.size < 2) return false;
    const [first, ...rest] = [...o.entries];
    o.entries.clear();
    for (const [k, e] of [...rest, first!]) o.entries.set(k, e);
    return true;
  }),
  'an alias': (vm) => {
    // A list two slots hold: one of them gets an equal copy instead (aliasing is state).
    const slots = reachable(vm).frames.flatMap((f) => [...f.locals.map((x, i) => [f.locals, i, x] as const), ...f.stack.map((x, i) => [f.stack, i, x] as const)]);
    const twice = slots.find(([, , x], k) => x instanceof PyList && slots.some(([, , y], j) => j !== k && y === x));
    if (!twice) return false;
    const [where, i, x] = twice;
    where[i] = new PyList([...(x as PyList).items]);
    return true;
  },
  'the output': (vm) => (vm.write('!'), true),
  'a global': (vm) => (vm.globals.set('__perturbed__', 1), true),
  'the handled exception': (vm) => ((vm.excBase.handled = vm.excBase.handled ? null : new PyException(builtinType('ValueError'), new PyTuple([]))), true),
};

function check(vm: Vm, previous: Vm | null, v: Verdicts, at: string): Vm {
  const copy = cloneVmState(vm);
  if (!sameState(vm, copy)) v.disagreements.push(`${at}: a copy is not the same state`);
  const slow = compareStates(snapshot(vm), snapshot(copy));
  if (slow) v.disagreements.push(`${at}: a copy differs at ${slow.path}`);
  for (const [what, perturb] of Object.entries(PERTURBATIONS)) {
    const changed = cloneVmState(vm);
    if (!perturb(changed)) continue;
    v.perturbed.add(what);
    if (sameState(vm, changed)) v.disagreements.push(`${at}: tokens missed a change of ${what}`);
    if (compareStates(snapshot(vm), snapshot(changed)) === null) v.disagreements.push(`${at}: snapshots missed a change of ${what}`);
  }
  if (previous) {
    const fast = sameState(previous, copy);
    const exact = compareStates(snapshot(previous), snapshot(copy)) === null;
    if (fast !== exact) v.disagreements.push(`${at}: tokens say ${fast ? 'equal' : 'different'}, snapshots ${exact ? 'equal' : 'different'}`);
  }
  v.checked++;
  return copy;
}

const perturbed = new Set<string>();

test('the corpus supplies programs to check', () => {
  expect(corpus.length).toBeGreaterThan(100);
});

afterAll(() => {
  // Every perturbation found a state to change somewhere in the corpus (else it tested nothing).
  expect([...perturbed].sort()).toEqual(Object.keys(PERTURBATIONS).sort());
});

test.each(corpus.map((f) => [f.data.id, f] as const))('%s: tokens and snapshots agree on its states', (_id, fixture) => {
  const loaded = loadProgram(fixture.data.program);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const total = runEntry(loaded.program, fixture.data.entry, { budget: fixture.data.budget });
  const steps = total.ok ? total.outcome.steps : 0;
  const stride = Math.max(1, Math.floor(steps / CHECKS_PER_FIXTURE));
  const v: Verdicts = { checked: 0, disagreements: [], perturbed };
  let previous: Vm | null = null;
  let executed = 0;
  runEntry(loaded.program, fixture.data.entry, {
    budget: fixture.data.budget,
    setup: (vm) => {
      vm.onInstruction = () => {
        // Every stride-th instruction, and the one after it (states one instruction apart differ little).
        if (executed % stride === 0 || executed % stride === 1) previous = check(vm, previous, v, `step ${executed}`);
        executed++;
      };
    },
  });
  expect(v.disagreements).toEqual([]);
  expect(v.checked).toBeGreaterThan(0);
});
