/** The method tables attribute lookup consults, per receiver: instances, type objects, class methods. */
import { dictMethods } from './methods_dict';
import { dictStaticMethods } from './methods_dict_class';
import { generatorMethods, isGenerator } from './methods_generator';
import { listMethods } from './methods_list';
import { boolClassMethods, floatClassMethods, floatMethods, intClassMethods, intMethods } from './methods_number';
import { rangeMethods, tupleMethods } from './methods_seq';
import { frozensetMethods, setMethods } from './methods_set';
import { strMethods } from './methods_str';
import { strTextMethods } from './methods_str_text';
import { itemsViewMethods, keysViewMethods } from './methods_view';
import { lazyTable, mergedTable, type MethodTable } from './methodtable';
import { noArgs } from './args';
import { PySet } from './setobject';
import { strStaticMethods } from './strtranslate';
import {
  boolType, dictItemsType, dictKeysType, dictType, floatType, frozensetType, generatorType, intType, listType, rangeType, setType, strType,
  tupleType, typeType,
} from './types';
import { PyCode } from '../isa/code';
import { PyBuiltin, PyDict, PyDictView, PyFloat, PyList, PyRange, PyTuple, PyType, type PyValue } from './values';

const strAllMethods = mergedTable(strMethods, strTextMethods);

/** Static and class methods (str.maketrans, dict.fromkeys): found on the type and its instances. */
export function staticMethods(t: PyType): MethodTable | null {
  if (t === strType) return strStaticMethods();
  if (t === dictType) return dictStaticMethods();
  if (t === floatType) return floatClassMethods();
  if (t === intType) return intClassMethods();
  if (t === boolType) return boolClassMethods();
  return null;
}

export function methodsOf(obj: PyValue): MethodTable | null {
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

/** The methods of type objects (the metaclass `type`'s): mro() lists the type and its bases, nearest first. */
const typeTypeMethods = lazyTable('type', () => ({
  mro: (args, kw) => {
    noArgs('type.mro', args, kw, 1);
    const chain: PyValue[] = [];
    for (let c: PyType | null = args[0] as PyType; c !== null; c = c.base) chain.push(c);
    return new PyList(chain);
  },
}));

export function typeMethods(t: PyType): MethodTable | null {
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

/** Every method table the lookup consults (attrnames.ts probes their names on every kind). */
export function allMethodTables(): MethodTable[] {
  return [strAllMethods(), intMethods(), floatMethods(), listMethods(), dictMethods(), setMethods(), frozensetMethods(),
    generatorMethods(), strStaticMethods(), dictStaticMethods(), floatClassMethods(), intClassMethods(), boolClassMethods(), tupleMethods(), rangeMethods(), keysViewMethods(), itemsViewMethods(),
    codeMethods(), typeTypeMethods()];
}
