/** Slice index arithmetic: CPython's PySlice_Unpack + PySlice_AdjustIndices, and the long form. */
import { asInt, sliceIndex } from './args';
import { raise, typeError } from './exceptions';
import { intAdd, type PyInt } from './intops';
import { ValueError } from './types';
import type { PySlice, PyValue } from './values';

/** CPython clamps slice bounds to ±PY_SSIZE_T_MAX; any bound past the length behaves the same. */
const SSIZE_MAX = 2 ** 63;

function clamp(v: number): number {
  return v > SSIZE_MAX ? SSIZE_MAX : v < -SSIZE_MAX ? -SSIZE_MAX : v;
}

/**
 * [start, stop, step, slicelength] of `s` over a sequence of `length` items.
 * @spec #slicing
 */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  return adjustIndices(s.start, s.stop, s.step, length);
}

/** @spec #slicing */
export function adjustIndices(
  startV: PyValue, stopV: PyValue, stepV: PyValue, length: number,
): [number, number, number, number] {
  let step = 1;
  if (stepV !== null) {
    step = clamp(sliceIndex(stepV));
    if (step === 0) raise(ValueError, 'slice step cannot be zero');
  }
  let start = startV === null ? (step < 0 ? SSIZE_MAX : 0) : clamp(sliceIndex(startV));
  let stop = stopV === null ? (step < 0 ? -SSIZE_MAX : SSIZE_MAX) : clamp(sliceIndex(stopV));
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, n];
}

/** _PySlice_GetLongIndices: exact for lengths beyond 2^53 (ranges). @spec #slicing */
export function sliceIndicesLong(s: PySlice, length: PyInt): [PyInt, PyInt, PyInt] {
  let step: PyInt = 1;
  if (s.step !== null) {
    step = asSliceIndex(s.step);
    if (step === 0) raise(ValueError, 'slice step cannot be zero');
  }
  const negative = step < 0;
  const lower: PyInt = negative ? -1 : 0;
  const upper: PyInt = negative ? intAdd(length, -1) : length;
  const bound = (v: PyValue, dflt: PyInt): PyInt => {
    if (v === null) return dflt;
    let i = asSliceIndex(v);
    if (i < 0) {
      i = intAdd(i, length);
      if (i < lower) i = lower;
    } else if (i > upper) i = upper;
    return i;
  };
  return [bound(s.start, negative ? upper : lower), bound(s.stop, negative ? lower : upper), step];
}

function asSliceIndex(v: PyValue): PyInt {
  const i = asInt(v);
  if (i === undefined) typeError('slice indices must be integers or None or have an __index__ method');
  return i;
}
