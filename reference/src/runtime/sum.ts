/**
 * sum(iterable, /, start=0), following CPython 3.13's fast paths exactly: an int loop while the
 * running total fits a C long, then a float loop with Neumaier compensated summation (so
 * sum([0.1] * 10) == 1.0), then plain `+`.
 * @spec #builtin-sum
 */
import { asInt, checkKeywords, hasKw } from './args';
import { binaryOp, NB_ADD } from './binary';
import { typeError } from './exceptions';
import { getIter, iterNext } from './iter';
import { intAdd, type PyInt } from './intops';
import { PyFloat, type NativeImpl, type PyValue } from './values';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

const fitsLong = (i: PyInt): boolean => typeof i === 'number' || (i >= LONG_MIN && i <= LONG_MAX);

/** @spec #builtin-sum */
export const sum: NativeImpl = (args, kwargs, host) => {
  const nkw = hasKw(kwargs) ? kwargs.size : 0;
  if (args.length + nkw > 2) typeError(`sum() takes at most 2 arguments (${args.length + nkw} given)`);
  if (args.length < 1) typeError(`sum() takes at least 1 positional argument (${args.length} given)`);
  checkKeywords('sum', kwargs, ['start']);
  let result: PyValue = args.length > 1 ? args[1]! : kwargs?.has('start') ? kwargs.get('start')! : 0;
  const it = getIter(args[0]!); // before the start check, as CPython
  if (typeof result === 'string') typeError("sum() can't sum strings [use ''.join(seq) instead]");
  const next = (): PyValue | undefined => iterNext(it, host);

  if ((typeof result === 'number' || typeof result === 'bigint') && fitsLong(result)) {
    let total: PyInt = result;
    for (;;) {
      const item = next();
      if (item === undefined) return total;
      const b = asInt(item);
      if (b !== undefined && fitsLong(b)) {
        const t = intAdd(total, b);
        if (fitsLong(t)) {
          total = t;
          continue;
        }
      }
      result = binaryOp(NB_ADD, total, item, host);
      break;
    }
  }

  if (result instanceof PyFloat) {
    let f = result.value;
    let c = 0;
    for (;;) {
      const item = next();
      if (item === undefined) {
        // Keep the sign of a negative zero, and don't turn inf/overflow into nan.
        if (c !== 0 && Number.isFinite(c)) f += c;
        return new PyFloat(f);
      }
      if (item instanceof PyFloat) {
        const x = item.value;
        const t = f + x;
        if (Math.abs(f) >= Math.abs(x)) c += f - t + x;
        else c += x - t + f;
        f = t;
        continue;
      }
      const b = asInt(item);
      if (b !== undefined && fitsLong(b)) {
        f += typeof b === 'number' ? b : Number(b);
        continue;
      }
      if (c !== 0 && Number.isFinite(c)) f += c;
      result = binaryOp(NB_ADD, new PyFloat(f), item, host);
      break;
    }
  }

  for (let item = next(); item !== undefined; item = next()) result = binaryOp(NB_ADD, result, item, host);
  return result;
};
