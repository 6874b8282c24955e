/** Numeric and character builtins: ord(), chr(), divmod(), round(). CPython 3.13's results and messages. */
import { asIndex, asInt, checkPositional, exactlyOne, noKwargs } from './args';
import { bindArgs } from './clinic';
import { floatToInt } from './constructors';
import { fixedDigits } from './dtoa';
import { raise, typeError } from './exceptions';
import { floatFloorDiv, floatMod } from './floatops';
import { intFloorDiv, intMod, intSub, intToFloat, normBig, toBig, type PyInt } from './intops';
import { charFromCodePoint, strLen } from './strings';
import { ValueError, ZeroDivisionError, typeName } from './types';
import { PyFloat, PyTuple, type NativeImpl, type PyValue } from './values';

/** ord(c): the code point of a one-character str. @spec #builtin-ord */
export const ord: NativeImpl = (args, kwargs) => {
  const c = exactlyOne('ord', args, kwargs);
  if (typeof c !== 'string') return typeError(`ord() expected string of length 1, but ${typeName(c)} found`);
  const n = strLen(c);
  if (n !== 1) typeError(`ord() expected a character, but string of length ${n} found`);
  return c.codePointAt(0)!;
};

/** chr(i): the one-character str of a code point in range(0x110000). @spec #builtin-chr */
export const chr: NativeImpl = (args, kwargs) => {
  const i = asIndex(exactlyOne('chr', args, kwargs));
  if (typeof i === 'bigint' || i < 0 || i > 0x10ffff) raise(ValueError, 'chr() arg not in range(0x110000)');
  return charFromCodePoint(i, 'chr()');
};

/** divmod(a, b): (a // b, a % b) for ints, CPython's float_divmod for floats. @spec #builtin-divmod */
export const divmod: NativeImpl = (args, kwargs) => {
  noKwargs('divmod', kwargs);
  checkPositional('divmod', args.length, 2, 2);
  const a = args[0]!;
  const b = args[1]!;
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined && ib !== undefined) return new PyTuple([intFloorDiv(ia, ib), intMod(ia, ib)]);
  const fa = a instanceof PyFloat || ia !== undefined;
  const fb = b instanceof PyFloat || ib !== undefined;
  if (!fa || !fb) return typeError(`unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
  const x = a instanceof PyFloat ? a.value : intToFloat(ia!);
  const y = b instanceof PyFloat ? b.value : intToFloat(ib!);
  if (y === 0) raise(ZeroDivisionError, 'float divmod()');
  return new PyTuple([new PyFloat(floatFloorDiv(x, y)), new PyFloat(floatMod(x, y))]);
};

/** C's round(): halfway cases away from zero. x - trunc(x) is exact for doubles. */
function cRound(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** float.__round__ bounds: beyond them x is returned unchanged, or a zero of x's sign. */
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** float.__round__(ndigits): correctly rounded to ndigits decimals, half to even (CPython's double_round). */
function roundFloat(x: number, nd: PyValue): number {
  const i = asIndex(nd);
  // PyNumber_AsSsize_t(o, NULL) clips on overflow.
  const n = typeof i === 'bigint' ? (i > 0n ? Infinity : -Infinity) : i;
  if (!Number.isFinite(x) || x === 0) return x;
  if (n > NDIGITS_MAX) return x;
  if (n < NDIGITS_MIN) return 0 * x;
  const { digits, decpt } = fixedDigits(Math.abs(x), n);
  return Number(`${x < 0 ? '-' : ''}0${digits}e${decpt - digits.length}`);
}

/** int.__round__(ndigits): unchanged for ndigits >= 0, else to a multiple of 10**-ndigits, half to even. */
function roundInt(x: PyInt, nd: PyValue): PyInt {
  const n = asIndex(nd);
  if (n >= 0) return x;
  const big = toBig(x);
  const digits = (big < 0n ? -big : big).toString().length;
  // |x| < 10**digits <= 10**-n / 2 when -n > digits: the result is 0 (without computing a huge power).
  if (-toBig(n) > BigInt(digits)) return 0;
  const m = 10n ** -toBig(n);
  const q = big >= 0n ? big / m : -((-big + m - 1n) / m); // floor division
  let r = big - q * m; // 0 <= r < m
  if (2n * r > m || (2n * r === m && (q & 1n) === 1n)) r -= m;
  return intSub(x, normBig(r));
}

/** round(number, ndigits=None). @spec #builtin-round */
export const round: NativeImpl = (args, kwargs) => {
  // CPython reports a missing `number` before an unexpected keyword (round(x=1)).
  if (args.length === 0 && (kwargs?.size ?? 0) <= 2 && !kwargs?.has('number')) {
    typeError("round() missing required argument 'number' (pos 1)");
  }
  const [number, ndigits] = bindArgs('round', args, kwargs, { names: ['number', 'ndigits'], posOnly: 0, required: 1 });
  const x = number!;
  const nd = ndigits === undefined ? null : ndigits;
  const i = asInt(x);
  if (i !== undefined) return nd === null ? i : roundInt(i, nd);
  if (x instanceof PyFloat) {
    if (nd !== null) return new PyFloat(roundFloat(x.value, nd));
    let r = cRound(x.value);
    if (Math.abs(x.value - r) === 0.5) r = 2 * cRound(x.value / 2);
    return floatToInt(r);
  }
  return typeError(`type ${typeName(x)} doesn't define __round__ method`);
};
