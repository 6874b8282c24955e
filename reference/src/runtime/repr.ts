/** repr(), str() and ascii(). Object addresses (`at 0x...`) are left out: they are not reproducible. */
import { PyDataDescriptor } from './descriptor';
import { exceptionRepr, exceptionStr, raise } from './exceptions';
import { floatRepr } from './floatrepr';
import { methodOwner } from './methodtable';
import { PyModule } from './module';
import { PySet } from './setobject';
import { setRepr } from './setops';
import { ValueError } from './types';
import {
  PyBoundMethod, PyBuiltin, PyDict, PyDictView, PyException, PyFloat, PyFunction, PyGenerator, PyList,
  PyObject, PyRange, PySlice, PyTuple, PyType, type PyValue,
} from './values';
import { typeName } from './types';

const MAX_STR_DIGITS = 4300;

/** str(int), with CPython's 4300-digit limit (sys.get_int_max_str_digits()). @spec #print-format */
export function intToDecimal(v: number | bigint): string {
  if (typeof v === 'number') return String(v);
  const s = v.toString();
  if (s.length - (v < 0n ? 1 : 0) > MAX_STR_DIGITS) {
    raise(ValueError, `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return s;
}

/** Containers being printed, so that a self-containing list prints as [...]. */
const active = new Set<PyObject>();

/** @spec #str-repr */
export function repr(v: PyValue): string {
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'bigint':
      return intToDecimal(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'string':
      return strRepr(v);
    default:
      return v === null ? 'None' : objectRepr(v);
  }
}

/** @spec #print-format */
export function str(v: PyValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyException) return exceptionStr(v);
  return repr(v);
}

/** repr() with non-ASCII characters escaped. @spec #str-repr */
export function ascii(v: PyValue): string {
  return escapeNonAscii(repr(v));
}

function objectRepr(v: PyObject): string {
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyList) return nested(v, '[...]', () => `[${v.items.map(repr).join(', ')}]`);
  if (v instanceof PyTuple) {
    if (v.items.length === 1) return `(${repr(v.items[0]!)},)`;
    return nested(v, '(...)', () => `(${v.items.map(repr).join(', ')})`);
  }
  if (v instanceof PyDict) {
    return nested(v, '{...}', () => {
      const parts: string[] = [];
      for (const { key, value } of v.entries.values()) parts.push(`${repr(key)}: ${repr(value)}`);
      return `{${parts.join(', ')}}`;
    });
  }
  if (v instanceof PySet) return setRepr(v, repr);
  if (v instanceof PyException) return exceptionRepr(v);
  if (v instanceof PyType) return `<class '${v.name}'>`;
  if (v instanceof PyFunction) return `<function ${v.name}>`;
  if (v instanceof PyBoundMethod) return `<built-in method ${v.func.name} of ${typeName(v.self)} object>`;
  if (v instanceof PyBuiltin) {
    const owner = methodOwner(v);
    return owner ? `<method '${v.name}' of '${owner}' objects>` : `<built-in function ${v.name}>`;
  }
  if (v instanceof PyGenerator) return `<generator object ${v.name}>`;
  if (v instanceof PyRange) {
    const step = v.step === 1 ? '' : `, ${repr(v.step)}`;
    return `range(${repr(v.start)}, ${repr(v.stop)}${step})`;
  }
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`;
  if (v instanceof PyDictView) return dictViewRepr(v);
  /** @spec #module-objects */
  if (v instanceof PyModule) return `<module '${v.name}' (built-in)>`;
  if (v instanceof PyDataDescriptor) return v.repr();
  return `<${typeName(v)} object>`;
}

function nested(v: PyObject, cycle: string, f: () => string): string {
  if (active.has(v)) return cycle;
  active.add(v);
  try {
    return f();
  } finally {
    active.delete(v);
  }
}

function dictViewRepr(v: PyDictView): string {
  return nested(v, '...', () => {
    const parts: string[] = [];
    for (const { key, value } of v.dict.entries.values()) {
      if (v.what === 'keys') parts.push(repr(key));
      else if (v.what === 'values') parts.push(repr(value));
      else parts.push(`(${repr(key)}, ${repr(value)})`);
    }
    return `${typeName(v)}([${parts.join(', ')}])`;
  });
}

/** Characters str.isprintable() rejects (categories Cc Cf Cs Co Cn Zl Zp Zs, except space). */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const PLAIN = /^[\x20-\x7e]*$/;

/** CPython's unicode_repr: quote choice and escapes. @spec #str-repr */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (PLAIN.test(s) && !s.includes('\\') && !s.includes(quote)) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + hex(c, 2);
    else if (c < 0x7f) out += ch;
    else if (c === 0x20 || !NON_PRINTABLE.test(ch)) out += ch;
    else out += escapeCodePoint(c);
  }
  return out + quote;
}

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, '0');
}

function escapeCodePoint(c: number): string {
  if (c <= 0xff) return '\\x' + hex(c, 2);
  if (c <= 0xffff) return '\\u' + hex(c, 4);
  return '\\U' + hex(c, 8);
}

function escapeNonAscii(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c < 0x80 ? ch : escapeCodePoint(c);
  }
  return out;
}
