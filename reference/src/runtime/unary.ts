/** Truth value and the unary operators. */
import { asInt } from './args';
import { typeError } from './exceptions';
import { intInvert, intNeg } from './intops';
import { rangeLength } from './rangeops';
import { PySet } from './setobject';
import { typeName } from './types';
import { PyDict, PyDictView, PyFloat, PyList, PyRange, PyTuple, type PyValue } from './values';

/** bool(v): zero numbers, empty containers and None are false. @spec #truthiness */
export function truthy(v: PyValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'bigint':
      return true; // normalized: a bigint is never 0
    case 'string':
      return v.length > 0;
    default:
      if (v === null) return false;
      if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
      if (v instanceof PyFloat) return v.value !== 0; // nan is true
      if (v instanceof PyDict) return v.entries.size > 0;
      if (v instanceof PySet) return v.used > 0;
      if (v instanceof PyDictView) return v.dict.entries.size > 0;
      if (v instanceof PyRange) return rangeLength(v) !== 0;
      return true;
  }
}

/** -v. @spec #op-UNARY_NEGATIVE */
export function negative(v: PyValue): PyValue {
  const i = asInt(v);
  if (i !== undefined) return intNeg(i);
  if (v instanceof PyFloat) return new PyFloat(-v.value);
  return typeError(`bad operand type for unary -: '${typeName(v)}'`);
}

/** ~v (on bools too: CPython 3.13 only warns). @spec #op-UNARY_INVERT */
export function invert(v: PyValue): PyValue {
  const i = asInt(v);
  if (i !== undefined) return intInvert(i);
  return typeError(`bad operand type for unary ~: '${typeName(v)}'`);
}

/** +v (CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE). +True is 1. @spec #op-CALL_INTRINSIC_1 */
export function positive(v: PyValue): PyValue {
  const i = asInt(v);
  if (i !== undefined) return i;
  if (v instanceof PyFloat) return v;
  return typeError(`bad operand type for unary +: '${typeName(v)}'`);
}
