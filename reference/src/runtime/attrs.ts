/** Attribute lookup (LOAD_ATTR) on builtin objects. */
import { PyModule } from './module';
import { raise } from './exceptions';
import { AttributeError, StopIteration, dictType, frozensetType, isSubtype, listType, setType, strType, typeName } from './types';
import { dictMethods } from './methods_dict';
import { delegateOf, generatorMethods, isGenerator } from './methods_generator';
import { listMethods } from './methods_list';
import { frozensetMethods, setMethods } from './methods_set';
import { PySet } from './setobject';
import { strMethods } from './methods_str';
import { dictStaticMethods } from './methods_dict_class';
import { boolClassMethods, floatClassMethods, floatMethods, intClassMethods, intMethods, numberAttr } from './methods_number';
import { rangeMethods, tupleMethods } from './methods_seq';
import { itemsViewMethods, keysViewMethods } from './methods_view';
import { dataDescriptor, PyDataDescriptor, type DescriptorKind } from './descriptor';
import { strTextMethods } from './methods_str_text';
import { strStaticMethods } from './strtranslate';
import { floatType, intType, boolType, typeType, dictItemsType, dictKeysType, generatorType, rangeType, tupleType } from './types';
import { isMethodDescriptor, lazyTable, mergedTable, methodDescriptor } from './methodtable';
import type { MethodTable } from './methodtable';
import { PyCode } from '../isa/code';
import { typeOf } from './types';
import { PyFloat } from './values';
import { PyBoundMethod, PyBuiltin, PyDict, PyDictView, PyException, PyFunction, PyGenerator, PyList, PyObject, PyRange, PyTuple, PyType, type PyValue } from './values';
import { noArgs } from './args';

const strAllMethods = mergedTable(strMethods, strTextMethods);

/** Static and class methods (str.maketrans, dict.fromkeys): found on the type and its instances. */
function staticMethods(t: PyType): MethodTable | null {
  if (t === strType) return strStaticMethods();
  if (t === dictType) return dictStaticMethods();
  if (t === floatType) return floatClassMethods();
  if (t === intType) return intClassMethods();
  if (t === boolType) return boolClassMethods();
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
  if (obj instanceof PyTuple) return tupleMethods();
  if (obj instanceof PyRange) return rangeMethods();
  if (obj instanceof PyDictView && obj.what !== 'values') return obj.what === 'keys' ? keysViewMethods() : itemsViewMethods();
  if (obj instanceof PyCode) return codeMethods();
  // `int.mro()` is bound to int; `type.mro` is the unbound method of the metaclass (typeMethods).
  if (obj instanceof PyType && obj !== typeType) return typeTypeMethods();
  return null;
}

/** code.replace(), also found on the code type; PyCode.getAttr implements it. */
const codeMethods = lazyTable('code', () => ({
  replace: (args, kw, host) => ((args[0] as PyCode).getAttr('replace') as PyBuiltin).impl(args.slice(1), kw, host),
}));

function typeMethods(t: PyType): MethodTable | null {
  if (t === strType) return strAllMethods();
  if (t === intType || t === boolType) return intMethods();
  if (t === floatType) return floatMethods();
  if (t === listType) return listMethods();
  if (t === dictType) return dictMethods();
  if (t === setType) return setMethods();
  if (t === frozensetType) return frozensetMethods();
  if (t === tupleType) return tupleMethods();
  if (t === rangeType) return rangeMethods();
  if (t === generatorType) return generatorMethods();
  if (t === dictKeysType) return keysViewMethods();
  if (t === dictItemsType) return itemsViewMethods();
  if (t === typeType) return typeTypeMethods();
  if (t.name === 'code' && t.construct === null) return codeMethods(); // the type of code objects (types.ts makes it on first use)
  return null;
}

/**
 * The data attributes of each type's instances, with the kind of descriptor CPython's type holds for
 * each (`int.real`); a subtype (bool, ValueError) inherits its base's.
 */
const INSTANCE_DATA: Readonly<Record<string, Readonly<Record<string, DescriptorKind>>>> = {
  int: { real: 'getset_descriptor', imag: 'getset_descriptor', numerator: 'getset_descriptor', denominator: 'getset_descriptor' },
  float: { real: 'getset_descriptor', imag: 'getset_descriptor' },
  BaseException: { args: 'getset_descriptor', __cause__: 'getset_descriptor', __context__: 'getset_descriptor' },
  StopIteration: { value: 'member_descriptor' },
  range: { start: 'member_descriptor', stop: 'member_descriptor', step: 'member_descriptor' },
  function: { __code__: 'getset_descriptor', __closure__: 'member_descriptor' },
  cell: { cell_contents: 'getset_descriptor' },
  code: { co_name: 'member_descriptor', co_argcount: 'member_descriptor' },
  generator: { gi_running: 'getset_descriptor', gi_suspended: 'getset_descriptor', gi_yieldfrom: 'getset_descriptor', gi_code: 'getset_descriptor' },
};

/** A generator's gi_running, gi_suspended, gi_yieldfrom (the delegate a `yield from` waits on) and gi_code. */
function generatorAttr(gen: PyGenerator, name: string): PyValue | undefined {
  if (name === 'gi_running') return gen.state === 'running';
  if (name === 'gi_suspended') return gen.state === 'suspended';
  if (name === 'gi_yieldfrom') return delegateOf(gen);
  if (name === 'gi_code') return new PyCode(gen.frame.code);
  return undefined;
}

/** `int.real`: the descriptor of an instance data attribute, looked up on the type. @spec #attribute-names */
function descriptorOn(t: PyType, name: string): PyDataDescriptor | undefined {
  for (let c: PyType | null = t; c !== null; c = c.base) {
    const kind = INSTANCE_DATA[c.name]?.[name];
    if (kind) return dataDescriptor(kind, name, c);
  }
  return undefined;
}

/** The methods of type objects (the metaclass `type`'s): mro() lists the type and its bases, nearest first. */
const typeTypeMethods = lazyTable('type', () => ({
  mro: (args, kw) => {
    noArgs('type.mro', args, kw, 1);
    const chain: PyValue[] = [];
    for (let c: PyType | null = args[0] as PyType; c !== null; c = c.base) chain.push(c);
    return new PyList(chain);
  },
}));

/** Every method table the lookup consults (attrnames.ts probes their names on every kind). */
export function allMethodTables(): MethodTable[] {
  return [strAllMethods(), intMethods(), floatMethods(), listMethods(), dictMethods(), setMethods(), frozensetMethods(),
    generatorMethods(), strStaticMethods(), dictStaticMethods(), floatClassMethods(), intClassMethods(), boolClassMethods(), tupleMethods(), rangeMethods(), keysViewMethods(), itemsViewMethods(),
    codeMethods(), typeTypeMethods()];
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
  if (obj instanceof PyRange && (name === 'start' || name === 'stop' || name === 'step')) return obj[name];
  if (obj instanceof PyGenerator) {
    const g = generatorAttr(obj, name);
    if (g !== undefined) return g;
  }
  if (name === '__name__') {
    if (obj instanceof PyType || obj instanceof PyFunction || obj instanceof PyBuiltin || obj instanceof PyGenerator) return obj.name;
    if (obj instanceof PyBoundMethod) return obj.func.name;
    if (obj instanceof PyModule || obj instanceof PyDataDescriptor) return obj.name;
  }
  return undefined;
}

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
