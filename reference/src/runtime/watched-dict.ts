/**
 * A namespace mapping (the globals) that tells a watcher before it changes: CPython's dict
 * watchers (`PyDict_Watch`, `_PyDict_NotifyEvent`). Every path that mutates the namespace — any
 * instruction, builtin or host call — goes through set / delete / clear, so executors that depend
 * on it are invalidated however it changes. Storing the value already bound under a key is no
 * change (CPython's `insertdict` notifies only when the old value is not the new one).
 * @spec #dependency-globals
 */
export class WatchedDict<K, V> extends Map<K, V> {
  /** Called with this mapping before each change; set after construction (Map's constructor calls set). */
  watcher: ((dict: WatchedDict<K, V>) => void) | null = null;

  override set(key: K, value: V): this {
    if (this.watcher !== null && (super.get(key) !== value || !super.has(key))) this.watcher(this);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (this.watcher !== null && super.has(key)) this.watcher(this);
    return super.delete(key);
  }

  override clear(): void {
    if (this.watcher !== null && this.size > 0) this.watcher(this);
    super.clear();
  }
}
