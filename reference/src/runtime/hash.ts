/**
 * hash() for the values whose CPython hash is deterministic: int and bool (CPython's modular
 * int hash), and objects with the hash protocol (code objects). str hashes are randomized per
 * CPython process and are refused, as are the rest; unhashable values raise CPython's TypeError.
 * @spec #builtin-hash
 */
import { exactlyOne } from './args';
import { typeError } from './exceptions';
import { typeName } from './types';
import { deterministicHash } from './sethash';
import { PyDict, PyDictView, PyList, PyObject, PyTuple, type NativeImpl, type PyValue } from './values';

const MODULUS = (1n << 61n) - 1n;

function intHash(v: number | bigint): number | bigint {
  const b = BigInt(v);
  const m = (b < 0n ? -b : b) % MODULUS;
  const h = b < 0n ? -m : m;
  const r = h === -1n ? -2n : h;
  return Number.isSafeInteger(Number(r)) ? Number(r) : r;
}

/** The type CPython's hash() reports as unhashable: v's own, or (in a tuple) its first unhashable item's. */
function unhashableType(v: PyValue): string | null {
  if (v instanceof PyList || v instanceof PyDict || (v instanceof PyDictView && v.what !== 'values')) return typeName(v);
  if (v instanceof PyTuple) {
    for (const item of v.items) {
      const t = unhashableType(item);
      if (t) return t;
    }
  }
  return null;
}

export function pyHash(v: PyValue): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') return intHash(v);
  const exact = deterministicHash(v);
  if (exact !== undefined) return exact;
  if (v instanceof PyObject && v.hash) return v.hash();
  const unhashable = unhashableType(v);
  if (unhashable) return typeError(`unhashable type: '${unhashable}'`);
  return typeError(`optcert does not define hash() for ${typeName(v)} (CPython's is not deterministic or not supported)`);
}

export const hashBuiltin: NativeImpl = (args, kwargs) => pyHash(exactlyOne('hash', args, kwargs));
