/** pow(base, exp[, mod]): `base ** exp`, or modular exponentiation of ints (a negative exp inverts). */
import { asInt } from './args';
import { binaryOp, NB_POWER } from './binary';
import { bindArgs } from './clinic';
import { raise, typeError } from './exceptions';
import { normBig, toBig, type PyInt } from './intops';
import { ValueError, typeName } from './types';
import { PyFloat, type NativeImpl, type PyValue } from './values';

const isNumber = (v: PyValue): boolean => asInt(v) !== undefined || v instanceof PyFloat;

/** @spec #builtin-pow */
export const pow: NativeImpl = (args, kwargs) => {
  const [base, exp, mod] = bindArgs('pow', args, kwargs, { names: ['base', 'exp', 'mod'], posOnly: 0, required: 2 });
  if (mod === undefined || mod === null) return binaryOp(NB_POWER, base!, exp!);
  const b = asInt(base!);
  const e = asInt(exp!);
  const m = asInt(mod);
  // ternary_op: int ** int % int is long_pow; float_pow takes any two numbers and refuses a modulus.
  if (b !== undefined && e !== undefined && m !== undefined) return modPow(b, e, m);
  if (isNumber(base!) && isNumber(exp!) && (b === undefined || e === undefined || mod instanceof PyFloat)) {
    typeError('pow() 3rd argument not allowed unless all arguments are integers');
  }
  return typeError(`unsupported operand type(s) for ** or pow(): '${typeName(base!)}', '${typeName(exp!)}', '${typeName(mod)}'`);
};

/** long_pow with a modulus: the result has the modulus's sign. @spec #builtin-pow */
function modPow(baseI: PyInt, expI: PyInt, modI: PyInt): PyInt {
  let c = toBig(modI);
  if (c === 0n) raise(ValueError, 'pow() 3rd argument cannot be 0');
  const negativeOutput = c < 0n;
  if (negativeOutput) c = -c;
  if (c === 1n) return 0;
  let a = toBig(baseI);
  let e = toBig(expI);
  if (e < 0n) {
    e = -e;
    a = invMod(a, c);
  }
  a = ((a % c) + c) % c;
  let r = 1n;
  while (e > 0n) {
    if (e & 1n) r = (r * a) % c;
    a = (a * a) % c;
    e >>= 1n;
  }
  if (negativeOutput && r !== 0n) r -= c;
  return normBig(r);
}

/** long_invmod: the inverse of a modulo n > 1, by the extended Euclidean algorithm. */
function invMod(a: bigint, n: bigint): bigint {
  let [oldR, r] = [((a % n) + n) % n, n];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) raise(ValueError, 'base is not invertible for the given modulus');
  return ((oldS % n) + n) % n;
}
