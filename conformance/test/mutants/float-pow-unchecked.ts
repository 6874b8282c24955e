/**
 * Mutant: float `**` computed with JavaScript's `**` and no error checks.
 *
 * Derived from `superblock`. When either operand of `**` is a float, the fast path pushes the
 * IEEE result of JS `**` (C's `pow()`), which never fails. CPython checks it: a finite result
 * that overflows raises `OverflowError: (34, 'Numerical result out of range')`, `0.0 ** -1` raises
 * ZeroDivisionError, and a negative base with a fractional exponent gives a complex number. The
 * fast path returns inf and nan instead. Subtle because every in-range power — squares, roots,
 * compound interest — is bit-identical; only growth that escapes the double range shows it.
 */
import { PyFloat, python, type Optimizer, type PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'float ** with JS ** (inf and nan instead of OverflowError and ZeroDivisionError)';

const { NB_POWER, NB_INPLACE } = python;

const asDouble = (v: PyValue): number | undefined => (v instanceof PyFloat ? v.value : typeof v === 'number' ? v : undefined);

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('float-pow-unchecked', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP' || (arg !== NB_POWER && arg !== NB_POWER + NB_INPLACE)) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1] as PyValue;
      const a = s[s.length - 2] as PyValue;
      const x = asDouble(a);
      const y = asDouble(b);
      if (x === undefined || y === undefined || !(a instanceof PyFloat || b instanceof PyFloat)) return run(vm, f);
      s.pop();
      s[s.length - 1] = new PyFloat(x ** y);
    };
  });
}
