/** Creating, raising, matching and printing Python exceptions. */
import { repr, str } from './repr';
import { BaseException, KeyError, StopIteration, TypeError, isSubtype } from './types';
import { PyException, PyTuple, PyType, type PyValue } from './values';

/** @spec #exception-types */
export function newException(type: PyType, ...args: PyValue[]): PyException {
  const e = new PyException(type, new PyTuple(args));
  if (args.length > 0 && isSubtype(type, StopIteration)) e.value = args[0]!;
  return e;
}

/** Throw a Python exception (the PyException itself, not an Error). @spec #exception-raise */
export function raise(type: PyType, message: string): never {
  throw newException(type, message);
}

export function typeError(message: string): never {
  throw newException(TypeError, message);
}

/** KeyError carries the key itself, not a message. @spec #dict-ops */
export function keyError(key: PyValue): never {
  throw newException(KeyError, key);
}

/**
 * `except spec:` matching. A tuple matches if any member does; every member must be an
 * exception class (CPython checks the whole tuple before matching).
 * @spec #exception-match
 */
export function excMatches(exc: PyException, spec: PyValue): boolean {
  if (spec instanceof PyTuple) {
    for (const t of spec.items) checkCatchable(t);
    return spec.items.some((t) => isSubtype(exc.type, t as PyType));
  }
  checkCatchable(spec);
  return isSubtype(exc.type, spec as PyType);
}

function checkCatchable(t: PyValue): void {
  if (!(t instanceof PyType) || !isSubtype(t, BaseException)) {
    typeError('catching classes that do not inherit from BaseException is not allowed');
  }
}

/** str(exc). @spec #exception-message */
export function exceptionStr(exc: PyException): string {
  const args = exc.args.items;
  if (args.length === 0) return '';
  if (args.length === 1) return exc.type === KeyError || isSubtype(exc.type, KeyError) ? repr(args[0]!) : str(args[0]!);
  return repr(exc.args);
}

/** repr(exc): `ValueError('x')`, `ValueError()`, `ValueError(1, 2)`. @spec #exception-message */
export function exceptionRepr(exc: PyException): string {
  const args = exc.args.items;
  if (args.length === 1) return `${exc.type.name}(${repr(args[0]!)})`;
  return exc.type.name + repr(exc.args);
}
