/**
 * What of a set is state: its table as CPython lays it out. Iteration, repr and pop walk the
 * slots in order, and where the next element lands depends on the dummies and the fill, so two
 * sets with the same elements in different slots are different states.
 * @spec #set-state
 */
import { PySet, PySetIterator } from '../runtime/setobject';
import type { ShapeSink } from './shape';

export function describeSetObject(o: PySet | PySetIterator, s: ShapeSink): void {
  if (o instanceof PySetIterator) {
    s.prop('pos', o.pos);
    s.prop('used', o.used);
    s.prop('remaining', o.remaining);
    return s.slot('set', o.set);
  }
  s.prop('mask', o.mask);
  s.prop('fill', o.fill);
  s.prop('used', o.used);
  s.prop('finger', o.finger);
  const dummies: number[] = [];
  for (let i = 0; i <= o.mask; i++) {
    s.item(o.keys[i]);
    if (o.keys[i] === undefined && o.hashes[i] !== 0) dummies.push(i);
  }
  s.prop('dummies', dummies.join(','));
}
