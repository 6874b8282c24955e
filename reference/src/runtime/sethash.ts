/**
 * CPython 3.13's hash() for every hashable value, bit for bit, as a set table needs it: where an
 * element lands, and so the set's iteration order, is decided by its hash. str hashes are
 * siphash13 with the key CPython uses under PYTHONHASHSEED=0 (all zero); objects hashed by
 * identity (functions, nan, object()) get their optcert identity number instead of an address.
 * A hash is a signed 64-bit value: a JS number when it is a safe integer, else a bigint.
 * @spec #set-hash
 */
import { objectId } from './dict';
import { typeError } from './exceptions';
import { rangeLength } from './rangeops';
import { typeName } from './types';
import { PyFloat, PyObject, PyRange, PySlice, PyTuple, type PyValue } from './values';

export type Hash = number | bigint;

const M64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n;
const HASH_INF = 314159;
/** hash(None) since CPython 3.12: a constant. */
const NONE_HASH = 0xfca86420;

/** The canonical form: a number when it is a safe integer. */
export function normalizeHash(h: bigint): Hash {
  return h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h;
}

const signed64 = (u: bigint): bigint => BigInt.asIntN(64, u);

/** long_hash: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2. @spec #set-hash */
export function intHash(v: number | bigint): Hash {
  if (typeof v === 'number' && v > -2305843009213693951 && v < 2305843009213693951 && Number.isSafeInteger(v)) {
    return v === -1 ? -2 : v + 0; // + 0: an integral float -0.0 hashes as the int 0, never as -0
  }
  const b = BigInt(v);
  const m = (b < 0n ? -b : b) % MODULUS;
  const h = b < 0n ? -m : m;
  return normalizeHash(h === -1n ? -2n : h);
}

/**
 * _Py_HashDouble: a finite float hashes as the rational it is, reduced modulo 2**61 - 1 (so an
 * integral float hashes like the int); ±inf are ±314159; nan hashes by identity.
 */
export function floatHash(f: PyFloat): Hash {
  const x = f.value;
  if (Number.isNaN(x)) return objectId(f);
  if (!Number.isFinite(x)) return x > 0 ? HASH_INF : -HASH_INF;
  if (Number.isInteger(x)) return intHash(Number.isSafeInteger(x) ? x : BigInt(x));
  // x = m * 2**e exactly, with m an odd-or-not integer below 2**53 and e < 0.
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  // 2**e mod P is 2**(e mod 61), since 2**61 = 1 mod P.
  const shift = BigInt(((e % 61) + 61) % 61);
  let h = (BigInt(m) % MODULUS) * (1n << shift) % MODULUS;
  if (x < 0) h = -h;
  return normalizeHash(h === -1n ? -2n : h);
}

const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & M64;

/** Python/pyhash.c siphash13 with k0 = k1 = 0 (PYTHONHASHSEED=0), as an unsigned 64-bit value. */
export function siphash13(bytes: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64; v2 = (v2 + v3) & M64;
    v1 = rotl(v1, 13n) ^ v0; v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & M64; v0 = (v0 + v3) & M64;
    v1 = rotl(v1, 17n) ^ v2; v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  const n = bytes.length;
  const whole = n - (n % 8);
  for (let i = 0; i < whole; i += 8) {
    let mi = 0n;
    for (let k = 7; k >= 0; k--) mi = (mi << 8n) | BigInt(bytes[i + k]!);
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  let b = (BigInt(n) << 56n) & M64;
  for (let k = n - 1; k >= whole; k--) b |= BigInt(bytes[k]!) << BigInt(8 * (k - whole));
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return (v0 ^ v1) ^ (v2 ^ v3);
}

/**
 * A str's bytes as CPython stores it (PEP 393): one byte per code point when all are below 256,
 * two (little-endian) when all are below 65536, else four.
 */
function canonicalBytes(s: string): Uint8Array {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    // A surrogate pair is one astral code point; a lone surrogate is a code point of its own.
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      cps.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
      i++;
    } else {
      cps.push(c);
    }
  }
  const max = cps.reduce((a, c) => Math.max(a, c), 0);
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const out = new Uint8Array(cps.length * width);
  cps.forEach((c, i) => {
    for (let k = 0; k < width; k++) out[i * width + k] = (c >>> (8 * k)) & 0xff;
  });
  return out;
}

