/** The Python runtime: values, types, operators, builtins. Everything the interpreter calls. */
export * from './values';
export * from './types';
export * from './exceptions';
export * from './intops';
export * from './floatops';
export { floatRepr, doubleToString, type FloatFlags } from './floatrepr';
export * from './binary';
export * from './compare';
export * from './unary';
export * from './dict';
export { dictUpdate } from './dictupdate';
export * from './rangeops';
export { sliceIndices, sliceIndicesLong } from './sliceops';
export * from './subscript';
export * from './iter';
export * from './contains';
export * from './repr';
export * from './attrs';
export * from './call';
export * from './builtins';
export { floatToInt } from './constructors';
export { strLen, strCompare, codePoints } from './strings';
export { PyCell } from './cell';
export { PySet, PySetIterator, setElements } from './setobject';

/*
 * The interpreter calls these on every instruction. CommonJS `export *` bindings are shared getters
 * that V8 handles badly (a call through one measured about 7x slower than a direct call), so the
 * hot functions are re-exported as plain data properties; they shadow the `export *` names above.
 * This exports object still has too many properties to stay in V8's fast mode: hot loops should
 * import from the defining module (e.g. './binary'), which is about 2.5x faster again.
 */
import * as binary from './binary';
import * as compare from './compare';
import * as unary from './unary';
import * as subscript from './subscript';
import * as iter from './iter';
import * as contains_ from './contains';
import * as attrs from './attrs';
import * as call from './call';
import * as dict from './dict';
import * as exceptions from './exceptions';
import * as repr_ from './repr';
import * as format from './format';

export const binaryOp = binary.binaryOp;
export const compareOp = compare.compareOp;
export const pyEquals = compare.pyEquals;
export const isIdentical = compare.isIdentical;
export const truthy = unary.truthy;
export const negative = unary.negative;
export const invert = unary.invert;
export const positive = unary.positive;
export const getItem = subscript.getItem;
export const setItem = subscript.setItem;
export const delItem = subscript.delItem;
export const getSlice = subscript.getSlice;
export const setSlice = subscript.setSlice;
export const getIter = iter.getIter;
export const iterNext = iter.iterNext;
export const collect = iter.collect;
export const contains = contains_.contains;
export const loadAttr = attrs.loadAttr;
export const loadMethod = attrs.loadMethod;
export const callNative = call.callNative;
export const dictSet = dict.dictSet;
export const dictGet = dict.dictGet;
export const excMatches = exceptions.excMatches;
export const newException = exceptions.newException;
export const repr = repr_.repr;
export const str = repr_.str;
export const formatValue = format.formatValue;
