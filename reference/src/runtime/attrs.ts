/** Attribute lookup (LOAD_ATTR) on builtin objects. */
import { PyModule } from './module';
import { raise } from './exceptions';
import { AttributeError, StopIteration, dictType, frozensetType, isSubtype, listType, setType, strType, typeName } from './types';
import { dictMethods } from './methods_dict';
import { generatorMethods, isGenerator } from './methods_generator';
import { listMethods } from './methods_list';
import { frozensetMethods, setMethods } from './methods_set';
import { PySet } from './setobject';
import { strMethods } from './methods_str';
import { dictStaticMethods } from './methods_dict_class';
import { floatMethods, intMethods, numberAttr } from './methods_number';
import { strTextMethods } from './methods_str_text';
import { strStaticMethods } from './strtranslate';
import { floatType, intType, boolType } from './types';
import { mergedTable, methodDescriptor } from './methodtable';
import type { MethodTable } from './methodtable';
import { PyCode } from '../isa/code';
import { typeOf } from './types';
import { PyFloat } from './values';
import { PyBoundMethod, PyBuiltin, PyDict, PyException, PyFunction, PyList, PyObject, PyType, type PyValue } from './values';

const strAllMethods = mergedTable(strMethods, strTextMethods);

/** Static and class methods (str.maketrans, dict.fromkeys): found on the type and its instances. */
function staticMethods(t: PyType): MethodTable | null {
  if (t === strType) return strStaticMethods();
  if (t === dictType) return dictStaticMethods();
  return null;
}

function methodsOf(obj: PyValue): MethodTable | null {
  if (obj instanceof PySet) return obj.frozen ? frozensetMethods() : setMethods();
  if (typeof obj === 'string') return strAllMethods();
  if (typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean') return intMethods();
  if (obj instanceof PyFloat) return floatMethods();
  if (obj instanceof PyList) return listMethods();
  if (obj instanceof PyDict) return dictMethods();
  if (isGenerator(obj)) return generatorMethods();
  return null;
}

function typeMethods(t: PyType): MethodTable | null {
  if (t === strType) return strAllMethods();
  if (t === intType || t === boolType) return intMethods();
  if (t === floatType) return floatMethods();
  if (t === listType) return listMethods();
  if (t === dictType) return dictMethods();
  if (t === setType) return setMethods();
  if (t === frozensetType) return frozensetMethods();
  return null;
}

/** Data attributes: exception args / StopIteration.value / __cause__ / __context__, __name__. */
function dataAttr(obj: PyValue, name: string): PyValue | undefined {
  if (obj instanceof PyObject && obj.getAttr) {
    const v = obj.getAttr(name);
    if (v !== undefined) return v;
  }
  if (obj instanceof PyFunction && name === '__code__') return new PyCode(obj.code);
  /** @spec #closure-attributes */
  if (obj instanceof PyFunction && name === '__closure__') return obj.closure;
  if (obj instanceof PyException) {
    if (name === 'args') return obj.args;
    if (name === 'value' && isSubtype(obj.type, StopIteration)) return obj.value;
    if (name === '__cause__') return obj.cause;
    if (name === '__context__') return obj.context;
  }
  const n = numberAttr(obj, name);
  if (n !== undefined) return n;
  if (name === '__name__') {
    if (obj instanceof PyType || obj instanceof PyFunction || obj instanceof PyBuiltin) return obj.name;
  }
  return undefined;
}

function missing(obj: PyValue, name: string): never {
  if (obj instanceof PyType) raise(AttributeError, `type object '${obj.name}' has no attribute '${name}'`);
  /** @spec #module-objects */
  if (obj instanceof PyModule) raise(AttributeError, `module '${obj.name}' has no attribute '${name}'`);
  return raise(AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
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
