/** dict_keys and dict_items methods (isdisjoint). @spec #methods-dict */
import { exactlyOne } from './args';
import { contains } from './contains';
import { getIter, iterNext } from './iter';
import { lazyTable } from './methodtable';
import { PySet } from './setobject';
import { PyDictView, type NativeImpl, type PyValue } from './values';

const size = (v: PySet | PyDictView): number => (v instanceof PySet ? v.used : v.dict.entries.size);

/** dictviews_isdisjoint: iterate the other operand, or this view when the other is a larger set or view. */
const isdisjoint: NativeImpl = (args, kw, host) => {
  const other = exactlyOne('isdisjoint', args, kw, 1);
  const self = args[0] as PyDictView;
  if (other === self) return self.dict.entries.size === 0;
  let [iterated, probed]: [PyValue, PyValue] = [other, self];
  if ((other instanceof PySet || other instanceof PyDictView) && size(other) > size(self)) [iterated, probed] = [self, other];
  const it = getIter(iterated);
  for (let item = iterNext(it, host); item !== undefined; item = iterNext(it, host)) if (contains(probed, item, host)) return false;
  return true;
};

export const keysViewMethods = lazyTable('dict_keys', () => ({ isdisjoint }));
export const itemsViewMethods = lazyTable('dict_items', () => ({ isdisjoint }));
