/** Attribute lookup (LOAD_ATTR) on builtin objects: methods, data attributes, descriptors on types, CPython's errors. */
import { dataAttr, descriptorOn } from './attr_data';
import { methodsOf, staticMethods, typeMethods } from './attr_methods';
import { raise } from './exceptions';
import { isMethodDescriptor, methodDescriptor } from './methodtable';
import { PyModule } from './module';
import { AttributeError, typeName, typeOf } from './types';
import { PyBoundMethod, PyType, type PyBuiltin, type PyValue } from './values';

function missing(obj: PyValue, name: string): never {
  if (obj instanceof PyType) raise(AttributeError, `type object '${obj.name}' has no attribute '${name}'`);
  /** @spec #module-objects */
  if (obj instanceof PyModule) raise(AttributeError, `module '${obj.name}' has no attribute '${name}'`);
  const kind = isMethodDescriptor(obj) ? 'method_descriptor' : typeName(obj);
  return raise(AttributeError, `'${kind}' object has no attribute '${name}'`);
}

/**
 * LOAD_ATTR without the method bit: methods come back bound (PyBoundMethod); on a type,
 * `list.append` is the plain method taking the receiver first.
 * @spec #op-LOAD_ATTR
 */
export function loadAttr(obj: PyValue, name: string): PyValue {
  const m = methodsOf(obj)?.get(name);
  if (m) return new PyBoundMethod(obj, m);
  const d = dataAttr(obj, name);
  if (d !== undefined) return d;
  if (obj instanceof PyType) {
    const tm = typeMethods(obj)?.get(name);
    if (tm) return methodDescriptor(tm, obj);
    const dd = descriptorOn(obj, name);
    if (dd) return dd;
  }
  const sm = staticMethods(obj instanceof PyType ? obj : typeOf(obj))?.get(name);
  if (sm) return sm;
  return missing(obj, name);
}

export type MethodLookup = { readonly method: PyBuiltin; readonly self: PyValue } | { readonly attr: PyValue };

/**
 * LOAD_ATTR with the method bit: `{method, self}` for a method of the object's type (push
 * method, self; call it with self as the first argument), else `{attr}` (push attr, NULL).
 * @spec #call-method
 */
export function loadMethod(obj: PyValue, name: string): MethodLookup {
  const m = methodsOf(obj)?.get(name);
  if (m) return { method: m, self: obj };
  return { attr: loadAttr(obj, name) };
}
