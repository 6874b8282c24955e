/**
 * One handler per instruction of the table. The mapped type makes a missing handler a
 * compile error. Each handler runs with `f.ip` already pointing past its instruction.
 */
import { executorSlots, PyCode } from '../isa/code';
import { INSTRUCTIONS, type Opcode } from '../isa/table';
// Import from the defining modules, not the runtime barrel: TypeScript compiles `export *` to
// getters, and a getter call per instruction costs the hot loop about 12%.
import { binaryOp } from '../runtime/binary';
import { compareOp, isIdentical } from '../runtime/compare';
import { contains } from '../runtime/contains';
import { dictSet } from '../runtime/dict';
import { presizedDict } from '../runtime/dicttable';
import { excMatches, newException } from '../runtime/exceptions';
import { formatValue } from '../runtime/format';
import { appendAll, getIter, iterNext } from '../runtime/iter';
import { loadAttr, loadMethod } from '../runtime/attrs';
import { ascii, repr, str } from '../runtime/repr';
import { delItem, getItem, getSlice, setItem, setSlice } from '../runtime/subscript';
import { typeName } from '../runtime/types';
import { invert, negative, positive, truthy } from '../runtime/unary';
import {
  PyDict, PyException, PyFunction, PyGenerator, PyList, PyRangeIterator, PySlice, PyTuple, PyType,
  type PyValue, type Slot,
} from '../runtime/values';
import { builtinType, pyError } from './errors';
import { CLOSURE_HANDLERS, setClosure } from './handlers-closures';
import { CALLS_HANDLERS, setCallAttribute } from './handlers-calls';
import { starItems } from '../runtime/starcall';
import { GENERATOR_HANDLERS } from './handlers-generators';
import { SET_HANDLERS } from './handlers-sets';
import { MODULE_HANDLERS } from './handlers-module';
import type { Frame } from './frame';
import type { Vm } from './vm';

export type Handler = (vm: Vm, f: Frame, arg: number) => void;

/** An exhausted FOR_ITER continues this far past its target (the table's targetSkip: END_FOR, POP_TOP). */
const FOR_ITER_SKIP = INSTRUCTIONS.find((d) => d.name === 'FOR_ITER')!.targetSkip;

/** Below this bound a range iterator's next value plus its step stays a safe integer. */
const SMALL_RANGE = 2 ** 52;

const pop = (f: Frame): PyValue => f.stack.pop() as PyValue;
const top = (f: Frame): Slot => f.stack[f.stack.length - 1];
const push = (f: Frame, v: Slot): void => {
  f.stack.push(v);
};
const popN = (f: Frame, n: number): PyValue[] => (n === 0 ? [] : (f.stack.splice(f.stack.length - n, n) as PyValue[]));

/** @spec #locals-unbound */
function unbound(f: Frame, i: number): never {
  throw pyError('UnboundLocalError', `cannot access local variable '${f.code.varnames[i]}' where it is not associated with a value`);
}

function loadLocal(f: Frame, i: number): PyValue {
  const v = f.locals[i];
  return v === undefined ? unbound(f, i) : v;
}

/** POP_JUMP_IF_* receive a bool in CPython 3.13; anything else is judged by truthiness. */
const isTrue = (v: PyValue): boolean => (v === true ? true : v === false ? false : truthy(v));

/** @spec #exception-raise */
function toException(v: PyValue, message: string): PyException {
  if (v instanceof PyException) return v;
  if (v instanceof PyType && isExceptionType(v)) return newException(v);
  throw pyError('TypeError', message);
}

function isExceptionType(t: PyType): boolean {
  const base = builtinType('BaseException');
  for (let c: PyType | null = t; c; c = c.base) if (c === base) return true;
  return false;
}

/** A dict display: CPython's _PyDict_FromItems presizes the table for all its items. */
function newDict(pairs: [PyValue, PyValue][]): PyDict {
  const d = presizedDict(pairs.length, pairs.every(([k]) => typeof k === 'string'));
  for (const [k, v] of pairs) dictSet(d, k, v);
  return d;
}

