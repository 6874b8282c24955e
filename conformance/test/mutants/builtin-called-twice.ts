/**
 * Mutant: builtins called twice to profile their result type.
 *
 * Derived from `superblock`. To specialise what follows a call, the executor records the type
 * of every builtin call's result — by calling the builtin once for the profile and then running
 * the `CALL` handler as usual. For pure builtins (`len`, `abs`, `min`) nothing shows; for
 * `print` the text is printed twice, and `xs.append(v)` appends twice. Subtle because most
 * builtins in hot code are pure, and the duplicated effect is a well-formed state (just not one
 * the interpreter ever reaches).
 */
import { PyBuiltin, callNative, python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'calls each builtin once more to profile its result type (print prints twice)';

export function createOptimizer(): Optimizer {
  const profile = new Map<string, Set<string>>();
  return new PatchedSuperblock('builtin-called-twice', ({ name, arg, run }) => {
    if (name !== 'CALL') return undefined;
    return (vm, f) => {
      const s = f.stack;
      const callee = s[s.length - 2 - arg];
      if (callee instanceof PyBuiltin) {
        const self = s[s.length - 1 - arg];
        const args = s.slice(s.length - arg) as PyValue[];
        if (self !== undefined) args.unshift(self);
        const seen = profile.get(callee.name) ?? new Set<string>();
        profile.set(callee.name, seen.add(python.typeName(callNative(callee, args, null, vm))));
      }
      run(vm, f);
    };
  });
}
