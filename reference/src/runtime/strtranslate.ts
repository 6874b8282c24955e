/** str.translate(table) and str.maketrans(x[, y[, z]]), CPython 3.13's. @spec #methods-str-translate */
import { asIndex, checkPositional, noKwargs } from './args';
import { dictSet } from './dict';
import { raise, typeError } from './exceptions';
import { lazyTable } from './methodtable';
import { charFromCodePoint, codePoints } from './strings';
import { getItem } from './subscript';
import { LookupError, ValueError, isSubtype, typeName } from './types';
import { PyDict, PyException, type PyValue } from './values';

/** table[ord(ch)] for every character: None deletes, an int or a str replaces, a LookupError keeps. */
export function translate(s: string, table: PyValue): string {
  let out = '';
  const cache = new Map<number, string>();
  for (const ch of codePoints(s)) {
    const cp = ch.codePointAt(0)!;
    let mapped = cache.get(cp);
    if (mapped === undefined) {
      mapped = lookup(table, cp, ch);
      cache.set(cp, mapped);
    }
    out += mapped;
  }
  return out;
}

function lookup(table: PyValue, cp: number, ch: string): string {
  let v: PyValue;
  try {
    v = getItem(table, cp);
  } catch (e) {
    if (e instanceof PyException && isSubtype(e.type, LookupError)) return ch;
    throw e;
  }
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    const i = asIndex(v);
    if (i < 0 || i > 0x10ffff) raise(ValueError, 'character mapping must be in range(0x110000)');
    return charFromCodePoint(Number(i), 'str.translate()');
  }
  return typeError('character mapping must return integer, None or str');
}

function maketransFromDict(x: PyValue): PyDict {
  if (!(x instanceof PyDict)) typeError('if you give only one argument to maketrans it must be a dict');
  const out = new PyDict();
  for (const e of x.slots) {
    if (e === undefined) continue;
    const k = e.key;
    if (typeof k === 'string') {
      const cps = codePoints(k);
      if (cps.length !== 1) raise(ValueError, 'string keys in translate table must be of length 1');
      dictSet(out, cps[0]!.codePointAt(0)!, e.value);
    } else if (typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean') {
      dictSet(out, k, e.value);
    } else typeError('keys in translate table must be strings or integers');
  }
  return out;
}

/** The static methods of str (looked up on the type or an instance, called without self). */
export const strStaticMethods = lazyTable('str', () => ({
  maketrans: (args, kw) => {
    noKwargs('maketrans', kw);
    checkPositional('maketrans', args.length, 1, 3);
    if (args.length === 1) return maketransFromDict(args[0]!);
    const [x, y, z] = args;
    if (typeof y !== 'string') typeError(`maketrans() argument 2 must be str, not ${typeName(y!)}`);
    if (z !== undefined && typeof z !== 'string') typeError(`maketrans() argument 3 must be str, not ${typeName(z)}`);
    if (typeof x !== 'string') typeError('first maketrans argument must be a string if there is a second argument');
    const xs = codePoints(x);
    const ys = codePoints(y);
    if (xs.length !== ys.length) raise(ValueError, 'the first two maketrans arguments must have equal length');
    const out = new PyDict();
    xs.forEach((c, i) => dictSet(out, c.codePointAt(0)!, ys[i]!.codePointAt(0)!));
    if (z !== undefined) for (const c of codePoints(z)) dictSet(out, c.codePointAt(0)!, null);
    return out;
  },
}));