export const HANDLERS: { readonly [K in Opcode]: Handler } = {
  /** @spec #op-NOP */
  NOP: () => {},
  /** @spec #op-RESUME */
  RESUME: () => {},
  /** @spec #op-LOAD_FAST */
  LOAD_FAST: (_vm, f, a) => push(f, loadLocal(f, a)),
  /** @spec #op-LOAD_FAST_CHECK */
  LOAD_FAST_CHECK: (_vm, f, a) => push(f, loadLocal(f, a)),
  /** @spec #op-LOAD_FAST_AND_CLEAR */
  LOAD_FAST_AND_CLEAR: (_vm, f, a) => {
    push(f, f.locals[a]);
    f.locals[a] = undefined;
  },
  /** @spec #op-LOAD_FAST_LOAD_FAST */
  LOAD_FAST_LOAD_FAST: (_vm, f, a) => {
    const first = loadLocal(f, a >> 4);
    const second = loadLocal(f, a & 15);
    push(f, first);
    push(f, second);
  },
  /** @spec #op-STORE_FAST */
  STORE_FAST: (_vm, f, a) => {
    f.locals[a] = f.stack.pop();
  },
  /** @spec #op-STORE_FAST_LOAD_FAST */
  STORE_FAST_LOAD_FAST: (_vm, f, a) => {
    f.locals[a >> 4] = f.stack.pop();
    push(f, loadLocal(f, a & 15));
  },
  /** @spec #op-STORE_FAST_STORE_FAST */
  STORE_FAST_STORE_FAST: (_vm, f, a) => {
    f.locals[a >> 4] = f.stack.pop();
    f.locals[a & 15] = f.stack.pop();
  },
  /** @spec #op-DELETE_FAST */
  DELETE_FAST: (_vm, f, a) => {
    if (f.locals[a] === undefined) unbound(f, a);
    f.locals[a] = undefined;
  },
  /** @spec #op-LOAD_CONST */
  LOAD_CONST: (_vm, f, a) => push(f, f.code.consts[a]),
  /** @spec #op-LOAD_GLOBAL */
  LOAD_GLOBAL: (vm, f, a) => {
    push(f, vm.loadGlobal(f.code.names[a >> 1]!));
    if (a & 1) push(f, undefined);
  },
  /** @spec #op-STORE_GLOBAL */
  STORE_GLOBAL: (vm, f, a) => {
    vm.globals.set(f.code.names[a]!, pop(f));
  },
  /** @spec #op-POP_TOP */
  POP_TOP: (_vm, f) => {
    f.stack.pop();
  },
  /** @spec #op-PUSH_NULL */
  PUSH_NULL: (_vm, f) => push(f, undefined),
  /** @spec #op-COPY */
  COPY: (_vm, f, a) => push(f, f.stack[f.stack.length - a]),
  /** @spec #op-SWAP */
  SWAP: (_vm, f, a) => {
    const s = f.stack;
    const t = s[s.length - 1];
    s[s.length - 1] = s[s.length - a];
    s[s.length - a] = t;
  },
  /** @spec #op-UNARY_NEGATIVE */
  UNARY_NEGATIVE: (_vm, f) => push(f, negative(pop(f))),
  /** @spec #op-UNARY_NOT */
  UNARY_NOT: (_vm, f) => push(f, !isTrue(pop(f))),
  /** @spec #op-UNARY_INVERT */
  UNARY_INVERT: (_vm, f) => push(f, invert(pop(f))),
  /** @spec #op-TO_BOOL */
  TO_BOOL: (_vm, f) => push(f, truthy(pop(f))),
  /** @spec #op-BINARY_OP */
  BINARY_OP: (vm, f, a) => {
    const right = pop(f);
    const left = pop(f);
    push(f, binaryOp(a, left, right, vm));
  },
  /** @spec #op-COMPARE_OP */
  COMPARE_OP: (_vm, f, a) => {
    const right = pop(f);
    const left = pop(f);
    const r = compareOp(a >> 5, left, right);
    push(f, a & 16 ? truthy(r) : r);
  },
  /** @spec #op-IS_OP */
  IS_OP: (_vm, f, a) => {
    const right = pop(f);
    const left = pop(f);
    push(f, isIdentical(left, right) !== (a === 1));
  },
  /** @spec #op-CONTAINS_OP */
  CONTAINS_OP: (vm, f, a) => {
    const right = pop(f);
    const left = pop(f);
    push(f, contains(right, left, vm) !== (a === 1));
  },
  /** @spec #op-POP_JUMP_IF_FALSE */
  POP_JUMP_IF_FALSE: (_vm, f, a) => {
    if (!isTrue(pop(f))) f.ip = a;
  },
  /** @spec #op-POP_JUMP_IF_TRUE */
  POP_JUMP_IF_TRUE: (_vm, f, a) => {
    if (isTrue(pop(f))) f.ip = a;
  },
  /** @spec #op-POP_JUMP_IF_NONE */
  POP_JUMP_IF_NONE: (_vm, f, a) => {
    if (pop(f) === null) f.ip = a;
  },
  /** @spec #op-POP_JUMP_IF_NOT_NONE */
  POP_JUMP_IF_NOT_NONE: (_vm, f, a) => {
    if (pop(f) !== null) f.ip = a;
  },
  /** @spec #op-JUMP_FORWARD */
  JUMP_FORWARD: (_vm, f, a) => {
    f.ip = a;
  },
  /** @spec #op-JUMP_BACKWARD */
  JUMP_BACKWARD: (_vm, f, a) => {
    f.ip = a;
  },
  /** @spec #op-JUMP_BACKWARD_NO_INTERRUPT */
  JUMP_BACKWARD_NO_INTERRUPT: (_vm, f, a) => {
    f.ip = a;
  },
  /** @spec #op-GET_ITER */
  GET_ITER: (_vm, f) => push(f, getIter(pop(f))),
  /** @spec #op-FOR_ITER */
  FOR_ITER: (vm, f, a) => {
    const it = top(f);
    if (it instanceof PyRangeIterator) {
      const next = it.next;
      // Small ranges only: next + step must stay a safe integer.
      if (typeof next === 'number' && typeof it.step === 'number' && typeof it.stop === 'number' && Math.abs(it.stop) < SMALL_RANGE && Math.abs(it.step) < SMALL_RANGE) {
        if (it.step > 0 ? next < it.stop : next > it.stop) {
          it.next = next + it.step;
          push(f, next);
        } else {
          f.stack.pop();
          f.ip = a + FOR_ITER_SKIP;
        }
        return;
      }
    }
    if (it instanceof PyGenerator) {
      if (!vm.resumeFromForIter(f, it, a + FOR_ITER_SKIP)) {
        f.stack.pop();
        f.ip = a + FOR_ITER_SKIP;
      }
      return;
    }
    const v = iterNext(it as PyValue, vm);
    if (v === undefined) {
      f.stack.pop();
      f.ip = a + FOR_ITER_SKIP;
    } else push(f, v);
  },
  /** @spec #op-END_FOR */
  END_FOR: (_vm, f) => {
    f.stack.pop();
  },
  /** @spec #op-CALL */
  CALL: (vm, f, a) => {
    const args = popN(f, a);
    const selfOrNull = f.stack.pop();
    const callable = f.stack.pop();
    if (selfOrNull !== undefined) args.unshift(selfOrNull);
    vm.callInFrame(f, callable, args, null);
  },
  /** @spec #op-CALL_KW */
  CALL_KW: (vm, f, a) => {
    const kwnames = pop(f);
    const args = popN(f, a);
    const selfOrNull = f.stack.pop();
    const callable = f.stack.pop();
    if (selfOrNull !== undefined) args.unshift(selfOrNull);
    if (!(kwnames instanceof PyTuple) || !kwnames.items.every((k) => typeof k === 'string')) {
      throw pyError('TypeError', 'CALL_KW needs a tuple of keyword names on top of the stack');
    }
    vm.callInFrame(f, callable, args, kwnames.items as string[]);
  },
  /** @spec #op-CALL_INTRINSIC_1 */
  CALL_INTRINSIC_1: (_vm, f, a) => {
    const v = pop(f);
    if (a === 3) {
      /** @spec #generator-stopiteration-conversion */
      if (v instanceof PyException && excMatches(v, builtinType('StopIteration'))) {
        const err = pyError('RuntimeError', 'generator raised StopIteration');
        err.cause = v;
        err.context = v;
        push(f, err);
      } else push(f, v);
    } else if (a === 5) push(f, positive(v));
    else if (a === 6) push(f, new PyTuple(expectList(v, 'INTRINSIC_LIST_TO_TUPLE').items.slice()));
    else throw new Error(`internal: intrinsic ${a} passed the verifier`);
  },
  /** @spec #op-MAKE_FUNCTION */
  MAKE_FUNCTION: (vm, f) => {
    const code = pop(f);
    if (!(code instanceof PyCode)) throw pyError('TypeError', 'MAKE_FUNCTION needs a code object');
    push(f, new PyFunction(code.code, vm.globals, code.code.name));
  },
  /** @spec #op-SET_FUNCTION_ATTRIBUTE */
  SET_FUNCTION_ATTRIBUTE: (_vm, f, a) => {
    const func = pop(f);
    const value = pop(f);
    if (a === 8 && func instanceof PyFunction) {
      setClosure(func, value);
      push(f, func);
      return;
    }
    if ((a === 2 || a === 4) && func instanceof PyFunction) {
      setCallAttribute(func, a, value);
      push(f, func);
      return;
    }
    if (!(func instanceof PyFunction) || !(value instanceof PyTuple)) {
      throw pyError('TypeError', 'SET_FUNCTION_ATTRIBUTE defaults needs a function and a tuple');
    }
    func.defaults = value;
    push(f, func);
  },
  /** @spec #op-RETURN_VALUE */
  RETURN_VALUE: (vm, f) => vm.doReturn(f, pop(f)),
  /** @spec #op-RETURN_CONST */
  RETURN_CONST: (vm, f, a) => vm.doReturn(f, f.code.consts[a] as PyValue),
  /** @spec #op-RETURN_GENERATOR */
  RETURN_GENERATOR: (vm, f) => vm.doReturnGenerator(f),
  /** @spec #op-YIELD_VALUE */
  YIELD_VALUE: (vm, f) => vm.doYield(f, pop(f)),
  /** @spec #op-BUILD_LIST */
  BUILD_LIST: (_vm, f, a) => push(f, new PyList(popN(f, a))),
  /** @spec #op-BUILD_TUPLE */
  BUILD_TUPLE: (_vm, f, a) => push(f, new PyTuple(popN(f, a))),
  /** @spec #op-BUILD_MAP */
  BUILD_MAP: (_vm, f, a) => {
    const flat = popN(f, 2 * a);
    const pairs: [PyValue, PyValue][] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
    push(f, newDict(pairs));
  },
  /** @spec #op-BUILD_CONST_KEY_MAP */
  BUILD_CONST_KEY_MAP: (_vm, f, a) => {
    const keys = pop(f);
    const values = popN(f, a);
    if (!(keys instanceof PyTuple) || keys.items.length !== a) throw pyError('TypeError', 'bad BUILD_CONST_KEY_MAP keys');
    push(f, newDict(values.map((v, i) => [keys.items[i]!, v])));
  },
  /** @spec #op-BUILD_SLICE */
  BUILD_SLICE: (_vm, f, a) => {
    const step = a === 3 ? pop(f) : null;
    const stop = pop(f);
    const start = pop(f);
    push(f, new PySlice(start, stop, step));
  },
  /** @spec #op-BUILD_STRING */
  BUILD_STRING: (_vm, f, a) => {
    const parts = popN(f, a);
    for (const p of parts) if (typeof p !== 'string') throw pyError('TypeError', `BUILD_STRING needs str pieces, got ${typeName(p)}`);
    push(f, parts.join(''));
  },
  /** @spec #op-LIST_APPEND */
  LIST_APPEND: (_vm, f, a) => {
    const v = pop(f);
    expectList(f.stack[f.stack.length - a], 'LIST_APPEND').items.push(v);
  },
  /** @spec #op-LIST_EXTEND */
  LIST_EXTEND: (vm, f, a) => {
    const iterable = pop(f);
    appendAll(expectList(f.stack[f.stack.length - a], 'LIST_EXTEND').items, starItems(iterable, vm));
  },
  /** @spec #op-MAP_ADD */
  MAP_ADD: (_vm, f, a) => {
    const value = pop(f);
    const key = pop(f);
    const d = f.stack[f.stack.length - a];
    if (!(d instanceof PyDict)) throw pyError('TypeError', `MAP_ADD needs a dict, got ${typeName(d as PyValue)}`);
    dictSet(d, key, value);
  },
  /** @spec #op-BINARY_SUBSCR */
  BINARY_SUBSCR: (_vm, f) => {
    const key = pop(f);
    const container = pop(f);
    push(f, getItem(container, key));
  },
  /** @spec #op-STORE_SUBSCR */
  STORE_SUBSCR: (vm, f) => {
    const key = pop(f);
    const container = pop(f);
    const value = pop(f);
    setItem(container, key, value, vm);
  },
  /** @spec #op-DELETE_SUBSCR */
  DELETE_SUBSCR: (_vm, f) => {
    const key = pop(f);
    const container = pop(f);
    delItem(container, key);
  },
  /** @spec #op-BINARY_SLICE */
  BINARY_SLICE: (_vm, f) => {
    const stop = pop(f);
    const start = pop(f);
    const container = pop(f);
    push(f, getSlice(container, start, stop));
  },
  /** @spec #op-STORE_SLICE */
  STORE_SLICE: (vm, f) => {
    const stop = pop(f);
    const start = pop(f);
    const container = pop(f);
    const value = pop(f);
    setSlice(container, start, stop, value, vm);
  },
  /** @spec #op-LOAD_ATTR */
  LOAD_ATTR: (_vm, f, a) => {
    const owner = pop(f);
    const name = f.code.names[a >> 1]!;
    if (a & 1) {
      const m = loadMethod(owner, name);
      if ('method' in m) {
        push(f, m.method);
        push(f, m.self);
      } else {
        push(f, m.attr);
        push(f, undefined);
      }
    } else push(f, loadAttr(owner, name));
  },
  /** @spec #op-UNPACK_SEQUENCE */
  UNPACK_SEQUENCE: (vm, f, a) => {
    const v = pop(f);
    const items = v instanceof PyTuple || v instanceof PyList ? v.items : unpackIterable(v, a + 1, vm);
    if (items.length < a) throw pyError('ValueError', `not enough values to unpack (expected ${a}, got ${items.length})`);
    if (items.length > a) throw pyError('ValueError', `too many values to unpack (expected ${a})`);
    for (let i = items.length - 1; i >= 0; i--) push(f, items[i]);
  },
  /** @spec #op-FORMAT_SIMPLE */
  FORMAT_SIMPLE: (_vm, f) => {
    const v = pop(f);
    push(f, typeof v === 'string' ? v : formatValue(v, ''));
  },
  /** @spec #op-FORMAT_WITH_SPEC */
  FORMAT_WITH_SPEC: (_vm, f) => {
    const spec = pop(f);
    const v = pop(f);
    if (typeof spec !== 'string') throw pyError('TypeError', `format spec must be a str, got ${typeName(spec)}`);
    push(f, formatValue(v, spec));
  },
  /** @spec #op-CONVERT_VALUE */
  CONVERT_VALUE: (_vm, f, a) => {
    const v = pop(f);
    push(f, a === 1 ? str(v) : a === 2 ? repr(v) : ascii(v));
  },
  /** @spec #op-PUSH_EXC_INFO */
  PUSH_EXC_INFO: (vm, f) => {
    const exc = pop(f);
    const slot = vm.excSlots[vm.excSlots.length - 1]!;
    push(f, slot.handled);
    slot.handled = exc instanceof PyException ? exc : null;
    push(f, exc);
  },
  /** @spec #op-POP_EXCEPT */
  POP_EXCEPT: (vm, f) => {
    const prev = pop(f);
    vm.excSlots[vm.excSlots.length - 1]!.handled = prev instanceof PyException ? prev : null;
  },
  /** @spec #op-CHECK_EXC_MATCH */
  CHECK_EXC_MATCH: (_vm, f) => {
    const spec = pop(f);
    push(f, excMatches(top(f) as PyException, spec));
  },
  /** @spec #op-RERAISE */
  RERAISE: (vm, f, a) => {
    const exc = pop(f);
    if (a) {
      const lasti = pop(f);
      if (typeof lasti === 'number') vm.reraiseLasti = lasti;
    }
    if (!(exc instanceof PyException)) throw pyError('TypeError', 'exceptions must derive from BaseException');
    vm.reraising = true;
    throw exc;
  },
  /** @spec #op-RAISE_VARARGS */
  RAISE_VARARGS: (vm, f, a) => {
    if (a === 0) {
      const active = vm.topmostHandled();
      if (active === null) throw pyError('RuntimeError', 'No active exception to reraise');
      vm.reraising = true;
      throw active;
    }
    const cause = a === 2 ? pop(f) : undefined;
    const exc = toException(pop(f), 'exceptions must derive from BaseException');
    if (cause !== undefined) exc.cause = cause === null ? null : toException(cause, 'exception causes must derive from BaseException');
    throw exc;
  },
  /** @spec #op-LOAD_ASSERTION_ERROR */
  LOAD_ASSERTION_ERROR: (_vm, f) => push(f, builtinType('AssertionError')),
  /** @spec #op-ENTER_EXECUTOR */
  ENTER_EXECUTOR: (vm, f, a) => vm.optimizers.enter(f, a),
  ...GENERATOR_HANDLERS,
  ...SET_HANDLERS,
  ...MODULE_HANDLERS,
  ...CLOSURE_HANDLERS,
  ...CALLS_HANDLERS,
};

