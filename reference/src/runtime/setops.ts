/**
 * The set algebra as CPython 3.13's setobject.c performs it. Each operation walks its operands
 * in the order CPython does and builds its result through the same table operations, so the
 * result's layout, and with it its iteration order, is CPython's.
 * @spec #set-ops
 */
import { dictContains } from './dict';
import { typeError } from './exceptions';
import { getIter, iterNext } from './iter';
import { exactHash } from './sethash';
import {
  PySet, addEntry, clearTable, discardEntry, isSubsetOfSet, liveSlots, lookIndex, mergeSet, resize, setAdd, setHas,
  takeTable,
} from './setobject';
import { typeName } from './types';
import { PyDict, type DictEntry, type Host, type PyValue } from './values';

const isSet = (v: PyValue): v is PySet => v instanceof PySet;

/** _PyDict_Next: a dict's live entries in its entry array's order (dicttable.ts). */
function dictEntriesInOrder(d: PyDict): DictEntry[] {
  return d.slots.filter((e): e is DictEntry => e !== undefined);
}

/** set_update_internal: from a set (merge), a dict (its keys, one resize up front) or any iterable. */
export function setUpdate(so: PySet, other: PyValue, host: Host): void {
  if (other instanceof PySet) return mergeSet(so, other);
  if (other instanceof PyDict) {
    const n = other.entries.size;
    if ((so.fill + n) * 5 >= so.mask * 3) resize(so, (so.used + n) * 2);
    for (const e of dictEntriesInOrder(other)) addEntry(so, e.key, exactHash(e.key));
    return;
  }
  const it = getIter(other);
  for (let v = iterNext(it, host); v !== undefined; v = iterNext(it, host)) setAdd(so, v);
}

/** make_new_set: an empty set or frozenset, filled from the iterable. */
export function newSet(frozen: boolean, iterable: PyValue | undefined, host: Host): PySet {
  const so = new PySet(frozen);
  if (iterable !== undefined) setUpdate(so, iterable, host);
  return so;
}

/** set_copy: a new set of so's type, merged from so. */
export function setCopy(so: PySet): PySet {
  const c = new PySet(so.frozen);
  mergeSet(c, so);
  return c;
}

/** `key in so`; a set key is looked up as the frozenset of its elements. @spec #set-ops */
export function setContains(so: PySet, key: PyValue, host: Host): boolean {
  if (key instanceof PySet && !key.frozen) return setHas(so, newSet(true, key, host));
  return setHas(so, key);
}

/** set.remove / set.discard: the same retry of a set key as a frozenset. */
export function setDiscard(so: PySet, key: PyValue, host: Host): boolean {
  const k = key instanceof PySet && !key.frozen ? newSet(true, key, host) : key;
  return discardEntry(so, k, exactHash(k));
}

/** set_intersection: walks the smaller set (or the iterable), adding what the other holds. */
export function setIntersection(so: PySet, other: PyValue, host: Host): PySet {
  if (so === other) return setCopy(so);
  const result = new PySet(so.frozen);
  if (other instanceof PySet) {
    let [big, small] = [so, other];
    if (small.used > big.used) [big, small] = [small, big];
    for (const i of liveSlots(small)) {
      const key = small.keys[i]!;
      const hash = small.hashes[i]!;
      if (lookIndex(big, key, hash) >= 0) addEntry(result, key, hash);
    }
    return result;
  }
  const it = getIter(other);
  for (let key = iterNext(it, host); key !== undefined; key = iterNext(it, host)) {
    const hash = exactHash(key);
    if (lookIndex(so, key, hash) >= 0) {
      addEntry(result, key, hash);
      if (result.used >= so.used) break;
    }
  }
  return result;
}

/** set_intersection_multi: intersected with each in turn (a copy when there are none). */
export function setIntersectionMulti(so: PySet, others: readonly PyValue[], host: Host): PySet {
  if (others.length === 0) return setCopy(so);
  let result = so;
  for (const other of others) result = setIntersection(result, other, host);
  return result;
}

