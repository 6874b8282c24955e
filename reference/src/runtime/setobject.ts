/**
 * set and frozenset, with the hash table CPython 3.13 keeps (Objects/setobject.c): open
 * addressing, runs of LINEAR_PROBES slots, then perturbed probing; deleted entries stay as
 * dummies until a resize; `fill` counts live and dummy slots, `used` the live ones. A set's
 * iteration order is its slot order, so a program sees exactly the order CPython's would.
 * @spec #set-order
 */
import { itemEquals } from './compare';
import { raise, typeError } from './exceptions';
import { exactHash, normalizeHash, type Hash } from './sethash';
import { KeyError, RuntimeError } from './types';
import { PyObject, type PyValue, type Slot } from './values';

/** PySet_MINSIZE */
export const SET_MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
/** A deleted entry's hash (its key is gone: `undefined`, as an unused slot's). */
const DUMMY_HASH = -1;
const M64 = (1n << 64n) - 1n;

export class PySet extends PyObject {
  readonly kind: 'set' | 'frozenset';
  /** The table: a live key, or undefined for an unused slot (hash 0) or a dummy (hash -1). */
  keys: Slot[] = new Array<Slot>(SET_MINSIZE).fill(undefined);
  hashes: Hash[] = new Array<Hash>(SET_MINSIZE).fill(0);
  /** Live plus dummy slots. */
  fill = 0;
  /** Live slots: len(). */
  used = 0;
  mask = SET_MINSIZE - 1;
  /** Where set.pop() starts looking. */
  finger = 0;

  constructor(readonly frozen: boolean) {
    super();
    this.kind = frozen ? 'frozenset' : 'set';
  }

  /** frozenset_hash; a set is unhashable. @spec #set-hash */
  override hash(): Hash {
    if (!this.frozen) return typeError("unhashable type: 'set'");
    return frozensetHash(this);
  }

  /** set == set: equal sizes and every element of one in the other. @spec #set-ops */
  override equals(other: PyValue): boolean {
    return other instanceof PySet && other.used === this.used && isSubsetOfSet(this, other);
  }
}

/** setiterobject: si_used (the size it expects; -1 once it has raised), si_pos, len. */
export class PySetIterator extends PyObject {
  readonly kind = 'set_iterator';
  pos = 0;
  used: number;
  remaining: number;
  constructor(public set: PySet | null) {
    super();
    this.used = set ? set.used : 0;
    this.remaining = this.used;
  }
}

/** (size_t)hash & mask */
function firstIndex(hash: Hash, mask: number): number {
  return typeof hash === 'number' ? hash & mask : Number(BigInt.asUintN(32, hash)) & mask;
}

/** perturb = (size_t)hash, then >>= PERTURB_SHIFT before each jump. */
const initialPerturb = (hash: Hash): bigint => BigInt.asUintN(64, BigInt(hash));

/** i = (i * 5 + 1 + perturb) & mask: only perturb's low 32 bits reach a mask below 2**32. */
const nextIndex = (i: number, perturb: bigint, mask: number): number => (i * 5 + 1 + Number(perturb & 0xffffffffn)) & mask;

/** set_lookkey: the slot holding an element equal to key, or -1. */
export function lookIndex(so: PySet, key: PyValue, hash: Hash): number {
  const mask = so.mask;
  let i = firstIndex(hash, mask);
  // Most lookups end in the first run of slots: the 64-bit perturbation is made only past it.
  let perturb = -1n;
  for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    let j = i;
    do {
      const k = so.keys[j];
      const h = so.hashes[j];
      if (k === undefined) {
        if (h === 0) return -1;
      } else if (h === hash && (k === key || itemEquals(k, key))) {
        return j;
      }
      j++;
    } while (probes-- > 0);
    perturb = (perturb < 0n ? initialPerturb(hash) : perturb) >> PERTURB_SHIFT;
    i = nextIndex(i, perturb, mask);
  }
}

/** set_add_entry: a new key goes to the last dummy of its probe sequence, else the first unused slot. */
export function addEntry(so: PySet, key: PyValue, hash: Hash): void {
  const mask = so.mask;
  let i = firstIndex(hash, mask);
  let perturb = -1n;
  let freeslot = -1;
  for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    let j = i;
    do {
      const k = so.keys[j];
      const h = so.hashes[j];
      if (k === undefined) {
        if (h === 0) {
          if (freeslot >= 0) {
            so.used++;
            so.keys[freeslot] = key;
            so.hashes[freeslot] = hash;
            return;
          }
          so.fill++;
          so.used++;
          so.keys[j] = key;
          so.hashes[j] = hash;
          if (so.fill * 5 < mask * 3) return;
          resize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
          return;
        }
        freeslot = j;
      } else if (h === hash && (k === key || itemEquals(k, key))) {
        return;
      }
      j++;
    } while (probes-- > 0);
    perturb = (perturb < 0n ? initialPerturb(hash) : perturb) >> PERTURB_SHIFT;
    i = nextIndex(i, perturb, mask);
  }
}

/** set_insert_clean: into a table with no dummies, for a key known to be absent. */
function insertClean(keys: Slot[], hashes: Hash[], mask: number, key: PyValue, hash: Hash): void {
  let i = firstIndex(hash, mask);
  let perturb = -1n;
  for (;;) {
    if (keys[i] === undefined) return place(keys, hashes, i, key, hash);
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (keys[i + j] === undefined) return place(keys, hashes, i + j, key, hash);
      }
    }
    perturb = (perturb < 0n ? initialPerturb(hash) : perturb) >> PERTURB_SHIFT;
    i = nextIndex(i, perturb, mask);
  }
}

function place(keys: Slot[], hashes: Hash[], i: number, key: PyValue, hash: Hash): void {
  keys[i] = key;
  hashes[i] = hash;
}

