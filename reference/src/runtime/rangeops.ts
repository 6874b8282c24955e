/** range objects: length, indexing, membership and slicing on arbitrary-size ints. */
import { intAdd, intFloorDiv, intMod, intMul, intNeg, intSub, type PyInt } from './intops';
import { sliceIndicesLong } from './sliceops';
import { PyRange, type PySlice } from './values';

/** @spec #builtin-range */
export function rangeLength(r: PyRange): PyInt {
  const { start, stop, step } = r;
  if (step > 0 && start < stop) return intAdd(intFloorDiv(intSub(intSub(stop, start), 1), step), 1);
  if (step < 0 && start > stop) return intAdd(intFloorDiv(intSub(intSub(start, stop), 1), intNeg(step)), 1);
  return 0;
}

/** r[i] for 0 <= i < len(r). @spec #builtin-range */
export function rangeItem(r: PyRange, i: PyInt): PyInt {
  return intAdd(r.start, intMul(i, r.step));
}

/** @spec #builtin-range */
export function rangeContainsInt(r: PyRange, v: PyInt): boolean {
  const { start, stop, step } = r;
  const inBounds = step > 0 ? start <= v && v < stop : stop < v && v <= start;
  return inBounds && intMod(intSub(v, start), step) === 0;
}

/** r[s], with the slice adjusted in arbitrary precision (CPython's compute_slice). @spec #slicing */
export function rangeSlice(r: PyRange, s: PySlice): PyRange {
  const [start, stop, step] = sliceIndicesLong(s, rangeLength(r));
  return new PyRange(rangeItem(r, start), rangeItem(r, stop), intMul(r.step, step));
}
