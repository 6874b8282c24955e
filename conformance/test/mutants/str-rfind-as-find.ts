/**
 * Mutant: `str.rfind` specialised as `str.find`.
 *
 * Derived from `superblock`. A `CALL` of a str search method with a str receiver is specialised to
 * a direct call of the search, and the table that maps method names to searches sends `rfind` to
 * the forward search. Where the substring occurs once (or not at all) the index is right; only a
 * receiver holding it twice gives the first occurrence instead of the last. Subtle because a
 * program that parses `key=value` or file names with one dot never sees it.
 */
import { PyBuiltin, callNative, python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = "a CALL of str.rfind specialised to the forward search (the first occurrence, not the last)";

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('str-rfind-as-find', ({ name, arg, run }) => {
    if (name !== 'CALL') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const callee = s[s.length - 2 - arg];
      const self = s[s.length - 1 - arg];
      if (!(callee instanceof PyBuiltin) || callee.name !== 'rfind' || typeof self !== 'string') return run(vm, f);
      const search = python.loadMethod(self, 'find');
      if (!('method' in search)) return run(vm, f);
      const args = s.slice(s.length - arg) as PyValue[];
      const result = callNative(search.method, [self, ...args], null, vm);
      s.length -= arg + 2;
      s.push(result);
    };
  });
}
