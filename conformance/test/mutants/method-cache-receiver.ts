/**
 * Mutant: a `LOAD_ATTR` method cache that keeps the receiver.
 *
 * Derived from `superblock`. A method load (`xs.append`, `d.get`) is cached per instruction and
 * guarded by the receiver's type, as CPython's `LOAD_ATTR_METHOD_*` specialisations are. The
 * lookup result is a (method, self) pair, and the cache keeps both: while the guard holds it
 * pushes the cached `self` — the object the method was first loaded from — instead of the object
 * now on the stack. When the variable is rebound to another object of the same type (a new chunk
 * `chunk = []`, the next row), the calls go to the old object. Subtle because most loops call
 * methods on one object for their whole run.
 */
import { python, type Optimizer, type PyValue } from '../../../index';
import { PatchedSuperblock, type RuleId } from './lib/derive';

export const rule: RuleId = 'advance-n';
export const summary = 'LOAD_ATTR method cache guarded by type keeps the first receiver (rebound variables call the old object)';

const typeOf = (v: PyValue): string => (v !== null && typeof v === 'object' ? v.kind : typeof v);

export function createOptimizer(): Optimizer {
  return new PatchedSuperblock('method-cache-receiver', ({ code, name, arg, run }) => {
    if (name !== 'LOAD_ATTR' || (arg & 1) === 0) return undefined;
    const attr = code.names[arg >> 1]!;
    let cache: { type: string; method: PyValue; self: PyValue } | null = null;
    return (vm, f) => {
      const s = f.stack;
      const owner = s[s.length - 1] as PyValue;
      if (cache === null || cache.type !== typeOf(owner)) {
        const m = python.loadMethod(owner, attr);
        if (!('method' in m)) return run(vm, f);
        cache = { type: typeOf(owner), method: m.method, self: m.self };
      }
      s[s.length - 1] = cache.method;
      s.push(cache.self);
    };
  });
}
