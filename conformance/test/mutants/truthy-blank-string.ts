/**
 * Mutant: inline truthiness that treats whitespace-only strings as false.
 *
 * Derived from `superblock`. The inlined truth test for `str` is `s.trim().length > 0`: the
 * author was thinking of "blank" input lines. Python's `bool(' ')` is True — only the empty
 * string is false. Subtle because `''` and ordinary words behave; only a string of spaces,
 * tabs or newlines reaching a branch in hot code shows it.
 */
import { python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = "inline truthiness: whitespace-only strings are false (' ' is True in Python)";

const truth = (v: PyValue): boolean => (typeof v === 'string' ? v.trim().length > 0 : python.truthy(v));

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('truthy-blank-string', ({ name, arg }) => {
    switch (name) {
      case 'TO_BOOL':
        return (_vm, f) => {
          f.stack.push(truth(f.stack.pop() as PyValue));
        };
      case 'POP_JUMP_IF_FALSE':
        return (_vm, f) => {
          if (!truth(f.stack.pop() as PyValue)) f.ip = arg;
        };
      case 'POP_JUMP_IF_TRUE':
        return (_vm, f) => {
          if (truth(f.stack.pop() as PyValue)) f.ip = arg;
        };
      default:
        return undefined;
    }
  });
}