/** set_intersection_update(_multi): the intersection's table replaces so's. */
export function setIntersectionUpdate(so: PySet, others: readonly PyValue[], host: Host): void {
  takeTable(so, setIntersectionMulti(so, others, host));
}

/** set_difference_update_internal. */
export function setDifferenceUpdate(so: PySet, other: PyValue, host: Host): void {
  if (so === other) {
    clearTable(so);
    return;
  }
  if (other instanceof PySet) {
    // Against a set more than 8 times larger, only the common elements are walked.
    const walk = other.used >> 3 > so.used ? setIntersection(so, other, host) : other;
    for (const i of liveSlots(walk)) discardEntry(so, walk.keys[i]!, walk.hashes[i]!);
  } else {
    const it = getIter(other);
    for (let key = iterNext(it, host); key !== undefined; key = iterNext(it, host)) discardEntry(so, key, exactHash(key));
  }
  // More than a quarter of the slots dummies: rebuild.
  if (so.fill - so.used <= Math.floor(so.mask / 4)) return;
  resize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
}

function copyAndDifference(so: PySet, other: PyValue, host: Host): PySet {
  const result = setCopy(so);
  setDifferenceUpdate(result, other, host);
  return result;
}

/** set_difference: a fresh set of so's elements not in other, unless so is much the larger. */
export function setDifference(so: PySet, other: PyValue, host: Host): PySet {
  let otherSize: number;
  if (other instanceof PySet) otherSize = other.used;
  else if (other instanceof PyDict) otherSize = other.entries.size;
  else return copyAndDifference(so, other, host);
  if (so.used >> 2 > otherSize) return copyAndDifference(so, other, host);
  const result = new PySet(so.frozen);
  for (const i of liveSlots(so)) {
    const key = so.keys[i]!;
    const inOther = other instanceof PyDict ? dictContains(other, key) : lookIndex(other, key, so.hashes[i]!) >= 0;
    if (!inOther) addEntry(result, key, so.hashes[i]!);
  }
  return result;
}

/** set_difference_multi. */
export function setDifferenceMulti(so: PySet, others: readonly PyValue[], host: Host): PySet {
  if (others.length === 0) return setCopy(so);
  const result = setDifference(so, others[0]!, host);
  for (const other of others.slice(1)) setDifferenceUpdate(result, other, host);
  return result;
}

/** set_symmetric_difference_update_set: each element of other is removed if present, else added. */
function symmetricUpdateFromSet(so: PySet, other: PySet): void {
  for (const i of liveSlots(other)) {
    const key = other.keys[i]!;
    const hash = other.hashes[i]!;
    if (!discardEntry(so, key, hash)) addEntry(so, key, hash);
  }
}

/** set_symmetric_difference_update. */
export function setSymmetricDifferenceUpdate(so: PySet, other: PyValue, host: Host): void {
  if (so === other) {
    clearTable(so);
    return;
  }
  if (other instanceof PyDict) {
    for (const e of dictEntriesInOrder(other)) {
      const hash = exactHash(e.key);
      if (!discardEntry(so, e.key, hash)) addEntry(so, e.key, hash);
    }
    return;
  }
  symmetricUpdateFromSet(so, other instanceof PySet ? other : newSet(so.frozen, other, host));
}

/** set_symmetric_difference: a new set updated from other, then toggled by so's elements. */
export function setSymmetricDifference(so: PySet, other: PyValue, host: Host): PySet {
  const result = new PySet(so.frozen);
  setUpdate(result, other, host);
  symmetricUpdateFromSet(result, so);
  return result;
}

/** set_union: a copy of so updated from each other operand (so itself skipped). */
export function setUnion(so: PySet, others: readonly PyValue[], host: Host): PySet {
  const result = setCopy(so);
  for (const other of others) if (other !== so) setUpdate(result, other, host);
  return result;
}

