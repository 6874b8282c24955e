/**
 * str methods for text layout, searching from the right, case and classification; merged into
 * the str method table by methods_str.ts. CPython 3.13's results and messages.
 * @spec #methods-str-more
 */
import { asIndex, asSsize, checkPositional, exactlyOne, noArgs, noKwargs } from './args';
import { bindArgs } from './clinic';
import { newException, raise, typeError } from './exceptions';
import { lazyTable } from './methodtable';
import { searchArgs, splitSep } from './methods_str';
import { truthy } from './unary';
import { formatMap, formatMethod } from './strformat';
import { translate } from './strtranslate';
import { cpToUnit, PY_WHITESPACE, strLen, unitToCp } from './strings';
import * as is from './str_predicates';
import { strCapitalize, strCasefold, strSwapcase, strTitle } from './unicode_props';
import { MemoryError, ValueError, typeName } from './types';
import { PyList, PyTuple, type NativeImpl, type PyValue } from './values';

const self = (args: PyValue[]): string => args[0] as string;

/** Widths beyond this would need gigabytes (CPython would try, and fail with MemoryError). */
const MAX_WIDTH = 2 ** 28;

/** str.rfind / str.rindex: the last code-point index of sub in s[start:end], or -1. */
function rfindIn(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null): number {
  const { s, sub, start, end, subLen } = searchArgs(fname, args, kw);
  if (end - start < subLen) return -1;
  if (subLen === 0) return end;
  const u = s.lastIndexOf(sub, cpToUnit(s, end - subLen));
  if (u < 0) return -1;
  const i = unitToCp(s, u);
  return i >= start ? i : -1;
}

function separator(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null): string {
  const sep = exactlyOne(`str.${fname}`, args, kw, 1);
  if (typeof sep !== 'string') typeError(`must be str, not ${typeName(sep)}`);
  if (sep === '') raise(ValueError, 'empty separator');
  return sep;
}

const isWs = (c: string): boolean => PY_WHITESPACE.includes(c);

/** rsplit_whitespace: from the right; the remainder keeps its leading whitespace. */
function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length - 1;
  let count = maxsplit < 0 ? Infinity : maxsplit;
  while (count-- > 0) {
    while (i >= 0 && isWs(s[i]!)) i--;
    if (i < 0) break;
    const j = i;
    while (i >= 0 && !isWs(s[i]!)) i--;
    out.push(s.slice(i + 1, j + 1));
  }
  if (i >= 0) {
    while (i >= 0 && isWs(s[i]!)) i--;
    if (i >= 0) out.push(s.slice(0, i + 1));
  }
  return out.reverse();
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  if (maxsplit < 0) return splitSep(s, sep, -1);
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const i = end - sep.length < 0 ? -1 : s.lastIndexOf(sep, end - sep.length);
    if (i < 0) break;
    out.push(s.slice(i + sep.length, end));
    end = i;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

/** The line boundaries of str.splitlines (\r\n counts as one). */
const LINE_BREAKS = '\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029';

function splitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && !LINE_BREAKS.includes(s[j]!)) j++;
    let eol = j;
    if (j < s.length) {
      eol = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
    }
    out.push(s.slice(i, keepends ? eol : j));
    i = eol;
  }
  return out;
}

function width(v: PyValue): number {
  const w = asSsize(v);
  if (w > MAX_WIDTH) throw newException(MemoryError);
  return w;
}

/** The fill character argument of center/ljust/rjust. */
function fillChar(v: PyValue | undefined): string {
  if (v === undefined) return ' ';
  if (typeof v !== 'string') typeError(`The fill character must be a unicode character, not ${typeName(v)}`);
  if (strLen(v) !== 1) typeError('The fill character must be exactly one character long');
  return v;
}

/** center/ljust/rjust(width, fillchar=' ', /). */
function justify(fname: string, how: 'left' | 'right' | 'center'): NativeImpl {
  return (args, kw) => {
    noKwargs(`str.${fname}`, kw);
    checkPositional(fname, args.length - 1, 1, 2);
    const s = self(args);
    const w = width(args[1]!);
    const fill = fillChar(args[2]);
    const marg = w - strLen(s);
    if (marg <= 0) return s;
    // CPython's pad(): center puts the odd extra fill on the left only when width is odd too.
    const left = how === 'left' ? 0 : how === 'right' ? marg : Math.floor(marg / 2) + (marg & w & 1);
    return fill.repeat(left) + s + fill.repeat(marg - left);
  };
}

function expandtabs(s: string, tabsize: number): string {
  let out = '';
  let col = 0;
  for (const ch of s) {
    if (ch === '\t') {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        if (out.length + n > MAX_WIDTH) throw newException(MemoryError);
        out += ' '.repeat(n);
        col += n;
      }
    } else {
      out += ch;
      col = ch === '\n' || ch === '\r' ? 0 : col + 1;
    }
  }
  return out;
}

