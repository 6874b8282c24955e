/**
 * The attribute names the VM implements, per kind of value: what LOAD_ATTR finds on one sample of
 * each kind, probed through the VM's own lookup (attrs.ts), so the table cannot drift from it.
 * `npm run gen:attrs` writes it to spec/vm-attrs.json for the importer, which accepts `x.name` only
 * where every kind either has the name here or lacks it in CPython 3.13 too
 * (spec/cpython-attrs.generated.json).
 * @spec #attribute-names
 */
import { assemble } from '../isa/assembler';
import { PyCode } from '../isa/code';
import { allMethodTables } from './attr_methods';
import { loadAttr } from './attrs';
import { BUILTINS } from './builtins';
import { PyCell } from './cell';
import { getIter } from './iter';
import { MATH_MODULE } from './math';
import { PySet, PySetIterator } from './setobject';
import { EXCEPTION_TYPES, typeOf, intType, listType, rangeType, boolType, typeType, objectType } from './types';
import {
  PyDict, PyDictView, PyEnumerate, PyException, PyFilter, PyFloat, PyFunction, PyGenerator, PyList, PyMap,
  PyPlainObject, PyRange, PyReversed, PyTuple, PyType, PyZip, type PyValue,
} from './values';

function sampleCode() {
  const r = assemble('f', 'RESUME 0\nRETURN_CONST None\n');
  if (!r.ok) throw new Error(`internal: ${r.error.message}`);
  return r.code;
}

function sampleDict(): PyDict {
  const d = BUILTINS.get('dict') as PyType;
  return d.construct!([new PyList([new PyTuple([1, 2])])], null, {} as never) as PyDict;
}

function sampleSet(frozen: boolean): PySet {
  const t = BUILTINS.get(frozen ? 'frozenset' : 'set') as PyType;
  return t.construct!([new PyList([1])], null, {} as never) as PySet;
}

/**
 * Values of every instance kind, keyed by CPython's `type(v).__name__` (method_descriptor: the VM's
 * `list.append`); a kind whose values the VM represents in several ways has one of each.
 */
export function instanceSamples(): Map<string, PyValue[]> {
  const code = sampleCode();
  const fn = new PyFunction(code, new Map(), 'f');
  const dict = sampleDict();
  const samples: [string, PyValue][] = [
    ['int', 1],
    ['int', 2n ** 70n],
    ['bool', true],
    ['float', new PyFloat(1.5)],
    ['str', 'a'],
    ['list', new PyList([1])],
    ['tuple', new PyTuple([1])],
    ['dict', dict],
    ['set', sampleSet(false)],
    ['frozenset', sampleSet(true)],
    ['range', new PyRange(0, 3, 1)],
    ['NoneType', null],
    ['function', fn],
    ['builtin_function_or_method', BUILTINS.get('len')!],
    ['builtin_function_or_method', loadAttr(new PyList([]), 'append')],
    ['builtin_function_or_method', loadAttr(MATH_MODULE, 'sqrt')],
    ['method_descriptor', loadAttr(listType, 'append')],
    ['method_descriptor', loadAttr(typeType, 'mro')],
    ['generator', new PyGenerator('g', { code })],
    ['list_iterator', getIter(new PyList([1]))],
    ['tuple_iterator', getIter(new PyTuple([1]))],
    ['str_ascii_iterator', getIter('a')],
    ['str_iterator', getIter('\u00e9')],
    ['range_iterator', getIter(new PyRange(0, 3, 1))],
    ['longrange_iterator', getIter(new PyRange(0, 2n ** 64n, 1))],
    ['dict_keyiterator', getIter(dict)],
    ['dict_valueiterator', getIter(new PyDictView(dict, 'values'))],
    ['dict_itemiterator', getIter(new PyDictView(dict, 'items'))],
    ['dict_keys', new PyDictView(dict, 'keys')],
    ['dict_values', new PyDictView(dict, 'values')],
    ['dict_items', new PyDictView(dict, 'items')],
    ['set_iterator', new PySetIterator(sampleSet(false))],
    ['enumerate', new PyEnumerate(getIter(new PyList([])), 0)],
    ['zip', new PyZip([])],
    ['list_reverseiterator', new PyReversed(new PyList([]), -1)],
    ['reversed', new PyReversed(new PyTuple([1]), 0)],
    ['map', new PyMap(BUILTINS.get('abs')!, [])],
    ['filter', new PyFilter(null, getIter(new PyList([])))],
    ['object', new PyPlainObject()],
    ['code', new PyCode(code)],
    ['cell', new PyCell(1)],
    ['getset_descriptor', loadAttr(intType, 'real')],
    ['member_descriptor', loadAttr(rangeType, 'start')],
  ];
  for (const t of EXCEPTION_TYPES) samples.push([t.name, new PyException(t, new PyTuple([]))]);
  const kinds = new Map<string, PyValue[]>();
  for (const [kind, v] of samples) kinds.set(kind, [...(kinds.get(kind) ?? []), v]);
  return kinds;
}

/** Every kind: the instances, the type object of each (`type[int]`), `type[type]`, `type[object]`, `module[math]`. */
export function kindSamples(): Map<string, PyValue[]> {
  const kinds = instanceSamples();
  for (const [kind, vs] of [...kinds]) {
    const t = kind === 'method_descriptor' ? null : typeOf(vs[0]!);
    if (t) kinds.set(`type[${t.name}]`, [t]);
  }
  kinds.set('type[bool]', [boolType]);
  kinds.set('type[type]', [typeType]);
  kinds.set('type[object]', [objectType]);
  kinds.set('module[math]', [MATH_MODULE]);
  return new Map([...kinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether LOAD_ATTR finds `name` on `obj` (an AttributeError means no; any other outcome means yes). */
export function vmHasAttr(obj: PyValue, name: string): boolean {
  try {
    loadAttr(obj, name);
    return true;
  } catch (e) {
    if (e instanceof PyException && e.type.name === 'AttributeError') return false;
    if (e instanceof PyException) return true;
    throw e;
  }
}

/** The VM's method names, on any receiver: probed on every kind so a method CPython lacks there shows up. */
export function vmMethodNames(): Set<string> {
  return new Set(allMethodTables().flatMap((t) => [...t.keys()]));
}

/** kind -> the sorted names LOAD_ATTR finds among `candidates` on every value of the kind. */
export function vmAttributeTable(candidates: Iterable<string>): Record<string, string[]> {
  const names = [...new Set(candidates)].sort();
  const table: Record<string, string[]> = {};
  for (const [kind, samples] of kindSamples()) table[kind] = names.filter((n) => samples.every((v) => vmHasAttr(v, n)));
  return table;
}

/**
 * spec/vm-attrs.json's text, probing every name CPython has on any kind and every method name of the
 * VM's tables. `cpython` is spec/cpython-attrs.generated.json's `kinds`.
 */
export function vmAttrsJson(cpython: Readonly<Record<string, readonly string[]>>): string {
  const candidates = new Set([...Object.values(cpython).flat(), ...vmMethodNames()]);
  const doc = { generated: 'by npm run gen:attrs from the VM (reference/src/runtime/attrnames.ts); do not edit by hand', kinds: vmAttributeTable(candidates) };
  return `${JSON.stringify(doc, null, 1)}\n`;
}
