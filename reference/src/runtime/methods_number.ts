/** int and float methods, and the numeric data attributes (real, imag, numerator, denominator). @spec #methods-int */
import { asInt, exactlyOne, noArgs } from './args';
import { floatAsIntegerRatio, floatFromHex, floatHex } from './floathex';
import { bitLength, toBig } from './intops';
import { lazyTable } from './methodtable';
import { PyFloat, PyTuple, type PyValue } from './values';

const selfInt = (args: PyValue[]): bigint => toBig(asInt(args[0]!)!);

function popcount(x: bigint): number {
  let n = 0;
  for (const d of (x < 0n ? -x : x).toString(2)) if (d === '1') n++;
  return n;
}

export const intMethods = lazyTable('int', () => ({
  bit_length: (args, kw) => {
    noArgs('int.bit_length', args, kw, 1);
    return bitLength(selfInt(args));
  },
  bit_count: (args, kw) => {
    noArgs('int.bit_count', args, kw, 1);
    return popcount(selfInt(args));
  },
  is_integer: (args, kw) => {
    noArgs('int.is_integer', args, kw, 1);
    return true;
  },
  as_integer_ratio: (args, kw) => {
    noArgs('int.as_integer_ratio', args, kw, 1);
    return new PyTuple([asInt(args[0]!)!, 1]);
  },
  conjugate: (args, kw) => {
    noArgs('int.conjugate', args, kw, 1);
    return asInt(args[0]!)!;
  },
}));

export const floatMethods = lazyTable('float', () => ({
  is_integer: (args, kw) => {
    noArgs('float.is_integer', args, kw, 1);
    const x = (args[0] as PyFloat).value;
    return Number.isFinite(x) && Math.trunc(x) === x;
  },
  as_integer_ratio: (args, kw) => {
    noArgs('float.as_integer_ratio', args, kw, 1);
    return floatAsIntegerRatio((args[0] as PyFloat).value);
  },
  conjugate: (args, kw) => {
    noArgs('float.conjugate', args, kw, 1);
    return args[0]!;
  },
  hex: (args, kw) => {
    noArgs('float.hex', args, kw, 1);
    return floatHex((args[0] as PyFloat).value);
  },
}));

/** float.fromhex is a class method: found on float and on its instances, called with the string alone. */
export const floatClassMethods = lazyTable('float', () => ({
  fromhex: (args, kw) => new PyFloat(floatFromHex(exactlyOne('float.fromhex', args, kw))),
}));

/** int.real/imag/numerator/denominator (a bool's are ints), float.real/imag; undefined for others. */
export function numberAttr(obj: PyValue, name: string): PyValue | undefined {
  const i = asInt(obj);
  if (i !== undefined) {
    if (name === 'real' || name === 'numerator') return i;
    if (name === 'imag') return 0;
    if (name === 'denominator') return 1;
    return undefined;
  }
  if (obj instanceof PyFloat) {
    if (name === 'real') return obj;
    if (name === 'imag') return new PyFloat(0);
  }
  return undefined;
}
