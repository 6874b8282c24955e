/**
 * The layout of a dict's entry array, as CPython 3.13's Objects/dictobject.c keeps it. Only
 * iteration observes it: a dict iterator walks the array by index, so whether an item added during
 * a loop is seen depends on where it lands — at the end of the array, or, when the table had no
 * usable slot left, at the end of a compacted copy. Lookup goes through `PyDict.entries`.
 * @spec #dict-ops
 */
import { PyDict, type DictEntry, type PyValue } from './values';

/** PyDict_LOG_MINSIZE: the smallest real table has 8 slots. */
const LOG2_MIN_SIZE = 3;
/** dict_new_presized never presizes past 2**17 slots. */
const LOG2_MAX_PRESIZE = 17;

/** USABLE_FRACTION: how many entries a table of `size` slots holds before it must grow. */
function usableFraction(size: number): number {
  return Math.floor((size * 2) / 3);
}

/**
 * calculate_log2_keysize as CPython 3.13 computes it: `bit_length(((minsize | 8) - 1) | 7)`, which
 * is the smallest power of two >= minsize except that 1..7 give 16 and a power of two p >= 16
 * gives 2p (a later CPython made it exact; 3.13's tables, and so its iteration, follow this one).
 */
function log2KeySize(minsize: number): number {
  const m = ((minsize | 2 ** LOG2_MIN_SIZE) - 1) | (2 ** LOG2_MIN_SIZE - 1);
  return 32 - Math.clz32(m);
}

/** estimate_log2_keysize: a table that holds n entries without growing. */
function estimateLog2KeySize(n: number): number {
  return log2KeySize(Math.floor((n * 3 + 1) / 2));
}

/** dictresize: a fresh table of 2**log2 slots holding the live entries compacted, in order. */
function resize(d: PyDict, log2: number, strKeys: boolean): void {
  const live = [...d.entries.values()];
  live.forEach((e, i) => (e.slot = i));
  d.slots = live;
  d.log2Size = log2;
  d.usable = usableFraction(2 ** log2) - live.length;
  d.strKeys = strKeys && d.strKeys;
}

/** insertdict for a key not in the dict: the first non-str key, or a full table, compacts first. */
export function insertEntry(d: PyDict, mapKey: string, key: PyValue, value: PyValue): void {
  if (d.strKeys && typeof key !== 'string') resize(d, log2KeySize(d.entries.size * 3), false);
  if (d.usable <= 0) resize(d, log2KeySize(d.entries.size * 3), true);
  const e: DictEntry = { key, value, slot: d.slots.length };
  d.slots.push(e);
  d.usable--;
  d.entries.set(mapKey, e);
}

/** delitem: the entry's slot becomes a hole; nothing moves and no slot becomes usable again. */
export function removeEntry(d: PyDict, mapKey: string): boolean {
  const e = d.entries.get(mapKey);
  if (!e) return false;
  d.entries.delete(mapKey);
  d.slots[e.slot] = undefined;
  return true;
}

/** PyDict_Clear: back to the shared empty table. */
export function clearEntries(d: PyDict): void {
  d.entries.clear();
  d.slots = [];
  d.usable = 0;
  d.log2Size = 0;
  d.strKeys = true;
}

/** dict_new_presized, as a literal of n items (BUILD_MAP) makes it. */
export function presizedDict(n: number, strKeys: boolean): PyDict {
  const d = new PyDict();
  if (n <= usableFraction(2 ** LOG2_MIN_SIZE)) return d;
  const log2 = n > usableFraction(2 ** LOG2_MAX_PRESIZE) ? LOG2_MAX_PRESIZE : estimateLog2KeySize(n);
  d.strKeys = strKeys;
  resize(d, log2, strKeys);
  return d;
}

/** PyDict_Copy: a clone when at most a third of the slots are holes, else a compacted merge. */
export function copyEntries(d: PyDict, set: (c: PyDict, key: PyValue, value: PyValue) => void): PyDict {
  const c = new PyDict();
  if (d.entries.size === 0) return c;
  if (d.entries.size >= Math.floor((d.slots.length * 2) / 3)) {
    cloneEntries(c, d);
    return c;
  }
  mergeEntries(c, d, set);
  return c;
}

/** clone_combined_dict_keys: the same table, holes included, into `target`. */
function cloneEntries(target: PyDict, d: PyDict): void {
  target.entries.clear();
  target.slots = new Array<DictEntry | undefined>(d.slots.length).fill(undefined);
  for (const [k, e] of d.entries) {
    const copy = { key: e.key, value: e.value, slot: e.slot };
    target.slots[e.slot] = copy;
    target.entries.set(k, copy);
  }
  target.usable = d.usable;
  target.log2Size = d.log2Size;
  target.strKeys = d.strKeys;
}

/** dict_merge(d, other, override=1): d.update(other), dict(other), `d | other`. */
export function mergeEntries(d: PyDict, other: PyDict, set: (c: PyDict, key: PyValue, value: PyValue) => void): void {
  if (d === other || other.entries.size === 0) return;
  const used = other.entries.size;
  if (d.entries.size === 0 && used === other.slots.length &&
      (other.log2Size === LOG2_MIN_SIZE || usableFraction(2 ** other.log2Size / 2) < used)) {
    cloneEntries(d, other);
    return;
  }
  if (usableFraction(2 ** d.log2Size) < used) resize(d, estimateLog2KeySize(d.entries.size + used), other.strKeys);
  for (const e of [...other.entries.values()]) set(d, e.key, e.value);
}
