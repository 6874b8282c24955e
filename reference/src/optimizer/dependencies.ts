/**
 * Executor dependencies (CPython 3.13: `_Py_ExecutorInit`'s dependency set, `_Py_Executor_DependsOn`,
 * `vm_data.valid`). An executor declares the objects it relies on; a change to one of them
 * invalidates it for good. The set is exact (CPython's is a bloom filter, which may also invalidate
 * executors that did not depend on the object).
 * @spec #executor-dependencies
 */
import type { Executor } from './api';

export class ExecutorDependencies {
  private readonly dependsOn = new Map<Executor, Set<object>>();
  private readonly invalid = new WeakSet<Executor>();
  /** Executors invalidated so far: while none is, validity needs no lookup (a jit asks after every generic path). */
  private invalidated = 0;
  /** Every object some valid executor depends on: a change to anything else costs one lookup. */
  private readonly watched = new Map<object, number>();

  /** Record that `executor` depends on `dependency`. A no-op once it is invalid. */
  add(executor: Executor, dependency: object): void {
    if (this.invalid.has(executor)) return;
    let set = this.dependsOn.get(executor);
    if (!set) this.dependsOn.set(executor, (set = new Set()));
    if (set.has(dependency)) return;
    set.add(dependency);
    this.watched.set(dependency, (this.watched.get(dependency) ?? 0) + 1);
  }

  isWatched(o: object): boolean {
    return this.watched.has(o);
  }

  dependsOnObject(executor: Executor, o: object): boolean {
    return this.dependsOn.get(executor)?.has(o) ?? false;
  }

  isValid(executor: Executor): boolean {
    return this.invalidated === 0 || !this.invalid.has(executor);
  }

  /** Mark `executor` invalid for good and forget what it depended on. */
  invalidate(executor: Executor): void {
    this.invalid.add(executor);
    this.invalidated++;
    const set = this.dependsOn.get(executor);
    if (!set) return;
    this.dependsOn.delete(executor);
    for (const o of set) {
      const n = this.watched.get(o)! - 1;
      if (n === 0) this.watched.delete(o);
      else this.watched.set(o, n);
    }
  }

  /** Executors with a dependency on `o` (installed or not). */
  dependents(o: object): Executor[] {
    const out: Executor[] = [];
    for (const [e, set] of this.dependsOn) if (set.has(o)) out.push(e);
    return out;
  }

  /** Every executor that declared a dependency and is still valid. */
  all(): Executor[] {
    return [...this.dependsOn.keys()];
  }
}