/** Strings hash slowly here (bigint arithmetic); a program hashes the same few again and again. */
const strHashes = new Map<string, Hash>();
const STR_CACHE_LIMIT = 50_000;

/** unicode_hash under PYTHONHASHSEED=0: '' is 0, else siphash13 of the stored bytes (-1 becomes -2). */
export function strHash(s: string): Hash {
  if (s.length === 0) return 0;
  const known = strHashes.get(s);
  if (known !== undefined) return known;
  const h = signed64(siphash13(canonicalBytes(s)));
  const r = normalizeHash(h === -1n ? -2n : h);
  if (strHashes.size >= STR_CACHE_LIMIT) strHashes.clear();
  strHashes.set(s, r);
  return r;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash (xxHash-style, CPython 3.8+) over the items' hashes. */
export function tupleHash(items: readonly PyValue[]): Hash {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = BigInt.asUintN(64, BigInt(exactHash(item)));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = rotl(acc, 31n);
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796;
  return normalizeHash(signed64(acc));
}

/** range_hash: the tuple (len, start, step), with start and step None where they do not matter. */
function rangeHash(r: PyRange): Hash {
  const n = rangeLength(r);
  if (n === 0) return tupleHash([0, null, null]);
  return tupleHash([n, r.start, n === 1 ? null : r.step]);
}

/** The type a hash() of v reports as unhashable: v's own, or (in a tuple) an item's. */
function unhashable(v: PyValue): never {
  return typeError(`unhashable type: '${typeName(v)}'`);
}

/**
 * hash(v) exactly as CPython 3.13 computes it (PYTHONHASHSEED=0). Objects with the hash protocol
 * (frozensets, code objects) answer for themselves; a mutable set's protocol raises.
 * @spec #set-hash
 */
export function exactHash(v: PyValue): Hash {
  switch (typeof v) {
    case 'boolean':
      return v ? 1 : 0;
    case 'number':
    case 'bigint':
      return intHash(v);
    case 'string':
      return strHash(v);
  }
  if (v === null) return NONE_HASH;
  if (v instanceof PyFloat) return floatHash(v);
  if (v instanceof PyTuple) return tupleHash(v.items);
  if (v instanceof PyRange) return rangeHash(v);
  if (v instanceof PySlice) return tupleHash([v.start, v.stop, v.step]);
  if (v.hash) return v.hash();
  const kind = v.kind;
  if (kind === 'list' || kind === 'dict') return unhashable(v);
  if (kind === 'dict_view') return (v as PyObject & { what: string }).what === 'values' ? objectId(v) : unhashable(v);
  return objectId(v);
}

/**
 * hash(v) where CPython's value does not depend on an address: undefined for objects hashed by
 * identity (and containers of them), whose CPython hash differs from run to run.
 * @spec #builtin-hash
 */
export function deterministicHash(v: PyValue): Hash | undefined {
  if (v === null || typeof v !== 'object') return exactHash(v);
  if (v instanceof PyFloat) return Number.isNaN(v.value) ? undefined : floatHash(v);
  if (v instanceof PyTuple || v instanceof PySlice) {
    const items = v instanceof PyTuple ? v.items : [v.start, v.stop, v.step];
    for (const item of items) if (item !== null && typeof item === 'object' && deterministicHash(item) === undefined) return undefined;
    return exactHash(v);
  }
  if (v instanceof PyRange) return rangeHash(v);
  if (v.kind === 'frozenset') {
    const keys = (v as PyObject & { keys: unknown[] }).keys;
    for (const k of keys) if (k !== undefined && deterministicHash(k as PyValue) === undefined) return undefined;
    return exactHash(v);
  }
  return undefined;
}
