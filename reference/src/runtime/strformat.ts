/**
 * str.format(*args, **kwargs): a port of CPython 3.13's Objects/stringlib/unicode_format.h
 * (MarkupIterator, parse_field, field_name_split, FieldNameIterator, auto-numbering), with
 * CPython's error messages. Fields are rendered by format.ts.
 * @spec #methods-str-format
 */
import type { Kwargs } from './args';
import { loadAttr } from './attrs';
import { keyError, newException, raise } from './exceptions';
import { formatValue } from './format';
import { ascii, repr, str } from './repr';
import { unicodeDigitValue } from './strings';
import { getItem } from './subscript';
import { IndexError, ValueError } from './types';
import type { Host, PyValue } from './values';

interface AutoNumber {
  state: 'init' | 'auto' | 'manual';
  next: number;
}

interface Context {
  /** Positional arguments; null for format_map, which has none. */
  readonly args: readonly PyValue[] | null;
  /** The value of a named field (a keyword argument, or mapping[name] for format_map). */
  readonly named: (name: string) => PyValue;
  readonly auto: AutoNumber;
}

/** PEP 3101: a format spec may hold fields, whose specs may not ("{0:{1}}" works, one more level fails). */
const RECURSION_DEPTH = 2;

/** @spec #methods-str-format */
export function formatMethod(fmt: string, args: readonly PyValue[], kwargs: Kwargs, _host: Host): string {
  const named = (name: string): PyValue => {
    const v = kwargs?.get(name);
    return v === undefined ? keyError(name) : v;
  };
  return buildString(Array.from(fmt), { args, named, auto: { state: 'init', next: 0 } }, RECURSION_DEPTH);
}

/** str.format_map(mapping): named fields are `mapping[name]`; a positional field is an error. @spec #methods-str-format */
export function formatMap(fmt: string, mapping: PyValue): string {
  const named = (name: string): PyValue => getItem(mapping, name);
  return buildString(Array.from(fmt), { args: null, named, auto: { state: 'init', next: 0 } }, RECURSION_DEPTH);
}

