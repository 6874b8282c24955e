/**
 * generator.send / throw / close, with CPython 3.13's delegation through `yield from`
 * (Objects/genobject.c: gen_send, _gen_throw, gen_close, gen_close_iter).
 * @spec #generator-methods
 */
import type { Frame } from '../interp/frame';
import { executorSlots } from '../isa/code';
import { OP } from '../isa/table';
import { checkPositional, exactlyOne, noArgs, noKwargs } from './args';
import { newException, raise, typeError } from './exceptions';
import { lazyTable } from './methodtable';
import { BaseException, GeneratorExit, RuntimeError, StopIteration, isSubtype, typeName } from './types';
import { PyException, PyGenerator, PyObject, PyType, type Host, type PyValue } from './values';

type Resumed = { done: false; value: PyValue } | { done: true; value: PyValue };

/** CPython's RESUME oparg bit: the yield stands inside no try block but the generator's own. */
const RESUME_DEPTH1 = 4;

const self = (args: PyValue[]): PyGenerator => args[0] as PyGenerator;

/** The instruction as the program has it, seeing through an installed executor. */
function originalAt(frame: Frame, index: number): { op: number; arg: number } {
  const op = frame.code.ops[index]!;
  if (op !== OP.ENTER_EXECUTOR) return { op, arg: frame.code.args[index]! };
  const slot = executorSlots(frame.code)[frame.code.args[index]!]!;
  return { op: slot.originalOp, arg: slot.originalArg };
}

/**
 * The iterator a suspended generator delegates to (CPython's `gi_yieldfrom`): it stopped at the
 * `YIELD_VALUE 1` of a `yield from` loop, whose receiver is the top of its stack.
 * @spec #generator-delegate
 */
export function delegateOf(gen: PyGenerator): PyValue | null {
  if (gen.state !== 'suspended') return null;
  const frame = gen.frame as Frame;
  const at = originalAt(frame, frame.ip - 1);
  if (at.op !== OP.YIELD_VALUE || at.arg !== 1) return null;
  return frame.stack[frame.stack.length - 1] as PyValue;
}

function resumeRaising(gen: PyGenerator, exc: PyException, host: Host): Resumed {
  if (!host.resumeRaising) return typeError('generator.throw() needs a host that can raise into a generator');
  return host.resumeRaising(gen, exc);
}

/** What the generator's own return gives to throw()/send(): StopIteration carrying the value. */
function stopIteration(value: PyValue): PyException {
  return value === null ? newException(StopIteration) : newException(StopIteration, value);
}

/** The optional method `name` of a non-generator delegate (a builtin iterator has none). */
function optionalMethod(obj: PyValue, name: string): PyValue | null {
  if (obj instanceof PyObject && obj.getAttr) return obj.getAttr(name) ?? null;
  return null;
}

function callMethod(method: PyValue, args: PyValue[], host: Host): PyValue {
  if (!host.call) return typeError(`'${typeName(method)}' object is not callable here`);
  return host.call(method, args);
}

/** gen_close_iter: close the delegate; a Python error it raises is returned, not thrown. */
function closeDelegate(delegate: PyValue, host: Host): PyException | null {
  try {
    if (delegate instanceof PyGenerator) closeGenerator(delegate, host);
    else {
      const close = optionalMethod(delegate, 'close');
      if (close !== null) callMethod(close, [], host);
    }
    return null;
  } catch (e) {
    if (e instanceof PyException) return e;
    throw e;
  }
}

/** Run `body` with the delegating generator marked running, as CPython does around its delegate. */
function whileRunning<T>(gen: PyGenerator, body: () => T): T {
  const state = gen.state;
  gen.state = 'running';
  try {
    return body();
  } finally {
    gen.state = state;
  }
}

/**
 * _gen_throw: a generator suspended in `yield from` passes the exception to its delegate first
 * (GeneratorExit closes the delegate instead); whatever the delegate raises, its StopIteration
 * included, is then raised in the delegating generator at its YIELD_VALUE (CLEANUP_THROW).
 * @spec #generator-throw
 */
export function throwInto(gen: PyGenerator, exc: PyException, host: Host): Resumed {
  const delegate = delegateOf(gen);
  if (delegate === null) return resumeRaising(gen, exc, host);
  if (isSubtype(exc.type, GeneratorExit)) {
    const err = whileRunning(gen, () => closeDelegate(delegate, host));
    return resumeRaising(gen, err ?? exc, host);
  }
  let raised: PyException;
  try {
    return whileRunning(gen, (): Resumed => {
      if (delegate instanceof PyGenerator) {
        const r = throwInto(delegate, exc, host);
        if (r.done) throw stopIteration(r.value);
        return r;
      }
      const throwMethod = optionalMethod(delegate, 'throw');
      if (throwMethod === null) throw exc;
      return { done: false, value: callMethod(throwMethod, [exc], host) };
    });
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    raised = e;
  }
  return resumeRaising(gen, raised, host);
}

/** throw(value): an exception instance, or a class called with no arguments. @spec #generator-throw */
function throwable(v: PyValue): PyException {
  if (v instanceof PyException) return v;
  if (v instanceof PyType && isSubtype(v, BaseException)) return newException(v);
  return typeError(`exceptions must be classes or instances deriving from BaseException, not ${typeName(v)}`);
}

/**
 * gen_close: a created generator just closes; a suspended one closes its delegate, then gets
 * GeneratorExit where it stopped (skipped when the yield is in no try block of its own). A yield
 * in answer is a RuntimeError; a return gives close() its value.
 * @spec #generator-close
 */
export function closeGenerator(gen: PyGenerator, host: Host): PyValue {
  if (gen.state === 'created') {
    gen.state = 'closed';
    return null;
  }
  if (gen.state === 'closed') return null;
  const delegate = delegateOf(gen);
  const err = delegate === null ? null : whileRunning(gen, () => closeDelegate(delegate, host));
  const frame = gen.frame as Frame;
  if (gen.state === 'suspended') {
    const at = originalAt(frame, frame.ip);
    if (at.op === OP.RESUME && (at.arg & RESUME_DEPTH1) !== 0) {
      gen.state = 'closed';
      return null;
    }
  }
  let r: Resumed;
  try {
    r = resumeRaising(gen, err ?? newException(GeneratorExit), host);
  } catch (e) {
    if (e instanceof PyException && isSubtype(e.type, GeneratorExit)) return null;
    throw e;
  }
  if (!r.done) return raise(RuntimeError, 'generator ignored GeneratorExit');
  return r.value;
}

/** @spec #generator-methods */
export const generatorMethods = lazyTable('generator', () => ({
  send: (args, kw, host) => {
    const value = exactlyOne('generator.send', args, kw, 1);
    const r = host.resume(self(args), value);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  },
  throw: (args, kw, host) => {
    noKwargs('throw', kw);
    checkPositional('throw', args.length - 1, 1, 3);
    // The deprecated (type, value, traceback) form is outside the subset.
    if (args.length > 2) typeError('generator.throw() with more than one argument is not supported (use throw(exception))');
    const r = throwInto(self(args), throwable(args[1]!), host);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  },
  close: (args, kw, host) => {
    noArgs('generator.close', args, kw, 1);
    return closeGenerator(self(args), host);
  },
}));

/** attrs.ts finds the generator methods on generators. */
export function isGenerator(obj: PyValue): obj is PyGenerator {
  return obj instanceof PyGenerator;
}
