/** list methods. Each takes the list as args[0]. @spec #methods-list */
import { asSsize, checkAtMost, checkKeywords, checkPositional, exactlyOne, hasKw, noArgs, noKwargs, sliceIndex, type Kwargs } from './args';
import { callKey } from './callkey';
import { compareOp, itemEquals, LT } from './compare';
import { raise, typeError } from './exceptions';
import { appendAll, collect, isIterable } from './iter';
import { lazyTable } from './methodtable';
import { repr } from './repr';
import { timsort } from './sort';
import { truthy } from './unary';
import { IndexError, ValueError, typeName } from './types';
import { PyList, type Host, type PyValue } from './values';

const self = (args: PyValue[]): PyList => args[0] as PyList;

/** list.index/count bounds: clamped like slice indices, negative from the end. */
export function bound(v: PyValue | undefined, dflt: number, len: number): number {
  if (v === undefined) return dflt;
  let i = sliceIndex(v, 'slice indices must be integers or have an __index__ method');
  if (i < 0) i = Math.max(0, i + len);
  return i;
}

/** list.sort(*, key=None, reverse=False), also behind sorted(). */
export function sortList(list: PyList, kwargs: Kwargs, host: Host): void {
  if (hasKw(kwargs) && kwargs.size > 2) typeError(`sort() takes at most 2 keyword arguments (${kwargs.size} given)`);
  checkKeywords('sort', kwargs, ['key', 'reverse']);
  const key = kwargs?.get('key') ?? null;
  const reverse = truthy(kwargs?.get('reverse') ?? false);
  const lt = (a: PyValue, b: PyValue): boolean => compareOp(LT, a, b);
  if (key === null) return timsort(list.items, lt, reverse);
  const pairs = list.items.map((v) => ({ k: callKey(key, v, host), v }));
  try {
    timsort(pairs, (x, y) => lt(x.k, y.k), reverse);
  } finally {
    list.items.length = 0;
    for (const p of pairs) list.items.push(p.v);
  }
}

export const listMethods = lazyTable('list', () => ({
  append: (args, kw) => {
    self(args).items.push(exactlyOne('list.append', args, kw, 1));
    return null;
  },
  extend: (args, kw, host) => {
    const it = exactlyOne('list.extend', args, kw, 1);
    if (!isIterable(it)) typeError(`'${typeName(it)}' object is not iterable`);
    appendAll(self(args).items, collect(it, host));
    return null;
  },
  pop: (args, kw) => {
    noKwargs('list.pop', kw);
    checkPositional('pop', args.length - 1, 0, 1);
    const items = self(args).items;
    let i = args.length > 1 ? asSsize(args[1]!) : -1;
    if (items.length === 0) raise(IndexError, 'pop from empty list');
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) raise(IndexError, 'pop index out of range');
    return items.splice(i, 1)[0]!;
  },
  insert: (args, kw) => {
    noKwargs('list.insert', kw);
    checkPositional('insert', args.length - 1, 2, 2);
    const items = self(args).items;
    let i = asSsize(args[1]!);
    if (i < 0) i = Math.max(0, i + items.length);
    items.splice(Math.min(i, items.length), 0, args[2]!);
    return null;
  },
  index: (args, kw) => {
    noKwargs('list.index', kw);
    checkPositional('index', args.length - 1, 1, 3);
    const items = self(args).items;
    const x = args[1]!;
    const start = bound(args[2], 0, items.length);
    const stop = bound(args[3], items.length, items.length);
    for (let i = start; i < stop && i < items.length; i++) if (itemEquals(items[i]!, x)) return i;
    return raise(ValueError, `${repr(x)} is not in list`);
  },
  count: (args, kw) => {
    const x = exactlyOne('list.count', args, kw, 1);
    let n = 0;
    for (const v of self(args).items) if (itemEquals(v, x)) n++;
    return n;
  },
  reverse: (args, kw) => {
    noArgs('list.reverse', args, kw, 1);
    self(args).items.reverse();
    return null;
  },
  sort: (args, kw, host) => {
    checkAtMost('sort', args.length - 1, kw, 2); // Argument Clinic counts all arguments first
    if (args.length > 1) typeError('sort() takes no positional arguments');
    sortList(self(args), kw, host);
    return null;
  },
  copy: (args, kw) => {
    noArgs('list.copy', args, kw, 1);
    return new PyList(self(args).items.slice());
  },
  clear: (args, kw) => {
    noArgs('list.clear', args, kw, 1);
    self(args).items.length = 0;
    return null;
  },
  remove: (args, kw) => {
    const x = exactlyOne('list.remove', args, kw, 1);
    const items = self(args).items;
    for (let i = 0; i < items.length; i++) {
      if (itemEquals(items[i]!, x)) {
        items.splice(i, 1);
        return null;
      }
    }
    return raise(ValueError, 'list.remove(x): x not in list');
  },
}));
