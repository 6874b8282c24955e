/**
 * The `yield from` instructions: GET_YIELD_FROM_ITER, SEND, END_SEND, CLEANUP_THROW. Spread into
 * HANDLERS (handlers.ts). A generator receiver runs as a frame of its own on top of the delegating
 * one, as CPython 3.13's SEND_GEN does.
 * @spec #generator-delegation
 */
import type { Opcode } from '../isa/table';
import { loadAttr } from '../runtime/attrs';
import { excMatches } from '../runtime/exceptions';
import { getIter, isIterator, iterNext } from '../runtime/iter';
import { PyException, PyGenerator, type PyValue } from '../runtime/values';
import { builtinType, pyError } from './errors';
import type { Frame } from './frame';
import type { Handler } from './handlers';
import type { Vm } from './vm';

type YieldFromOp = 'GET_YIELD_FROM_ITER' | 'SEND' | 'END_SEND' | 'CLEANUP_THROW';

const pop = (f: Frame): PyValue => f.stack.pop() as PyValue;

/**
 * SEND's slow path: the next value of a receiver that is not a resumable generator, or
 * `{ returned }` when it is exhausted (a StopIteration's value; None when it just ends).
 */
function sendSlow(vm: Vm, receiver: PyValue, sent: PyValue): { yielded: PyValue } | { returned: PyValue } {
  try {
    if (receiver instanceof PyGenerator) {
      const r = vm.resume(receiver, sent);
      return r.done ? { returned: r.value } : { yielded: r.value };
    }
    if (sent === null && isIterator(receiver)) {
      const v = iterNext(receiver, vm);
      return v === undefined ? { returned: null } : { yielded: v };
    }
    return { yielded: vm.call(loadAttr(receiver, 'send'), [sent]) };
  } catch (e) {
    if (e instanceof PyException && excMatches(e, builtinType('StopIteration'))) return { returned: e.value };
    throw e;
  }
}

export const GENERATOR_HANDLERS: { readonly [K in YieldFromOp & Opcode]: Handler } = {
  /** @spec #op-GET_YIELD_FROM_ITER */
  GET_YIELD_FROM_ITER: (_vm, f) => {
    const v = pop(f);
    f.stack.push(v instanceof PyGenerator ? v : getIter(v));
  },
  /** @spec #op-SEND */
  SEND: (vm, f, a) => {
    const sent = pop(f);
    const receiver = f.stack[f.stack.length - 1] as PyValue;
    if (receiver instanceof PyGenerator && (receiver.state === 'created' || receiver.state === 'suspended')) {
      vm.resumeFromSend(f, receiver, sent, a);
      return;
    }
    const r = sendSlow(vm, receiver, sent);
    if ('yielded' in r) f.stack.push(r.yielded);
    else {
      f.stack.push(r.returned);
      f.ip = a;
    }
  },
  /** @spec #op-END_SEND */
  END_SEND: (_vm, f) => {
    const value = pop(f);
    f.stack.pop();
    f.stack.push(value);
  },
  /** @spec #op-CLEANUP_THROW */
  CLEANUP_THROW: (vm, f) => {
    const exc = pop(f);
    if (!(exc instanceof PyException)) throw pyError('TypeError', 'CLEANUP_THROW needs an exception on top of the stack');
    if (excMatches(exc, builtinType('StopIteration'))) {
      f.stack.length -= 2;
      f.stack.push(null, exc.value);
      return;
    }
    vm.reraising = true;
    throw exc;
  },
};
