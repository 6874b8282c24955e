import { dictGet, dictSet } from '../runtime/dict';
import { dataDescriptor } from '../runtime/descriptor';
import { intType } from '../runtime/types';
import { PyDict, PyFloat, PyList } from '../runtime/values';
import { Cloner } from './clone';

describe('a copied dict keyed by identity', () => {
  it('still finds its nan keys through the copies of those keys (the oracle replays d[nan] = v)', () => {
    const nan = new PyFloat(NaN);
    const other = new PyFloat(NaN);
    const d = new PyDict();
    dictSet(d, nan, 1);
    dictSet(d, other, 2);
    const holder = new PyList([d, nan, other]);
    const copy = new Cloner(new Set()).value(holder);
    const [d2, nan2, other2] = copy.items as [PyDict, PyFloat, PyFloat];
    expect(nan2).not.toBe(nan);
    expect(dictGet(d2, nan2)).toBe(1);
    expect(dictGet(d2, other2)).toBe(2);
    dictSet(d2, nan2, 3);
    expect(d2.entries.size).toBe(2);
    // A nan that is not the key is another key, in the copy as in the original.
    expect(dictGet(d2, new PyFloat(NaN))).toBeUndefined();
  });
});

describe('a copied state', () => {
  it('keeps a data descriptor itself: int.real is one object per process, as its type is', () => {
    const real = dataDescriptor('getset_descriptor', 'real', intType);
    const copy = new Cloner(new Set()).value(new PyList([real, real]));
    expect(copy.items[0]).toBe(real);
    expect(copy.items[1]).toBe(real);
  });
});
