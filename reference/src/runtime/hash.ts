/**
 * hash() for the values whose CPython hash is deterministic: int and bool (CPython's modular
 * int hash), and objects with the hash protocol (code objects). str hashes are randomized per
 * CPython process and are refused, as are the rest.
 * @spec #builtin-hash
 */
import { exactlyOne } from './args';
import { typeError } from './exceptions';
import { typeName } from './types';
import { PyObject, type NativeImpl, type PyValue } from './values';

const MODULUS = (1n << 61n) - 1n;

function intHash(v: number | bigint): number | bigint {
  const b = BigInt(v);
  const m = (b < 0n ? -b : b) % MODULUS;
  const h = b < 0n ? -m : m;
  const r = h === -1n ? -2n : h;
  return Number.isSafeInteger(Number(r)) ? Number(r) : r;
}

export function pyHash(v: PyValue): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') return intHash(v);
  if (v instanceof PyObject && v.hash) return v.hash();
  return typeError(`optcert does not define hash() for ${typeName(v)} (CPython's is not deterministic or not supported)`);
}

export const hashBuiltin: NativeImpl = (args, kwargs) => pyHash(exactlyOne('hash', args, kwargs));
