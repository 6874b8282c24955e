/** int and float methods, and the numeric data attributes (real, imag, numerator, denominator). @spec #methods-int */
import { asIndex, asInt, exactlyOne, noArgs } from './args';
import { bindArgs, type Signature } from './clinic';
import { raise, typeError } from './exceptions';
import { collect, isIterable } from './iter';
import { ValueError, typeName } from './types';
import { truthy } from './unary';
import { floatAsIntegerRatio, floatFromHex, floatHex } from './floathex';
import { bitLength, normBig, toBig } from './intops';
import { lazyTable } from './methodtable';
import { PyFloat, PyTuple, type Host, type NativeImpl, type PyValue } from './values';

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

/** bytes(x) as int.from_bytes sees it: an iterable of ints in range(256) (no bytes type: a str or an int is refused). */
function byteValues(v: PyValue, host: Host): bigint[] {
  if (typeof v === 'string' || !isIterable(v)) return typeError(`cannot convert '${typeName(v)}' object to bytes`);
  return collect(v, host).map((item) => {
    const b = asIndex(item);
    if (b < 0 || b > 255) raise(ValueError, 'bytes must be in range(0, 256)');
    return BigInt(b);
  });
}

const FROM_BYTES: Signature = { names: ['bytes', 'byteorder', 'signed'], posOnly: 0, required: 1 };

/** int.from_bytes(bytes, byteorder='big', *, signed=False), a class method: bool.from_bytes gives a bool. */
function fromBytes(asBool: boolean): NativeImpl {
  return (args, kw, host) => {
    if (args.length > 2) typeError(`from_bytes() takes at most 2 positional arguments (${args.length} given)`);
    const [data, orderArg, signedArg] = bindArgs('from_bytes', args, kw, FROM_BYTES);
    const order = orderArg ?? 'big';
    if (typeof order !== 'string') typeError(`from_bytes() argument 'byteorder' must be str, not ${typeName(order)}`);
    if (order !== 'big' && order !== 'little') raise(ValueError, "byteorder must be either 'little' or 'big'");
    const bytes = byteValues(data!, host);
    if (order === 'little') bytes.reverse();
    let n = 0n;
    for (const b of bytes) n = (n << 8n) | b;
    if (signedArg !== undefined && truthy(signedArg) && bytes.length > 0 && bytes[0]! >= 128n) n -= 1n << BigInt(8 * bytes.length);
    return asBool ? n !== 0n : normBig(n);
  };
}

export const intClassMethods = lazyTable('int', () => ({ from_bytes: fromBytes(false) }));
export const boolClassMethods = lazyTable('bool', () => ({ from_bytes: fromBytes(true) }));
