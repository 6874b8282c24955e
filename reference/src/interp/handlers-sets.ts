/**
 * The set instructions: set displays (`{a, b}`, `{*xs}`) and set comprehensions. Spread into
 * HANDLERS (handlers.ts).
 * @spec #set-ops
 */
import type { Opcode } from '../isa/table';
import { PySet, setAdd } from '../runtime/setobject';
import { setUpdate } from '../runtime/setops';
import { typeName } from '../runtime/types';
import type { PyValue, Slot } from '../runtime/values';
import { pyError } from './errors';
import type { Frame } from './frame';
import type { Handler } from './handlers';

type SetOp = 'BUILD_SET' | 'SET_ADD' | 'SET_UPDATE';

/** The set oparg items below the top (a hand-written program may point elsewhere). */
function setBelow(f: Frame, a: number, op: SetOp): PySet {
  const s: Slot = f.stack[f.stack.length - a];
  if (!(s instanceof PySet) || s.frozen) throw pyError('TypeError', `${op} needs a set, got ${s === undefined ? 'NULL' : typeName(s)}`);
  return s;
}

export const SET_HANDLERS: { readonly [K in SetOp & Opcode]: Handler } = {
  /** A new set, the items added first (deepest) to last, as PySet_Add each. @spec #op-BUILD_SET */
  BUILD_SET: (_vm, f, a) => {
    const items = a === 0 ? [] : (f.stack.splice(f.stack.length - a, a) as PyValue[]);
    const s = new PySet(false);
    for (const item of items) setAdd(s, item);
    f.stack.push(s);
  },
  /** @spec #op-SET_ADD */
  SET_ADD: (_vm, f, a) => {
    const v = f.stack.pop() as PyValue;
    setAdd(setBelow(f, a, 'SET_ADD'), v);
  },
  /** @spec #op-SET_UPDATE */
  SET_UPDATE: (vm, f, a) => {
    const iterable = f.stack.pop() as PyValue;
    setUpdate(setBelow(f, a, 'SET_UPDATE'), iterable, vm);
  },
};
