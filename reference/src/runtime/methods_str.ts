/** str methods. Each takes the str as args[0]; indices are code points. @spec #methods-str */
import { asIndex, checkPositional, exactlyOne, noArgs, noKwargs, sliceIndex } from './args';
import { bindArgs } from './clinic';
import { raise, typeError } from './exceptions';
import { collect, isIterable } from './iter';
import { lazyTable } from './methodtable';
import { codePoints, cpToUnit, PY_WHITESPACE, strLen, unitToCp } from './strings';
import { ValueError, typeName } from './types';
import { strLower, strUpper } from './unicode_props';
import { PyList, PyTuple, type PyValue } from './values';

const self = (args: PyValue[]): string => args[0] as string;

export function argStr(fname: string, n: number, v: PyValue): string {
  // CPython's _PyArg_BadArgument names None itself, not its type: "must be str, not None".
  if (typeof v !== 'string') typeError(`${fname}() argument ${n} must be str, not ${v === null ? 'None' : typeName(v)}`);
  return v;
}

/** ADJUST_INDICES over a string of `len` code points; None bounds are defaults. */
export function adjust(len: number, startV: PyValue | undefined, endV: PyValue | undefined): [number, number] {
  let start = startV === undefined || startV === null ? 0 : sliceIndex(startV);
  let end = endV === undefined || endV === null ? len : sliceIndex(endV);
  if (end > len) end = len;
  else if (end < 0) end = Math.max(0, end + len);
  if (start < 0) start = Math.max(0, start + len);
  return [start, end];
}

/** find/count arguments: (sub, [start, [end]]) with the haystack narrowed to s[start:end]. */
export function searchArgs(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null) {
  noKwargs(`str.${fname}`, kw);
  checkPositional(fname, args.length - 1, 1, 3);
  const s = self(args);
  const sub = argStr(fname, 1, args[1]!);
  const len = strLen(s);
  const [start, end] = adjust(len, args[2], args[3]);
  return { s, sub, start, end, subLen: strLen(sub) };
}

/** str.find / str.index: the first code-point index of sub in s[start:end], or -1. */
function findIn(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null): number {
  const { s, sub, start, end, subLen } = searchArgs(fname, args, kw);
  if (end - start < subLen) return -1;
  if (subLen === 0) return start;
  const u = s.indexOf(sub, cpToUnit(s, start));
  if (u < 0) return -1;
  const i = unitToCp(s, u);
  return i + subLen <= end ? i : -1;
}

function stripChars(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null): string {
  noKwargs(`str.${fname}`, kw);
  checkPositional(fname, args.length - 1, 0, 1);
  const chars = args[1] ?? null;
  if (chars === null) return PY_WHITESPACE;
  if (typeof chars !== 'string') typeError(`${fname} arg must be None or str`);
  return chars;
}

function strip(s: string, chars: string, left: boolean, right: boolean): string {
  const cps = codePoints(s);
  const set = new Set(codePoints(chars));
  let i = 0;
  let j = cps.length;
  if (left) while (i < j && set.has(cps[i]!)) i++;
  if (right) while (j > i && set.has(cps[j - 1]!)) j--;
  return cps.slice(i, j).join('');
}

function affix(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null, atEnd: boolean): boolean {
  noKwargs(`str.${fname}`, kw);
  checkPositional(fname, args.length - 1, 1, 3);
  const s = self(args);
  const what = args[1]!;
  // As CPython: start/end first, then a tuple's items in order, stopping at the first match
  // (a non-str item after it is never looked at).
  const cps = codePoints(s);
  const [start, end] = adjust(cps.length, args[2], args[3]);
  const matches = (p: string): boolean => {
    const pl = strLen(p);
    if (end - pl < start || start > cps.length) return false;
    const at = atEnd ? end - pl : start;
    return cps.slice(at, at + pl).join('') === p;
  };
  if (typeof what === 'string') return matches(what);
  if (!(what instanceof PyTuple)) return typeError(`${fname} first arg must be str or a tuple of str, not ${typeName(what)}`);
  for (const v of what.items) {
    if (typeof v !== 'string') typeError(`tuple for ${fname} must only contain str, not ${typeName(v)}`);
    if (matches(v)) return true;
  }
  return false;
}

