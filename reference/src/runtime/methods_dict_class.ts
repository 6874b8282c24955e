/** dict.fromkeys, a class method: looked up on the type or an instance and called without self. @spec #methods-dict */
import { checkPositional, noKwargs } from './args';
import { dictSet } from './dict';
import { getIter, iterNext } from './iter';
import { lazyTable } from './methodtable';
import { PyDict } from './values';

export const dictStaticMethods = lazyTable('dict', () => ({
  fromkeys: (args, kw, host) => {
    noKwargs('fromkeys', kw);
    checkPositional('fromkeys', args.length, 1, 2);
    const d = new PyDict();
    const value = args.length > 1 ? args[1]! : null;
    const it = getIter(args[0]!);
    for (let k = iterNext(it, host); k !== undefined; k = iterNext(it, host)) dictSet(d, k, value);
    return d;
  },
}));
