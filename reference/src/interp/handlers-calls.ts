/**
 * Star calls, keyword-argument dicts, dict displays with `**` and starred assignment. Spread into
 * HANDLERS (handlers.ts).
 * @spec #call-star
 */
import type { Opcode } from '../isa/table';
import { mergeKwargs, starArgs, starKwargs, unpackStar, updateDisplay } from '../runtime/starcall';
import { typeName } from '../runtime/types';
import { PyDict, PyFunction, PyTuple, type PyValue, type Slot } from '../runtime/values';
import { pyError } from './errors';
import type { Frame } from './frame';
import type { Handler } from './handlers';
import type { Vm } from './vm';

type CallsOp = 'CALL_FUNCTION_EX' | 'DICT_MERGE' | 'DICT_UPDATE' | 'UNPACK_EX';

/** The dict a DICT_MERGE / DICT_UPDATE names; a hand-written program may point one elsewhere. */
function dictBelow(f: Frame, depth: number, op: CallsOp): PyDict {
  const d = f.stack[f.stack.length - depth];
  if (d instanceof PyDict) return d;
  throw pyError('TypeError', `${op} needs a dict ${depth} items below the top, got ${d === undefined ? 'NULL' : typeName(d)}`);
}

export const CALLS_HANDLERS: { readonly [K in CallsOp & Opcode]: Handler } = {
  /** @spec #op-CALL_FUNCTION_EX */
  CALL_FUNCTION_EX: (vm: Vm, f: Frame, a: number) => {
    const kwargs = a & 1 ? (f.stack.pop() as Slot) : null;
    const callargs = f.stack.pop() as PyValue;
    f.stack.pop(); // NULL (3.13 ignores it: a method is called as a bound attribute)
    const func = f.stack.pop();
    if (kwargs !== null && !(kwargs instanceof PyDict)) {
      throw pyError('TypeError', `CALL_FUNCTION_EX needs a dict of keyword arguments, got ${kwargs === undefined ? 'NULL' : typeName(kwargs)}`);
    }
    const args = starArgs(func, callargs, vm);
    const kw = starKwargs(kwargs);
    if (kw.names.length) args.push(...kw.values);
    vm.callInFrame(f, func, args, kw.names.length ? kw.names : null);
  },
  /** @spec #op-DICT_MERGE */
  DICT_MERGE: (_vm, f, a) => {
    const update = f.stack.pop() as PyValue;
    mergeKwargs(f.stack[f.stack.length - a - 3], dictBelow(f, a, 'DICT_MERGE'), update);
  },
  /** @spec #op-DICT_UPDATE */
  DICT_UPDATE: (_vm, f, a) => {
    const update = f.stack.pop() as PyValue;
    updateDisplay(dictBelow(f, a, 'DICT_UPDATE'), update);
  },
  /** @spec #op-UNPACK_EX */
  UNPACK_EX: (vm, f, a) => {
    const items = unpackStar(f.stack.pop() as PyValue, a & 0xff, a >> 8, vm);
    for (let i = items.length - 1; i >= 0; i--) f.stack.push(items[i]);
  },
};

/**
 * SET_FUNCTION_ATTRIBUTE 2 (`kwdefaults`, a dict) and 4 (`annotations`, a tuple).
 * @spec #call-kwdefaults
 */
export function setCallAttribute(func: PyFunction, flag: 2 | 4, value: PyValue): void {
  if (flag === 2) {
    if (!(value instanceof PyDict)) throw pyError('TypeError', `SET_FUNCTION_ATTRIBUTE kwdefaults needs a dict, got ${typeName(value)}`);
    func.kwdefaults = value;
  } else {
    if (!(value instanceof PyTuple)) throw pyError('TypeError', `SET_FUNCTION_ATTRIBUTE annotations needs a tuple, got ${typeName(value)}`);
    func.annotations = value;
  }
}
