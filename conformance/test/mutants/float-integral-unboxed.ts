/**
 * Mutant: a float result with an integral value is kept as an int.
 *
 * Derived from `superblock`. The fast path for `+ - *` with a float operand computes the double
 * and, to keep values unboxed, stores it as a small int whenever it is a whole number — the
 * representation confusion of a JIT that tags "integral doubles" as ints. Python's type follows
 * the operands: `1.5 + 1.5` is `3.0`, `2 * 0.5` is `1.0`. Subtle because the value is equal
 * (`3 == 3.0`) and arithmetic goes on correctly: only the repr (`3` vs `3.0`), `/` by zero
 * raising a different message, or a type check shows it.
 */
import { PyFloat, python, type Optimizer, type PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'float + - * results that are whole numbers are stored as ints (1.5 + 1.5 is 3)';

const { NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_INPLACE } = python;

const asDouble = (v: PyValue): number | undefined => (v instanceof PyFloat ? v.value : typeof v === 'number' ? v : undefined);

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('float-integral-unboxed', ({ name, arg, run }) => {
    if (name !== 'BINARY_OP') return undefined;
    const op = arg >= NB_INPLACE ? arg - NB_INPLACE : arg;
    if (op !== NB_ADD && op !== NB_SUBTRACT && op !== NB_MULTIPLY) return undefined;
    return (vm, f) => {
      const s = f.stack;
      const b = s[s.length - 1] as PyValue;
      const a = s[s.length - 2] as PyValue;
      const x = asDouble(a);
      const y = asDouble(b);
      if (x === undefined || y === undefined || !(a instanceof PyFloat || b instanceof PyFloat)) return run(vm, f);
      const r = op === NB_ADD ? x + y : op === NB_SUBTRACT ? x - y : x * y;
      s.pop();
      s[s.length - 1] = Number.isSafeInteger(r) && !Object.is(r, -0) ? r : new PyFloat(r);
    };
  });
}