/** Take at most `limit` items, as CPython does (an infinite iterator still fails fast). */
function unpackIterable(v: PyValue, limit: number, vm: Vm): PyValue[] {
  let it: PyValue;
  try {
    it = getIter(v);
  } catch (e) {
    if (e instanceof PyException && e.type === builtinType('TypeError')) {
      throw pyError('TypeError', `cannot unpack non-iterable ${typeName(v)} object`);
    }
    throw e;
  }
  const items: PyValue[] = [];
  while (items.length < limit) {
    const next = iterNext(it, vm);
    if (next === undefined) break;
    items.push(next);
  }
  return items;
}

function expectList(v: Slot, what: string): PyList {
  if (!(v instanceof PyList)) throw pyError('TypeError', `${what} needs a list, got ${v === undefined ? 'NULL' : typeName(v)}`);
  return v;
}

/** Dispatch by CPython opcode number; with `overrides` for the instructions that differ. */
export function dispatchTable(overrides: Partial<Record<Opcode, Handler>> = {}): Handler[] {
  const table = new Array<Handler>(256);
  for (const d of INSTRUCTIONS) table[d.opcode] = overrides[d.name] ?? HANDLERS[d.name];
  return table;
}

/** The interpreter with no optimizer registered: hotspots are not counted at all. */
export const DISPATCH: Handler[] = dispatchTable();

/** What vm.step() runs: the interpreter alone; an installed executor is seen through. @spec #single-step */
export const STEP_DISPATCH: Handler[] = dispatchTable({
  ENTER_EXECUTOR: (vm, f, a) => {
    const slot = executorSlots(f.code)[a]!;
    DISPATCH[slot.originalOp]!(vm, f, slot.originalArg);
  },
});