const WS = `[${PY_WHITESPACE}]`;
const WS_RUN = new RegExp(`${WS}+`);
const WS_LEAD = new RegExp(`^${WS}+`);

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let rest = s.replace(WS_LEAD, '');
  while (rest !== '') {
    if (maxsplit >= 0 && out.length >= maxsplit) {
      // The remainder keeps its trailing whitespace, as in CPython.
      out.push(rest);
      break;
    }
    const m = WS_RUN.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

export function splitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (maxsplit < 0 || out.length < maxsplit) {
    const i = s.indexOf(sep, from);
    if (i < 0) break;
    out.push(s.slice(from, i));
    from = i + sep.length;
  }
  out.push(s.slice(from));
  return out;
}

function replace(s: string, old: string, repl: string, count: number): string {
  if (count < 0) count = Infinity;
  if (count === 0) return s;
  if (old === '') {
    const cps = codePoints(s);
    let out = '';
    let n = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (n < count) {
        out += repl;
        n++;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  if (count === Infinity) return s.split(old).join(repl);
  return splitSep(s, old, count).join(repl);
}

export const strMethods = lazyTable('str', () => ({
  join: (args, kw, host) => {
    const it = exactlyOne('str.join', args, kw, 1);
    if (!isIterable(it)) typeError('can only join an iterable');
    const items = collect(it, host);
    items.forEach((v, i) => {
      if (typeof v !== 'string') typeError(`sequence item ${i}: expected str instance, ${typeName(v)} found`);
    });
    return (items as string[]).join(self(args));
  },
  split: (args, kw) => {
    const [sepV, maxV] = bindArgs('split', args.slice(1), kw, { names: ['sep', 'maxsplit'], posOnly: 0, required: 0 });
    const sep = sepV ?? null;
    if (sep !== null && typeof sep !== 'string') typeError(`must be str or None, not ${typeName(sep)}`);
    const maxsplit = maxV === undefined ? -1 : Number(asIndex(maxV));
    if (sep === '') raise(ValueError, 'empty separator');
    const parts = sep === null ? splitWhitespace(self(args), maxsplit) : splitSep(self(args), sep, maxsplit);
    return new PyList(parts);
  },
  upper: (args, kw) => {
    noArgs('str.upper', args, kw, 1);
    return strUpper(self(args));
  },
  lower: (args, kw) => {
    noArgs('str.lower', args, kw, 1);
    return strLower(self(args));
  },
  strip: (args, kw) => strip(self(args), stripChars('strip', args, kw), true, true),
  lstrip: (args, kw) => strip(self(args), stripChars('lstrip', args, kw), true, false),
  rstrip: (args, kw) => strip(self(args), stripChars('rstrip', args, kw), false, true),
  startswith: (args, kw) => affix('startswith', args, kw, false),
  endswith: (args, kw) => affix('endswith', args, kw, true),
  replace: (args, kw) => {
    const [oldV, newV, countV] = bindArgs('replace', args.slice(1), kw, { names: ['old', 'new', 'count'], posOnly: 2, required: 2 });
    const old = argStr('replace', 1, oldV!);
    const repl = argStr('replace', 2, newV!);
    return replace(self(args), old, repl, countV === undefined ? -1 : Number(asIndex(countV)));
  },
  find: (args, kw) => findIn('find', args, kw),
  index: (args, kw) => {
    const i = findIn('index', args, kw);
    return i < 0 ? raise(ValueError, 'substring not found') : i;
  },
  count: (args, kw) => {
    const { s, sub, start, end, subLen } = searchArgs('count', args, kw);
    if (end - start < subLen) return 0;
    if (subLen === 0) return end - start + 1;
    const hay = s.slice(cpToUnit(s, start), cpToUnit(s, end));
    return hay.split(sub).length - 1;
  },
}));
