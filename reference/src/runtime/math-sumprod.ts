/**
 * math.sumprod(p, q), CPython 3.13's algorithm: exact int products summed in a C long while they
 * fit, float (and float × int/bool) products summed in triple-length arithmetic, everything else
 * (and whatever overflows either path) through `*` and `+`, flushing each path's total into the
 * running total in CPython's order.
 * @spec #math-cpython-own
 */
import { binaryOp, NB_ADD, NB_MULTIPLY } from './binary';
import { raise } from './exceptions';
import { getIter, iterNext } from './iter';
import { fma } from './math-cpython';
import { normBig } from './intops';
import { ValueError } from './types';
import { PyFloat, type Host, type PyValue } from './values';

interface DoubleLength {
  hi: number;
  lo: number;
}
interface TripleLength {
  hi: number;
  lo: number;
  tiny: number;
}

/** Error-free transformation of a sum. */
function dlSum(a: number, b: number): DoubleLength {
  const x = a + b;
  const z = x - a;
  return { hi: x, lo: a - (x - z) + (b - z) };
}

/** Error-free transformation of a product (with an exact fma, as CPython's build uses). */
function dlMul(x: number, y: number): DoubleLength {
  const z = x * y;
  return { hi: z, lo: fma(x, y, -z) };
}

function tlFma(x: number, y: number, total: TripleLength): TripleLength {
  const pr = dlMul(x, y);
  const sm = dlSum(total.hi, pr.hi);
  const r1 = dlSum(total.lo, pr.lo);
  const r2 = dlSum(r1.hi, sm.lo);
  return { hi: sm.hi, lo: r2.hi, tiny: total.tiny + r1.lo + r2.lo };
}

function tlToDouble(total: TripleLength): number {
  const last = dlSum(total.lo, total.hi);
  return total.tiny + last.lo + last.hi;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const isExactInt = (v: PyValue | undefined): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
const fitsLong = (v: bigint): boolean => v >= LONG_MIN && v <= LONG_MAX;

/** PyLong_AsDouble for an int or bool, or undefined where it would raise OverflowError. */
function intAsDouble(v: number | bigint | boolean): number | undefined {
  if (typeof v === 'boolean') return v ? 1 : 0;
  const f = Number(v);
  return Number.isFinite(f) ? f : undefined;
}

/** The pair as two doubles if the float path takes it: float × float, or a float with an int or bool. */
function floatPair(p: PyValue, q: PyValue): [number, number] | undefined {
  const pf = p instanceof PyFloat;
  const qf = q instanceof PyFloat;
  if (pf && qf) return [p.value, q.value];
  if (pf && (isExactInt(q) || typeof q === 'boolean')) {
    const d = intAsDouble(q);
    return d === undefined ? undefined : [p.value, d];
  }
  if (qf && (isExactInt(p) || typeof p === 'boolean')) {
    const d = intAsDouble(p);
    return d === undefined ? undefined : [d, q.value];
  }
  return undefined;
}

export function sumprod(p: PyValue, q: PyValue, host: Host): PyValue {
  const pIt = getIter(p);
  const qIt = getIter(q);
  let total: PyValue = 0;
  let intPath = true;
  let intTotal = 0n;
  let intInUse = false;
  let fltPath = true;
  let fltTotal: TripleLength = { hi: 0, lo: 0, tiny: 0 };
  let fltInUse = false;
  for (;;) {
    const pi = iterNext(pIt, host);
    const qi = iterNext(qIt, host);
    if ((pi === undefined) !== (qi === undefined)) raise(ValueError, 'Inputs are not the same length');
    const finished = pi === undefined;
    if (intPath) {
      if (!finished && isExactInt(pi) && isExactInt(qi)) {
        const a = BigInt(pi);
        const b = BigInt(qi);
        const prod = a * b;
        const sum = intTotal + prod;
        if (fitsLong(a) && fitsLong(b) && fitsLong(prod) && fitsLong(sum)) {
          intTotal = sum;
          intInUse = true;
          continue;
        }
      }
      intPath = false;
      if (intInUse) {
        total = binaryOp(NB_ADD, total, normBig(intTotal), host);
        intTotal = 0n;
        intInUse = false;
      }
    }
    if (fltPath) {
      if (!finished) {
        const pair = floatPair(pi!, qi!);
        if (pair) {
          const sum = tlFma(pair[0], pair[1], fltTotal);
          if (Number.isFinite(sum.hi)) {
            fltTotal = sum;
            fltInUse = true;
            continue;
          }
        }
      }
      fltPath = false;
      if (fltInUse) {
        total = binaryOp(NB_ADD, total, new PyFloat(tlToDouble(fltTotal)), host);
        fltTotal = { hi: 0, lo: 0, tiny: 0 };
        fltInUse = false;
      }
    }
    if (finished) return total;
    total = binaryOp(NB_ADD, total, binaryOp(NB_MULTIPLY, pi!, qi!, host), host);
  }
}
