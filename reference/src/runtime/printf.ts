/**
 * printf-style `str % args` (CPython's PyUnicode_Format): %s %r %a %c %d %i %u %o %x %X %e %E
 * %f %F %g %G %%, with %(key) mappings, flags -+ #0, width/precision and `*`.
 * @spec #str-ops
 */
import { asInt } from './args';
import { getItem } from './subscript';
import { raise, typeError } from './exceptions';
import { doubleToString } from './floatrepr';
import { intAbs, intToFloat, type PyInt } from './intops';
import { floatToInt } from './constructors';
import { ascii, intToDecimal, repr, str } from './repr';
import { charFromCodePoint, codePoints } from './strings';
import { OverflowError, ValueError, typeName } from './types';
import { PyDict, PyFloat, PyList, PyRange, PyTuple, type PyValue } from './values';

interface Ctx {
  args: PyValue;
  arglen: number;
  argidx: number;
  dict: PyValue | null;
}

function nextArg(ctx: Ctx): PyValue {
  if (ctx.argidx < ctx.arglen) {
    const i = ctx.argidx++;
    return ctx.arglen < 0 ? ctx.args : (ctx.args as PyTuple).items[i]!;
  }
  return typeError('not enough arguments for format string');
}

const NUMERIC = 'diuoxXeEfFgG';
const SSIZE_MAX = 2n ** 63n - 1n;
const INT_MAX = 2 ** 31 - 1;

/** @spec #str-ops */
export function percentFormat(fmt: string, args: PyValue): string {
  const tuple = args instanceof PyTuple;
  const ctx: Ctx = {
    args,
    arglen: tuple ? args.items.length : -1,
    argidx: tuple ? 0 : -2,
    // Anything subscriptable but not a tuple or str can serve %(key)s (CPython's PyMapping_Check).
    dict: args instanceof PyDict || args instanceof PyList || args instanceof PyRange ? args : null,
  };
  const cps = codePoints(fmt);
  let out = '';
  let i = 0;
  while (i < cps.length) {
    const c = cps[i++]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    if (cps[i] === '%') {
      // Only an immediate %% is a literal percent; '%5%' is an unsupported conversion below.
      out += '%';
      i++;
      continue;
    }
    if (cps[i] === '(') {
      let depth = 1;
      const start = ++i;
      while (i < cps.length && depth > 0) {
        if (cps[i] === ')') depth--;
        else if (cps[i] === '(') depth++;
        i++;
      }
      if (depth > 0) raise(ValueError, 'incomplete format key');
      const key = cps.slice(start, i - 1).join('');
      if (ctx.dict === null) typeError('format requires a mapping');
      ctx.args = getItem(ctx.dict, key);
      ctx.arglen = -1;
      ctx.argidx = -2;
    }
    let ljust = false;
    let sign = false;
    let blank = false;
    let alt = false;
    let zero = false;
    for (; i < cps.length; i++) {
      const f = cps[i];
      if (f === '-') ljust = true;
      else if (f === '+') sign = true;
      else if (f === ' ') blank = true;
      else if (f === '#') alt = true;
      else if (f === '0') zero = true;
      else break;
    }
    let width = -1;
    if (cps[i] === '*') {
      i++;
      const w = asInt(nextArg(ctx));
      if (w === undefined) typeError('* wants int');
      if (w > SSIZE_MAX || w < -SSIZE_MAX) raise(OverflowError, 'Python int too large to convert to C ssize_t');
      width = Number(w);
      if (width < 0) {
        ljust = true;
        width = -width;
      }
    } else [width, i] = readNumber(cps, i);
    let prec = -1;
    if (cps[i] === '.') {
      i++;
      if (cps[i] === '*') {
        i++;
        const p = asInt(nextArg(ctx));
        if (p === undefined) typeError('* wants int');
        if (p > INT_MAX || p < -INT_MAX - 1) raise(OverflowError, 'Python int too large to convert to C int');
        prec = Math.max(0, Number(p));
      } else {
        [prec, i] = readNumber(cps, i);
        prec = Math.max(0, prec);
      }
    }
    while (cps[i] === 'h' || cps[i] === 'l' || cps[i] === 'L') i++;
    if (i >= cps.length) raise(ValueError, 'incomplete format');
    const type = cps[i++]!;
    const v = nextArg(ctx);
    const text = convert(type, v, prec, alt, i - 1);
    out += layout(text, type, { ljust, sign, blank, alt, zero: zero && !ljust, width });
  }
  if (ctx.argidx < ctx.arglen && ctx.dict === null) typeError('not all arguments converted during string formatting');
  return out;
}

