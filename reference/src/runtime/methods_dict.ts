/** dict methods. Each takes the dict as args[0]. @spec #methods-dict */
import { checkPositional, noArgs, noKwargs } from './args';
import { dictCopy, dictGet, dictSet, keyOf } from './dict';
import { clearEntries, removeEntry } from './dicttable';
import { dictUpdate } from './dictupdate';
import { keyError } from './exceptions';
import { lazyTable } from './methodtable';
import { PyDict, PyDictView, PyTuple, type PyValue } from './values';

const self = (args: PyValue[]): PyDict => args[0] as PyDict;

export const dictMethods = lazyTable('dict', () => ({
  get: (args, kw) => {
    noKwargs('dict.get', kw);
    checkPositional('get', args.length - 1, 1, 2);
    const v = dictGet(self(args), args[1]!);
    return v === undefined ? (args[2] ?? null) : v;
  },
  keys: (args, kw) => {
    noArgs('dict.keys', args, kw, 1);
    return new PyDictView(self(args), 'keys');
  },
  values: (args, kw) => {
    noArgs('dict.values', args, kw, 1);
    return new PyDictView(self(args), 'values');
  },
  items: (args, kw) => {
    noArgs('dict.items', args, kw, 1);
    return new PyDictView(self(args), 'items');
  },
  setdefault: (args, kw) => {
    noKwargs('dict.setdefault', kw);
    checkPositional('setdefault', args.length - 1, 1, 2);
    const d = self(args);
    const v = dictGet(d, args[1]!);
    if (v !== undefined) return v;
    const dflt = args[2] ?? null;
    dictSet(d, args[1]!, dflt);
    return dflt;
  },
  pop: (args, kw) => {
    noKwargs('dict.pop', kw);
    checkPositional('pop', args.length - 1, 1, 2);
    const d = self(args);
    // CPython's PyDict_Pop answers "missing" for an empty dict before hashing the key, so
    // {}.pop([]) is a KeyError, not "unhashable type".
    const e = d.entries.size === 0 ? undefined : d.entries.get(keyOf(args[1]!));
    if (e) {
      removeEntry(d, keyOf(args[1]!));
      return e.value;
    }
    if (args.length > 2) return args[2]!;
    return keyError(args[1]!);
  },
  update: (args, kw, host) => {
    checkPositional('update', args.length - 1, 0, 1);
    const d = self(args);
    if (args.length > 1) dictUpdate(d, args[1]!, host);
    if (kw) for (const [k, v] of kw) dictSet(d, k, v);
    return null;
  },
  popitem: (args, kw) => {
    noArgs('dict.popitem', args, kw, 1);
    const d = self(args);
    // dict_popitem_impl: the last live slot; dk_nentries shrinks to it (trailing holes go too),
    // but dk_usable does not grow back.
    let i = d.slots.length - 1;
    while (i >= 0 && d.slots[i] === undefined) i--;
    if (i < 0) return keyError('popitem(): dictionary is empty');
    const e = d.slots[i]!;
    d.entries.delete(keyOf(e.key));
    d.slots.length = i;
    return new PyTuple([e.key, e.value]);
  },
  copy: (args, kw) => {
    noArgs('dict.copy', args, kw, 1);
    return dictCopy(self(args));
  },
  clear: (args, kw) => {
    noArgs('dict.clear', args, kw, 1);
    clearEntries(self(args));
    return null;
  },
}));
