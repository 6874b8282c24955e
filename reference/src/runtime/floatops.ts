/** Float arithmetic where CPython differs from plain IEEE/JS operators. */
import { newException, raise } from './exceptions';
import { accuratePow } from './pow';
import { OverflowError, ValueError, ZeroDivisionError } from './types';

const copysign0 = (y: number): number => (y < 0 || Object.is(y, -0) ? -0 : 0);

/** @spec #float-truediv */
export function floatTrueDiv(x: number, y: number): number {
  if (y === 0) raise(ZeroDivisionError, 'float division by zero');
  return x / y;
}

/** CPython's _float_div_mod: JS `%` is C fmod (exact, sign of the dividend). @spec #float-floordiv-modulo */
export function floatFloorDiv(vx: number, wx: number): number {
  if (wx === 0) raise(ZeroDivisionError, 'float floor division by zero');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    // NaN counts as non-zero here, as in C.
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  }
  if (div !== 0) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
  }
  return copysign0(vx / wx);
}

/** @spec #float-floordiv-modulo */
export function floatMod(vx: number, wx: number): number {
  if (wx === 0) raise(ZeroDivisionError, 'float modulo by zero');
  let mod = vx % wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else mod = copysign0(wx);
  return mod;
}

const isOddInteger = (x: number): boolean => Math.abs(x) % 2 === 1;

/**
 * CPython's float_pow, case by case (JS Math.pow differs for 1 ** nan, (-1) ** inf, ...), with a
 * correctly rounded core (pow.ts) in place of the C library's pow.
 * @spec #float-special
 */
export function floatPow(iv: number, iw: number): number {
  // `x ** 0.5` of a positive finite x (a distance, a norm) skips the special cases below, none
  // of which applies: it ends in accuratePow's square root all the same.
  if (iw === 0.5 && iv > 0 && iv !== Infinity) return Math.sqrt(iv);
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if (iw > 0 === av > 1.0) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    if (iw < 0) raise(ZeroDivisionError, '0.0 cannot be raised to a negative power');
    return isOddInteger(iw) ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    // CPython returns a complex number here; optcert has no complex type (not CPython-exact).
    if (iw !== Math.floor(iw)) raise(ValueError, 'negative number cannot be raised to a fractional power');
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  const ix = accuratePow(iv, iw);
  if (!Number.isFinite(ix)) throw newException(OverflowError, 34, 'Numerical result out of range');
  return negate ? -ix : ix;
}