function buildString(cps: readonly string[], ctx: Context, depth: number): string {
  if (depth <= 0) raise(ValueError, 'Max string recursion exceeded');
  let out = '';
  let pos = 0;
  const end = cps.length;
  while (pos < end) {
    // Literal text up to an unescaped brace; a doubled brace ends the literal with one brace.
    const start = pos;
    let c = '';
    let markupFollows = false;
    while (pos < end) {
      c = cps[pos++]!;
      if (c === '{' || c === '}') {
        markupFollows = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === '}' && (atEnd || cps[pos] !== c)) raise(ValueError, "Single '}' encountered in format string");
    if (atEnd && c === '{') raise(ValueError, "Single '{' encountered in format string");
    if (!atEnd) {
      if (cps[pos] === c) {
        pos++;
        markupFollows = false;
      } else len--;
    }
    out += cps.slice(start, start + len).join('');
    if (!markupFollows) continue;
    const field = parseField(cps, pos);
    pos = field.next;
    out += renderMarkup(cps, field, ctx, depth);
  }
  return out;
}

interface Field {
  nameStart: number;
  nameEnd: number;
  conversion: string;
  specStart: number;
  specEnd: number;
  specNeedsExpanding: boolean;
  /** The position after the field's closing brace. */
  next: number;
}

/** parse_field: `name[!conversion][:spec]}` starting at pos (after the opening brace). */
function parseField(cps: readonly string[], pos: number): Field {
  const end = cps.length;
  const f: Field = { nameStart: pos, nameEnd: pos, conversion: '', specStart: 0, specEnd: 0, specNeedsExpanding: false, next: pos };
  let c = '';
  while (pos < end) {
    c = cps[pos++]!;
    if (c === '{') raise(ValueError, "unexpected '{' in field name");
    if (c === '[') {
      while (pos < end && cps[pos] !== ']') pos++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  f.nameEnd = pos - 1;
  if (c === '!' || c === ':') {
    if (c === '!') {
      if (pos >= end) raise(ValueError, 'end of string while looking for conversion specifier');
      f.conversion = cps[pos++]!;
      if (pos < end) {
        const after = cps[pos++]!;
        if (after === '}') {
          f.next = pos;
          return f;
        }
        if (after !== ':') raise(ValueError, "expected ':' after conversion specifier");
      }
    }
    f.specStart = pos;
    let count = 1;
    while (pos < end) {
      const ch = cps[pos++]!;
      if (ch === '{') {
        f.specNeedsExpanding = true;
        count++;
      } else if (ch === '}' && --count === 0) {
        f.specEnd = pos - 1;
        f.next = pos;
        return f;
      }
    }
    return raise(ValueError, "unmatched '{' in format spec");
  }
  if (c !== '}') raise(ValueError, "expected '}' before end of string");
  f.next = pos;
  return f;
}

function renderMarkup(cps: readonly string[], f: Field, ctx: Context, depth: number): string {
  let obj = fieldObject(cps.slice(f.nameStart, f.nameEnd), ctx);
  if (f.conversion !== '' && f.conversion !== '\0') obj = convert(obj, f.conversion);
  const specCps = cps.slice(f.specStart, f.specEnd);
  const spec = f.specNeedsExpanding ? buildString(specCps, ctx, depth - 1) : specCps.join('');
  return formatValue(obj, spec);
}

function convert(v: PyValue, conversion: string): string {
  if (conversion === 'r') return repr(v);
  if (conversion === 's') return str(v);
  if (conversion === 'a') return ascii(v);
  const code = conversion.codePointAt(0)!;
  const shown = code > 32 && code < 127 ? conversion : `\\x${code.toString(16)}`;
  return raise(ValueError, `Unknown conversion specifier ${shown}`);
}

/** get_integer: a field name made only of decimal digits (any script) is an index, else -1. */
function getInteger(cps: readonly string[]): number {
  if (cps.length === 0) return -1;
  let acc = 0;
  for (const ch of cps) {
    const d = unicodeDigitValue(ch);
    if (d < 0) return -1;
    if (acc > (Number.MAX_SAFE_INTEGER - d) / 10) raise(ValueError, 'Too many decimal digits in format string');
    acc = acc * 10 + d;
  }
  return acc;
}

/** get_field_object: the argument named by `first`, then each `.attr` and `[key]` applied in turn. */
function fieldObject(name: readonly string[], ctx: Context): PyValue {
  let i = 0;
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
  const first = name.slice(0, i);
  let index = getInteger(first);
  const empty = first.length === 0;
  if (empty || index !== -1) {
    const a = ctx.auto;
    if (a.state === 'init') a.state = empty ? 'auto' : 'manual';
    if (a.state === 'manual' && empty) {
      raise(ValueError, 'cannot switch from manual field specification to automatic field numbering');
    }
    if (a.state !== 'manual' && !empty) {
      raise(ValueError, 'cannot switch from automatic field numbering to manual field specification');
    }
    if (empty) index = a.next++;
  }
  let obj: PyValue;
  if (index === -1) {
    obj = ctx.named(first.join(''));
  } else {
    if (ctx.args === null) raise(ValueError, 'Format string contains positional fields');
    if (index >= ctx.args.length) {
      throw newException(IndexError, `Replacement index ${index} out of range for positional args tuple`);
    }
    obj = ctx.args[index]!;
  }
  while (i < name.length) {
    const c = name[i++]!;
    const start = i;
    let isAttribute = false;
    if (c === '.') {
      isAttribute = true;
      while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
    } else if (c === '[') {
      while (i < name.length && name[i] !== ']') i++;
      if (i >= name.length) raise(ValueError, "Missing ']' in format string");
      i++;
    } else raise(ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    const part = name.slice(start, isAttribute ? i : i - 1);
    if (part.length === 0) raise(ValueError, 'Empty attribute in format string');
    if (isAttribute) obj = loadAttr(obj, part.join(''));
    else {
      const idx = getInteger(part);
      obj = getItem(obj, idx === -1 ? part.join('') : idx);
    }
  }
  return obj;
}
