/**
 * The text of a frozenset constant. A literal adds its items in the written order, so the text
 * must list them in an order whose insertion reproduces the constant's iteration order: its
 * own iteration order does, except where colliding elements wrapped around the table.
 * @spec #assembly-set-literals
 */
import { PySet, setAdd, setElements } from './setobject';
import type { PyValue } from './values';

/** Orders tried beyond the iteration order and its reverse: every permutation up to this size. */
const MAX_PERMUTED = 7;

function rebuiltOrder(items: readonly PyValue[]): PyValue[] {
  const s = new PySet(true);
  for (const v of items) setAdd(s, v);
  return setElements(s);
}

const sameOrder = (a: readonly PyValue[], b: readonly PyValue[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function* permutations(items: readonly PyValue[]): Generator<PyValue[]> {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i]!, ...p];
  }
}

/** The order a literal wrote a frozenset's items in (the assembler's constants), for the disassembler. */
const writtenOrders = new WeakMap<PySet, readonly PyValue[]>();

export function rememberWrittenOrder(so: PySet, items: readonly PyValue[]): void {
  writtenOrders.set(so, items.slice());
}

/** Items in an insertion order that reproduces so's iteration order (its iteration order if none is found). */
export function insertionOrder(so: PySet): PyValue[] {
  const target = setElements(so);
  const written = writtenOrders.get(so);
  if (written && sameOrder(rebuiltOrder(written), target)) return written.slice();
  if (sameOrder(rebuiltOrder(target), target)) return target;
  const reversed = target.slice().reverse();
  if (sameOrder(rebuiltOrder(reversed), target)) return reversed;
  if (target.length <= MAX_PERMUTED) for (const p of permutations(target)) if (sameOrder(rebuiltOrder(p), target)) return p;
  return target;
}

/** `frozenset({a, b})` / `frozenset()` with items in a reproducing order, each written by `item`. */
export function frozensetLiteral(so: PySet, item: (v: PyValue) => string): string {
  if (so.used === 0) return 'frozenset()';
  return `frozenset({${insertionOrder(so).map(item).join(', ')}})`;
}
