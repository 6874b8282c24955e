/**
 * Mutant: a default argument evaluated per call.
 *
 * Derived from `superblock`. At a function's entry (`RESUME 0`, a FUNCTION_ENTRY hotspot) the
 * executor "materializes" the defaults the call left in place: a parameter that still holds its
 * default list or dict (positional default or keyword-only default) gets a fresh copy, as if
 * `def f(x, acc=[])` evaluated `[]` on every call. CPython evaluates defaults once, when the def
 * runs, and every call shares the object. Subtle because a default that is only read gives the
 * same results; only a call that mutates it (a memo, an accumulator) shows that the next call no
 * longer sees the change, and a state comparison with identity sees at once that the local is not
 * the function's default object.
 */
import { python, type Optimizer, type PyValue, type RuleId } from '../../../index';
import { PatchedSuperblock } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'At function entry a parameter bound to its mutable default gets a fresh copy (defaults evaluated per call)';

function fresh(v: PyValue): PyValue {
  if (v instanceof python.PyList) return new python.PyList(v.items.slice());
  if (v instanceof python.PyDict) return python.dictCopy(v);
  return v;
}

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('default-per-call', ({ name, arg, run }) => {
    if (name !== 'RESUME' || arg !== 0) return undefined;
    return (vm, f) => {
      const func = f.func;
      if (func !== null) {
        const argc = f.code.argcount;
        const defaults = func.defaults ? func.defaults.items : [];
        for (let i = 0; i < defaults.length; i++) {
          const at = argc - defaults.length + i;
          if (f.locals[at] === defaults[i]) f.locals[at] = fresh(defaults[i]!);
        }
        const kwonly = f.code.kwonlyargcount ?? 0;
        for (let i = argc; i < argc + kwonly && func.kwdefaults; i++) {
          const d = python.dictGet(func.kwdefaults, f.code.varnames[i]!);
          if (d !== undefined && f.locals[i] === d) f.locals[i] = fresh(d);
        }
      }
      run(vm, f);
    };
  });
}
