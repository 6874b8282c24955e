/** Calling a key function (sorted/min/max key=). */
import { callNative } from './call';
import { typeError } from './exceptions';
import { typeName } from './types';
import { PyBoundMethod, PyBuiltin, PyType, type Host, type PyValue } from './values';

/** Natives are called directly; Python functions need `host.call`. @spec #call-builtin */
export function callKey(key: PyValue, v: PyValue, host: Host): PyValue {
  if (key instanceof PyBuiltin || key instanceof PyType || key instanceof PyBoundMethod) {
    return callNative(key, [v], null, host);
  }
  if (host.call) return host.call(key, [v]);
  // Not CPython: only a host with call() can run a Python key function from inside a builtin.
  return typeError(`key functions of type '${typeName(key)}' are not supported by this host`);
}
