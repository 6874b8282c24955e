/**
 * The side-by-side walk (paired.ts) decides state equality as the token lists do, where it takes
 * its short cut too: a constant both states share, an equal fresh copy of it, aliasing into it.
 */
import type { Vm } from '../interp/vm';
import { loadProgram, newVm } from '../program';
import { PyFloat, PyFunction, PyList, PyTuple } from '../runtime/values';
import { cloneWithIdentity, sharedConstants, type IdentifiedCopy } from './clone';
import { samePairedStates } from './paired';
import { sameTokens, stateTokens } from './tokens';

const PROGRAM = {
  functions: {
    main: `.locals t u f
RESUME 0
LOAD_CONST ((1.5, 2.5), (1.5, 2.5))
STORE_FAST t
LOAD_CONST 1.5
STORE_FAST f
LOAD_FAST t
STORE_FAST u
RETURN_CONST None
`,
  },
};

/** main stopped before its return: t and u are one constant tuple, f a constant float. */
function stopped(): { vm: Vm; entry: IdentifiedCopy } {
  const r = loadProgram(PROGRAM);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  const vm = newVm(r.program, 1000);
  vm.begin(vm.globals.get('main') as PyFunction, []);
  while (vm.frame!.ip < 7) vm.step();
  return { vm, entry: cloneWithIdentity(vm, undefined, sharedConstants(vm.codes)) };
}

/**
 * Every verdict: the token lists', the side-by-side walk's through token records and with parts
 * compared in place (paired-parts.ts), each with and without identity.
 */
function verdicts(vm: Vm, entry: IdentifiedCopy): boolean[] {
  return [
    sameTokens(stateTokens(entry.copy, entry.reference), stateTokens(vm, entry.live)),
    samePairedStates(entry.copy, vm, entry, false),
    samePairedStates(entry.copy, vm, entry, true),
    sameTokens(stateTokens(entry.copy), stateTokens(vm)),
    samePairedStates(entry.copy, vm, null, false),
    samePairedStates(entry.copy, vm, null, true),
  ];
}

const all = (b: boolean): boolean[] => [b, b, b, b, b, b];

const fresh = (t: PyTuple): PyTuple => new PyTuple(t.items.map((x) => (x instanceof PyTuple ? new PyTuple([...x.items]) : x)));

describe('the side-by-side walk agrees with the token lists', () => {
  test('the copy is shared where it holds constants, and equal', () => {
    const { vm, entry } = stopped();
    expect(entry.copy.frame!.locals[0]).toBe(vm.frame!.locals[0]);
    expect(entry.kept.has(vm.frame!.locals[0] as object)).toBe(true);
    expect(verdicts(vm, entry)).toEqual(all(true));
  });

  test('an equal fresh copy of the constant in both places is equal; in one place, aliasing differs', () => {
    const { vm, entry } = stopped();
    const copy = fresh(vm.frame!.locals[0] as PyTuple);
    vm.frame!.locals[0] = copy;
    expect(verdicts(vm, entry)).toEqual(all(false));
    vm.frame!.locals[1] = copy;
    expect(verdicts(vm, entry)).toEqual(all(true));
  });

  test('an object inside the constant, also held elsewhere, stays one object', () => {
    const { vm, entry } = stopped();
    const inner = (vm.frame!.locals[0] as PyTuple).items[0] as PyTuple;
    // f holds the constant's inner tuple: the same object on both sides, then an equal copy of it.
    vm.frame!.locals[2] = inner;
    entry.copy.frame!.locals[2] = inner;
    expect(verdicts(vm, entry)).toEqual(all(true));
    vm.frame!.locals[2] = new PyTuple([...inner.items]);
    expect(verdicts(vm, entry)).toEqual(all(false));
  });

  test('a float of another sign or value differs; an equal fresh float where the constant was is equal', () => {
    const { vm, entry } = stopped();
    vm.frame!.locals[2] = new PyFloat(1.5);
    expect(verdicts(vm, entry)).toEqual(all(true));
    vm.frame!.locals[2] = new PyFloat(-1.5);
    expect(verdicts(vm, entry)).toEqual(all(false));
  });
});

describe('parts compared in place agree with the token records', () => {
  test('floats: -0 is not 0, NaN is NaN', () => {
    const { vm, entry } = stopped();
    vm.frame!.locals[2] = new PyFloat(-0);
    entry.copy.frame!.locals[2] = new PyFloat(0);
    expect(verdicts(vm, entry)).toEqual(all(false));
    vm.frame!.locals[2] = new PyFloat(NaN);
    entry.copy.frame!.locals[2] = new PyFloat(NaN);
    expect(verdicts(vm, entry)).toEqual(all(true));
  });

  test('items: a small bigint equals its number, a bool is not an int, a hole is NULL', () => {
    const { vm, entry } = stopped();
    vm.frame!.locals[2] = new PyList([5n, 1, undefined] as never);
    entry.copy.frame!.locals[2] = new PyList([5, 1, undefined] as never);
    expect(verdicts(vm, entry)).toEqual(all(true));
    vm.frame!.locals[2] = new PyList([5, true, undefined] as never);
    expect(verdicts(vm, entry)).toEqual(all(false));
    vm.frame!.locals[2] = new PyList([5, 1, null] as never);
    expect(verdicts(vm, entry)).toEqual(all(false));
  });

  test('a list and a tuple of the same items differ; a part that is no value is left to the records', () => {
    const { vm, entry } = stopped();
    vm.frame!.locals[2] = new PyList([1.5 as never]);
    entry.copy.frame!.locals[2] = new PyTuple([1.5 as never]);
    expect(verdicts(vm, entry)).toEqual(all(false));
    const f = (): void => undefined;
    vm.frame!.locals[2] = new PyList([f as never]);
    entry.copy.frame!.locals[2] = new PyList([f as never]);
    const v = verdicts(vm, entry);
    expect(v).toEqual(all(v[0]!));
  });
});
