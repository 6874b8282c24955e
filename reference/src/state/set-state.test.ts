/**
 * A set is state as its table (spec/state.md#set-state): the snapshot, the state tokens and the
 * clone see where each element sits, the dummies and the pop finger, not only the elements.
 */
import { Vm } from '../interp/vm';
import { NO_HOST } from '../runtime/nohost';
import { PySet, PySetIterator, discardEntry, popEntry, setAdd } from '../runtime/setobject';
import { newSet } from '../runtime/setops';
import { PyList } from '../runtime/values';
import { cloneVmState } from './clone';
import { compareStates } from './compare';
import { snapshot } from './snapshot';
import { sameState } from './tokens';

function vmWith(value: PySet | PySetIterator): Vm {
  const vm = new Vm(100);
  vm.globals.set('s', value);
  return vm;
}

const ints = (...xs: number[]): PySet => newSet(false, new PyList(xs), NO_HOST);

describe('sets in the compared state', () => {
  test('equal sets with the same table are the same state', () => {
    const a = vmWith(ints(1, 2, 3));
    const b = vmWith(ints(1, 2, 3));
    expect(compareStates(snapshot(a), snapshot(b))).toBeNull();
    expect(sameState(a, b)).toBe(true);
  });

  test('the same elements in other slots differ (7 and 15 collide in 8 slots)', () => {
    const a = vmWith(ints(7, 15));
    const b = vmWith(ints(15, 7));
    expect(compareStates(snapshot(a), snapshot(b))).not.toBeNull();
    expect(sameState(a, b)).toBe(false);
  });

  test('a dummy left by a removal differs from a slot never used', () => {
    const withDummy = ints(1, 2);
    discardEntry(withDummy, 2, 2);
    const a = vmWith(withDummy);
    const b = vmWith(ints(1));
    expect(compareStates(snapshot(a), snapshot(b))?.path).toMatch(/fill|dummies/);
    expect(sameState(a, b)).toBe(false);
  });

  test('the pop finger is state', () => {
    const popped = ints(1, 2);
    popEntry(popped);
    setAdd(popped, 1);
    const fresh = ints(1, 2);
    discardEntry(fresh, 1, 1);
    setAdd(fresh, 1);
    expect(compareStates(snapshot(vmWith(popped)), snapshot(vmWith(fresh)))?.path).toMatch(/finger/);
  });

  test('a set iterator is its position and its set; a clone keeps both, and aliasing', () => {
    const s = ints(4, 5, 6);
    const it = new PySetIterator(s);
    const vm = vmWith(it);
    vm.globals.set('t', s);
    const copy = cloneVmState(vm);
    expect(sameState(vm, copy)).toBe(true);
    const copied = copy.globals.get('s') as PySetIterator;
    expect(copied.set).toBe(copy.globals.get('t'));
    expect(copied.set).not.toBe(s);
    setAdd(s, 7);
    expect(sameState(vm, copy)).toBe(false);
  });
});