/** [digits at cps[i..] as a number (-1 if none), end position]. */
function readNumber(cps: string[], i: number): [number, number] {
  let n = -1;
  let k = i;
  while (k < cps.length && cps[k]! >= '0' && cps[k]! <= '9') n = (n < 0 ? 0 : n * 10) + (cps[k++]!.charCodeAt(0) - 48);
  return [n, k];
}

function convert(type: string, v: PyValue, prec: number, alt: boolean, index: number): string {
  switch (type) {
    case 's':
    case 'r':
    case 'a': {
      const s = type === 's' ? str(v) : type === 'r' ? repr(v) : ascii(v);
      return prec >= 0 ? codePoints(s).slice(0, prec).join('') : s;
    }
    case 'd':
    case 'i':
    case 'u': {
      const n = asInt(v) ?? (v instanceof PyFloat ? floatToInt(v.value) : undefined);
      if (n === undefined) typeError(`%${type} format: a real number is required, not ${typeName(v)}`);
      return formatLong(n, 10, prec, alt, type);
    }
    case 'o':
    case 'x':
    case 'X': {
      const n = asInt(v);
      if (n === undefined) typeError(`%${type} format: an integer is required, not ${typeName(v)}`);
      return formatLong(n, type === 'o' ? 8 : 16, prec, alt, type);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const n = asInt(v);
      let x: number;
      if (v instanceof PyFloat) x = v.value;
      else if (n !== undefined) x = intToFloat(n);
      else return typeError(`must be real number, not ${typeName(v)}`);
      return doubleToString(x, type, prec < 0 ? 6 : prec, { alt });
    }
    case 'c': {
      if (typeof v === 'string') {
        if ([...v].length !== 1) typeError('%c requires int or char');
        return v;
      }
      const n = asInt(v);
      if (n === undefined) typeError('%c requires int or char');
      if (n < 0 || n > 0x10ffff) raise(OverflowError, '%c arg not in range(0x110000)');
      return charFromCodePoint(Number(n), "'%c' % i");
    }
    default: {
      const code = type.codePointAt(0)!;
      const shown = code >= 31 && code <= 126 ? type : '?';
      return raise(ValueError, `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${index}`);
    }
  }
}

/** _PyUnicode_FormatLong: sign, optional 0x/0o prefix, digits zero-extended to `prec`. */
function formatLong(n: PyInt, base: number, prec: number, alt: boolean, type: string): string {
  const abs = intAbs(n);
  let digits = base === 10 ? intToDecimal(abs) : abs.toString(base);
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  const prefix = alt && base !== 10 ? '0' + (type === 'o' ? 'o' : type) : '';
  const s = (n < 0 ? '-' : '') + prefix + digits;
  return type === 'X' ? s.toUpperCase() : s;
}

interface Flags {
  ljust: boolean;
  sign: boolean;
  blank: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
}

/** unicode_format_arg_output: sign, 0x prefix and padding placement. */
function layout(text: string, type: string, f: Flags): string {
  const numeric = NUMERIC.includes(type);
  const fill = numeric && f.zero ? '0' : ' ';
  let body = text;
  let signChar = '';
  if (numeric) {
    if (body[0] === '-' || body[0] === '+') {
      signChar = body[0];
      body = body.slice(1);
    } else if (f.sign) signChar = '+';
    else if (f.blank) signChar = ' ';
  }
  let prefix = '';
  if (f.alt && (type === 'x' || type === 'X' || type === 'o')) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
  }
  const len = codePoints(body).length;
  const pad = Math.max(0, f.width - len - signChar.length - prefix.length);
  if (f.ljust) return signChar + prefix + body + ' '.repeat(pad);
  if (fill === '0') return signChar + prefix + '0'.repeat(pad) + body;
  return ' '.repeat(pad) + signChar + prefix + body;
}