/** set.issubset: against a non-set, through the intersection's size. */
export function setIsSubset(so: PySet, other: PyValue, host: Host): boolean {
  if (!(other instanceof PySet)) return setIntersection(so, other, host).used === so.used;
  return isSubsetOfSet(so, other);
}

/** set.issuperset: against a non-set, every item must be in so (stops at the first that is not). */
export function setIsSuperset(so: PySet, other: PyValue, host: Host): boolean {
  if (other instanceof PySet) return isSubsetOfSet(other, so);
  const it = getIter(other);
  for (let key = iterNext(it, host); key !== undefined; key = iterNext(it, host)) if (!setHas(so, key)) return false;
  return true;
}

/** set.isdisjoint: walks the smaller set, or the iterable up to the first common element. */
export function setIsDisjoint(so: PySet, other: PyValue, host: Host): boolean {
  if (so === other) return so.used === 0;
  if (other instanceof PySet) {
    let [big, small] = [so, other];
    if (small.used > big.used) [big, small] = [small, big];
    for (const i of liveSlots(small)) if (lookIndex(big, small.keys[i]!, small.hashes[i]!) >= 0) return false;
    return true;
  }
  const it = getIter(other);
  for (let key = iterNext(it, host); key !== undefined; key = iterNext(it, host)) if (setHas(so, key)) return false;
  return true;
}

/**
 * The binary operators | & - ^ on two sets (the left operand's type wins), and their in-place
 * forms on a set (a frozenset has none: `f |= s` rebinds f to a new frozenset). undefined when
 * CPython's slot answers NotImplemented.
 * @spec #set-ops
 */
export function setBinary(symbol: '|' | '&' | '-' | '^', inplace: boolean, a: PyValue, b: PyValue, host: Host): PyValue | undefined {
  if (!isSet(a) || !isSet(b)) return undefined;
  if (inplace && !a.frozen) {
    if (symbol === '|') setUpdate(a, b, host);
    else if (symbol === '&') setIntersectionUpdate(a, [b], host);
    else if (symbol === '-') setDifferenceUpdate(a, b, host);
    else setSymmetricDifferenceUpdate(a, b, host);
    return a;
  }
  if (symbol === '|') return a === b ? setCopy(a) : setUnion(a, [b], host);
  if (symbol === '&') return setIntersection(a, b, host);
  if (symbol === '-') return setDifference(a, b, host);
  return setSymmetricDifference(a, b, host);
}

/** set_richcompare for < <= > >= (== and != go through PySet.equals); undefined: NotImplemented. */
export function setOrder(op: '<' | '<=' | '>' | '>=', a: PySet, b: PyValue): boolean | undefined {
  if (!isSet(b)) return undefined;
  switch (op) {
    case '<=': return isSubsetOfSet(a, b);
    case '>=': return isSubsetOfSet(b, a);
    case '<': return a.used < b.used && isSubsetOfSet(a, b);
    default: return a.used > b.used && isSubsetOfSet(b, a);
  }
}

/** repr: `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`, elements in table order. @spec #set-repr */
export function setRepr(so: PySet, itemRepr: (v: PyValue) => string): string {
  const name = typeName(so);
  if (so.used === 0) return `${name}()`;
  const parts: string[] = [];
  for (const i of liveSlots(so)) parts.push(itemRepr(so.keys[i]!));
  const body = `{${parts.join(', ')}}`;
  return so.frozen ? `${name}(${body})` : body;
}

/** set(iterable) / frozenset(iterable); frozenset(f) of a frozenset is f itself. @spec #set-constructors */
export function constructSet(frozen: boolean, args: readonly PyValue[], kwargs: ReadonlyMap<string, PyValue> | null, host: Host): PySet {
  const name = frozen ? 'frozenset' : 'set';
  if (kwargs && kwargs.size > 0) typeError(`${name}() takes no keyword arguments`);
  if (args.length > 1) typeError(`${name} expected at most 1 argument, got ${args.length}`);
  const iterable = args[0];
  if (frozen && iterable instanceof PySet && iterable.frozen) return iterable;
  return newSet(frozen, iterable, host);
}
