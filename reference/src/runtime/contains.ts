/** The `in` operator (CONTAINS_OP). */
import { asInt } from './args';
import { itemEquals } from './compare';
import { dictContains, keyOf } from './dict';
import { typeError } from './exceptions';
import { getIter, isIterator, iterNext } from './iter';
import { rangeContainsInt } from './rangeops';
import { PySet } from './setobject';
import { setContains } from './setops';
import { typeName } from './types';
import { PyDict, PyDictView, PyList, PyRange, PyTuple, type Host, type PyValue } from './values';

/** `item in container`. Iterators and generators are consumed up to the match. @spec #op-CONTAINS_OP */
export function contains(container: PyValue, item: PyValue, host: Host): boolean {
  if (container instanceof PyList || container instanceof PyTuple) {
    // Re-read the length each step: CPython tolerates the list changing under comparison.
    const items = container.items;
    for (let i = 0; i < items.length; i++) if (itemEquals(items[i]!, item)) return true;
    return false;
  }
  if (typeof container === 'string') {
    if (typeof item !== 'string') typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict) return dictContains(container, item);
  if (container instanceof PySet) return setContains(container, item, host);
  if (container instanceof PyRange) {
    // Exact ints and bools are answered arithmetically; anything else by equality, like CPython.
    const i = asInt(item);
    if (i !== undefined) return rangeContainsInt(container, i);
    return iterContains(container, item, host);
  }
  if (container instanceof PyDictView) return viewContains(container, item, host);
  if (isIterator(container)) return iterContains(container, item, host);
  return typeError(`argument of type '${typeName(container)}' is not iterable`);
}

function viewContains(v: PyDictView, item: PyValue, host: Host): boolean {
  if (v.what === 'keys') return dictContains(v.dict, item);
  if (v.what === 'values') return iterContains(v, item, host);
  if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
  const e = v.dict.entries.get(keyOf(item.items[0]!));
  return e !== undefined && itemEquals(e.value, item.items[1]!);
}

function iterContains(iterable: PyValue, item: PyValue, host: Host): boolean {
  const it = getIter(iterable);
  for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) if (itemEquals(v, item)) return true;
  return false;
}
