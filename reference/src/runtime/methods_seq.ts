/** tuple and range methods (count, index). Each takes the receiver as args[0]. @spec #methods-tuple-range */
import { asInt, checkPositional, exactlyOne, noKwargs } from './args';
import { itemEquals } from './compare';
import { raise } from './exceptions';
import { intAdd, intFloorDiv, intSub, type PyInt } from './intops';
import { bound } from './methods_list';
import { lazyTable } from './methodtable';
import { rangeContainsInt, rangeItem, rangeLength } from './rangeops';
import { repr } from './repr';
import { ValueError } from './types';
import { PyRange, PyTuple, type PyValue } from './values';

export const tupleMethods = lazyTable('tuple', () => ({
  index: (args, kw) => {
    noKwargs('tuple.index', kw);
    checkPositional('index', args.length - 1, 1, 3);
    const items = (args[0] as PyTuple).items;
    const x = args[1]!;
    const start = bound(args[2], 0, items.length);
    const stop = bound(args[3], items.length, items.length);
    for (let i = start; i < stop && i < items.length; i++) if (itemEquals(items[i]!, x)) return i;
    return raise(ValueError, 'tuple.index(x): x not in tuple');
  },
  count: (args, kw) => {
    const x = exactlyOne('tuple.count', args, kw, 1);
    let n = 0;
    for (const v of (args[0] as PyTuple).items) if (itemEquals(v, x)) n++;
    return n;
  },
}));

/** The positions of x in r, found by == over the items (CPython's _PySequence_IterSearch for a non-int x). */
function* positionsByEquality(r: PyRange, x: PyValue): Generator<PyInt> {
  const n = rangeLength(r);
  for (let i: PyInt = 0; i < n; i = intAdd(i, 1)) {
    if (itemEquals(rangeItem(r, i), x)) yield i;
  }
}

export const rangeMethods = lazyTable('range', () => ({
  index: (args, kw) => {
    const x = exactlyOne('range.index', args, kw, 1);
    const r = args[0] as PyRange;
    const i = asInt(x);
    if (i !== undefined) {
      if (rangeContainsInt(r, i)) return intFloorDiv(intSub(i, r.start), r.step);
    } else {
      for (const at of positionsByEquality(r, x)) return at;
      return raise(ValueError, 'sequence.index(x): x not in sequence');
    }
    return raise(ValueError, `${repr(x)} is not in range`);
  },
  count: (args, kw) => {
    const x = exactlyOne('range.count', args, kw, 1);
    const r = args[0] as PyRange;
    const i = asInt(x);
    if (i !== undefined) return rangeContainsInt(r, i) ? 1 : 0;
    let n = 0;
    for (const _ of positionsByEquality(r, x)) n++;
    return n;
  },
}));
