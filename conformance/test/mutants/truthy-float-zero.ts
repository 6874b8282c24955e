/**
 * Mutant: inline truthiness that treats every float as true.
 *
 * Derived from `superblock`. The branches (`TO_BOOL`, `POP_JUMP_IF_FALSE/TRUE`) get an inlined
 * truth test for the common types — bool, int, str, None, list, tuple, dict — and treat every
 * other object as true, as CPython does for objects without `__bool__` or `__len__`. But float
 * is not such an object: `0.0` and `-0.0` are false. Subtle because loops rarely branch on a
 * float that is exactly zero; `if x:` on a float accumulator that reaches 0.0 is the trigger.
 */
import { PyDict, PyList, PyTuple, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'inline truthiness: every float is true (0.0 too)';

function fastTruthy(v: PyValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'bigint':
      return true;
    case 'string':
      return v.length > 0;
  }
  if (v === null) return false;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.entries.size > 0;
  return true;
}

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('truthy-float-zero', ({ name, arg }) => {
    switch (name) {
      case 'TO_BOOL':
        return (_vm, f) => {
          f.stack.push(fastTruthy(f.stack.pop() as PyValue));
        };
      case 'POP_JUMP_IF_FALSE':
        return (_vm, f) => {
          if (!fastTruthy(f.stack.pop() as PyValue)) f.ip = arg;
        };
      case 'POP_JUMP_IF_TRUE':
        return (_vm, f) => {
          if (fastTruthy(f.stack.pop() as PyValue)) f.ip = arg;
        };
      default:
        return undefined;
    }
  });
}