function predicate(fname: string, test: (s: string) => boolean): NativeImpl {
  return (args, kw) => {
    noArgs(`str.${fname}`, args, kw, 1);
    return test(self(args));
  };
}

function caseMap(fname: string, map: (s: string) => string): NativeImpl {
  return (args, kw) => {
    noArgs(`str.${fname}`, args, kw, 1);
    return map(self(args));
  };
}

function affixArg(fname: string, args: PyValue[], kw: ReadonlyMap<string, PyValue> | null): string {
  const v = exactlyOne(`str.${fname}`, args, kw, 1);
  if (typeof v !== 'string') typeError(`${fname}() argument must be str, not ${typeName(v)}`);
  return v;
}

export const strTextMethods = lazyTable('str', () => ({
  rfind: (args, kw) => rfindIn('rfind', args, kw),
  rindex: (args, kw) => {
    const i = rfindIn('rindex', args, kw);
    return i < 0 ? raise(ValueError, 'substring not found') : i;
  },
  partition: (args, kw) => {
    const s = self(args);
    const sep = separator('partition', args, kw);
    const i = s.indexOf(sep);
    return i < 0 ? new PyTuple([s, '', '']) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  rpartition: (args, kw) => {
    const s = self(args);
    const sep = separator('rpartition', args, kw);
    const i = s.lastIndexOf(sep);
    return i < 0 ? new PyTuple(['', '', s]) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  rsplit: (args, kw) => {
    const [sepV, maxV] = bindArgs('rsplit', args.slice(1), kw, { names: ['sep', 'maxsplit'], posOnly: 0, required: 0 });
    const sep = sepV ?? null;
    if (sep !== null && typeof sep !== 'string') typeError(`must be str or None, not ${typeName(sep)}`);
    const maxsplit = maxV === undefined ? -1 : asSsize(maxV);
    if (sep === '') raise(ValueError, 'empty separator');
    return new PyList(sep === null ? rsplitWhitespace(self(args), maxsplit) : rsplitSep(self(args), sep, maxsplit));
  },
  splitlines: (args, kw) => {
    const [keepends] = bindArgs('splitlines', args.slice(1), kw, { names: ['keepends'], posOnly: 0, required: 0 });
    return new PyList(splitlines(self(args), keepends !== undefined && truthy(keepends)));
  },
  zfill: (args, kw) => {
    const s = self(args);
    const w = width(exactlyOne('str.zfill', args, kw, 1));
    const n = strLen(s);
    if (n >= w) return s;
    const first = s[0];
    return first === '+' || first === '-' ? first + '0'.repeat(w - n) + s.slice(1) : '0'.repeat(w - n) + s;
  },
  center: justify('center', 'center'),
  ljust: justify('ljust', 'left'),
  rjust: justify('rjust', 'right'),
  capitalize: caseMap('capitalize', strCapitalize),
  title: caseMap('title', strTitle),
  swapcase: caseMap('swapcase', strSwapcase),
  casefold: caseMap('casefold', strCasefold),
  expandtabs: (args, kw) => {
    const [t] = bindArgs('expandtabs', args.slice(1), kw, { names: ['tabsize'], posOnly: 0, required: 0 });
    const tabsize = t === undefined ? 8 : asIndex(t);
    return expandtabs(self(args), typeof tabsize === 'bigint' ? (tabsize > 0n ? MAX_WIDTH : 0) : tabsize);
  },
  removeprefix: (args, kw) => {
    const s = self(args);
    const p = affixArg('removeprefix', args, kw);
    return p !== '' && s.startsWith(p) ? s.slice(p.length) : s;
  },
  removesuffix: (args, kw) => {
    const s = self(args);
    const p = affixArg('removesuffix', args, kw);
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  isdigit: predicate('isdigit', is.isDigit),
  isalpha: predicate('isalpha', is.isAlpha),
  isdecimal: predicate('isdecimal', is.isDecimal),
  isnumeric: predicate('isnumeric', is.isNumeric),
  isalnum: predicate('isalnum', is.isAlnum),
  isspace: predicate('isspace', is.isSpace),
  isupper: predicate('isupper', is.isUpper),
  islower: predicate('islower', is.isLower),
  istitle: predicate('istitle', is.isTitle),
  isidentifier: predicate('isidentifier', is.isIdentifier),
  isprintable: predicate('isprintable', is.isPrintable),
  isascii: predicate('isascii', is.isAscii),
  format: (args, kw, host) => formatMethod(self(args), args.slice(1), kw, host),
  format_map: (args, kw) => formatMap(self(args), exactlyOne('str.format_map', args, kw, 1)),
  translate: (args, kw) => translate(self(args), exactlyOne('str.translate', args, kw, 1)),
}));
