/**
 * State equality decided by walking the two states side by side: the same verdict as comparing
 * their token lists (tokens.ts), for less. Where the token walks number each object where they
 * first meet it, this walk pairs the object met on one side with the object met at the same place
 * on the other (a one-to-one pairing, as equal numbering is), and stops at the first difference.
 * An object both sides hold (a code object's constant, which the oracle's copy shares rather than
 * copies) is not described twice: at the same moment the same object has the same parts, so only
 * the objects it reaches are paired, each with itself, as the token walks would have paired them.
 * @spec #interpreter-state
 */
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import type { Slot } from '../runtime/values';
import { describeObject } from './shape';
import { samePartsDirectly, sameRootsDirectly } from './paired-parts';
import { NEW_OBJECT, Walker, walkRoots, type Identity, type Token } from './tokens';

// Markers in a record, which no scalar token equals: an object to pair, a frame's identity.
const OBJECT = Object.freeze({ object: true });
const FRAME_IDENTITY = Object.freeze({ frameIdentity: true });

/** A token walk that leaves each object (and frame identity) in place, for the pairing to judge. */
class Recorder extends Walker {
  override value(v: Slot): void {
    if (v !== null && typeof v === 'object') this.tokens.push(OBJECT, v);
    else super.value(v);
  }

  protected override frameIdentity(f: Frame): void {
    if (this.identity) this.tokens.push(FRAME_IDENTITY, f);
  }
}

/** How the live VM's objects relate to the copy's (clone.ts), and which objects both share. */
export interface PairedIdentity {
  readonly live: Identity;
  readonly reference: Identity;
  /** Immutable objects both states hold as they are (the code objects' constants). */
  readonly kept?: ReadonlySet<object>;
}

/** The objects a constant reaches through its compared parts (itself excluded): constants never change. */
const reachedFromConstant = new WeakMap<object, readonly object[]>();

function reachedFrom(o: object): readonly object[] {
  let known = reachedFromConstant.get(o);
  if (known) return known;
  const r = new Recorder();
  const seen = new Set<object>([o]);
  const out: object[] = [];
  for (let next: object | undefined = o, i = 0; next !== undefined; next = out[i++]) {
    r.tokens.length = 0;
    describeObject(next as never, r);
    for (let k = 0; k < r.tokens.length; k++) {
      if (r.tokens[k] !== OBJECT) continue;
      const x = r.tokens[++k] as object;
      if (!seen.has(x)) {
        seen.add(x);
        out.push(x);
      }
    }
  }
  reachedFromConstant.set(o, (known = out));
  return known;
}

export class Pairing {
  /** Reference object -> live object, and back: objects made since entry, and those both states share. */
  private readonly toLive = new Map<object, object>();
  private readonly toReference = new Map<object, object>();
  /** The live VM's objects of the entry state met so far (each paired with its copy). */
  private readonly entryObjectsMet = new Set<object>();
  /** Pairs met but not yet described: reference, live, reference, live, ... */
  readonly pending: object[] = [];

  constructor(private readonly identity: PairedIdentity | null) {}

  /** Whether frames are compared with their identity (the records then hold it). */
  get tracksIdentity(): boolean {
    return this.identity !== null;
  }

  /** Whether the two records are equal, pairing the objects in them. */
  same(ref: readonly Token[], live: readonly Token[]): boolean {
    if (ref.length !== live.length) return false;
    for (let i = 0; i < ref.length; i++) {
      const x = ref[i];
      const y = live[i];
      if (x === OBJECT || x === FRAME_IDENTITY) {
        if (y !== x) return false;
        i++;
        const ok = x === OBJECT ? this.pair(ref[i] as object, live[i] as object) : this.sameOrigin(ref[i] as object, live[i] as object);
        if (!ok) return false;
        continue;
      }
      // As sameTokens: Object.is on numbers (-0 is not 0, NaN is NaN).
      if (x !== y ? !(x !== x && y !== y) : x === 0 && 1 / (x as number) !== 1 / (y as number)) return false;
    }
    return true;
  }

  /** The identity tokens would agree: both the entry state's same object, or both made since entry. */
  sameOrigin(ref: object, live: object): boolean {
    if (!this.identity) return true;
    const l = this.identity.live(live);
    if (l === ref) return true;
    return l === NEW_OBJECT && this.identity.reference(ref) === NEW_OBJECT;
  }

  /**
   * Pair the object met on the reference's side with the one met at the same place on the live
   * side. Idempotent: pairing the same two objects again changes nothing and agrees.
   */
  pair(ref: object, live: object): boolean {
    if (this.identity) {
      // An entry-state object can only stand where the interpreter holds its copy: the pairing is
      // known, and a copy has one original, so it is one to one without a map.
      const copy = this.identity.live(live);
      if (copy !== NEW_OBJECT) {
        if (copy !== ref) return false;
        if (!this.entryObjectsMet.has(live)) {
          this.entryObjectsMet.add(live);
          this.pending.push(ref, live);
        }
        return true;
      }
    }
    const paired = this.toLive.get(ref);
    if (paired !== undefined) return paired === live;
    if (this.toReference.has(live) || !this.sameOrigin(ref, live)) return false;
    this.toLive.set(ref, live);
    this.toReference.set(live, ref);
    const kept = this.identity?.kept;
    if (ref !== live || !kept?.has(ref)) {
      this.pending.push(ref, live);
      return true;
    }
    for (const x of reachedFrom(ref)) {
      const p = this.toLive.get(x);
      if (p !== undefined) {
        if (p !== x) return false;
        continue;
      }
      // A constant is neither an entry object nor a copy of one: its origin is the same on both sides.
      if (this.toReference.has(x) || (!kept.has(x) && !this.sameOrigin(x, x))) return false;
      this.toLive.set(x, x);
      this.toReference.set(x, x);
    }
    return true;
  }
}

/**
 * Whether the reference's state equals the live VM's, the printed output aside (see sameOutput):
 * the verdict of sameTokens(stateTokens(reference, identity.reference), stateTokens(actual, identity.live)).
 * With `direct`, the roots and the commonest objects are compared part by part in place
 * (paired-parts.ts) rather than through their token records: the same verdict, for less.
 * @spec #state-identity
 */
export function samePairedStates(reference: Vm, actual: Vm, identity: PairedIdentity | null, direct = true): boolean {
  const ref = new Recorder(identity?.reference ?? null);
  const live = new Recorder(identity?.live ?? null);
  const pairing = new Pairing(identity);
  // Pairing is idempotent: roots the direct comparison paired before leaving them to the records
  // are met again there in the same order, and pair as before.
  const roots = direct ? sameRootsDirectly(reference, actual, pairing, identity !== null) : null;
  if (roots === false) return false;
  if (roots === null) {
    walkRoots(ref, reference);
    walkRoots(live, actual);
    if (!pairing.same(ref.tokens, live.tokens)) return false;
  }
  const { pending } = pairing;
  for (let i = 0; i < pending.length; i += 2) {
    const r = pending[i] as { kind: string };
    const l = pending[i + 1] as { kind: string };
    if (r.kind !== l.kind) return false;
    if (direct) {
      const same = samePartsDirectly(r, l, pairing);
      if (same === false) return false;
      if (same === true) continue;
    }
    ref.tokens.length = 0;
    live.tokens.length = 0;
    describeObject(r as never, ref);
    describeObject(l as never, live);
    if (!pairing.same(ref.tokens, live.tokens)) return false;
  }
  return true;
}
