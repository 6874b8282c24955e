/** dict.update(other) semantics shared by dict(), dict.update() and `|=`. */
import { dictMerge, dictSet } from './dict';
import { raise, typeError } from './exceptions';
import { getIter, isIterable, iterNext } from './iter';
import { ValueError } from './types';
import { PyDict, type Host, type PyValue } from './values';

/**
 * Merge a dict, or an iterable of key/value pairs, into `d`.
 * @spec #builtin-dict
 */
export function dictUpdate(d: PyDict, other: PyValue, host: Host): void {
  if (other instanceof PyDict) return dictMerge(d, other);
  const it = getIter(other);
  let n = 0;
  for (let pair = iterNext(it, host); pair !== undefined; pair = iterNext(it, host), n++) {
    if (!isIterable(pair)) typeError(`cannot convert dictionary update sequence element #${n} to a sequence`);
    const kv: PyValue[] = [];
    const pit = getIter(pair);
    for (let v = iterNext(pit, host); v !== undefined; v = iterNext(pit, host)) kv.push(v);
    if (kv.length !== 2) {
      raise(ValueError, `dictionary update sequence element #${n} has length ${kv.length}; 2 is required`);
    }
    dictSet(d, kv[0]!, kv[1]!);
  }
}