/** set_table_resize: the smallest power of two above minused (at least 8), dummies dropped. */
export function resize(so: PySet, minused: number): void {
  let size = SET_MINSIZE;
  while (size <= minused) size *= 2;
  // A table of 8 slots is CPython's smalltable: without dummies there is nothing to rebuild.
  if (size === SET_MINSIZE && so.mask === SET_MINSIZE - 1 && so.fill === so.used) return;
  const oldKeys = so.keys;
  const oldHashes = so.hashes;
  const keys = new Array<Slot>(size).fill(undefined);
  const hashes = new Array<Hash>(size).fill(0);
  for (let i = 0; i < oldKeys.length; i++) {
    const k = oldKeys[i];
    if (k !== undefined) insertClean(keys, hashes, size - 1, k, oldHashes[i]!);
  }
  so.keys = keys;
  so.hashes = hashes;
  so.mask = size - 1;
  so.fill = so.used;
}

/** set_discard_entry: the slot becomes a dummy. */
export function discardEntry(so: PySet, key: PyValue, hash: Hash): boolean {
  const i = lookIndex(so, key, hash);
  if (i < 0) return false;
  so.keys[i] = undefined;
  so.hashes[i] = DUMMY_HASH;
  so.used--;
  return true;
}

/** set_clear_internal: back to an empty smalltable (the pop finger stays). */
export function clearTable(so: PySet): void {
  so.keys = new Array<Slot>(SET_MINSIZE).fill(undefined);
  so.hashes = new Array<Hash>(SET_MINSIZE).fill(0);
  so.fill = 0;
  so.used = 0;
  so.mask = SET_MINSIZE - 1;
}

/** set_swap_bodies, one way: `so` takes `from`'s table (intersection_update). */
export function takeTable(so: PySet, from: PySet): void {
  so.keys = from.keys;
  so.hashes = from.hashes;
  so.fill = from.fill;
  so.used = from.used;
  so.mask = from.mask;
}

/** The live slots in table order: what iteration, repr and set_next see. */
export function* liveSlots(so: PySet): Generator<number> {
  for (let i = 0; i <= so.mask; i++) if (so.keys[i] !== undefined) yield i;
}

export function setElements(so: PySet): PyValue[] {
  const out: PyValue[] = [];
  for (let i = 0; i <= so.mask; i++) {
    const k = so.keys[i];
    if (k !== undefined) out.push(k);
  }
  return out;
}

/** set_add_key. @spec #set-ops */
export function setAdd(so: PySet, key: PyValue): void {
  addEntry(so, key, exactHash(key));
}

/** set_contains_key. */
export function setHas(so: PySet, key: PyValue): boolean {
  return lookIndex(so, key, exactHash(key)) >= 0;
}

/** set_merge: one resize up front; an empty target copies the table as is, or reinserts cleanly. */
export function mergeSet(so: PySet, other: PySet): void {
  if (other === so || other.used === 0) return;
  if ((so.fill + other.used) * 5 >= so.mask * 3) resize(so, (so.used + other.used) * 2);
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    so.keys = other.keys.slice();
    so.hashes = other.hashes.slice();
    so.fill = other.fill;
    so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used;
    so.used = other.used;
    for (const i of liveSlots(other)) insertClean(so.keys, so.hashes, so.mask, other.keys[i]!, other.hashes[i]!);
    return;
  }
  for (const i of liveSlots(other)) addEntry(so, other.keys[i]!, other.hashes[i]!);
}

/** set_pop: the first live slot at or after the finger, wrapping around. @spec #set-methods */
export function popEntry(so: PySet): PyValue {
  if (so.used === 0) return raise(KeyError, 'pop from an empty set');
  let i = so.finger & so.mask;
  while (so.keys[i] === undefined) {
    i++;
    if (i > so.mask) i = 0;
  }
  const key = so.keys[i]!;
  so.keys[i] = undefined;
  so.hashes[i] = DUMMY_HASH;
  so.used--;
  so.finger = i + 1;
  return key;
}

/** Every element of `a` is in `b` (both sets). */
export function isSubsetOfSet(a: PySet, b: PySet): boolean {
  if (a.used > b.used) return false;
  for (const i of liveSlots(a)) if (lookIndex(b, a.keys[i]!, a.hashes[i]!) < 0) return false;
  return true;
}

const shuffleBits = (h: bigint): bigint => (((h ^ 89869747n) ^ ((h << 16n) & M64)) * 3644798167n) & M64;

/**
 * frozenset_hash. CPython xors the shuffled hash of every slot and then cancels what unused and
 * dummy slots added; the result depends only on the live entries, which is what is computed here.
 * @spec #set-hash
 */
export function frozensetHash(so: PySet): Hash {
  let hash = 0n;
  for (const i of liveSlots(so)) hash ^= shuffleBits(BigInt.asUintN(64, BigInt(so.hashes[i]!)));
  hash ^= ((BigInt(so.used) + 1n) * 1927868237n) & M64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M64;
  if (hash === M64) hash = 590923713n;
  return normalizeHash(BigInt.asIntN(64, hash));
}

/** setiter_iternext: the next live slot; a size change raises, and keeps raising. @spec #set-order */
export function setIterNext(it: PySetIterator): PyValue | undefined {
  const so = it.set;
  if (so === null) return undefined;
  if (it.used !== so.used) {
    it.used = -1;
    return raise(RuntimeError, 'Set changed size during iteration');
  }
  let i = it.pos;
  while (i <= so.mask && so.keys[i] === undefined) i++;
  it.pos = i + 1;
  if (i > so.mask) {
    it.set = null;
    return undefined;
  }
  it.remaining--;
  return so.keys[i]!;
}
