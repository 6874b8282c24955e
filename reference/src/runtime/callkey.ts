/** Calling a key function (sorted/min/max key=). */
import { callNative } from './call';
import { typeError } from './exceptions';
import { typeName } from './types';
import { PyBoundMethod, PyBuiltin, PyType, type Host, type PyValue } from './values';

/** Natives are called directly; Python functions need `host.call`. @spec #call-builtin */
export function callKey(key: PyValue, v: PyValue, host: Host): PyValue {
  return callValue(key, [v], host);
}

/** Call any callable from inside a builtin (a key function, map's function). @spec #call-builtin */
export function callValue(f: PyValue, args: PyValue[], host: Host): PyValue {
  if (f instanceof PyBuiltin || f instanceof PyType || f instanceof PyBoundMethod) return callNative(f, args, null, host);
  if (host.call) return host.call(f, args);
  // Not CPython: only a host with call() can run a Python function from inside a builtin.
  return typeError(`functions of type '${typeName(f)}' cannot be called from a builtin by this host`);
}
