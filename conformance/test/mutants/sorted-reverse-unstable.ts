/**
 * Mutant: `sorted(..., reverse=True)` as an ascending sort reversed afterwards.
 *
 * Derived from `superblock`. A `CALL_KW` of the builtin `sorted` with `reverse=True` is specialised
 * to sort ascending (with the key, stably) and reverse the result — the textbook shortcut. Python
 * keeps items with equal keys in their original order under `reverse=True` too; reversing after
 * the sort puts them backwards. Subtle because with distinct keys the two agree: only ties (two
 * records with the same score, the same length) show it.
 */
import { PyBuiltin, PyList, PyTuple, callNative, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'sorted(reverse=True) specialised as an ascending sort reversed afterwards (ties come out backwards)';

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('sorted-reverse-unstable', ({ name, arg, run }) => {
    if (name !== 'CALL_KW') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const kwnames = s[s.length - 1];
      const callee = s[s.length - 3 - arg];
      const self = s[s.length - 2 - arg];
      if (!(callee instanceof PyBuiltin) || callee.name !== 'sorted' || self !== undefined || !(kwnames instanceof PyTuple)) {
        return run(vm, f);
      }
      const args = s.slice(s.length - 1 - arg, s.length - 1) as PyValue[];
      const npos = arg - kwnames.items.length;
      const kwargs = new Map<string, PyValue>();
      kwnames.items.forEach((k, i) => kwargs.set(k as string, args[npos + i]!));
      if (kwargs.get('reverse') !== true) return run(vm, f);
      kwargs.delete('reverse');
      const result = callNative(callee, args.slice(0, npos), kwargs.size > 0 ? kwargs : null, vm);
      if (result instanceof PyList) result.items.reverse();
      s.length -= arg + 3;
      s.push(result);
    };
  });
}
