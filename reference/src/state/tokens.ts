/**
 * Fast state equality: each state is walked in a fixed order into a flat list of tokens, objects
 * numbered in the order the walk first meets them, so equal token lists mean the same frames,
 * values and aliasing. It reads what the snapshot reads (both follow shape.ts) but builds no
 * tree and no paths: the lockstep oracle compares states after every executor, and only a
 * difference needs the snapshot's explanation.
 * @spec #interpreter-state
 */
import { isMadeByReplace, type Code } from '../isa/code';
import { codeHash } from '../isa/code-view';
import type { Frame } from '../interp/frame';
import type { Vm } from '../interp/vm';
import type { PyObject, Slot } from '../runtime/values';
import { chainOutermostFirst, chainTops } from './frames';
import { describeObject, type Scalar, type ShapeSink } from './shape';

export type Token = Scalar | undefined | object;

/**
 * Object identity across an executor run: what an object of the state was at executor entry. The
 * live VM maps each of its objects to the entry state's copy of it, the oracle's copy maps each
 * of its objects to itself; both map an object created since entry to NEW_OBJECT. Equal tokens
 * then mean each frame and object is the very one the interpreter holds at that place, not an
 * equal substitute.
 * @spec #state-identity
 */
export type Identity = (o: object) => object;
export const NEW_OBJECT: object = Object.freeze({ new: true });

// Value tags. A payload follows bool, int, str and ref.
const NULL = 0;
const NONE = 1;
const BOOL = 2;
const INT = 3;
const STR = 4;
const REF = 5;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
// Markers, which no prop name starts with.
const ITEM = '\u0000item';
const FRAME = '\u0000frame';
const END = '\u0000end';
const FLOAT = '\u0000float';
const MADE_CODE = '\u0000made-code';

const CONTENT = new WeakMap<Code, string>();
/** What a code object made by code.replace() holds (it never changes once made). */
function codeContent(c: Code): string {
  let s = CONTENT.get(c);
  if (s === undefined) CONTENT.set(c, (s = `${c.name}\u0000${codeHash(c)}\u0000${c.ops.join()}\u0000${c.args.join()}`));
  return s;
}

/** Walks a state into tokens; `value` is where an object is numbered (paired.ts pairs it instead). */
export class Walker implements ShapeSink {
  readonly tokens: Token[] = [];
  private readonly ids = new Map<object, number>();
  private readonly pending: PyObject[] = [];

  constructor(protected readonly identity: Identity | null = null) {}

  value(v: Slot): void {
    const t = this.tokens;
    if (v === undefined) t.push(NULL);
    else if (v === null) t.push(NONE);
    else if (typeof v === 'boolean') t.push(BOOL, v);
    else if (typeof v === 'number') t.push(INT, v);
    // Ints are canonical (a bigint only outside the safe range); a stray small bigint still equals its number.
    else if (typeof v === 'bigint') t.push(INT, v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : String(v));
    else if (typeof v === 'string') t.push(STR, v);
    else {
      let id = this.ids.get(v);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(v, id);
        this.pending.push(v);
        t.push(REF, id);
        if (this.identity) t.push(this.identity(v));
        return;
      }
      t.push(REF, id);
    }
  }

  prop(name: string, value: Scalar): void {
    this.tokens.push(name, value);
  }

  float(value: number): void {
    this.tokens.push(FLOAT, value);
  }

  slot(_name: string, value: Slot): void {
    this.value(value);
  }

  item(value: Slot): void {
    this.tokens.push(ITEM);
    this.value(value);
  }

  frame(f: Frame | null): void {
    this.tokens.push(FRAME);
    if (f) this.frameBody(f);
    else this.tokens.push(null);
  }

  code(c: Code): void {
    if (!isMadeByReplace(c)) {
      this.tokens.push(c);
      return;
    }
    // One code.replace() made while the executor ran is a fresh object in each state (the live
    // VM's and the oracle's replay), so it is compared as a value: numbered where first met (its
    // aliasing), then its content. The program's own code objects are shared by every copy.
    let id = this.ids.get(c);
    if (id !== undefined) {
      this.tokens.push(MADE_CODE, id);
      return;
    }
    id = this.ids.size;
    this.ids.set(c, id);
    this.tokens.push(MADE_CODE, id, codeContent(c));
  }

  frameBody(f: Frame): void {
    this.frameIdentity(f);
    // The code object itself, and the instruction arrays the frame runs being its own: a frame
    // pointed at other bytecode would run it outside any executor, unchecked.
    this.tokens.push(f.code, f.ops === f.code.ops && f.args === f.code.args, f.ip, f.forIterExit, f.entry, f.locals.length);
    for (const v of f.locals) this.value(v);
    this.tokens.push(f.stack.length);
    for (const v of f.stack) this.value(v);
  }

  protected frameIdentity(f: Frame): void {
    if (this.identity) this.tokens.push(this.identity(f));
  }

  /** Describe every object met so far, and those they reach, in the order they were met. */
  drain(): void {
    for (let i = 0; i < this.pending.length; i++) {
      const o = this.pending[i]!;
      this.tokens.push(o.kind);
      describeObject(o, this);
      this.tokens.push(END);
    }
  }
}

/** The state as tokens (the printed output aside: see sameOutput); with `identity`, object identity too. */
export function stateTokens(vm: Vm, identity: Identity | null = null): Token[] {
  const w = new Walker(identity);
  walkRoots(w, vm);
  w.drain();
  return w.tokens;
}

/** The state's roots, in the walk's order: every chain's frames, the globals by name, the handled exception. */
export function walkRoots(w: Walker, vm: Vm): void {
  for (const top of chainTops(vm)) {
    const frames = chainOutermostFirst(top);
    w.tokens.push(frames.length);
    for (const f of frames) w.frameBody(f);
  }
  // By name: the order globals were bound in is not state (nothing in the subset observes it).
  w.tokens.push(vm.globals.size);
  for (const k of [...vm.globals.keys()].sort()) {
    w.tokens.push(k);
    w.value(vm.globals.get(k));
  }
  w.value(vm.excBase.handled);
}

export function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // Object.is on numbers (floats: -0 is not 0, NaN is NaN), without its cost on everything else.
    if (x !== y ? !(x !== x && y !== y) : x === 0 && 1 / (x as number) !== 1 / (y as number)) return false;
  }
  return true;
}

/** The same text printed, however it was split into writes. */
export function sameOutput(a: Vm, b: Vm): boolean {
  const x = a.output;
  const y = b.output;
  if (x.length === y.length) {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    if (i === x.length) return true;
  }
  return x.join('') === y.join('');
}

/**
 * Whether the states are equal: the same verdict as compareStates on their snapshots (the state
 * tests check that they agree), without building them.
 */
export function sameState(expected: Vm, actual: Vm): boolean {
  return sameOutput(expected, actual) && sameTokens(stateTokens(expected), stateTokens(actual));
}
