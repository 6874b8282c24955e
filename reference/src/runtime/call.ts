/** Calling builtin functions, bound builtin methods and types. */
import { typeError } from './exceptions';
import { PyBoundMethod, PyBuiltin, PyType, type Host, type PyValue } from './values';

/**
 * Call a native callable. A bound method passes its receiver as args[0]; a type runs its
 * constructor ("cannot create 'X' instances" when it has none).
 * @spec #call-builtin
 */
export function callNative(
  callee: PyBuiltin | PyType | PyBoundMethod,
  args: PyValue[],
  kwargs: ReadonlyMap<string, PyValue> | null,
  host: Host,
): PyValue {
  if (callee instanceof PyBuiltin) return callee.impl(args, kwargs, host);
  if (callee instanceof PyBoundMethod) return callee.func.impl([callee.self, ...args], kwargs, host);
  if (callee.construct === null) return typeError(`cannot create '${callee.name}' instances`);
  return callee.construct(args, kwargs, host);
}
