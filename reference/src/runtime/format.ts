/**
 * format(value, spec): the format-spec mini-language for int, float and str, ported from
 * CPython 3.13's Python/formatter_unicode.c (parse, number widths, grouping, padding).
 * The 'n' type uses the C locale (no grouping), as CPython does unless the locale is changed.
 * @spec #str-format
 */
import { asInt, checkPositional, noKwargs } from './args';
import { newException, raise, typeError } from './exceptions';
import { doubleToString, type FloatFlags } from './floatrepr';
import { intAbs, intToFloat, type PyInt } from './intops';
import { intToDecimal, str } from './repr';
import { charFromCodePoint, codePoints } from './strings';
import { MemoryError, OverflowError, ValueError, typeName } from './types';
import { PyFloat, type NativeImpl, type PyValue } from './values';

interface Spec {
  fill: string;
  align: string;
  alternate: boolean;
  noNeg0: boolean;
  sign: string;
  width: number;
  /** '' none, ',' or '_' every 3 digits, '_4' underscores every 4 (b/o/x/X). */
  grouping: string;
  precision: number;
  type: string;
}

const ALIGN = '<>=^';
/** Widths beyond this would need gigabytes; CPython would try. */
const MAX_WIDTH = 2 ** 28;

/** format(value, format_spec=''). @spec #builtin-format */
export const formatBuiltin: NativeImpl = (args, kwargs) => {
  noKwargs('format', kwargs);
  checkPositional('format', args.length, 1, 2);
  const spec = args[1] ?? '';
  if (typeof spec !== 'string') typeError(`format() argument 2 must be str, not ${typeName(spec)}`);
  return formatValue(args[0]!, spec);
};

/** @spec #str-format */
export function formatValue(v: PyValue, spec: string): string {
  if (typeof v === 'string') return spec === '' ? v : formatStr(v, parseSpec(spec, v, 's', '<'));
  if (v instanceof PyFloat) return spec === '' ? str(v) : formatFloat(v.value, parseSpec(spec, v, '', '>'), v);
  const i = asInt(v);
  if (i !== undefined) return spec === '' ? str(v) : formatInt(i, parseSpec(spec, v, 'd', '>'), v);
  if (spec === '') return str(v);
  return typeError(`unsupported format string passed to ${typeName(v)}.__format__`);
}

function readInt(cps: string[], pos: number): [number, number] {
  let n = 0;
  let k = pos;
  while (k < cps.length && cps[k]! >= '0' && cps[k]! <= '9') n = n * 10 + (cps[k++]!.charCodeAt(0) - 48);
  if (n > Number.MAX_SAFE_INTEGER) raise(ValueError, 'Too many decimal digits in format string');
  return [n, k - pos];
}

