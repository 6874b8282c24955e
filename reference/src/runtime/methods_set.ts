/** set and frozenset methods. Each takes the set as args[0]. @spec #set-methods */
import { exactlyOne, noArgs, noKwargs } from './args';
import { keyError } from './exceptions';
import { lazyTable } from './methodtable';
import { clearTable, popEntry, setAdd } from './setobject';
import {
  setCopy, setDifferenceMulti, setDifferenceUpdate, setDiscard, setIntersectionMulti, setIntersectionUpdate,
  setIsDisjoint, setIsSubset, setIsSuperset, setSymmetricDifference, setSymmetricDifferenceUpdate, setUnion, setUpdate,
} from './setops';
import type { PySet } from './setobject';
import type { NativeImpl, PyValue } from './values';

const self = (args: PyValue[]): PySet => args[0] as PySet;

/** The methods a frozenset shares with set, named after the receiver's type in messages. */
function sharedMethods(owner: 'set' | 'frozenset'): Record<string, NativeImpl> {
  const one = (name: string, f: (so: PySet, other: PyValue, host: Host) => PyValue): NativeImpl =>
    (args, kw, host) => f(self(args), exactlyOne(`${owner}.${name}`, args, kw, 1), host);
  const many = (name: string, f: (so: PySet, others: PyValue[], host: Host) => PyValue): NativeImpl =>
    (args, kw, host) => {
      noKwargs(`${owner}.${name}`, kw);
      return f(self(args), args.slice(1), host);
    };
  return {
    copy: (args, kw) => {
      noArgs(`${owner}.copy`, args, kw, 1);
      const so = self(args);
      return so.frozen ? so : setCopy(so);
    },
    union: many('union', (so, others, host) => setUnion(so, others, host)),
    intersection: many('intersection', (so, others, host) => setIntersectionMulti(so, others, host)),
    difference: many('difference', (so, others, host) => setDifferenceMulti(so, others, host)),
    symmetric_difference: one('symmetric_difference', (so, other, host) => setSymmetricDifference(so, other, host)),
    issubset: one('issubset', (so, other, host) => setIsSubset(so, other, host)),
    issuperset: one('issuperset', (so, other, host) => setIsSuperset(so, other, host)),
    isdisjoint: one('isdisjoint', (so, other, host) => setIsDisjoint(so, other, host)),
  };
}

export const frozensetMethods = lazyTable('frozenset', () => sharedMethods('frozenset'));

type Host = Parameters<NativeImpl>[2];

/** METH_O methods that change the set and return None. */
const mutOne = (name: string, f: (so: PySet, other: PyValue, host: Host) => void): NativeImpl =>
  (args, kw, host) => {
    f(self(args), exactlyOne(`set.${name}`, args, kw, 1), host);
    return null;
  };

/** *others methods that change the set and return None. */
const mutMany = (name: string, f: (so: PySet, others: PyValue[], host: Host) => void): NativeImpl =>
  (args, kw, host) => {
    noKwargs(`set.${name}`, kw);
    f(self(args), args.slice(1), host);
    return null;
  };

const shared = sharedMethods('set');

export const setMethods = lazyTable('set', () => ({
  add: mutOne('add', (so, key) => setAdd(so, key)),
  discard: mutOne('discard', (so, key, host) => void setDiscard(so, key, host)),
  remove: mutOne('remove', (so, key, host) => {
    if (!setDiscard(so, key, host)) keyError(key);
  }),
  pop: (args, kw) => {
    noArgs('set.pop', args, kw, 1);
    return popEntry(self(args));
  },
  clear: (args, kw) => {
    noArgs('set.clear', args, kw, 1);
    clearTable(self(args));
    return null;
  },
  update: mutMany('update', (so, others, host) => others.forEach((o) => setUpdate(so, o, host))),
  intersection_update: mutMany('intersection_update', (so, others, host) => setIntersectionUpdate(so, others, host)),
  difference_update: mutMany('difference_update', (so, others, host) => others.forEach((o) => setDifferenceUpdate(so, o, host))),
  symmetric_difference_update: mutOne('symmetric_difference_update', (so, other, host) => setSymmetricDifferenceUpdate(so, other, host)),
  copy: shared.copy!,
  union: shared.union!,
  intersection: shared.intersection!,
  difference: shared.difference!,
  symmetric_difference: shared.symmetric_difference!,
  issubset: shared.issubset!,
  issuperset: shared.issuperset!,
  isdisjoint: shared.isdisjoint!,
}));