function parseSpec(spec: string, v: PyValue, defaultType: string, defaultAlign: string): Spec {
  const cps = codePoints(spec);
  const end = cps.length;
  let pos = 0;
  const f: Spec = {
    fill: ' ', align: defaultAlign, alternate: false, noNeg0: false, sign: '', width: -1, grouping: '',
    precision: -1, type: defaultType,
  };
  let alignSpecified = false;
  let fillSpecified = false;
  if (end - pos >= 2 && ALIGN.includes(cps[pos + 1]!)) {
    f.align = cps[pos + 1]!;
    f.fill = cps[pos]!;
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && ALIGN.includes(cps[pos]!)) {
    f.align = cps[pos]!;
    alignSpecified = true;
    pos++;
  }
  if (pos < end && ' +-'.includes(cps[pos]!)) f.sign = cps[pos++]!;
  if (pos < end && cps[pos] === 'z') {
    f.noNeg0 = true;
    pos++;
  }
  if (pos < end && cps[pos] === '#') {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && pos < end && cps[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  const [width, wdigits] = readInt(cps, pos);
  pos += wdigits;
  if (wdigits > 0) f.width = width;
  if (pos < end && cps[pos] === ',') {
    f.grouping = ',';
    pos++;
  }
  if (pos < end && cps[pos] === '_') {
    if (f.grouping !== '') raise(ValueError, "Cannot specify both ',' and '_'.");
    f.grouping = '_';
    pos++;
  }
  if (pos < end && cps[pos] === ',' && f.grouping === '_') raise(ValueError, "Cannot specify both ',' and '_'.");
  if (pos < end && cps[pos] === '.') {
    pos++;
    const [prec, pdigits] = readInt(cps, pos);
    pos += pdigits;
    if (pdigits === 0) raise(ValueError, 'Format specifier missing precision');
    f.precision = prec;
  }
  if (end - pos > 1) raise(ValueError, `Invalid format specifier '${spec}' for object of type '${typeName(v)}'`);
  if (end - pos === 1) f.type = cps[pos]!;
  if (f.grouping !== '') {
    if (['b', 'o', 'x', 'X'].includes(f.type) && f.grouping === '_') f.grouping = '_4';
    else if (!['d', 'e', 'f', 'g', 'E', 'G', '%', 'F', ''].includes(f.type)) {
      raise(ValueError, `Cannot specify '${f.grouping}' with ${codeText(f.type)}.`);
    }
  }
  if (f.width > MAX_WIDTH || f.precision > MAX_WIDTH) throw newException(MemoryError);
  return f;
}

function codeText(c: string): string {
  const code = c.codePointAt(0)!;
  return code > 32 && code < 128 ? `'${c}'` : `'\\x${code.toString(16)}'`;
}

function unknownCode(type: string, v: PyValue): never {
  return raise(ValueError, `Unknown format code ${codeText(type)} for object of type '${typeName(v)}'`);
}

/** @spec #str-format */
function formatStr(s: string, f: Spec): string {
  if (f.type !== 's') unknownCode(f.type, s);
  if (f.sign === ' ') raise(ValueError, 'Space not allowed in string format specifier');
  if (f.sign !== '') raise(ValueError, 'Sign not allowed in string format specifier');
  if (f.noNeg0) raise(ValueError, 'Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) raise(ValueError, 'Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') raise(ValueError, "'=' alignment not allowed in string format specifier");
  let cps = codePoints(s);
  if (f.precision >= 0 && cps.length > f.precision) cps = cps.slice(0, f.precision);
  return pad(cps.join(''), cps.length, f);
}

function pad(text: string, nchars: number, f: Spec): string {
  const total = Math.max(f.width, nchars);
  let left = 0;
  if (f.align === '>') left = total - nchars;
  else if (f.align === '^') left = Math.floor((total - nchars) / 2);
  const right = total - nchars - left;
  return f.fill.repeat(left) + text + f.fill.repeat(right);
}

function formatInt(i: PyInt, f: Spec, v: PyValue): string {
  if (['e', 'E', 'f', 'F', 'g', 'G', '%'].includes(f.type)) return formatFloat(intToFloat(i), f, v);
  if (!['b', 'c', 'd', 'o', 'x', 'X', 'n'].includes(f.type)) unknownCode(f.type, v);
  if (f.precision !== -1) raise(ValueError, 'Precision not allowed in integer format specifier');
  if (f.noNeg0) raise(ValueError, 'Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') raise(ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) raise(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof i === 'bigint' && (i > 2n ** 63n - 1n || i < -(2n ** 63n))) {
      raise(OverflowError, 'Python int too large to convert to C long');
    }
    if (i < 0 || i > 0x10ffff) raise(OverflowError, '%c arg not in range(0x110000)');
    return number(f, '', '', '', charFromCodePoint(Number(i), "format(x, 'c')"));
  }
  const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  const abs = intAbs(i);
  let digits = base === 10 ? intToDecimal(abs) : abs.toString(base);
  let prefix = f.alternate && base !== 10 ? '0' + f.type : '';
  if (f.type === 'X') {
    digits = digits.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  return number(f, i < 0 ? '-' : '', prefix, digits, '');
}

function formatFloat(x: number, f: Spec, v: PyValue): string {
  if (!['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'].includes(f.type)) unknownCode(f.type, v);
  const flags: FloatFlags = { alt: f.alternate, noNeg0: f.noNeg0, addDot0: f.type === '' };
  let type = f.type === '' ? 'r' : f.type === 'n' ? 'g' : f.type;
  let precision = f.precision;
  let pct = '';
  if (type === '%') {
    type = 'f';
    x *= 100;
    pct = '%';
  }
  if (precision < 0) precision = f.type === '' ? 0 : 6;
  else if (type === 'r') type = 'g';
  let buf = doubleToString(x, type, precision, flags) + pct;
  let sign = '';
  if (buf.startsWith('-')) {
    sign = '-';
    buf = buf.slice(1);
  }
  let k = 0;
  while (k < buf.length && buf[k]! >= '0' && buf[k]! <= '9') k++;
  return number(f, sign, '', buf.slice(0, k), buf.slice(k));
}

/**
 * Lay out [lpad][sign][prefix][spad][grouped digits][remainder][rpad] (calc_number_widths and
 * fill_number); zero padding ('0' fill with '=') is done inside the digit grouping.
 */
function number(f: Spec, signChar: string, prefix: string, digits: string, remainder: string): string {
  let sign = signChar;
  if (f.sign === '+') sign = signChar === '-' ? '-' : '+';
  else if (f.sign === ' ') sign = signChar === '-' ? '-' : ' ';
  const group = f.type === 'n' ? 0 : f.grouping === '' ? 0 : f.grouping === '_4' ? 4 : 3;
  const sep = f.grouping === ',' ? ',' : '_';
  const nonDigits = sign.length + prefix.length + codePoints(remainder).length;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigits : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, group, sep);
  const padding = f.width - (nonDigits + grouped.length);
  let l = 0;
  let s = 0;
  let r = 0;
  if (padding > 0) {
    if (f.align === '<') r = padding;
    else if (f.align === '^') {
      l = Math.floor(padding / 2);
      r = padding - l;
    } else if (f.align === '=') s = padding;
    else l = padding;
  }
  return f.fill.repeat(l) + sign + prefix + f.fill.repeat(s) + grouped + remainder + f.fill.repeat(r);
}

/** _PyUnicode_InsertThousandsGrouping: separators every `group` digits, zero-filled to minWidth. */
function groupDigits(digits: string, minWidth: number, group: number, sep: string): string {
  let remaining = digits.length;
  let mw = Math.max(0, minWidth);
  let pos = digits.length;
  let out = '';
  let useSep = false;
  let broken = false;
  const piece = (len: number): void => {
    const zeros = Math.max(0, len - remaining);
    const chars = Math.max(0, Math.min(remaining, len));
    out = '0'.repeat(zeros) + digits.slice(pos - chars, pos) + (useSep ? sep : '') + out;
    pos -= chars;
    remaining -= chars;
  };
  if (group > 0) {
    for (;;) {
      const len = Math.min(group, Math.max(remaining, mw, 1));
      piece(len);
      useSep = true;
      mw -= len;
      if (remaining <= 0 && mw <= 0) {
        broken = true;
        break;
      }
      mw -= sep.length;
    }
  }
  if (!broken) piece(Math.max(remaining, mw, 1));
  return out;
}
